// The news wire: every log entry this seat may know, newest first; secret ones are marked, and
// every decision can be opened to show its reasons.
import { useState } from "preact/hooks";
import type { LogEntry } from "../../server/api-types.js";
import { longDate, type Names } from "../format.js";
import { EntryReasons } from "./Reasons.js";

/** Entries that are bookkeeping rather than news: each CC member's vote (the tally is shown) and the player's own choices. */
const hidden = new Set(["plenum-vote", "player-decision"]);
const PAGE = 60;

export function NewsWire({ log, names, seat }: { log: readonly LogEntry[]; names: Names; seat: string }) {
  const [shown, setShown] = useState(PAGE);
  const items = log.filter((e) => !hidden.has(e.type));
  const newestFirst = items.slice(-shown).reverse();
  return (
    <section class="panel wire" aria-labelledby="wire-title">
      <h2 id="wire-title">News wire</h2>
      {items.length === 0 ? <p class="muted">Nothing has happened yet that you could know of.</p> : null}
      <ol class="wire-list" reversed start={items.length}>
        {newestFirst.map((e) => (
          <li key={e.seq} class={`wire-entry type-${e.type}`}>
            <p>
              <time dateTime={e.date}>{longDate(e.date)}</time> <span class="entry-text">{e.text}</span>
              {e.audience !== "public" ? <span class="tag secret">{secrecy(e.audience, seat, names)}</span> : null}
            </p>
            <EntryReasons entry={e} names={names} />
          </li>
        ))}
      </ol>
      {items.length > shown ? (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show earlier news ({items.length - shown} more)
        </button>
      ) : null}
    </section>
  );
}

function secrecy(audience: readonly string[], seat: string, names: Names): string {
  const others = audience.filter((a) => a !== seat);
  if (others.length === 0) return "known only to you";
  if (others.length <= 3) return `secret: known to you and ${others.map(names).join(", ")}`;
  return `secret: known to you and ${others.length} others`;
}
