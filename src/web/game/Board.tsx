// The Presidium board: every member (and the secretaries and security chiefs), with your read of
// where each stands toward the leader and of what he thinks of you, each with its spread and the
// evidence behind it.
import type { BoardRow, PrincipalView, Read } from "../../server/api-types.js";
import { regardWord, signed, stanceWord } from "../format.js";

const groups: { title: string; test: (p: PrincipalView) => boolean }[] = [
  { title: "Full members", test: (p) => p.presidium === "full" },
  { title: "Candidate members", test: (p) => p.presidium === "candidate" },
  { title: "Secretaries and others", test: (p) => p.presidium === "none" },
];

export function Board({ principals, rows, leader }: { principals: readonly PrincipalView[]; rows: readonly BoardRow[]; leader: string }) {
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  return (
    <section class="panel board" aria-labelledby="board-title">
      <h2 id="board-title">The Presidium</h2>
      <p class="muted">Your reads: stance toward the leader and their regard for you, from −1 to +1, give or take the spread.</p>
      <div class="table-scroll" role="region" aria-label="Presidium board" tabIndex={0}>
        <table class="board-table responsive">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Posts</th>
              <th scope="col">Age</th>
              <th scope="col">Health</th>
              <th scope="col">Stance toward the leader</th>
              <th scope="col">Regard for you</th>
            </tr>
          </thead>
          {groups.map((g) => {
            const members = principals.filter(g.test);
            if (!members.length) return null;
            return (
              <tbody key={g.title}>
                <tr class="group">
                  <th scope="rowgroup" colSpan={6}>
                    {g.title}
                  </th>
                </tr>
                {members.map((p) => {
                  const row = rowOf.get(p.id);
                  return (
                    <tr key={p.id} class={row?.role === "you" ? "you" : undefined}>
                      <th scope="row" data-label="Name">
                        {p.name}
                        {p.id === leader ? <span class="tag">leader</span> : null}
                        {row?.role === "you" ? <span class="tag">you</span> : null}
                      </th>
                      <td data-label="Posts" class="posts">{p.postTitles.length ? p.postTitles.join("; ") : p.fate ? `(${p.fate})` : "no post"}</td>
                      <td data-label="Age">{p.age}</td>
                      <td data-label="Health">{p.healthRead}</td>
                      <td data-label="Stance">{p.id === leader ? "the leader" : <ReadCell read={row?.stance ?? null} word={stanceWord} who={p.name} what="stance" />}</td>
                      <td data-label="Regard for you">{row?.role === "you" ? "—" : <ReadCell read={row?.regard ?? null} word={regardWord} who={p.name} what="regard for you" />}</td>
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

function ReadCell({ read, word, who, what }: { read: Read | null; word: (v: number) => string; who: string; what: string }) {
  if (!read) return <span class="muted">—</span>;
  return (
    <div class="read">
      <span class={`read-value ${read.value >= 0.15 ? "pos" : read.value <= -0.15 ? "neg" : ""}`}>
        {word(read.value)} {signed(read.value)}
      </span>{" "}
      <span class="spread">± {read.spread.toFixed(2)}</span>
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
