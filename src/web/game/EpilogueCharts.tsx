// The epilogue's charts, on one time axis: who was first, FEAR, and the share of the voting Central
// Committee held by the first man's clients (the engine's trends.ts; each series holds its value until
// its next point). The picture has a text summary, and the tables below it give the same figures.
import type { PublicOutcome } from "../../server/api-types.js";
import { longDate, percent, surname, type Names } from "../format.js";
import { day, PrimacyBand } from "./Timeline.js";

const WIDTH = 1000;
const LEFT = 130;
/** Top and height of each of the two line charts. */
const FEAR_TOP = 80;
const SHARE_TOP = 210;
const HEIGHT = 90;

type Trends = PublicOutcome["trends"];

/** A stepped line through the points (a value holds until the next point); a null value breaks it. */
function stepPath(points: Trends["leaderShare"], x: (iso: string) => number, y: (v: number) => number): string {
  let d = "";
  let open = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      open = false;
      return;
    }
    const next = points[i + 1];
    d += `${open ? "V" : `M${x(p.date).toFixed(1)} `}${y(p.value).toFixed(1)}`;
    if (next) d += `H${x(next.date).toFixed(1)}`;
    open = true;
  });
  return d;
}

function extremes(points: readonly { date: string; value: number | null }[]): { low: { date: string; value: number }; high: { date: string; value: number } } | null {
  const known = points.filter((p): p is { date: string; value: number } => p.value !== null);
  if (!known.length) return null;
  return { low: known.reduce((a, b) => (b.value < a.value ? b : a)), high: known.reduce((a, b) => (b.value > a.value ? b : a)) };
}

export function EpilogueCharts({ trends, start, end, names }: { trends: Trends; start: string; end: string; names: Names }) {
  const t0 = day(start);
  const t1 = Math.max(day(end), t0 + 1);
  const x = (iso: string) => LEFT + ((WIDTH - LEFT - 10) * (Math.min(t1, Math.max(t0, day(iso))) - t0)) / (t1 - t0);
  const name = (id: string | null) => (id === null ? "nobody" : surname(names(id)));
  const firstOn = (date: string) => trends.primacy.filter((p) => p.from <= date).at(-1)?.who ?? null;
  const years: string[] = [];
  for (let y = Number(start.slice(0, 4)) + 1; y <= Number(end.slice(0, 4)); y++) years.push(`${y}-01-01`);
  const fear = extremes(trends.fear);
  const share = extremes(trends.leaderShare);
  const lastFear = trends.fear[trends.fear.length - 1];
  const lastShare = trends.leaderShare[trends.leaderShare.length - 1];
  const charts = [
    { label: ["FEAR"], top: FEAR_TOP, points: trends.fear, colour: "#b3261e" },
    { label: ["First man's", "clients in", "the CC"], top: SHARE_TOP, points: trends.leaderShare, colour: "#1a4d8f" },
  ];
  return (
    <section class="epilogue-charts" aria-labelledby="epilogue-charts-title">
      <h3 id="epilogue-charts-title">The run in charts</h3>
      <div class="picture-scroll" role="region" aria-label="Charts of the run (the tables below give the same figures)" tabIndex={0}>
        <svg class="timeline-picture" viewBox={`0 0 ${WIDTH} ${SHARE_TOP + HEIGHT + 10}`} role="img" aria-labelledby="epilogue-charts-picture-title">
          <title id="epilogue-charts-picture-title">
            From {longDate(start)} to {longDate(end)}. First: {trends.primacy.map((p) => `${name(p.who)} from ${longDate(p.from)}`).join("; ")}.
            {fear && lastFear ? ` FEAR ended at ${percent(lastFear.value)}, highest ${percent(fear.high.value)} on ${longDate(fear.high.date)}, lowest ${percent(fear.low.value)} on ${longDate(fear.low.date)}.` : ""}
            {share && lastShare ? ` The first man's clients held ${lastShare.value === null ? "nothing, nobody being first," : percent(lastShare.value)} of the voting Central Committee at the end, at most ${percent(share.high.value)} (${longDate(share.high.date)}).` : ""}
          </title>
          {years.map((y) => (
            <g key={y}>
              <line x1={x(y)} x2={x(y)} y1="20" y2={SHARE_TOP + HEIGHT} stroke="#d8d0bf" />
              <text x={x(y) + 3} y="16" font-size="12" font-family="system-ui, sans-serif" fill="#4f4f4f">
                {y.slice(0, 4)}
              </text>
            </g>
          ))}
          <text x="4" y="44" font-size="12" font-family="system-ui, sans-serif" fill="#1b1b1b">
            First man
          </text>
          <PrimacyBand spans={trends.primacy} x={x} y={30} name={name} />
          {charts.map((c) => {
            const y = (v: number) => c.top + HEIGHT * (1 - v);
            return (
              <g key={c.top}>
                <text x="4" y={c.top + 24} font-size="12" font-family="system-ui, sans-serif" fill="#1b1b1b">
                  {c.label.map((line, i) => (
                    <tspan key={line} x="4" dy={i ? 15 : 0}>
                      {line}
                    </tspan>
                  ))}
                </text>
                {[1, 0.5, 0].map((v) => (
                  <g key={v}>
                    <line x1={LEFT} x2={WIDTH - 10} y1={y(v)} y2={y(v)} stroke={v === 0 ? "#4f4f4f" : "#d8d0bf"} />
                    <text x={LEFT - 6} y={y(v) + 4} font-size="11" text-anchor="end" font-family="system-ui, sans-serif" fill="#4f4f4f">
                      {v * 100}%
                    </text>
                  </g>
                ))}
                <path d={stepPath(c.points, x, y)} fill="none" stroke={c.colour} stroke-width="2.5" />
              </g>
            );
          })}
        </svg>
      </div>
      <details class="chart-figures">
        <summary>The charts' figures, as tables</summary>
        <div class="table-scroll" role="region" aria-label="Who was first" tabIndex={0}>
          <table>
            <caption>Who was first</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">First man</th>
              </tr>
            </thead>
            <tbody>
              {trends.primacy.map((p) => (
                <tr key={p.from}>
                  <td>{longDate(p.from)}</td>
                  <td>{longDate(p.to)}</td>
                  <td>{p.who === null ? "Nobody" : names(p.who)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="table-scroll" role="region" aria-label="FEAR" tabIndex={0}>
          <table>
            <caption>FEAR, from each date on</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">FEAR</th>
              </tr>
            </thead>
            <tbody>
              {trends.fear.map((p) => (
                <tr key={p.date}>
                  <td>{longDate(p.date)}</td>
                  <td>{percent(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="table-scroll" role="region" aria-label="The first man's clients' share of the Central Committee" tabIndex={0}>
          <table>
            <caption>The first man's clients' share of the voting Central Committee, from each date on</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Share</th>
                <th scope="col">First man</th>
              </tr>
            </thead>
            <tbody>
              {trends.leaderShare.map((p) => {
                const who = firstOn(p.date);
                return (
                  <tr key={p.date}>
                    <td>{longDate(p.date)}</td>
                    <td>{p.value === null ? "none" : percent(p.value)}</td>
                    <td>{who === null ? "Nobody" : names(who)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
