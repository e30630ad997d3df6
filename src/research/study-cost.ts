// What a study will cost, stated before it starts: parameter points × runs per point × variants per
// run = games, and the time they should take from a timed warm-up. Pure: the caller times.

export interface StudyCost {
  points: number;
  /** Points already in the output file from an earlier, stopped run. */
  pointsDone: number;
  runsPerPoint: number;
  /** Games one run of a point plays: one per scenario variant (1 for sensitivity). */
  variants: number;
  games: number;
  gamesLeft: number;
  workers: number;
  /** Seconds one run of every variant took in the warm-up, or null when none was timed. */
  secondsPerRun: number | null;
  /** Expected wall time of the games left, or null without a warm-up. */
  secondsLeft: number | null;
}

export function studyCost(a: { points: number; pointsDone: number; runsPerPoint: number; variants: number; workers: number; secondsPerRun: number | null }): StudyCost {
  const games = a.points * a.runsPerPoint * a.variants;
  const gamesLeft = (a.points - a.pointsDone) * a.runsPerPoint * a.variants;
  // Workers share the games evenly and scale almost perfectly (docs/research.md, the benchmark).
  const secondsLeft = a.secondsPerRun === null ? null : ((a.points - a.pointsDone) * a.runsPerPoint * a.secondsPerRun) / a.workers;
  return { ...a, games, gamesLeft, secondsLeft };
}

/** "45 s", "12 min", "3.4 hours", "2.1 days": a duration as a person plans around it. */
export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} hours`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

const n = (x: number) => x.toLocaleString("en-US");

/** The cost in one or two sentences, after the design has been described. */
export function costSentence(cost: StudyCost): string {
  const variants = cost.variants === 1 ? "" : ` × ${cost.variants} scenario variants`;
  const parts = [`${n(cost.points)} points × ${n(cost.runsPerPoint)} runs${variants} = ${n(cost.games)} games.`];
  if (cost.pointsDone > 0) parts.push(`${n(cost.pointsDone)} points are already done: ${n(cost.gamesLeft)} games to go.`);
  if (cost.secondsPerRun !== null && cost.secondsLeft !== null) {
    const perGame = cost.secondsPerRun / cost.variants;
    parts.push(`A timed warm-up game took ${perGame < 1 ? `${Math.round(perGame * 1000)} ms` : `${perGame.toFixed(1)} s`}: about ${duration(cost.secondsLeft)} on ${cost.workers} worker${cost.workers === 1 ? "" : "s"}.`);
  }
  return parts.join(" ");
}
