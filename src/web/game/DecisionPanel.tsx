// The decision the engine is waiting for. Each option says what it would bring about and the chance
// of exactly that, as this character estimates it, with what the estimate is made of (the votes it
// counts, who votes, what a tie means) and the rules that matter; and, folded away, the reasons the
// character weighs (the same terms the AI in his place would weigh). A form of radio buttons: it
// plays with the keyboard alone. Only safe answers are preselected (lie low, keep out, wait).
import { useEffect, useRef, useState } from "preact/hooks";
import type { Awaiting, OptionOutcome } from "../../server/api-types.js";
import { percent, percentRange, signed, type Names } from "../format.js";
import { decisionTitles, safeChoices } from "../labels.js";
import { TermList } from "./Reasons.js";

type Option = Awaiting["options"][number];

/** Kinds whose safe answer is preselected; in the others (votes, speeches) the player must choose. */
const preselected = new Set(["weekly", "respond", "strike"]);

/** Options grouped under headings in the week's menu. */
const verbGroups: { title: string; choices: string[] }[] = [
  { title: "Keep still", choices: ["lie-low", "skip"] },
  { title: "Win people over", choices: ["court", "court-constituency", "demand-seat"] },
  { title: "Govern", choices: ["appoint", "propose-policy", "co-opt", "fill-post", "claim-post", "reassign", "give-up-post", "overrule", "retire-ill", "travel"] },
  { title: "Files and reports", choices: ["gather-kompromat", "use-kompromat", "report"] },
  { title: "Against a colleague", choices: ["purge", "purge-arrest", "start-move", "sound-out", "lobby-cc"] },
];

export function defaultPick(awaiting: Awaiting): number {
  if (!preselected.has(awaiting.kind)) return -1;
  for (const safe of safeChoices) {
    const i = awaiting.options.findIndex((o) => o.choice === safe);
    if (i >= 0) return i;
  }
  return -1;
}

export function DecisionPanel({ awaiting, outcomes, busy, turn, names, onDecide, onGlossary }: { awaiting: Awaiting; outcomes: readonly OptionOutcome[]; busy: boolean; turn: number; names: Names; onDecide: (option: Option) => void; onGlossary: (term: string) => void }) {
  const [picked, setPicked] = useState(defaultPick(awaiting));
  const [missing, setMissing] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setPicked(defaultPick(awaiting));
    setMissing(false);
  }, [turn, awaiting.key]);
  const submitLabel = awaiting.kind === "weekly" ? "End turn" : "Decide";
  const utility = (o: Option) => (o.terms ?? []).reduce((s, t) => s + t.value, 0);
  const indexed = awaiting.options.map((o, i) => ({ o, i }));
  const groups =
    awaiting.kind === "weekly"
      ? verbGroups.map((g) => ({ title: g.title, items: indexed.filter(({ o }) => g.choices.includes(o.choice)) })).concat([{ title: "Other", items: indexed.filter(({ o }) => !verbGroups.some((g) => g.choices.includes(o.choice))) }])
      : [{ title: "", items: indexed }];
  return (
    <section class="panel decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{decisionTitles[awaiting.kind] ?? "Your decision"}</h2>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          if (picked < 0) {
            setMissing(true);
            form.current?.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
            return;
          }
          onDecide(awaiting.options[picked]);
        }}
      >
        <fieldset aria-describedby={missing ? "decision-missing" : undefined}>
          <legend>{awaiting.prompt}</legend>
          {groups
            .filter((g) => g.items.length)
            .map((g) => (
              <div class="option-group" key={g.title || "all"}>
                {g.title && groups.filter((x) => x.items.length).length > 1 ? <p class="group-title" aria-hidden="true">{g.title}</p> : null}
                {g.items.map(({ o, i }) => (
                  <OptionRow key={`${o.choice}:${o.target ?? ""}:${o.detail ?? ""}`} option={o} index={i} outcome={outcomes[i] ?? null} picked={i === picked} names={names} utility={utility(o)} onPick={() => { setPicked(i); setMissing(false); }} onGlossary={onGlossary} />
                ))}
              </div>
            ))}
        </fieldset>
        {missing ? (
          <p id="decision-missing" role="alert" class="error">
            Choose one of the options above first.
          </p>
        ) : null}
        <button type="submit" class="primary" aria-disabled={busy ? "true" : undefined}>
          {busy ? "Waiting for the week…" : submitLabel}
        </button>
      </form>
    </section>
  );
}

function OptionRow({ option: o, index, outcome, picked, names, utility, onPick, onGlossary }: { option: Option; index: number; outcome: OptionOutcome | null; picked: boolean; names: Names; utility: number; onPick: () => void; onGlossary: (term: string) => void }) {
  const id = `option-${index}`;
  return (
    <div class={`option${picked ? " picked" : ""}`} data-choice={o.choice} data-option={[o.choice, o.target, o.detail].filter((x) => x !== undefined).join(":")}>
      <input type="radio" id={id} name="decision" value={String(index)} checked={picked} onChange={onPick} aria-describedby={`${id}-result`} />
      <label for={id}>{o.label}</label>
      <p id={`${id}-result`} class="result">
        {outcome ? (
          <>
            <span class="result-text">{outcome.result}</span>
            {/* Without a chance the result stands alone: an option with no chance of its own may still
                carry risks, or rules that say more may leak, so "nothing left to chance" misled. */}
            {outcome.chance !== null ? (
              <>
                {": "}
                <strong class="chance" data-chance={outcome.chance}>
                  {percent(outcome.chance)}
                </strong>
                <span class="muted uncertainty" data-spread={outcome.spread ?? 0}>
                  {" "}
                  {uncertaintyText(outcome.chance, outcome.spread ?? 0)}
                </span>
              </>
            ) : null}
            .
          </>
        ) : null}
      </p>
      {outcome && (outcome.breakdown.length || outcome.votes || outcome.rules.length || outcome.risks.length) ? (
        <details class="reasons odds-detail">
          <summary>
            How this is reckoned<span class="visually-hidden"> for “{o.label}”</span>
          </summary>
          <OutcomeDetail outcome={outcome} names={names} />
        </details>
      ) : null}
      <details class="reasons">
        <summary>
          Reasons and risks as you weigh them<span class="visually-hidden"> for “{o.label}”</span>
        </summary>
        <TermList terms={o.terms ?? []} />
        <p class="muted">
          Weighed at {signed(utility)}{" "}
          <button type="button" class="link" onClick={() => onGlossary("weighed")}>
            what does “weighed at” mean?
          </button>
        </p>
      </details>
    </div>
  );
}

/**
 * The same words for every option that carries odds: it is an estimate, and the range it could lie in
 * (the spread either side, kept within 0% and 100%).
 */
export function uncertaintyText(chance: number, spread: number): string {
  const range = percentRange(chance, spread);
  return range ? `your estimate, could be ${range}` : "your estimate";
}

export function OutcomeDetail({ outcome, names }: { outcome: OptionOutcome; names: Names }) {
  const v = outcome.votes;
  return (
    <div class="outcome-detail">
      {v ? (
        <p class="vote-count">
          Votes needed: <strong>{v.needed}</strong> of <strong>{v.voters}</strong>. You count {v.counted} as certain and expect {v.expected.toFixed(1)} in all.{" "}
          {v.fixed.map((f) => `${names(f.who)} ${f.why}`).join("; ")}
          {v.fixed.length ? ". " : ""}
          {v.tie}
        </p>
      ) : null}
      {outcome.breakdown.length ? (
        <ul class="terms">
          {outcome.breakdown.map((b) => (
            <li key={b.label}>
              <span class="term-name">{b.label}</span> <span class="term-value">{percent(b.chance)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.risks.length ? (
        <ul class="terms risks">
          {outcome.risks.map((r) => (
            <li key={r.label} class="con">
              <span class="term-name">Risk: {r.label}</span> <span class="term-value">{percent(r.chance)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.rules.length ? (
        <ul class="rules">
          {outcome.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
