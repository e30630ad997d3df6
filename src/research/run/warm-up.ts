// A short timed warm-up before a long study: one run of every variant the study plays, on this
// thread, so the cost can be stated in hours before committing to it. The games are not part of the
// results (the study's own runs are played on the workers).
import { runStudyChunk, type StudyBase } from "../study.js";

/** Seconds one run of every group costs here (one game per variant), measured on `seed`'s first run. */
export function timeOneRun(bases: readonly StudyBase[], groups: readonly string[][], seed: number): number {
  const byKey = new Map(bases.map((b) => [b.key, b]));
  const started = performance.now();
  runStudyChunk(byKey, { point: -1, overrides: [], groups: groups.map((g) => [...g]), first: 0, count: 1, baseSeed: seed });
  return (performance.now() - started) / 1000;
}
