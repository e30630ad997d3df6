// The run's series for the epilogue's charts: who held primacy when, FEAR, and the first man's
// clients' share of the voting Central Committee. FEAR and the share are traced at the end of each
// week, sparsely: a point only when a value has moved by TREND_STEP or more since the last one, or
// when the first man changed. The trace is not the log and the rules never read it.
import { clientShares } from "./power.js";
import { termValue } from "./precision.js";
import type { Id, World } from "./state.js";

/** The smallest move of FEAR or of a share (both 0..1) that makes a new point. */
export const TREND_STEP = 0.02;

export interface TrendPoint {
  date: string;
  /** 0..1. */
  value: number;
}

export interface Trends {
  primacy: { who: Id | null; from: string; to: string }[];
  fear: TrendPoint[];
  /** The share of the voting CC held by clients of whoever was first at the time (null while nobody was). */
  leaderShare: { date: string; value: number | null }[];
}

/** Called at the end of a week (turn.ts endOfWeek): dated by the week's first day, or by the day primacy changed hands in it. */
export function traceTrends(world: World): void {
  const date = world.date;
  const fear = world.trace.fear;
  const lastFear = fear[fear.length - 1];
  if (!lastFear || Math.abs(world.globals.fear - lastFear.value) >= TREND_STEP) fear.push({ date, value: termValue(world.globals.fear) });
  const who = world.primacy;
  const share = who === null ? null : leaderShareOf(world, who);
  const shares = world.trace.leaderShare;
  const last = shares[shares.length - 1];
  // A new first man's point is dated by the day he took primacy (a contest may settle mid-week), so
  // the primacy series read at that date names him.
  const changed = !last || last.who !== who;
  const from = changed ? (world.primacyHistory.at(-1)?.from ?? date) : date;
  if (changed || (share !== null && last.value !== null && Math.abs(share - last.value) >= TREND_STEP)) shares.push({ date: from > date ? from : date, who, value: share === null ? null : termValue(share) });
}

/** His clients' share of the voting members of the CC. */
function leaderShareOf(world: World, who: Id): number {
  return clientShares(world).get(who)?.cc ?? 0;
}

/** The series from the start of the run (its first week) to its end (as it stands then). */
export function runTrends(world: World): Trends {
  const end = world.date > world.end ? world.end : world.date;
  const fear: TrendPoint[] = world.trace.fear.filter((p) => p.date < end).map((p) => ({ date: p.date, value: p.value }));
  const leaderShare: Trends["leaderShare"] = world.trace.leaderShare.filter((p) => p.date < end).map((p) => ({ date: p.date, value: p.value }));
  fear.push({ date: end, value: termValue(world.globals.fear) });
  leaderShare.push({ date: end, value: world.primacy === null ? null : termValue(leaderShareOf(world, world.primacy)) });
  const primacy = world.primacyHistory.map((h, i) => ({ who: h.who, from: h.from, to: world.primacyHistory[i + 1]?.from ?? end }));
  return { primacy, fear, leaderShare };
}
