// Pure functions over the log the seat holds: a digest of what happened while weeks passed, the
// steps of a crisis scene and its running tally, the milestones of the timeline. No DOM here: the
// web unit tests call these directly.
import type { LogEntry } from "../../server/api-types.js";

/** Entries that belong to a crisis scene (a session, a plenum, an arrest and what follows). */
export const crisisTypes = new Set([
  "launch", "alignment", "summons", "tactic", "speech", "presidium-vote", "session-continues", "session-result", "answer",
  "concession", "plenum-to-ratify", "plenum-called", "plenum-demanded", "plenum-convened", "plenum-vote", "plenum-result", "plenum-ratifies",
  "arrest", "arrest-fails", "fate", "relieved", "rebuff", "crisis-ends", "promotion", "appointment",
]);

/** Entries worth a line on the timeline, in the digest and on the end screen. */
export const milestoneTypes = new Set([
  "event", "illness", "death", "launch", "session-result", "plenum-result", "arrest", "arrest-fails", "fate", "primacy",
  "congress", "policy", "promotion", "appointment", "relieved", "warning", "approach", "rumour", "trip", "trip-cut-short",
  "plenum-ratifies", "demand", "use-kompromat", "exposure", "persuaded", "move-started", "moves-merge", "move-ends", "acting", "crisis-ends", "confrontation", "defection", "gives-up-post", "collective-leadership",
]);

/** Bookkeeping, never news: each CC member's ballot (the tally is shown) and the player's own recorded choices. */
const noise = new Set(["plenum-vote", "player-decision"]);

/**
 * Entries by date, oldest first; entries of one date keep the log's order. The engine records a
 * week's business in the order it settles it (a crisis day, then the week's other news dated to its
 * first day), so the log's order is not always the calendar's: every dated list sorts with this.
 */
export function chronological<T extends { date: string }>(entries: readonly T[]): T[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map((x) => x.e);
}

export interface Digest {
  from: string;
  to: string;
  weeks: number;
  /** Public milestones and the seat's private news, oldest first. */
  items: LogEntry[];
  /** How many entries were left out as routine. */
  routine: number;
}

/**
 * What happened between two turns when more than a week went by (the seat let quiet weeks pass):
 * the milestones and every private message, in order. Null when a single week passed.
 */
export function digestOf(fresh: readonly LogEntry[], fromWeek: number, toWeek: number, fromDate: string, toDate: string, seat: string): Digest | null {
  const weeks = toWeek - fromWeek;
  if (weeks <= 1) return null;
  const items = chronological(fresh.filter((e) => !noise.has(e.type) && (milestoneTypes.has(e.type) || (e.audience !== "public" && e.actor !== seat))));
  return { from: fromDate, to: toDate, weeks, items, routine: fresh.filter((e) => !noise.has(e.type)).length - items.length };
}

/** Where the digest's routine entries went, counted in words that agree with their number. */
export function routineNote(routine: number): string {
  return routine === 1 ? "1 routine report is on the News screen." : `${routine} routine reports are on the News screen.`;
}

export interface CrisisStep {
  entries: LogEntry[];
  /** The day's date, when this step opens a new day of the crisis. */
  newDay: string | null;
}

/** Groups a crisis's entries into steps: one speech or vote each, a plenum's ballots as one step; marks the start of each day. */
export function crisisSteps(entries: readonly LogEntry[]): CrisisStep[] {
  const steps: CrisisStep[] = [];
  let day = "";
  for (const e of entries) {
    if (e.type === "player-decision") continue;
    const last = steps[steps.length - 1];
    const newDay = e.date !== day ? e.date : null;
    day = e.date;
    if (e.type === "plenum-vote" && last && last.entries[0].type === "plenum-vote" && newDay === null) last.entries.push(e);
    else steps.push({ entries: [e], newDay });
  }
  return steps;
}

export interface Tally {
  /** Votes for the motion (the move) and against it, the target's own among them. */
  for: number;
  against: number;
  /** The target voted on his own case. */
  selfVote: boolean;
}

/** The Presidium's running tally in the steps shown so far, for the latest session day on screen. */
export function runningTally(steps: readonly CrisisStep[]): Tally {
  let t: Tally = { for: 0, against: 0, selfVote: false };
  for (const step of steps) {
    for (const e of step.entries) {
      if (e.type === "speech" || e.type === "session-continues") {
        // A new day's speeches open a new roll-call.
        if (t.for + t.against > 0 && step.newDay) t = { for: 0, against: 0, selfVote: false };
      }
      if (e.type !== "presidium-vote") continue;
      if (e.chosen === "for") t.for++;
      else t.against++;
      if (e.data?.self === true) t.selfVote = true;
    }
  }
  return t;
}

/** The plenum's ballots shown so far: for the target (keep) and against. */
export function plenumTally(steps: readonly CrisisStep[]): { keep: number; remove: number } | null {
  let keep = 0;
  let remove = 0;
  let seen = false;
  for (const step of steps) {
    for (const e of step.entries) {
      if (e.type !== "plenum-vote") continue;
      seen = true;
      if (e.chosen === "keep") keep++;
      else remove++;
    }
  }
  return seen ? { keep, remove } : null;
}

/** The move a crisis entry belongs to. */
export function moveOf(e: LogEntry): string | null {
  return typeof e.data?.move === "string" ? e.data.move : null;
}

/**
 * The crisis entries of the move launched last, from the log the seat holds (on a reload, or as a
 * crisis goes on over several turns): everything from its launch that belongs to it, or to its
 * aftermath on the day it ended.
 */
export function crisisEntries(log: readonly LogEntry[], launchSeq?: number): LogEntry[] {
  let start = -1;
  for (let i = log.length - 1; i >= 0; i--) {
    if (log[i].type === "launch" && (launchSeq === undefined || log[i].seq === launchSeq)) {
      start = i;
      break;
    }
  }
  if (start < 0) return [];
  const move = moveOf(log[start]);
  const out: LogEntry[] = [];
  let endDate: string | null = null;
  for (const e of log.slice(start)) {
    const m = moveOf(e);
    if (m === move && crisisTypes.has(e.type)) {
      out.push(e);
      if (e.type === "session-result" || e.type === "plenum-result" || e.type === "arrest" || e.type === "arrest-fails" || e.type === "crisis-ends") endDate = e.date;
    } else if (m === null && crisisTypes.has(e.type) && e.type !== "launch" && (endDate === null || e.date === endDate)) {
      // Promotions and appointments that follow a contest on its last day belong to its aftermath.
      if (endDate !== null || ["summons", "plenum-ratifies"].includes(e.type)) out.push(e);
    }
  }
  return out;
}

/**
 * The crises to show after a turn, each a scene of its own, in the order they broke: the one on
 * screen first while it has news, then every other crisis launched in the turn (a second may break
 * on a later day of the same turn, and has its own scene after the first); with neither, the latest.
 */
export function crisesToShow(log: readonly LogEntry[], fresh: readonly LogEntry[], onScreen: LogEntry | undefined): LogEntry[][] {
  const goesOn = onScreen !== undefined && fresh.some((e) => moveOf(e) !== null && moveOf(e) === moveOf(onScreen));
  const broke = fresh.filter((e) => e.type === "launch" && !(goesOn && moveOf(e) === moveOf(onScreen))).map((e) => e.seq);
  const launches = goesOn ? [onScreen.seq, ...broke] : broke;
  return (launches.length ? launches.map((seq) => crisisEntries(log, seq)) : [crisisEntries(log)]).filter((entries) => entries.length > 0);
}

/** Whether the crisis in these entries is decided by force (an arrest): no vote is taken, so none is counted. */
export function decidedByForce(entries: readonly LogEntry[]): boolean {
  return entries.find((e) => e.type === "launch")?.data?.venue === "force";
}

/** Whether the crisis in these entries has been settled. */
export function crisisSettled(entries: readonly LogEntry[]): boolean {
  return entries.some((e) => e.type === "plenum-result" || e.type === "arrest" || e.type === "arrest-fails" || e.type === "crisis-ends" || (e.type === "session-result" && /stands by/.test(e.text)) || e.type === "fate" || e.type === "relieved");
}

/**
 * How many voted in the roll-call whose tally is on screen: the session's result records it (the
 * voters at the vote, before anyone's fate was settled). The roll-call is the next one from the last
 * step shown, or the last one before it when none follows; while the vote is still to be held, the
 * Presidium's voters now (`current`), since nobody has fallen yet.
 */
export function votersAtVote(entries: readonly LogEntry[], shown: readonly CrisisStep[], current: number): number {
  const lastShown = shown[shown.length - 1]?.entries.at(-1)?.seq ?? -1;
  const results = entries.filter((e) => e.type === "session-result" && typeof e.data?.voters === "number");
  const next = results.find((e) => e.seq >= lastShown) ?? results.filter((e) => e.seq < lastShown).at(-1);
  return next ? (next.data!.voters as number) : current;
}
