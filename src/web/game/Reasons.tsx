// The reasons behind a decision: each option compared, its weight, and the terms that add up to it.
import type { LogEntry } from "../../server/api-types.js";
import { signed } from "../format.js";
import { optionName, type Lexicon } from "../labels.js";

type Term = { term: string; value: number };

export function TermList({ terms }: { terms: readonly Term[] }) {
  const shown = terms.filter((t) => Math.abs(t.value) >= 0.005);
  if (!shown.length) return <p class="muted">No reasons weigh on it either way.</p>;
  return (
    <ul class="terms">
      {shown.map((t) => (
        <li key={t.term} class={t.value >= 0 ? "pro" : "con"}>
          <span class="term-name">{t.term}</span> <span class="term-value">{signed(t.value)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A disclosure with the compared options of a logged decision (only the seat's own: others' weighing is theirs). */
export function EntryReasons({ entry, lexicon }: { entry: LogEntry; lexicon: Lexicon }) {
  if (!entry.options || entry.options.length === 0) return null;
  return (
    <details class="reasons">
      <summary>Why?</summary>
      <table class="options">
        <caption class="visually-hidden">Options weighed</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Weighed at</th>
            <th scope="col">Reasons</th>
          </tr>
        </thead>
        <tbody>
          {entry.options.map((o) => (
            <tr key={o.option} class={o.option === entry.chosen ? "chosen" : undefined}>
              <th scope="row">
                {optionName(o.option, lexicon)}
                {o.option === entry.chosen ? <span class="tag">chosen</span> : null}
              </th>
              <td>{signed(o.utility)}</td>
              <td>
                <TermList terms={o.terms} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
