// The board: the Presidium around its table (a picture), and the same people as a table with their
// posts, health, power and the player's reads of each (stance toward the first man, regard for the
// player), each read with its spread and the evidence behind it. The table is the picture's
// equivalent for the keyboard and screen readers.
import type { BoardRow, PrincipalView, Read } from "../../server/api-types.js";
import { percent, pronounsFor, rangeWords, regardWord, signed, stanceWord, surname } from "../format.js";
import { Portrait } from "./Portrait.js";

const groups: { title: string; test: (p: PrincipalView) => boolean }[] = [
  { title: "Full members", test: (p) => p.presidium === "full" && !p.fate && p.alive },
  { title: "Candidate members", test: (p) => p.presidium === "candidate" && !p.fate && p.alive },
  { title: "Secretaries and others", test: (p) => p.presidium === "none" && !p.fate && p.alive },
  { title: "Fallen and dead", test: (p) => !!p.fate || !p.alive },
];

interface Seat {
  p: PrincipalView;
  x: number;
  y: number;
}

/** Where each man sits: the first man at the head, full members along both sides, the rest behind. */
function seating(principals: readonly PrincipalView[], leader: string | null): { seats: Seat[]; height: number } {
  const live = principals.filter((p) => p.alive && !p.fate);
  const full = live.filter((p) => p.presidium === "full");
  const head = full.find((p) => p.id === leader) ?? null;
  const around = full.filter((p) => p !== head);
  const seats: Seat[] = [];
  if (head) seats.push({ p: head, x: 40, y: 205 });
  const perSide = Math.ceil(around.length / 2);
  around.forEach((p, i) => {
    const k = Math.floor(i / 2);
    const x = perSide > 1 ? 190 + (k * 690) / (perSide - 1) : 510;
    seats.push({ p, x, y: i % 2 === 0 ? 70 : 335 });
  });
  const rest = live.filter((p) => p.presidium !== "full");
  const perRow = 10;
  rest.forEach((p, i) => {
    const row = Math.floor(i / perRow);
    seats.push({ p, x: 60 + (i % perRow) * 92, y: 500 + row * 118 });
  });
  return { seats, height: rest.length ? 500 + Math.ceil(rest.length / perRow) * 118 + 10 : 470 };
}

export function Board({ principals, rows, leader, seat, onDossier }: { principals: readonly PrincipalView[]; rows: readonly BoardRow[]; leader: string | null; seat: string; onDossier: (id: string) => void }) {
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const { seats, height } = seating(principals, leader);
  const full = principals.filter((p) => p.presidium === "full" && p.alive && !p.fate).length;
  return (
    <section class="panel board" aria-labelledby="board-title">
      <h2 id="board-title">The Presidium</h2>
      <p class="muted">
        {full} full members sit at the table{leader ? `, ${principals.find((p) => p.id === leader)?.name ?? leader} at its head as first man` : ""}; candidates and secretaries sit behind. A coloured bar under each is your read of his stance toward the first man
        (green loyal, red against); a dashed frame marks a man away from Moscow, a grey one a man too ill to work.
      </p>
      <div class="picture-scroll" role="region" aria-label="Picture of the Presidium's table (the table below says the same)" tabIndex={0}>
        <svg class="board-picture" viewBox={`0 0 1000 ${height}`} role="img" aria-labelledby="board-picture-title">
          <title id="board-picture-title">The Presidium around its table: {seats.map((s) => surname(s.p.name)).join(", ")}.</title>
          <rect x="150" y="170" width="790" height="150" rx="70" fill="#7a4a2a" />
          <rect x="160" y="180" width="770" height="130" rx="62" fill="#2f5d3a" />
          <text x="545" y="252" text-anchor="middle" font-size="22" fill="#e9e2cf" font-family="system-ui, sans-serif">
            Presidium of the Central Committee
          </text>
          {height > 470 ? (
            <text x="20" y="488" font-size="15" fill="#4f4f4f" font-family="system-ui, sans-serif">
              Candidates, secretaries and others
            </text>
          ) : null}
          {seats.map((s) => {
            const read = rowOf.get(s.p.id)?.stance ?? null;
            const colour = read === null ? "#9a948a" : read.value >= 0.15 ? "#1f7a34" : read.value <= -0.15 ? "#b3261e" : "#c79a1f";
            return (
              <g key={s.p.id}>
                <Portrait id={s.p.id} name={s.p.name} age={s.p.age} size={72} x={s.x} y={s.y} faded={s.p.incapacitated} />
                {s.p.away ? <rect x={s.x - 3} y={s.y - 3} width="78" height="78" fill="none" stroke="#1a4d8f" stroke-width="3" stroke-dasharray="6 4" /> : null}
                {s.p.id === seat ? <rect x={s.x - 4} y={s.y - 4} width="80" height="80" fill="none" stroke="#1b1b1b" stroke-width="3" /> : null}
                <rect x={s.x} y={s.y + 76} width="72" height="6" fill={colour} />
                <text x={s.x + 36} y={s.y + 98} text-anchor="middle" font-size="14" fill="#1b1b1b" font-family="system-ui, sans-serif" font-weight={s.p.id === leader ? "700" : "400"}>
                  {surname(s.p.name)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <div class="table-scroll" role="region" aria-label="The Presidium as a table" tabIndex={0}>
        <table class="board-table responsive">
          <caption>Everyone in the leadership, with your reads</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Posts</th>
              <th scope="col">Age</th>
              <th scope="col">Health</th>
              <th scope="col">Power</th>
              <th scope="col">Stance toward the first man</th>
              <th scope="col">Regard for you</th>
            </tr>
          </thead>
          {groups.map((g) => {
            const members = principals.filter(g.test);
            if (!members.length) return null;
            return (
              <tbody key={g.title}>
                <tr class="group">
                  <th scope="rowgroup" colSpan={7}>
                    {g.title}
                  </th>
                </tr>
                {members.map((p) => {
                  const row = rowOf.get(p.id);
                  return (
                    <tr key={p.id} class={p.id === seat ? "you" : undefined}>
                      <th scope="row" data-label="Name">
                        <div class="who">
                        <Portrait id={p.id} name={p.name} age={p.age} size={36} faded={!!p.fate || !p.alive || p.incapacitated} />
                        <span>
                          <button type="button" class="link" onClick={() => onDossier(p.id)}>
                            {p.name}
                            <span class="visually-hidden">: open {pronounsFor(p.gender).his} dossier</span>
                          </button>
                          {p.id === leader ? <span class="tag">first man</span> : null}
                          {p.id === seat ? <span class="tag">you</span> : null}
                          {p.away ? <span class="tag">away: {p.away}</span> : null}
                        </span>
                        </div>
                      </th>
                      <td data-label="Posts" class="posts">
                        {p.postTitles.length ? p.postTitles.join("; ") : p.fate ? `(${p.fate})` : "no post"}
                        {p.acting.length ? ` (acting: ${p.acting.join("; ")})` : ""}
                      </td>
                      <td data-label="Age">{p.age}</td>
                      <td data-label="Health">{p.healthRead}</td>
                      <td data-label="Power">{percent(p.power)}</td>
                      <td data-label="Stance">{p.id === leader ? "the first man" : p.id === seat ? <OwnStance read={row?.stance ?? null} /> : <ReadCell read={row?.stance ?? null} word={stanceWord} who={p.name} what="stance" />}</td>
                      <td data-label="Regard for you">{p.id === seat ? "—" : <ReadCell read={row?.regard ?? null} word={regardWord} who={p.name} what="regard for you" />}</td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </div>
    </section>
  );
}

/** A read's value in words and figures, coloured when it leans clearly one way. */
function ReadValue({ value, word }: { value: number; word: (v: number) => string }) {
  return (
    <span class={`read-value ${value >= 0.15 ? "pos" : value <= -0.15 ? "neg" : ""}`}>
      {word(value)} {signed(value)}
    </span>
  );
}

/** The player's own stance: what he knows of himself, not an estimate (no spread, no evidence to weigh). */
export function OwnStance({ read }: { read: Read | null }) {
  if (!read) return <span class="muted">—</span>;
  return (
    <div class="read own-stance">
      <ReadValue value={read.value} word={stanceWord} />{" "}
      <span class="muted">(you know it: {read.basis.map((b) => b.term).join("; ")})</span>
    </div>
  );
}

/** A read's range, give or take its spread, within -1 and +1 (as every estimate's range is kept within what it can be). */
export function readRange(read: Read): string | null {
  return rangeWords(read.value, read.spread, -1, 1, (x) => signed(x));
}

export function ReadCell({ read, word, who, what }: { read: Read | null; word: (v: number) => string; who: string; what: string }) {
  if (!read) return <span class="muted">—</span>;
  return (
    <div class="read">
      <ReadValue value={read.value} word={word} />{" "}
      {readRange(read) ? <span class="spread">({readRange(read)})</span> : null}
      {read.basis.length ? (
        <details class="reasons">
          <summary>
            Evidence<span class="visually-hidden"> for {who}'s {what}</span>
          </summary>
          <ul class="terms">
            {read.basis.map((b) => (
              <li key={b.term} class={b.value >= 0 ? "pro" : "con"}>
                <span class="term-name">{b.term}</span> <span class="term-value">{signed(b.value)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
