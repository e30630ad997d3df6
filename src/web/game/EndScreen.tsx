// The end of a run: what happened and what became of you, your goals scored beside what history
// records, charts of who was first, FEAR and the first man's clients in the CC, your run's timeline
// beside history's, and the seed to share (sent only once the game is over). The heading takes the
// focus and is scrolled into view.
import { useEffect, useRef } from "preact/hooks";
import type { Goal, GoalReport, LogEntry, PrincipalView, PublicOutcome, ScenarioInfo } from "../../server/api-types.js";
import { longDate, pronounsFor, yourFate, type Names } from "../format.js";
import { EpilogueCharts } from "./EpilogueCharts.js";
import { goalStanding, Goals } from "./Goals.js";
import { chronological, milestoneTypes } from "./story.js";
import { sharedLink } from "../navigation.js";
import { Sources } from "./Dossiers.js";

export interface EndProps {
  outcome: PublicOutcome;
  scenario: ScenarioInfo;
  me: PrincipalView;
  goals: GoalReport;
  log: readonly LogEntry[];
  seed: number | undefined;
  whatIfs: readonly string[];
  settings: readonly { path: string; value: number }[];
  names: Names;
  onExport: () => void;
  onNewGame: () => void;
}

type HistoryContest = ScenarioInfo["history"]["contests"][number];

/** The works the scenario cites for its contests, each once, in the order first cited. */
export function contestSources(scenario: Pick<ScenarioInfo, "history">): HistoryContest["sources"] {
  const seen = new Set<string>();
  return scenario.history.contests.flatMap((c) => c.sources).filter((s) => !seen.has(s.key) && seen.add(s.key));
}

/**
 * What the scenario's contests record of one man. A contest with no demand took all his posts (the
 * schema's reading), so only such a one removed him; one that demanded some of his posts took those
 * and left him in the leadership. A move he made that failed put him on the losing side, whose fate
 * the contest tells only in its text.
 */
function contestsOf(me: string, contests: readonly HistoryContest[]) {
  const lost = contests.filter((c) => c.target === me && c.outcome === "removed");
  return {
    removal: lost.find((c) => c.demand.length === 0),
    postsTaken: lost.filter((c) => c.demand.length > 0),
    lostMoves: contests.filter((c) => c.movedBy.includes(me) && c.outcome === "survived"),
    named: contests.some((c) => c.target === me || c.movedBy.includes(me)),
  };
}

/** The posts a man lost and the moves he lost, in the order they came, as one sentence; null when none. */
function setbacksText(record: ReturnType<typeof contestsOf>, his: string, nameOf: (id: string) => string): string | null {
  const setbacks = [
    ...record.postsTaken.map((c) => ({ date: c.date, text: `lost ${c.demand.length === 1 ? `one of ${his} posts` : `${c.demand.length} of ${his} posts`} on ${longDate(c.date)}` })),
    ...record.lostMoves.map((c) => ({ date: c.date, text: `was on the losing side of the move against ${nameOf(c.target)} on ${longDate(c.date)} (what became of the losers is told under “What really happened”)` })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!setbacks.length) return null;
  const text = setbacks.map((s) => s.text).join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * What history records for each goal of this character, in words. The scenario's history records
 * the contests (who moved, who fell, how) and who was first at the end, not each man's posts, seat,
 * policies or following: a goal it cannot answer says so rather than borrowing another's answer, and
 * a man no contest names is not said to have come through.
 */
export function historyForGoal(goal: Goal["id"], me: string, scenario: ScenarioInfo): string {
  const h = scenario.history;
  const dossier = scenario.characters.find((c) => c.id === me);
  const nameOf = (id: string) => scenario.characters.find((c) => c.id === id)?.name ?? id;
  const pronouns = pronounsFor(dossier?.gender);
  const record = contestsOf(me, h.contests);
  const lost = record.removal;
  const removed = lost ? `Removed on ${longDate(lost.date)}${lost.fate !== "none" ? ` (${lost.fate})` : ""}.` : null;
  const unrecorded = "This scenario's history does not record it.";
  const setback = setbacksText(record, pronouns.his, nameOf);
  switch (goal) {
    case "survive": {
      if (removed) return removed;
      if (dossier?.died && dossier.died <= Number(scenario.end.slice(0, 4))) return `Died in ${dossier.died}.`;
      if (setback) return `${setback} Whether ${pronouns.he} stayed in the leadership to the end, this scenario's history does not record.`;
      return record.named || h.primacyAtEnd === me ? "Came through." : unrecorded;
    }
    case "keep-primacy":
    case "take-primacy":
      return h.primacyAtEnd === me ? "First at the end." : `${nameOf(h.primacyAtEnd)} was first at the end.`;
    case "keep-posts":
      if (lost) return `Lost ${pronouns.his} posts.`;
      return setback ?? (record.named ? `Kept ${pronouns.his} posts, as far as this scenario's history records.` : unrecorded);
    case "rise":
      // The goal is set only for a man who was not first at the start: first at the end, he rose.
      return h.primacyAtEnd === me ? `Rose to be first in the leadership, above the posts ${pronouns.he} started with.` : (removed ?? unrecorded);
    case "full-seat":
      return removed ?? unrecorded;
    case "policy":
    case "clients":
      return unrecorded;
  }
}

/** Where a contest was decided, in words (not the engine's ids). */
export const venueWords: Record<string, string> = { session: "in the Presidium", plenum: "at a Central Committee plenum", force: "by force" };
/** Who removed a man, by the venue of his contest, in words. */
const removedByWords: Record<string, string> = { session: "by the Presidium", plenum: "by a Central Committee plenum", force: "by force" };

/** The run's contests in a sentence, with one still being fought at the end (its plenum yet to meet). */
export function contestsText(outcome: Pick<PublicOutcome, "contests" | "undecided">, names: Names): string {
  const decided = outcome.contests.map((c) => `${names(c.target)} (${contestDates(c)}): ${contestResult(c)}`);
  const open = outcome.undecided === null ? "" : `The case of ${names(outcome.undecided)} was still being fought when the run ended.`;
  if (!decided.length) return open || "There was no contest in this run.";
  return `Contests: ${decided.join("; ")}.${open ? ` ${open}` : ""}`;
}

/**
 * What a contest did to its target. A move that took all his posts also settled his fate (the engine
 * judges a fate only then); one that won only the posts it demanded left him in the leadership.
 */
function contestResult(c: PublicOutcome["contests"][number]): string {
  if (c.winner !== "move") return "held on";
  return c.fates.some((f) => f.who === c.target) ? "removed" : "lost what the motion demanded but stayed in the leadership";
}

/** When and where a contest was fought: one date, or the session's opening and the plenum's day when a plenum decided it later. */
export function contestDates(c: PublicOutcome["contests"][number]): string {
  if (c.endedOn === c.date) return `${longDate(c.date)}, ${venueWords[c.venue] ?? c.venue}`;
  if (c.venue === "plenum") return `opened ${longDate(c.date)} in the Presidium, decided at a Central Committee plenum on ${longDate(c.endedOn)}`;
  return `${longDate(c.date)} to ${longDate(c.endedOn)}, ${venueWords[c.venue] ?? c.venue}`;
}

/** The what-ifs by their titles, as the new-game screen names them (an unknown id stays as it is). */
export function whatIfLabels(ids: readonly string[], scenario: Pick<ScenarioInfo, "whatIfs">): string[] {
  return ids.map((id) => {
    const w = scenario.whatIfs.find((x) => x.id === id);
    return w ? `“${w.title}”` : id;
  });
}

/** What became of the man who stood first at the start, and who stands first at the end. */
export function outcomeSummary(outcome: PublicOutcome, scenario: Pick<ScenarioInfo, "characters">, endDate: string, names: Names): string {
  const first = outcome.leader === null ? "Nobody stands first at the end." : `${names(outcome.leader)} is first in the leadership at the end.`;
  const start = outcome.startingLeader;
  if (start === null) return `Nobody stood first at the start. ${first}`;
  const leader = names(start);
  const { his, him } = pronounsFor(scenario.characters.find((c) => c.id === start)?.gender);
  const removal = outcome.contests.find((c) => c.target === start && c.winner === "move");
  if (!outcome.leaderRemoved) {
    // The plenum that saved him sat on its own day, not the run's last.
    const savedByPlenum = outcome.contests.filter((c) => c.target === start && c.winner === "target" && c.venue === "plenum").at(-1);
    return `${leader} keeps ${his} place to ${longDate(endDate)}.${savedByPlenum ? ` A Central Committee plenum saved ${him} on ${longDate(savedByPlenum.endedOn)}.` : ""} ${first}`;
  }
  if (outcome.leaderRemovedBy === "death") return `${leader} died in office. ${first}`;
  if (!removal) return `${leader} lost ${his} place${outcome.leaderRemovedBy === "illness" ? " to illness" : ""}. ${first}`;
  return `${leader} was removed ${removedByWords[removal.venue] ?? removal.venue}${outcome.removalDate ? ` on ${longDate(outcome.removalDate)}` : ""}${removal.launchedWhileAway ? ", while away from Moscow" : ""}. ${first}`;
}

export function EndScreen({ outcome, scenario, me, goals, log, seed, whatIfs, settings, names, onExport, onNewGame }: EndProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "start" });
  }, []);
  const endDate = outcome.endDate <= scenario.end ? outcome.endDate : scenario.end;
  const summary = outcomeSummary(outcome, scenario, endDate, names);
  const shareUrl = seed === undefined ? "" : sharedLink(location.origin, { scenario: scenario.id, seed, as: me.id, whatIfs, settings });
  const timeline = chronological(log.filter((e) => milestoneTypes.has(e.type)));
  const dossier = scenario.characters.find((c) => c.id === me.id) ?? null;
  return (
    <section class="panel end" aria-labelledby="end-title">
      <h2 id="end-title" tabIndex={-1} ref={heading}>
        The end: {longDate(endDate)}
      </h2>
      <p class="outcome">{summary}</p>
      <p class="fate">
        <strong>Your fate:</strong> {yourFate(me, outcome)}
      </p>
      <p>{contestsText(outcome, names)}</p>
      <Goals report={goals} dossier={dossier} final={true} headingLevel={3} />
      <div class="table-scroll" role="region" aria-label="Your goals beside history" tabIndex={0}>
        <table class="responsive">
          <caption>Your run beside history</caption>
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col">In your run</th>
              <th scope="col">In history</th>
            </tr>
          </thead>
          <tbody>
            {goals.goals.map((g) => (
              <tr key={g.id}>
                <th scope="row" data-label="Goal">
                  {g.title}
                </th>
                <td data-label="In your run">{goalStanding(g, true)}</td>
                <td data-label="In history">{historyForGoal(g.id, me.id, scenario)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EpilogueCharts trends={outcome.trends} start={scenario.start} end={endDate} names={names} />
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
          {contestSources(scenario).length ? (
            <>
              <h4>Sources for these contests</h4>
              <Sources sources={contestSources(scenario)} />
            </>
          ) : null}
        </section>
      </div>
      <section class="share" aria-labelledby="share-title">
        <h3 id="share-title">Share this run</h3>
        {seed !== undefined ? (
          <>
            <p>
              Seed <strong>{seed}</strong>
              {whatIfs.length ? ` with the what-if${whatIfs.length > 1 ? "s" : ""} ${whatIfLabels(whatIfs, scenario).join(", ")}` : ""}
              {settings.length ? ` and model settings ${settings.map((s) => `${s.path}=${s.value}`).join(", ")}` : ""}: anyone who plays {scenario.title} as {me.name} with this seed and makes the
              same choices gets the same run.
            </p>
            <label for="share-link">Link to this game (its scenario, seed, character, what-ifs and model settings)</label>
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
