// The map of the Union: the republics' capitals, where the first man (and anyone else away) is now,
// the journeys made so far and the trips open to the player, and the Central Committee by how far
// its members live from Moscow (which decides who reaches a snap plenum in time). Lists beside it
// say the same for the keyboard and screen readers.
import type { CcRowEstimate, JourneyView, PrincipalView, SeatView } from "../../server/api-types.js";
import { longDate, surname } from "../format.js";
import { capitals, MAP, MAP_HEIGHT, outlinePath, placeOf, project, type Place } from "./geography.js";
import { journeyOffer } from "./Desk.js";
import { END_RADIUS, endLabel, PLACE_NAME_SIZE, tripLine } from "./trip-line.js";

const MOSCOW = project(37.6, 55.75);
/** The ring round the first man where he is. */
const LEADER_RING = 14;

/** A line from Moscow: a journey made (solid) or a trip open to the player (dashed). */
interface Trip {
  key: string;
  place: Place;
  colour: string;
  width: number;
  dashed: boolean;
}

export function UnionMap({ principals, journeys, offers, leader, seat, ccRows, labels, today }: { principals: readonly PrincipalView[]; journeys: readonly JourneyView[]; offers: SeatView["tripOffers"]; leader: string | null; seat: string; ccRows: readonly CcRowEstimate[]; labels: Record<string, string>; today: string }) {
  const away = principals.filter((p) => p.away && p.alive && !p.fate);
  const leaderP = principals.find((p) => p.id === leader) ?? null;
  const leaderPlace = leaderP?.away ? placeOf(leaderP.away) : null;
  const leaderAt = leaderPlace ? project(leaderPlace.lon, leaderPlace.lat) : MOSCOW;
  const near = ccRows.reduce((s, r) => s + r.near, 0);
  const mid = ccRows.reduce((s, r) => s + r.mid, 0);
  const far = ccRows.reduce((s, r) => s + r.far, 0);
  const [nearRx, nearRy] = [project(37.6 + 12, 55.75)[0] - MOSCOW[0], MOSCOW[1] - project(37.6, 55.75 + 6)[1]];
  const [midRx, midRy] = [project(37.6 + 32, 55.75)[0] - MOSCOW[0], MOSCOW[1] - project(37.6, 55.75 + 16)[1]];
  const name = (id: string) => principals.find((p) => p.id === id)?.name ?? id;
  const trips: Trip[] = [
    ...journeys.map((j, i) => ({ key: `j${i}`, place: placeOf(j.place), colour: j.who === leader ? "#b3261e" : j.who === seat ? "#1b1b1b" : "#6b6b6b", width: j.back === null ? 3 : 1.6, dashed: false })),
    ...offers.map((t) => ({ key: `o${t.id}`, place: placeOf(t.place), colour: "#1a4d8f", width: 2, dashed: true })),
  ].filter((t): t is Trip => t.place !== null);
  // Each line ends at a marker of its place, one per place (several trips may go to one), named
  // there unless it is a capital (named already).
  const ends = trips.filter((t, i) => trips.findIndex((u) => u.place.name === t.place.name) === i);
  return (
    <section class="panel union-map" aria-labelledby="map-title">
      <h2 id="map-title">The Union</h2>
      <p class="muted">
        The first man is {leaderP ? (leaderP.away ? `away: ${leaderP.away}` : "in Moscow") : "nobody"}. Rings around Moscow mark the Central Committee's members by distance: {near} live near
        Moscow, {mid} a day or two away, {far} far off. Lines are journeys made (red: the first man's; black: yours); dashed lines, trips open to you.
      </p>
      <div class="picture-scroll" role="region" aria-label="Map of the Union (the lists below say the same)" tabIndex={0}>
        <svg class="map-picture" viewBox={`0 0 ${MAP.width} ${MAP_HEIGHT}`} role="img" aria-labelledby="map-picture-title">
          <title id="map-picture-title">
            Map of the Soviet Union. {leaderP ? `${leaderP.name} is ${leaderP.away ? `away: ${leaderP.away}` : "in Moscow"}.` : ""} {journeys.length} journeys so far.
          </title>
          <rect width={MAP.width} height={MAP_HEIGHT} fill="#dfe8ee" />
          <path d={outlinePath()} fill="#efe2c4" stroke="#7a6a4a" stroke-width="1.5" />
          <ellipse cx={MOSCOW[0]} cy={MOSCOW[1]} rx={midRx} ry={midRy} fill="none" stroke="#8a7a5c" stroke-dasharray="3 5" />
          <ellipse cx={MOSCOW[0]} cy={MOSCOW[1]} rx={nearRx} ry={nearRy} fill="#b3261e" opacity="0.08" stroke="#8a7a5c" stroke-dasharray="3 5" />
          {capitals.map((c) => {
            const [x, y] = project(c.lon, c.lat);
            return (
              <g key={c.name}>
                <circle cx={x} cy={y} r="3.5" fill="#4f4f4f" />
                {c.name !== "Moscow" ? (
                  <text x={x + 5} y={y - 4} font-size="11" font-family="system-ui, sans-serif" fill="#3b3b3b">
                    {c.name}
                  </text>
                ) : null}
              </g>
            );
          })}
          {trips.map((t) => (
            <path key={t.key} d={tripLine(MOSCOW, project(t.place.lon, t.place.lat))} fill="none" stroke={t.colour} stroke-width={t.width} stroke-dasharray={t.dashed ? "7 5" : undefined} opacity={t.dashed ? undefined : "0.75"} />
          ))}
          {ends.map((t) => {
            const at = project(t.place.lon, t.place.lat);
            const label = endLabel(at, t.place, MOSCOW, leaderPlace?.name === t.place.name ? LEADER_RING : null);
            return (
              <g key={`end-${t.place.name}`} class="trip-end">
                <circle cx={at[0]} cy={at[1]} r={END_RADIUS} fill="#fbfaf6" stroke={t.colour} stroke-width="2" />
                {capitals.some((c) => c.name === t.place.name) ? null : (
                  <text x={label.x} y={label.y} text-anchor={label.anchor} font-size={PLACE_NAME_SIZE} font-style="italic" font-family="system-ui, sans-serif" fill={t.colour}>
                    {t.place.name}
                  </text>
                )}
              </g>
            );
          })}
          {away.map((p) => {
            const place = placeOf(p.away!);
            if (!place || p.id === leader) return null;
            const [x, y] = project(place.lon, place.lat);
            return (
              <g key={`a${p.id}`}>
                <circle cx={x} cy={y} r="6" fill="#1a4d8f" />
                <text x={x + 8} y={y + 14} font-size="12" font-family="system-ui, sans-serif" fill="#1a4d8f">
                  {surname(p.name)}
                </text>
              </g>
            );
          })}
          <polygon points={star(MOSCOW[0], MOSCOW[1], 11, 4.5)} fill="#b3261e" stroke="#7a1616" />
          <text x={MOSCOW[0] - 14} y={MOSCOW[1] + 22} font-size="13" font-weight="700" font-family="system-ui, sans-serif" fill="#1b1b1b">
            Moscow
          </text>
          {leaderP ? (
            <g>
              <circle cx={leaderAt[0]} cy={leaderAt[1]} r={LEADER_RING} fill="none" stroke="#b3261e" stroke-width="3" />
              <text x={leaderAt[0] + 16} y={leaderAt[1] - 10} font-size="13" font-weight="700" font-family="system-ui, sans-serif" fill="#b3261e">
                {surname(leaderP.name)}
              </text>
            </g>
          ) : null}
        </svg>
      </div>
      <div class="map-lists">
        <section aria-labelledby="whereabouts-title">
          <h3 id="whereabouts-title">Where the leadership is</h3>
          <ul>
            {leaderP ? <li>{leaderP.name}, first man: {leaderP.away ? `away, ${leaderP.away}` : "in Moscow"}.</li> : <li>Nobody stands first.</li>}
            {away.filter((p) => p.id !== leader).map((p) => (
              <li key={p.id}>
                {p.name}: away, {p.away}.
              </li>
            ))}
            {away.filter((p) => p.id !== leader).length === 0 ? <li>Everyone else is in Moscow.</li> : null}
          </ul>
        </section>
        <section aria-labelledby="journeys-title">
          <h3 id="journeys-title">Journeys so far</h3>
          {journeys.length ? (
            <ul>
              {journeys.map((j, i) => (
                <li key={i}>
                  {name(j.who)} to {j.place}: left {longDate(j.left)}, {j.back ? `back ${longDate(j.back)}` : "still away"}.
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Nobody has travelled yet.</p>
          )}
        </section>
        <section aria-labelledby="offers-title">
          <h3 id="offers-title">Trips open to you</h3>
          {offers.length ? (
            <ul>
              {offers.map((t) => (
                <li key={t.id}>
                  {t.place}: {journeyOffer(t, today)} {t.note}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">No journey is open to you now.</p>
          )}
        </section>
        <section aria-labelledby="distance-title">
          <h3 id="distance-title">The Central Committee by distance from Moscow</h3>
          <div class="table-scroll" role="region" aria-label="Central Committee by distance" tabIndex={0}>
            <table class="responsive">
              <thead>
                <tr>
                  <th scope="col">Constituency</th>
                  <th scope="col">Near</th>
                  <th scope="col">A day or two</th>
                  <th scope="col">Far</th>
                </tr>
              </thead>
              <tbody>
                {ccRows.filter((r) => r.voting > 0).map((r) => (
                  <tr key={r.constituency}>
                    <th scope="row" data-label="Constituency">
                      {labels[r.constituency] ?? r.constituency}
                    </th>
                    <td data-label="Near">{r.near}</td>
                    <td data-label="A day or two">{r.mid}</td>
                    <td data-label="Far">{r.far}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </section>
  );
}

function star(cx: number, cy: number, outer: number, inner: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`);
  }
  return points.join(" ");
}
