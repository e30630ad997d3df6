// Plots you are in or have heard of, with your estimate of their chances and what it is made of.
import type { MoveEstimate } from "../../server/api-types.js";
import { longDate, percent, type Names } from "../format.js";

const sources: Record<string, string> = {
  member: "you are in it",
  approached: "you were sounded out",
  warning: "you were warned of it",
  investigation: "your officers found it",
};

export function Plots({ plots, names }: { plots: readonly MoveEstimate[]; names: Names }) {
  return (
    <section class="panel plots" aria-labelledby="plots-title">
      <h2 id="plots-title">Moves</h2>
      {plots.length === 0 ? <p class="muted">You know of no move against anyone.</p> : null}
      {plots.map((p, i) => (
        <article key={p.move} class="plot" aria-labelledby={`plot-${i}-title`}>
          <h3 id={`plot-${i}-title`}>{p.member ? `Your move against ${names(p.target)}` : `A move against ${names(p.target)} you have heard of`}</h3>
          <p>
            Known members: {p.knownMembers.map(names).join(", ") || "none named"}. Since {longDate(p.since)}: {sources[p.source] ?? p.source}
            {p.member ? "" : `; you are ${percent(p.certainty)} sure it is real`}.
          </p>
          <p>
            Your estimate that it would win if launched now: <strong>{percent(p.odds)}</strong>
          </p>
          {p.factors.length ? (
            <details class="reasons">
              <summary>
                The breakdown<span class="visually-hidden"> of the odds</span>
              </summary>
              <ul class="terms">
                {p.factors.map((f: { factor: string; chance: number }) => (
                  <li key={f.factor}>
                    <span class="term-name">{f.factor}</span> <span class="term-value">{percent(f.chance)}</span>
                  </li>
                ))}
              </ul>
              <p class="muted">The chances multiply: a move needs all of them. In the Presidium you count {p.presidium.counted} of the {p.presidium.needed} votes needed out of {p.presidium.voters} (the target votes for himself; a tie keeps him).</p>
            </details>
          ) : null}
          {p.pledged !== null ? <p>Central Committee members pledged: {p.pledged}.</p> : null}
          {p.alarm !== null && p.alarm > 0.2 ? <p class="warning-text">The members fear the target is on to them ({percent(p.alarm)}).</p> : null}
        </article>
      ))}
    </section>
  );
}
