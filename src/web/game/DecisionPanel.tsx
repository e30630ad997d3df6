// The decision the engine is waiting for: the same options, odds and reasons the AI would weigh in
// this character's place. A form of radio buttons, so it plays with the keyboard alone.
import { useEffect, useState } from "preact/hooks";
import type { Awaiting } from "../../server/api-types.js";
import { percent, signed } from "../format.js";
import { TermList } from "./Reasons.js";

type Option = Awaiting["options"][number];

const titles: Record<string, string> = {
  weekly: "This week",
  respond: "You are being sounded out",
  strike: "Strike now?",
  align: "Where do the organs stand?",
  "session-tactic": "The Presidium sits on your case",
  speech: "Your speech",
  vote: "The roll-call",
  answer: "The Presidium has voted against you",
  concession: "He offers to give up part of his posts",
  "plenum-date": "When should the plenum meet?",
  "presidium-business": "A proposal before the Presidium",
  warning: "A warning",
  "organs-report": "A report from your officers",
};

const weeklyKinds = new Set(["weekly"]);

/** `turn` changes with every decision taken, so each new decision starts on its first option. */
export function DecisionPanel({ awaiting, busy, turn, onDecide }: { awaiting: Awaiting; busy: boolean; turn: number; onDecide: (option: Option) => void }) {
  const [picked, setPicked] = useState(0);
  useEffect(() => setPicked(0), [turn]);
  const submitLabel = weeklyKinds.has(awaiting.kind) ? "End turn" : "Decide";
  const utility = (o: Option) => (o.terms ?? []).reduce((s, t) => s + t.value, 0);
  return (
    <section class="panel decision" aria-labelledby="decision-title">
      <h2 id="decision-title">
        {titles[awaiting.kind] ?? "Your decision"}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onDecide(awaiting.options[picked] ?? awaiting.options[0]);
        }}
      >
        <fieldset>
          <legend>{awaiting.prompt}</legend>
          {awaiting.options.map((o, i) => {
            const id = `option-${i}`;
            return (
              <div class={`option${i === picked ? " picked" : ""}`} key={`${o.choice}:${o.target ?? ""}`}>
                <input type="radio" id={id} name="decision" value={String(i)} checked={i === picked} onChange={() => setPicked(i)} aria-describedby={`${id}-odds`} />
                <label for={id}>{o.label}</label>
                <p id={`${id}-odds`} class="odds">
                  {o.odds !== undefined ? oddsText(awaiting.kind, o) : null}
                  <span class="muted">Weighed at {signed(utility(o))}.</span>
                </p>
                {o.terms && o.terms.length ? (
                  <details class="reasons">
                    <summary>
                      Reasons and risks<span class="visually-hidden"> for “{o.label}”</span>
                    </summary>
                    <TermList terms={o.terms} />
                  </details>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        <button type="submit" class="primary" aria-disabled={busy ? "true" : undefined}>
          {busy ? "Waiting for the week…" : submitLabel}
        </button>
      </form>
    </section>
  );
}

/** Starting a move carries the weekly chance that an AI in the same place would start one; every other option's odds are the chooser's estimate of success. */
function oddsText(kind: string, o: Option) {
  if (kind === "weekly" && o.choice === "start-move") {
    return (
      <>
        An AI in your place would start one this week with a chance of <strong>{percent(o.odds ?? 0)}</strong>.{" "}
      </>
    );
  }
  return (
    <>
      Your estimate of success: <strong>{percent(o.odds ?? 0)}</strong>.{" "}
    </>
  );
}
