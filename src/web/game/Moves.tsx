// Moves the player is in or has heard of, with his estimate that each would win if launched now,
// what the estimate multiplies, and the Presidium as he counts it (a tie keeps the target; he votes
// on his own case only if the rules give him a vote: a full member able to work).
import type { MoveEstimate, PrincipalView } from "../../server/api-types.js";
import { longDate, percent, type Names } from "../format.js";
import { presidiumCountText } from "./board-reads.js";

const sources: Record<string, string> = {
  member: "you are in it",
  approached: "you were sounded out",
  warning: "you were warned of it",
  investigation: "your officers found it",
  told: "you were told of it",
};

export function Moves({ moves, principals, names }: { moves: readonly MoveEstimate[]; principals: readonly PrincipalView[]; names: Names }) {
  return (
    <section class="panel plots" aria-labelledby="plots-title">
      <h2 id="plots-title">Moves you know of</h2>
      {moves.length === 0 ? <p class="muted">You know of no move against anyone.</p> : null}
      {moves.map((p, i) => (
        <article key={p.move} class="plot" aria-labelledby={`plot-${i}-title`}>
          <h3 id={`plot-${i}-title`}>{p.member ? `Your move against ${names(p.target)}` : `A move against ${names(p.target)}`}</h3>
          <p>
            Known members: {p.knownMembers.map(names).join(", ") || "none named"}. Since {longDate(p.since)}: {sources[p.source] ?? p.source}
            {p.member ? "" : `; you are ${percent(p.certainty)} sure it is real`}.
          </p>
          <p>
            Your estimate that it would win if launched now: <strong>{percent(p.odds)}</strong>.
          </p>
          <p class="vote-count">{presidiumCountText(p, principals.find((x) => x.id === p.target) ?? null, names)}</p>
          {p.factors.length ? (
            <details class="reasons">
              <summary>
                What the odds are made of<span class="visually-hidden"> (move against {names(p.target)})</span>
              </summary>
              <ul class="terms">
                {p.factors.map((f) => (
                  <li key={f.factor}>
                    <span class="term-name">{f.factor}</span> <span class="term-value">{percent(f.chance)}</span>
                  </li>
                ))}
              </ul>
              <p class="muted">The chances multiply: a move needs all of them.</p>
            </details>
          ) : null}
          {p.pledged !== null ? <p>Central Committee members pledged: {p.pledged}.</p> : null}
          {p.alarm !== null && p.alarm > 0.2 ? <p class="warning-text">The members fear the target is on to them ({percent(p.alarm)}).</p> : null}
        </article>
      ))}
    </section>
  );
}
