// A crisis as it unfolds: the launch, the security chiefs' choice, each speech and each vote of the
// roll-call with the running tally, the leader's answer, the plenum's tally, the fates. Revealed a
// step at a time (the plenum's votes as one step); each AI decision opens to show its reasons.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { LogEntry, PlenumTally } from "../../server/api-types.js";
import type { Names } from "../format.js";
import { EntryReasons } from "./Reasons.js";

export const crisisTypes = new Set([
  "launch", "alignment", "summons", "arrest", "arrest-fails", "tactic", "speech", "presidium-vote", "session-continues", "session-result", "answer", "concession",
  "plenum-called", "plenum-demanded", "plenum-convened", "plenum-vote", "plenum-result", "plenum-ratifies", "relieved", "fate", "promotion", "rebuff", "crisis-ends",
]);

/** Groups entries into reveal steps: a run of plenum votes is one step. */
export function revealSteps(entries: readonly LogEntry[]): LogEntry[][] {
  const steps: LogEntry[][] = [];
  for (const e of entries) {
    const last = steps[steps.length - 1];
    if (e.type === "plenum-vote" && last && last[0].type === "plenum-vote") last.push(e);
    else steps.push([e]);
  }
  return steps;
}

export interface CrisisProps {
  entries: readonly LogEntry[];
  shown: number;
  names: Names;
  labels: Record<string, string>;
  tallies: readonly PlenumTally[];
  onNext: () => void;
  onAll: () => void;
  onClose: (() => void) | null;
  children?: ComponentChildren;
}

export function Crisis({ entries, shown, names, labels, tallies, onNext, onAll, onClose, children }: CrisisProps) {
  const steps = revealSteps(entries);
  const visible = steps.slice(0, shown);
  const remaining = steps.length - visible.length;
  const next = useRef<HTMLButtonElement>(null);
  const after = useRef<HTMLDivElement>(null);
  const wasRevealing = useRef(false);
  useEffect(() => {
    // Keep the keyboard on "Next" while revealing; when the last step is out, move it on to what
    // follows (the player's own decision, or the way back to the week) rather than lose it.
    if (remaining > 0) next.current?.focus();
    else if (wasRevealing.current) after.current?.querySelector<HTMLElement>("input[type=radio]:checked, button")?.focus();
    wasRevealing.current = remaining > 0;
  }, [remaining]);
  let forVotes = 0;
  let againstVotes = 0;
  for (const step of visible) for (const e of step) if (e.type === "presidium-vote") e.chosen === "for" ? forVotes++ : againstVotes++;
  const last = visible[visible.length - 1];
  return (
    <section class="panel crisis" aria-labelledby="crisis-title">
      <h2 id="crisis-title">Crisis in the Presidium</h2>
      {entries.some((e) => e.type === "launch" || e.type === "presidium-vote") ? (
        <p class="tally" aria-live="polite">
          Roll-call so far: <strong>{forVotes}</strong> to remove him, <strong>{againstVotes}</strong> to keep him.
        </p>
      ) : null}
      <ol class="crisis-steps">
        {visible.map((step) => (
          <li key={step[0].seq} class={`type-${step[0].type}`}>
            {step[0].type === "plenum-vote" ? (
              <PlenumStep votes={step} tallies={tallies} labels={labels} />
            ) : (
              <>
                <p>{step[0].text}</p>
                <EntryReasons entry={step[0]} names={names} />
              </>
            )}
          </li>
        ))}
      </ol>
      <p class="visually-hidden" aria-live="polite">
        {last ? (last[0].type === "plenum-vote" ? `The plenum has voted: ${last.length} votes.` : last[0].text) : ""}
      </p>
      {remaining > 0 ? (
        <div class="crisis-controls">
          <button type="button" class="primary" ref={next} onClick={onNext}>
            Next ({remaining} to come)
          </button>
          <button type="button" onClick={onAll}>
            Show the rest at once
          </button>
        </div>
      ) : (
        <div ref={after}>
          {children}
          {onClose ? (
            <button type="button" onClick={onClose}>
              Back to the week
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}

function PlenumStep({ votes, tallies, labels }: { votes: readonly LogEntry[]; tallies: readonly PlenumTally[]; labels: Record<string, string> }) {
  const move = typeof votes[0].data?.move === "string" ? votes[0].data.move : "";
  const tally = tallies.find((t) => t.move === move);
  const forTarget = votes.filter((v) => v.chosen === "keep").length;
  return (
    <div class="plenum">
      <p>
        The plenum votes, member by member: <strong>{forTarget}</strong> to keep him, <strong>{votes.length - forTarget}</strong> to remove him.
      </p>
      {tally ? (
        <table>
          <caption>The plenum's tally by constituency</caption>
          <thead>
            <tr>
              <th scope="col">Constituency</th>
              <th scope="col">To keep him</th>
              <th scope="col">To remove him</th>
            </tr>
          </thead>
          <tbody>
            {tally.rows.map((r) => (
              <tr key={r.constituency}>
                <th scope="row">{labels[r.constituency] ?? r.constituency}</th>
                <td>{r.forTarget}</td>
                <td>{r.againstTarget}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
