// The news wire: every log entry this seat may know, newest first by date (entries of one date in the
// order they were logged); secret ones are marked with who else knows, and the player's own decisions
// can be opened to show their reasons.
import { useState } from "preact/hooks";
import type { LogEntry } from "../../server/api-types.js";
import { longDate, surname, type Names } from "../format.js";
import type { Lexicon } from "../labels.js";
import { EntryReasons } from "./Reasons.js";
import { chronological } from "./story.js";

/** Bookkeeping rather than news: each CC member's ballot (the tally is shown) and the player's own recorded choices. */
const hidden = new Set(["plenum-vote", "player-decision"]);
const PAGE = 60;

type Filter = "all" | "secret" | "mine";

export function NewsWire({ log, lexicon, seat, speeches }: { log: readonly LogEntry[]; lexicon: Lexicon; seat: string; speeches: Record<number, string> }) {
  const [shown, setShown] = useState(PAGE);
  const [filter, setFilter] = useState<Filter>("all");
  // A player's own choice is logged for him alone, but it is his act, not a secret he learnt.
  const secret = (e: LogEntry): e is LogEntry & { audience: string[] } => e.audience !== "public" && !(e.type === "decision" && e.actor === seat);
  const items = chronological(log).filter((e) => !hidden.has(e.type) && !(e.type === "decision" && e.actor === seat && /: (Lie low|Let quiet weeks pass)/.test(e.text))).filter((e) => (filter === "secret" ? secret(e) : filter === "mine" ? e.actor === seat : true));
  const newestFirst = items.slice(-shown).reverse();
  return (
    <section class="panel wire" aria-labelledby="wire-title">
      <h2 id="wire-title">News</h2>
      <div class="filters" role="group" aria-label="Show">
        {(["all", "secret", "mine"] as Filter[]).map((f) => (
          <button key={f} type="button" aria-pressed={filter === f ? "true" : "false"} onClick={() => setFilter(f)}>
            {f === "all" ? "Everything" : f === "secret" ? "Secrets only" : "Your own acts"}
          </button>
        ))}
      </div>
      {items.length === 0 ? <p class="muted">Nothing here yet that you could know of.</p> : null}
      <ol class="wire-list" reversed start={items.length}>
        {newestFirst.map((e) => (
          <li key={e.seq} class={`wire-entry type-${e.type}`}>
            <p>
              <time dateTime={e.date}>{longDate(e.date)}</time> <span class="entry-text">{wireText(e, seat, speeches, lexicon.names)}</span>
              {secret(e) ? <span class="tag secret">{secrecy(e.audience, seat, lexicon.names)}</span> : null}
            </p>
            <EntryReasons entry={e} lexicon={lexicon} />
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

/**
 * The entry as news: the player's own acts in the second person, speeches as prose. Only a decision
 * written as the engine writes a player's choice, "Surname: the option.", is turned into "You chose:
 * the option."; others (a strike, whose text has colons of its own) are told as they are.
 */
export function wireText(e: LogEntry, seat: string, speeches: Record<number, string>, names: Names): string {
  if (speeches[e.seq]) return speeches[e.seq];
  const mine = `${surname(names(seat))}: `;
  if (e.type === "decision" && e.actor === seat && e.text.startsWith(mine)) {
    const what = e.text.slice(mine.length);
    return `You chose: ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
  }
  return e.text;
}

function secrecy(audience: readonly string[], seat: string, names: (id: string) => string): string {
  const others = audience.filter((a) => a !== seat);
  if (others.length === 0) return "known only to you";
  if (others.length <= 3) return `secret: known to you and ${others.map(names).join(", ")}`;
  return `secret: known to you and ${others.length} others`;
}
