// Runs an experiment on worker threads. Chunks of consecutive runs go to the workers (a bounded
// number in flight, so memory stays flat however many runs); their totals are merged strictly in
// run order, so the result does not depend on the number of workers or on which finished first.
// An abort (Ctrl-C) stops handing out chunks, terminates the workers and returns what finished.
// The workers can be started before the experiment is known (startWorkers), so that they boot while
// the main thread loads the scenario: the variants reach them with the tasks, serialized once into
// shared memory that every task only points at.
import { serialize } from "node:v8";
import type { Piscina } from "piscina";
import { emptyExperimentTotals, mergeChunk, planChunks, type ChunkResult, type ExperimentTotals, type Variant } from "../experiment.js";
import { closePool, openPool } from "./threads.js";
import type { PoolTask } from "./worker.js";

export interface ExperimentPlan {
  variants: Variant[];
  runs: number;
  /** The first run index (0 unless the experiment is one shard of a larger one): runs first..first+runs-1 are played. */
  first?: number;
  baseSeed: number;
  workers: number;
  /** Receives the CSV lines of the runs, in run order; omit to skip producing them. */
  csv?: (lines: string) => void;
  /** Workers started ahead (left running for the caller to destroy); by default the experiment starts its own. */
  pool?: Workers;
}

export interface ExperimentHooks {
  /** Aborting stops the experiment; the promise then resolves with what finished. */
  signal?: AbortSignal;
  /** Called as chunks finish with the number of runs finished so far. */
  onProgress?: (done: number, planned: number) => void;
}

export interface ExperimentOutcome {
  totals: ExperimentTotals;
  /** False when the experiment was stopped before every run had finished. */
  complete: boolean;
  planned: number;
}

const workerFile = new URL("./worker.js", import.meta.url).href;

export type Workers = Piscina<PoolTask, ChunkResult>;

/** The threads an experiment of `runs` runs plays on: one per worker asked for, but no more than runs. */
export function threadsFor(runs: number, workers: number): number {
  return Math.max(1, Math.min(workers, runs));
}

/** Starts the worker threads of an experiment of `runs` runs now; they wait for its tasks. Destroy them when done. */
export function startWorkers(runs: number, workers: number): Workers {
  const threads = threadsFor(runs, workers);
  return openPool<PoolTask, ChunkResult>(workerFile, threads);
}

/** Tells the workers' copies of the variants of one experiment from another's. */
let experiments = 0;

/** The variants as a V8 serialization in shared memory: handed to every task without copying. */
function shareVariants(variants: readonly Variant[]): SharedArrayBuffer {
  const bytes = serialize(variants);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

export async function runExperiment(plan: ExperimentPlan, hooks: ExperimentHooks = {}): Promise<ExperimentOutcome> {
  const offset = plan.first ?? 0;
  const threads = threadsFor(plan.runs, plan.workers);
  const chunks = planChunks(plan.runs, threads, 50, true).map((c) => ({ first: c.first + offset, count: c.count }));
  const pool = plan.pool ?? startWorkers(plan.runs, plan.workers);
  const experiment = ++experiments;
  const variants = shareVariants(plan.variants);
  const totals = emptyExperimentTotals(plan.variants, plan.baseSeed);
  const cancel = new AbortController();
  const finished = new Map<number, ChunkResult>();
  let nextToFold = 0;

  const merge = (index: number) => {
    const chunk = finished.get(index)!;
    finished.delete(index);
    mergeChunk(totals, chunk);
    if (plan.csv && chunk.csv !== null) plan.csv(chunk.csv);
  };
  /** Merges the finished chunks that continue the run order without a gap. */
  const foldInOrder = () => {
    while (finished.has(nextToFold)) merge(nextToFold++);
  };
  /** After an abort: the chunks that finished beyond a gap go in too, still in run order. */
  const foldRest = () => {
    for (const index of [...finished.keys()].sort((a, b) => a - b)) merge(index);
  };

  const stop = () => cancel.abort();
  if (hooks.signal?.aborted) stop();
  hooks.signal?.addEventListener("abort", stop, { once: true });
  try {
    let next = 0;
    let done = 0;
    let failure: unknown = null;
    const inFlight = new Set<Promise<void>>();
    // Two chunks per thread: one running, one queued, so no thread waits for the main thread.
    while (next < chunks.length || inFlight.size > 0) {
      while (!cancel.signal.aborted && next < chunks.length && inFlight.size < threads * 2) {
        const index = next++;
        const task: PoolTask = { ...chunks[index], baseSeed: plan.baseSeed, csv: plan.csv !== undefined, experiment, variants };
        const job: Promise<void> = pool
          .run(task, { signal: cancel.signal })
          .then(
            (result) => {
              finished.set(index, result);
              done += result.count;
              foldInOrder();
              hooks.onProgress?.(done, plan.runs);
            },
            (error: unknown) => {
              // After an abort every task in flight rejects; only a failure before it is an error.
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
    foldRest();
    return { totals, complete: totals.runs === plan.runs, planned: plan.runs };
  } finally {
    hooks.signal?.removeEventListener("abort", stop);
    if (plan.pool === undefined) await closePool(pool);
  }
}
