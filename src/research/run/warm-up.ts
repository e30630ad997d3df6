// A short timed warm-up before a long study: runs of every variant the study plays, on this thread,
// so the cost can be stated in hours before committing to it. The games are not part of the results
// (the study's own runs are played on the workers).
//
// A thread's first games pay for compiling the engine: on 3 December 2026 (Intel Xeon, 2 cores) the
// first six games of october-1964 in a fresh process took 764, 579, 351, 226, 192 and 136 ms, and a
// warm worker about 130 ms. Timing the first game alone stated a calibration at 39 minutes that took
// 10.5. So the warm-up plays runs for a couple of seconds, two at least, and times the last one.
import { runStudyChunk, type StudyBase } from "../study.js";

/** How long the warm-up plays, in seconds, and the fewest and most runs it plays (a run of a study with many variants takes seconds; cheap scenarios warm up at once). */
const WARM_UP_SECONDS = 2;
const FEWEST_RUNS = 2;
const MOST_RUNS = 8;

/** Seconds one run of every group costs here (one game per variant): the last of the warm-up's runs, from `seed`'s first. */
export function timeOneRun(bases: readonly StudyBase[], groups: readonly string[][], seed: number): number {
  const byKey = new Map(bases.map((b) => [b.key, b]));
  const started = performance.now();
  let last = 0;
  for (let run = 0; run < MOST_RUNS; run++) {
    const from = performance.now();
    runStudyChunk(byKey, { point: -1, overrides: [], groups: groups.map((g) => [...g]), first: run, count: 1, baseSeed: seed });
    const now = performance.now();
    last = (now - from) / 1000;
    if (run + 1 >= FEWEST_RUNS && (now - started) / 1000 >= WARM_UP_SECONDS) break;
  }
  return last;
}
