// Who is whose man: patrons and clients among the leadership, and each patron's clients among the
// voting members of the Central Committee by constituency (the circular flow of power: the men a
// patron put in the job slots elect the CC that decides contests). The table says what the picture
// shows.
import type { PrincipalView, RowView } from "../../server/api-types.js";
import { surname } from "../format.js";
import { placeNameLabels, slantedLabelsReach } from "./name-labels.js";
import { Portrait } from "./Portrait.js";

const WIDTH = 1000;
const NAME_SIZE = 11;
/** The constituencies' names under their boxes: slanted, at most this many characters, ending under the box. */
const ROW_LABEL_CHARS = 28;
const ROW_LABEL_SIZE = 11;
const ROW_LABEL_SLANT = 35;
const ROW_LABEL_TOP = 398;
/** The picture's height when the labels need no more. */
const HEIGHT = 470;
/** The first row of names under the portraits, and the step to each further row. */
const NAMES_TOP = 108;
const NAME_ROW = 14;

export function Network({ principals, cc, seat, leader }: { principals: readonly PrincipalView[]; cc: readonly RowView[]; seat: string; leader: string | null }) {
  const live = principals.filter((p) => p.alive && !p.fate);
  const ccClients = new Map<string, number>();
  for (const row of cc) for (const [patron, n] of Object.entries(row.clients)) ccClients.set(patron, (ccClients.get(patron) ?? 0) + n);
  const shown = live.filter((p) => (ccClients.get(p.id) ?? 0) > 0 || p.patron !== null || live.some((q) => q.patron === p.id) || p.presidium === "full");
  const step = shown.length > 1 ? (WIDTH - 80) / (shown.length - 1) : 0;
  const xOf = new Map(shown.map((p, i) => [p.id, 40 + i * step]));
  const face = Math.max(20, Math.min(48, step ? step - 3 : 48));
  const names = placeNameLabels(shown.map((p) => ({ x: xOf.get(p.id)!, text: surname(p.name), bold: p.id === leader })), NAME_SIZE, WIDTH);
  // The lines to the Central Committee start under the last row of names.
  const linksTop = NAMES_TOP + NAME_ROW * Math.max(...names.map((n) => n.row), 0) + 6;
  const rows = cc.filter((r) => r.voting > 0);
  const totalVoting = rows.reduce((s, r) => s + r.voting, 0) || 1;
  let cursor = 10;
  const boxes = rows.map((r) => {
    const w = Math.max(30, ((WIDTH - 20 - rows.length * 6) * r.voting) / totalVoting);
    const box = { row: r, x: cursor, w };
    cursor += w + 6;
    return box;
  });
  const scale = cursor > WIDTH ? (WIDTH - 10) / cursor : 1;
  // A slanted label runs up to its box from the lower left: the picture widens to the left and
  // grows down so that each is seen whole (the first box's ran off the left edge).
  const rowLabel = (label: string) => (label.length > ROW_LABEL_CHARS ? `${label.slice(0, ROW_LABEL_CHARS - 1)}…` : label);
  const reach = slantedLabelsReach(boxes.map((b) => ({ x: (b.x + b.w / 2) * scale, text: rowLabel(b.row.label) })), ROW_LABEL_SIZE, ROW_LABEL_SLANT);
  const height = Math.max(HEIGHT, ROW_LABEL_TOP + reach.below + 8);
  const patronLinks = shown.filter((p) => p.patron !== null && xOf.has(p.patron));
  return (
    <section class="panel network" aria-labelledby="network-title">
      <h2 id="network-title">Patrons and clients</h2>
      <p class="muted">
        Above, the leadership: an arc joins a patron to a client of his among them. Below, the Central Committee's voting members by constituency; a line runs from each man to the
        constituencies where his clients sit, thicker for more of them. A patron's men vote with him unless his cause looks lost.
      </p>
      <div class="picture-scroll" role="region" aria-label="Picture of the patronage network (the table below says the same)" tabIndex={0}>
        <svg class="network-picture" viewBox={`${-reach.left} 0 ${WIDTH + reach.left} ${height}`} role="img" aria-labelledby="network-picture-title">
          <title id="network-picture-title">Patronage network: {shown.filter((p) => (ccClients.get(p.id) ?? 0) > 0).map((p) => `${surname(p.name)} ${ccClients.get(p.id)} CC members`).join(", ") || "no patron has clients in the Central Committee"}.</title>
          {patronLinks.map((p) => {
            const a = xOf.get(p.patron!)!;
            const b = xOf.get(p.id)!;
            return <path key={`pl-${p.id}`} d={`M${a} 42 Q${(a + b) / 2} ${Math.max(2, 40 - Math.abs(a - b) * 0.12)} ${b} 42`} fill="none" stroke="#1a4d8f" stroke-width="2" opacity="0.7" />;
          })}
          {boxes.flatMap((box) =>
            Object.entries(box.row.clients).map(([patron, n]) => {
              const x = xOf.get(patron);
              if (x === undefined) return null;
              const bx = (box.x + box.w / 2) * scale;
              const hot = patron === seat ? "#1b1b1b" : patron === leader ? "#b3261e" : "#8a7a5c";
              return <path key={`cl-${patron}-${box.row.id}`} d={`M${x} ${linksTop} C${x} 230 ${bx} 230 ${bx} 340`} fill="none" stroke={hot} stroke-width={Math.min(14, 1 + n * 0.8)} opacity="0.55" />;
            }),
          )}
          {shown.map((p, i) => {
            const x = xOf.get(p.id)!;
            return (
              <g key={p.id}>
                <Portrait id={p.id} name={p.name} age={p.age} size={face} x={x - face / 2} y={44} faded={p.incapacitated} />
                {p.id === seat ? <rect x={x - face / 2 - 3} y={41} width={face + 6} height={face + 6} fill="none" stroke="#1b1b1b" stroke-width="3" /> : null}
                <text x={names[i].x} y={NAMES_TOP + names[i].row * NAME_ROW} text-anchor="middle" font-size={NAME_SIZE} font-family="system-ui, sans-serif" fill="#1b1b1b" font-weight={p.id === leader ? "700" : "400"}>
                  {surname(p.name)}
                </text>
              </g>
            );
          })}
          {boxes.map((box) => (
            <g key={box.row.id}>
              <rect x={box.x * scale} y={340} width={box.w * scale} height={40} fill="#efe7d6" stroke="#7a6a4a" />
              <text x={(box.x + box.w / 2) * scale} y={365} text-anchor="middle" font-size="13" font-family="system-ui, sans-serif" fill="#1b1b1b">
                {box.row.voting}
              </text>
              <text x={(box.x + box.w / 2) * scale} y={ROW_LABEL_TOP} text-anchor="end" font-size={ROW_LABEL_SIZE} font-family="system-ui, sans-serif" fill="#4f4f4f" transform={`rotate(-${ROW_LABEL_SLANT} ${(box.x + box.w / 2) * scale} ${ROW_LABEL_TOP})`}>
                {rowLabel(box.row.label)}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <div class="table-scroll" role="region" aria-label="Patrons and clients as a table" tabIndex={0}>
        <table class="responsive">
          <caption>Patrons and their clients</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Patron</th>
              <th scope="col">Clients in the leadership</th>
              <th scope="col">Clients among the CC's voting members</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const clients = live.filter((q) => q.patron === p.id);
              const byRow = cc.filter((r) => (r.clients[p.id] ?? 0) > 0).map((r) => `${r.label}: ${r.clients[p.id]}`);
              const n = ccClients.get(p.id) ?? 0;
              return (
                <tr key={p.id} class={p.id === seat ? "you" : undefined}>
                  <th scope="row" data-label="Name">
                    {p.name}
                    {p.id === seat ? <span class="tag">you</span> : null}
                  </th>
                  <td data-label="Patron">{p.patron ? (principals.find((q) => q.id === p.patron)?.name ?? p.patron) : "none"}</td>
                  <td data-label="Clients in the leadership">{clients.length ? clients.map((q) => q.name).join(", ") : "none"}</td>
                  <td data-label="Clients among the CC's voting members">{n ? `${n} of ${totalVoting} (${byRow.join("; ")})` : "none"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
