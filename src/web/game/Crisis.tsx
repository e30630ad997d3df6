// A crisis as a scene: the launch, the organs choosing sides, each day's speeches (as prose) and the
// roll-call with its running tally (an arrest, decided by force, has none), the Central Committee's
// members arriving in Moscow, the plenum's ballots and the fates, revealed step by step at a pace the
// player sets, and the player's own interventions when they come. "Show the rest" reveals everything
// at once; focus then moves to what follows (the player's decision, or the way back to the week, or
// on to the end screen when the crisis ended the run: its last step is shown first).
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { CrisisView, LogEntry, PlenumTally, PrincipalView } from "../../server/api-types.js";
import { longDate, pronounsFor } from "../format.js";
import { organsOf, type Lexicon } from "../labels.js";
import { EntryReasons } from "./Reasons.js";
import { liveSoFar } from "./reveal.js";
import { crisisSteps, decidedByForce, plenumTally, runningTally, votersAtVote, type CrisisStep } from "./story.js";

export type Pace = "step" | "slow" | "normal" | "fast";
const paceMs: Record<Pace, number> = { step: 0, slow: 3000, normal: 1400, fast: 500 };
const paceWords: Record<Pace, string> = { step: "Step by step", slow: "Slow", normal: "Normal", fast: "Fast" };
const PACE_KEY = "presidium.pace";

export function initialPace(): Pace {
  try {
    const saved = localStorage.getItem(PACE_KEY);
    if (saved && saved in paceMs) return saved as Pace;
  } catch {
    // no storage: the default
  }
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches ? "step" : "normal";
}

export interface CrisisProps {
  entries: readonly LogEntry[];
  shown: number;
  speeches: Record<number, string>;
  live: CrisisView | null;
  principals: readonly PrincipalView[];
  lexicon: Lexicon;
  labels: Record<string, string>;
  tallies: readonly PlenumTally[];
  onShow: (n: number) => void;
  onClose: (() => void) | null;
  /** What the way out of the scene says ("Back to the week"; "On to the end of the run" when the run is over). */
  closeLabel?: string;
  children?: ComponentChildren;
}

export function Crisis({ entries, shown, speeches, live: now, principals, lexicon, labels, tallies, onShow, onClose, closeLabel = "Back to the week", children }: CrisisProps) {
  const steps = crisisSteps(entries);
  const visible = steps.slice(0, shown);
  const remaining = steps.length - visible.length;
  // The crisis as it stands when the turn is over, held back to the steps on screen while some remain.
  const live = now && remaining > 0 ? liveSoFar(now, entries, visible.flatMap((s) => s.entries)) : now;
  const [pace, setPace] = useState<Pace>(initialPace);
  const heading = useRef<HTMLHeadingElement>(null);
  const after = useRef<HTMLDivElement>(null);
  const wasRevealing = useRef(remaining > 0);
  const first = entries[0]?.date ?? "";

  useEffect(() => {
    heading.current?.focus();
  }, [entries[0]?.seq]);

  // Auto-play at the chosen pace.
  useEffect(() => {
    if (remaining <= 0 || pace === "step") return;
    const timer = setTimeout(() => onShow(shown + 1), paceMs[pace]);
    return () => clearTimeout(timer);
  }, [shown, remaining, pace]);

  // Once everything is out, the keyboard goes on to what follows rather than being lost.
  useEffect(() => {
    if (remaining === 0 && wasRevealing.current) after.current?.querySelector<HTMLElement>("input[type=radio], button")?.focus();
    wasRevealing.current = remaining > 0;
  }, [remaining]);

  // An arrest has no roll-call: its box says so instead of counting votes nobody casts.
  const byForce = live?.venue === "force" || decidedByForce(entries);
  const tally = runningTally(visible);
  const plenum = plenumTally(visible);
  // Counted at the vote: the fates that follow it must not shrink the roll-call after the fact.
  const voters = votersAtVote(entries, visible, principals.filter((p) => p.votesInPresidium).length);
  const needed = Math.floor(voters / 2) + 1;
  // Once settled the crisis is no longer live; its launch entry still names whose case it was.
  const launched = entries.find((e) => e.type === "launch")?.data?.target;
  const targetId = live?.target ?? (typeof launched === "string" ? launched : undefined);
  const target = targetId ? principals.find((p) => p.id === targetId) : null;
  const last = visible[visible.length - 1];
  const dayOf = (iso: string) => Math.round((Date.parse(iso) - Date.parse(first)) / 86_400_000) + 1;

  return (
    <section class="panel crisis" aria-labelledby="crisis-title">
      <h2 id="crisis-title" tabIndex={-1} ref={heading}>
        {target ? `Crisis: the case of ${target.name}` : "Crisis in the Presidium"}
      </h2>
      <div class="crisis-board">
        {byForce ? (
          <div class="tally-box force" aria-live="off">
            <p class="tally">
              <strong>No vote:</strong> an arrest is decided by force.
            </p>
            <p class="muted">It turns on the organs: whether their chiefs carry it out or stand by {pronounsFor(target?.gender).him}.</p>
          </div>
        ) : (
          <div class="tally-box" aria-live="off">
            <p class="tally">
              Roll-call: <strong>{tally.for}</strong> for the motion, <strong>{tally.against}</strong> against
              {tally.selfVote ? ` (${pronounsFor(target?.gender).his} own vote among them)` : ""}.
            </p>
            <p class="muted">
              {needed} of {voters} votes carry it; a tie keeps {pronounsFor(target?.gender).him}.
            </p>
            <Bar label="For" value={tally.for} max={voters} colour="#b3261e" />
            <Bar label="Against" value={tally.against} max={voters} colour="#1a4d8f" />
            {plenum ? (
              <p class="tally">
                Plenum so far: <strong>{plenum.keep}</strong> to keep {pronounsFor(target?.gender).him}, <strong>{plenum.remove}</strong> to remove {pronounsFor(target?.gender).him}.
              </p>
            ) : null}
          </div>
        )}
        {live && live.arrivals.length ? <Arrivals live={live} labels={labels} /> : null}
        {live ? <Sides live={live} principals={principals} /> : null}
      </div>
      <div class="crisis-controls">
        <label for="pace">Pace</label>
        <select
          id="pace"
          value={pace}
          onChange={(e) => {
            const p = (e.currentTarget as HTMLSelectElement).value as Pace;
            setPace(p);
            try {
              localStorage.setItem(PACE_KEY, p);
            } catch {
              // no storage
            }
          }}
        >
          {(Object.keys(paceMs) as Pace[]).map((p) => (
            <option key={p} value={p}>
              {paceWords[p]}
            </option>
          ))}
        </select>
        {remaining > 0 ? (
          <>
            <button type="button" class="primary" onClick={() => onShow(shown + 1)}>
              Next ({remaining} to come)
            </button>
            <button type="button" onClick={() => onShow(steps.length)}>
              Show the rest at once
            </button>
          </>
        ) : null}
      </div>
      <ol class="crisis-steps">
        {visible.map((step, i) => (
          <Step key={step.entries[0].seq} step={step} index={i} day={step.newDay ? dayOf(step.newDay) : null} speeches={speeches} lexicon={lexicon} labels={labels} tallies={tallies} />
        ))}
      </ol>
      <p class="visually-hidden" aria-live="polite">
        {last ? (last.entries[0].type === "plenum-vote" ? `The plenum votes: ${last.entries.length} ballots.` : (speeches[last.entries[0].seq] ?? last.entries[0].text)) : ""}
      </p>
      {remaining === 0 ? (
        <div ref={after} class="crisis-after">
          {children}
          {onClose ? (
            <button type="button" onClick={onClose}>
              {closeLabel}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Bar({ label, value, max, colour }: { label: string; value: number; max: number; colour: string }) {
  const width = max > 0 ? Math.min(100, (100 * value) / max) : 0;
  return (
    <div class="bar" aria-hidden="true">
      <span class="bar-label">{label}</span>
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" class="bar-svg">
        <rect width="100" height="8" fill="#ece6d8" />
        <rect width={width} height="8" fill={colour} />
        <line x1={50} x2={50} y1="0" y2="8" stroke="#1b1b1b" stroke-width="0.6" />
      </svg>
    </div>
  );
}

function Arrivals({ live, labels }: { live: CrisisView; labels: Record<string, string> }) {
  const max = Math.max(1, live.voting);
  return (
    <div class="arrivals">
      <p>
        Central Committee members in Moscow: <strong>{live.present}</strong> of {live.voting}
        {live.signatures ? `; ${live.signatures} have signed a demand for a plenum` : ""}
        {live.plenumDay !== null ? `; the plenum meets on day ${live.plenumDay + 1}` : ""}.
      </p>
      {/* Drawn once someone has arrived: before, its bars are empty and only a day's number shows. */}
      {live.arrivals.some((a) => a.present > 0) ? (
        <svg
          class="arrivals-svg"
          viewBox={`0 0 ${Math.max(1, live.arrivals.length) * 30} 60`}
          role="img"
          aria-label={`Members in Moscow by day: ${live.arrivals.map((a) => `day ${a.day + 1}, ${a.present}`).join("; ")}`}
        >
          {live.arrivals.map((a, i) => {
            const h = (50 * a.present) / max;
            return (
              <g key={a.day}>
                <rect x={i * 30 + 4} y={52 - h} width="22" height={h} fill="#1a4d8f" />
                <text x={i * 30 + 15} y="60" font-size="8" text-anchor="middle" font-family="system-ui, sans-serif">
                  {a.day + 1}
                </text>
              </g>
            );
          })}
        </svg>
      ) : null}
      {Object.keys(live.presentByRow).length ? (
        <details>
          <summary>Who has arrived, by constituency</summary>
          <ul>
            {Object.entries(live.presentByRow).map(([row, n]) => (
              <li key={row}>
                {labels[row] ?? row}: {n}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function Sides({ live, principals }: { live: CrisisView; principals: readonly PrincipalView[] }) {
  const entries = Object.entries(live.sides);
  if (!entries.length) return null;
  return (
    <ul class="sides">
      {entries.map(([id, side]) => {
        const chief = principals.find((p) => p.id === id);
        const organs = chief ? organsOf(chief) : "the organs";
        const target = principals.find((p) => p.id === live.target);
        return (
          <li key={id}>
            {chief?.name ?? id} ({organs}): {side === "target" ? `stands by ${pronounsFor(target?.gender).him}` : side === "move" ? "sides with the movers" : `keeps ${organs} out`}
          </li>
        );
      })}
    </ul>
  );
}

function Step({ step, index, day, speeches, lexicon, labels, tallies }: { step: CrisisStep; index: number; day: number | null; speeches: Record<number, string>; lexicon: Lexicon; labels: Record<string, string>; tallies: readonly PlenumTally[] }) {
  const e = step.entries[0];
  return (
    <li class={`type-${e.type}`} data-step={index}>
      {day !== null ? (
        <h3 class="crisis-day">
          Day {day}: <time dateTime={e.date}>{longDate(e.date)}</time>
        </h3>
      ) : null}
      {e.type === "plenum-vote" ? (
        <PlenumStep votes={step.entries} tallies={tallies} labels={labels} />
      ) : (
        <>
          <p>{speeches[e.seq] ?? e.text}</p>
          <EntryReasons entry={e} lexicon={lexicon} />
        </>
      )}
    </li>
  );
}

function PlenumStep({ votes, tallies, labels }: { votes: readonly LogEntry[]; tallies: readonly PlenumTally[]; labels: Record<string, string> }) {
  const move = typeof votes[0].data?.move === "string" ? votes[0].data.move : "";
  const tally = tallies.find((t) => t.move === move);
  const keep = votes.filter((v) => v.chosen === "keep").length;
  return (
    <div class="plenum">
      <p>
        The plenum votes, member by member: <strong>{keep}</strong> to keep, <strong>{votes.length - keep}</strong> to remove.
      </p>
      {tally ? (
        <div class="table-scroll" role="region" aria-label="The plenum's tally by constituency" tabIndex={0}>
          <table>
            <caption>The plenum's tally by constituency</caption>
            <thead>
              <tr>
                <th scope="col">Constituency</th>
                <th scope="col">To keep</th>
                <th scope="col">To remove</th>
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
        </div>
      ) : null}
    </div>
  );
}
