// The end of a run: what happened and what became of you, your run's timeline beside what really
// happened, and the seed to share (the server sends it only once the game is over).
import { useEffect, useRef } from "preact/hooks";
import type { LogEntry, PrincipalView, PublicOutcome, ScenarioInfo } from "../../server/api-types.js";
import { fateWords, longDate, type Names } from "../format.js";

/** Entries worth a line on the timeline. */
const milestones = new Set(["event", "illness", "death", "launch", "session-result", "answer", "plenum-result", "plenum-ratifies", "arrest", "arrest-fails", "relieved", "fate", "primacy", "move-started", "warning", "trip-cut-short"]);

export interface EndProps {
  outcome: PublicOutcome;
  scenario: ScenarioInfo;
  me: PrincipalView;
  log: readonly LogEntry[];
  seed: number | undefined;
  whatIfs: readonly string[];
  names: Names;
  onExport: () => void;
  onNewGame: () => void;
}

export function EndScreen({ outcome, scenario, me, log, seed, whatIfs, names, onExport, onNewGame }: EndProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const leader = outcome.startingLeader === null ? "Nobody" : names(outcome.startingLeader);
  const removal = outcome.contests.find((c) => c.target === outcome.startingLeader && c.winner === "move");
  const how = removal ? (removal.venue === "force" ? "by force" : removal.venue === "plenum" ? "by a Central Committee plenum" : "by the Presidium") : "";
  const savedByPlenum = outcome.contests.some((c) => c.target === outcome.startingLeader && c.winner === "target" && c.venue === "plenum");
  const first = outcome.leader === null ? "Nobody stands first at the end." : `${names(outcome.leader)} is first in the leadership at the end.`;
  const summary = outcome.leaderRemoved
    ? `${leader} was removed${how ? ` ${how}` : ""}${outcome.removalDate ? ` on ${longDate(outcome.removalDate)}` : ""}${removal?.launchedWhileAway ? ", while away from Moscow" : ""}. ${first}`
    : `${leader} keeps his place on ${longDate(outcome.endDate)}${savedByPlenum ? ", saved by the Central Committee" : ""}. ${first}`;
  const shareUrl = seed === undefined ? "" : `${location.origin}/?scenario=${encodeURIComponent(scenario.id)}&seed=${seed}&as=${encodeURIComponent(me.id)}${whatIfs.map((w) => `&whatIf=${encodeURIComponent(w)}`).join("")}`;
  const timeline = log.filter((e) => milestones.has(e.type));
  return (
    <section class="panel end" aria-labelledby="end-title">
      <h2 id="end-title" tabIndex={-1} ref={heading}>
        The end: {longDate(outcome.endDate)}
      </h2>
      <p class="outcome">{summary}</p>
      <p class="fate">
        <strong>Your fate:</strong> {yourFate(me, outcome)}
      </p>
      {outcome.contests.length ? (
        <p>
          Contests: {outcome.contests.map((c) => `${names(c.target)} (${longDate(c.date)}, ${c.venue}): ${c.winner === "move" ? "removed" : "held on"}`).join("; ")}.
        </p>
      ) : null}
      <div class="timelines">
        <section aria-labelledby="your-run-title">
          <h3 id="your-run-title">Your run, as you knew it</h3>
          <ol class="timeline">
            {timeline.map((e) => (
              <li key={e.seq}>
                <time dateTime={e.date}>{longDate(e.date)}</time> {e.text}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="history-title">
          <h3 id="history-title">What really happened</h3>
          <p>{scenario.history.summary}</p>
          <ol class="timeline">
            {scenario.history.timeline.map((t) => (
              <li key={t.date + t.text}>
                <time dateTime={t.date}>{longDate(t.date)}</time> {t.text}
              </li>
            ))}
          </ol>
          <p>
            In history: {scenario.history.contests.map((c) => c.text).join(" ")} {names(scenario.history.primacyAtEnd)} was first at the end.
          </p>
        </section>
      </div>
      <section class="share" aria-labelledby="share-title">
        <h3 id="share-title">Share this run</h3>
        {seed !== undefined ? (
          <>
            <p>
              Seed <strong>{seed}</strong>
              {whatIfs.length ? ` with ${whatIfs.join(", ")}` : ""}: anyone who plays {scenario.title} as {me.name} with this seed and makes the same choices gets the same run.
            </p>
            <label for="share-link">Link to this scenario, seed and character</label>
            <input id="share-link" type="text" readOnly value={shareUrl} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
          </>
        ) : null}
        <div class="button-row">
          <button type="button" onClick={onExport}>
            Export the save file
          </button>
          <button type="button" class="primary" onClick={onNewGame}>
            New game
          </button>
        </div>
      </section>
    </section>
  );
}

function yourFate(me: PrincipalView, outcome: PublicOutcome): string {
  if (me.fate) return `${me.name}: ${fateWords[me.fate] ?? me.fate}.`;
  if (!me.alive) return `${me.name} died in office.`;
  if (outcome.firstSecretary === me.id) return `${me.name} is First Secretary.`;
  return `${me.name} came through it${me.postTitles.length ? `: ${me.postTitles.join("; ")}` : ""}.`;
}
