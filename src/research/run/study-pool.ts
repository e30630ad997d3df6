// Runs a study on worker threads: every point's runs are cut into chunks handed to the workers (a
// bounded number in flight); a point's chunks are merged in run order, so its totals do not depend
// on the number of workers; a point is reported as soon as all its chunks are in. An abort stops
// handing out work and returns with the points that finished.
import { emptyExperimentTotals, mergeChunk, planChunks, type ExperimentTotals } from "../experiment.js";
import type { ParameterOverride } from "../../engine/index.js";
import type { StudyBase, StudyChunk, StudyTask } from "../study.js";
import type { StudyWorkerData } from "./study-worker.js";
import { closePool, openPool } from "./threads.js";

export interface StudyPlan {
  bases: StudyBase[];
  /** Per group, the keys of its variants. */
  groups: string[][];
  points: { index: number; overrides: ParameterOverride[] }[];
  runs: number;
  baseSeed: number;
  workers: number;
}

export interface StudyHooks {
  signal?: AbortSignal;
  /** A point's totals, per group, once all its runs are in. */
  onPoint: (index: number, groups: ExperimentTotals[]) => void;
  onProgress?: (runsDone: number, runsPlanned: number) => void;
}

const workerFile = new URL("./study-worker.js", import.meta.url).href;

export async function runStudy(plan: StudyPlan, hooks: StudyHooks): Promise<{ complete: boolean }> {
  const chunks = planChunks(plan.runs, 1, Math.max(1, Math.ceil(plan.runs / 2)));
  const threads = Math.max(1, Math.min(plan.workers, plan.points.length * chunks.length));
  const workerData: StudyWorkerData = { bases: plan.bases };
  const pool = openPool<StudyTask, StudyChunk>(workerFile, threads, workerData);
  const cancel = new AbortController();
  const pending = new Map<number, { got: Map<number, StudyChunk>; left: number }>();
  const byIndex = new Map(plan.points.map((p) => [p.index, p]));
  const variantsOf = (keys: string[]) => keys.map((k) => plan.bases.find((b) => b.key === k)!);
  const stop = () => cancel.abort();
  if (hooks.signal?.aborted) stop();
  hooks.signal?.addEventListener("abort", stop, { once: true });
  const perVariant = plan.groups.reduce((n, g) => n + g.length, 0);
  const planned = plan.points.length * plan.runs * perVariant;
  let done = 0;
  let failure: unknown = null;
  try {
    const queue = plan.points.flatMap((p) => chunks.map((c, i) => ({ point: p.index, chunk: i, ...c })));
    const inFlight = new Set<Promise<void>>();
    let next = 0;
    while (next < queue.length || inFlight.size > 0) {
      while (!cancel.signal.aborted && next < queue.length && inFlight.size < threads * 2) {
        const item = queue[next++];
        const point = byIndex.get(item.point)!;
        const task: StudyTask = { point: item.point, overrides: point.overrides, groups: plan.groups, first: item.first, count: item.count, baseSeed: plan.baseSeed };
        const job: Promise<void> = pool
          .run(task, { signal: cancel.signal })
          .then(
            (result) => {
              let entry = pending.get(item.point);
              if (!entry) {
                entry = { got: new Map(), left: chunks.length };
                pending.set(item.point, entry);
              }
              entry.got.set(item.chunk, result);
              entry.left--;
              done += item.count * perVariant;
              hooks.onProgress?.(done, planned);
              if (entry.left === 0) {
                pending.delete(item.point);
                const totals = plan.groups.map((keys) => emptyExperimentTotals(variantsOf(keys), plan.baseSeed));
                for (let c = 0; c < chunks.length; c++) {
                  const r = entry.got.get(c)!;
                  r.groups.forEach((g, i) => mergeChunk(totals[i], g));
                }
                hooks.onPoint(item.point, totals);
              }
            },
            (error: unknown) => {
              if (!cancel.signal.aborted) {
                failure = error;
                cancel.abort();
              }
            },
          )
          .finally(() => inFlight.delete(job));
        inFlight.add(job);
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
    if (failure !== null) throw failure;
    return { complete: !cancel.signal.aborted };
  } finally {
    hooks.signal?.removeEventListener("abort", stop);
    await closePool(pool);
  }
}
