// While a crisis is replayed step by step, the page must not say what the scene has not shown yet: a
// turn's answer holds the whole crisis and whatever followed it (the last date reached, the player's
// fate, a new first man). These pure functions give what may be shown meanwhile: the log up to the
// step on screen, and the header's facts as they stood before the turn, moved on only by what the
// scene has revealed. No DOM here: the web unit tests call them directly.
import type { CrisisView, JourneyView, LogEntry, PrincipalView } from "../../server/api-types.js";
import { crisisSteps } from "./story.js";

/**
 * How much of the log may be shown while a crisis is replayed: its entries up to the last step on
 * screen, and everything logged before that step; null when nothing is held back (every step shown).
 * `runOver`: the crisis ended the run, and its scene stays on screen until the player goes on to the
 * end; what followed its last step (the weeks to the run's end) waits for that too. `nextScene`: the
 * entries of the next crisis of the turn, still to be shown as a scene: what came between the two
 * (months, once the player has fallen and the run goes on without him) waits for that scene, whose
 * first step shows it, so that the news never runs ahead of the date in the header.
 */
export function revealedLength(log: readonly LogEntry[], crisisEntries: readonly LogEntry[], shown: number, runOver = false, nextScene: readonly LogEntry[] = []): number | null {
  const steps = crisisSteps(crisisEntries);
  if (shown >= steps.length && !runOver && !nextScene.length) return null;
  shown = Math.min(shown, steps.length);
  const lastShown = steps[shown - 1]?.entries.at(-1);
  const firstHidden = steps[shown]?.entries[0];
  const at = (entry: LogEntry) => log.findIndex((e) => e.seq === entry.seq);
  const cut = lastShown ? at(lastShown) + 1 : firstHidden ? at(firstHidden) : -1;
  return cut > 0 ? cut : null;
}

/**
 * The men as the page may show them while a crisis is replayed: as they stood before the turn, with
 * the falls and deaths the revealed entries have shown (a fallen or dead man holds no post). The page
 * holds no view of the weeks between, so posts that changed hands otherwise wait for the turn's end.
 */
export function principalsAsRevealed(before: readonly PrincipalView[], revealed: readonly LogEntry[]): PrincipalView[] {
  const fates = new Map<string, string>();
  const dead = new Set<string>();
  for (const e of revealed) {
    if (e.type === "fate" && e.actor && typeof e.data?.fate === "string") fates.set(e.actor, e.data.fate);
    if (e.type === "death" && e.actor) dead.add(e.actor);
  }
  const fallen = (p: PrincipalView): PrincipalView => ({ ...p, fate: fates.get(p.id) ?? p.fate, alive: p.alive && !dead.has(p.id), presidium: "none", votesInPresidium: false, secretary: false, posts: [], postTitles: [], acting: [], organs: [] });
  return before.map((p) => (fates.has(p.id) || dead.has(p.id) ? fallen(p) : p));
}

/** The header's facts: the date and week, the first man and where he is, the player's own state, fear. */
export interface HeaderFacts {
  date: string;
  week: number;
  leader: string | null;
  leaderAway: string | null;
  fate: string | null;
  incapacitated: boolean;
  fear: number;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Where `who` was on `date`, by the journeys the papers reported: the place, or null in Moscow. */
export function awayOn(journeys: readonly JourneyView[], who: string | null, date: string): string | null {
  if (who === null) return null;
  return journeys.find((j) => j.who === who && j.left <= date && (j.back === null || j.back > date))?.place ?? null;
}

/**
 * The header while a crisis is replayed: the facts as they stood before the turn (`before`), moved on
 * by the entries of the turn revealed so far (`revealed`, in log order): the date of the step on
 * screen (`date`) and its week (a week is seven days), a change of first man, the player's own fate
 * or stroke. The journeys are the papers' (public), read at that date.
 */
export function headerWhileRevealing(before: HeaderFacts, revealed: readonly LogEntry[], date: string, seat: string, journeys: readonly JourneyView[]): HeaderFacts {
  const at = date > before.date ? date : before.date;
  let leader = before.leader;
  let fate = before.fate;
  let incapacitated = before.incapacitated;
  for (const e of revealed) {
    if (e.type === "primacy" && typeof e.data?.to === "string") leader = e.data.to;
    if (e.type === "fate" && e.actor === seat && typeof e.data?.fate === "string") fate = e.data.fate;
    if (e.type === "illness" && e.actor === seat) incapacitated = true;
  }
  return {
    date: at,
    week: before.week + Math.floor(daysBetween(before.date, at) / 7),
    leader,
    leaderAway: leader === before.leader && at === before.date ? before.leaderAway : awayOn(journeys, leader, at),
    fate,
    incapacitated,
    fear: before.fear,
  };
}

/**
 * The crisis as seen from Moscow (the board beside the scene), as far as the steps on screen have
 * gone: the sides the organs' chiefs have been seen to take (a side taken with no step of its own,
 * the target's own organs or an arrest's planners, is known from the start), the members in Moscow
 * up to the day on screen, the signatures once their demand is shown, the plenum's day once it is
 * called. `all` is every entry of the crisis the page holds, `shown` those on screen.
 */
export function liveSoFar(live: CrisisView, all: readonly LogEntry[], shown: readonly LogEntry[]): CrisisView {
  const seen = new Set(shown.map((e) => e.seq));
  const aligned = new Map(all.filter((e) => e.type === "alignment" && e.actor).map((e) => [e.actor!, e]));
  const sides: CrisisView["sides"] = {};
  for (const [chief, side] of Object.entries(live.sides)) {
    const step = aligned.get(chief);
    if (!step || seen.has(step.seq)) sides[chief] = side;
  }
  const day = shown.at(-1)?.date ?? live.startedOn;
  const summoned = shown.some((e) => e.type === "summons");
  const arrivals = summoned ? live.arrivals.filter((a) => a.date <= day) : [];
  const demand = shown.filter((e) => e.type === "plenum-demanded").at(-1);
  const called = shown.some((e) => e.type === "plenum-called" || e.type === "plenum-convened");
  return {
    ...live,
    sides,
    arrivals,
    present: arrivals.at(-1)?.present ?? 0,
    presentByRow: summoned && arrivals.length === live.arrivals.length ? live.presentByRow : {},
    signatures: typeof demand?.data?.signatures === "number" ? demand.data.signatures : 0,
    plenumDay: called ? live.plenumDay : null,
  };
}
