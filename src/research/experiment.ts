// An experiment: several variants of one scenario (the baseline, what-if sets to compare, or the
// values of a sweep), each played on the same seeds. Run i of every variant uses the seed
// mixSeed(baseSeed, i). A chunk of consecutive runs is folded into per-variant totals where it is
// played (a worker thread), and chunk totals are merged in run order, so the result is the same
// however the runs were split. Pure: the engine and arithmetic, no I/O.
import { mixSeed, simulate, summarize, type RunSummary, type Scenario } from "../engine/index.js";
import { csvRow } from "./csv.js";
import { addToDistributions, emptyDistributions, mergeDistributions, type Distributions } from "./distributions.js";
import { addRun, emptyTally, mergeTally, outcomesOf, type OutcomeKey, type Tally } from "./montecarlo.js";
import { addPair, emptyPairTally, mergePairTally, type PairTally } from "./paired.js";
import { recordRun } from "./run-record.js";

/** One scenario variant, already loaded: the label it is reported under and the what-ifs it records. */
export interface Variant {
  label: string;
  whatIfs: string[];
  scenario: Scenario;
}

export interface ChunkTask {
  /** First run index of the chunk and how many runs it has. */
  first: number;
  count: number;
  baseSeed: number;
  /** Whether to return one CSV line per run and variant. */
  csv: boolean;
}

export interface VariantTotals {
  tally: Tally;
  distributions: Distributions;
}

export interface ChunkResult {
  first: number;
  count: number;
  variants: VariantTotals[];
  /** For each variant after the first: its outcomes paired by seed with the first's. */
  pairs: PairTally[];
  /** CSV lines, run by run and variant by variant within a run, or null when not asked for. */
  csv: string | null;
}

export function emptyVariantTotals(variant: Pick<Variant, "whatIfs" | "scenario">, baseSeed: number): VariantTotals {
  return { tally: emptyTally({ scenario: variant.scenario.id, whatIfs: variant.whatIfs, baseSeed }), distributions: emptyDistributions() };
}

/** Plays one chunk of runs of every variant. */
export function runChunk(variants: readonly Variant[], task: ChunkTask): ChunkResult {
  const totals = variants.map((v) => emptyVariantTotals(v, task.baseSeed));
  const pairs = variants.slice(1).map(() => emptyPairTally());
  const lines: string[] = [];
  for (let run = task.first; run < task.first + task.count; run++) {
    const seed = mixSeed(task.baseSeed, run);
    let baseline: Record<OutcomeKey, boolean> | null = null;
    variants.forEach((variant, v) => {
      const world = simulate(variant.scenario, { seed, whatIfs: [...variant.whatIfs] });
      const summary: RunSummary = summarize(world);
      const record = recordRun(world, summary, run, variant.label);
      addRun(totals[v].tally, summary);
      addToDistributions(totals[v].distributions, record, summary);
      if (task.csv) lines.push(csvRow(record));
      const outcomes = outcomesOf(summary);
      if (v === 0) baseline = outcomes;
      else addPair(pairs[v - 1], outcomes, baseline!);
    });
  }
  return { first: task.first, count: task.count, variants: totals, pairs, csv: task.csv ? lines.join("") : null };
}

/** The totals of an experiment so far: merged chunk results, in run order. */
export interface ExperimentTotals {
  /** Runs folded in (each run plays every variant once). */
  runs: number;
  variants: VariantTotals[];
  pairs: PairTally[];
}

export function emptyExperimentTotals(variants: readonly Pick<Variant, "whatIfs" | "scenario">[], baseSeed: number): ExperimentTotals {
  return { runs: 0, variants: variants.map((v) => emptyVariantTotals(v, baseSeed)), pairs: variants.slice(1).map(() => emptyPairTally()) };
}

export function mergeChunk(into: ExperimentTotals, chunk: ChunkResult): ExperimentTotals {
  if (chunk.variants.length !== into.variants.length) throw new Error(`mergeChunk: a chunk of ${chunk.variants.length} variants cannot join totals of ${into.variants.length}`);
  into.runs += chunk.count;
  chunk.variants.forEach((v, i) => {
    mergeTally(into.variants[i].tally, v.tally);
    mergeDistributions(into.variants[i].distributions, v.distributions);
  });
  chunk.pairs.forEach((p, i) => mergePairTally(into.pairs[i], p));
  return into;
}

/**
 * Folds the totals of later runs (another shard's, say) into `into`, as mergeChunk does a chunk's:
 * totals of consecutive run ranges merged in run order equal the totals of all the runs.
 */
export function mergeTotals(into: ExperimentTotals, from: ExperimentTotals): ExperimentTotals {
  return mergeChunk(into, { first: 0, count: from.runs, variants: from.variants, pairs: from.pairs, csv: null });
}

/**
 * Consecutive run ranges to hand out: small enough that every worker gets several (the last ones
 * to finish keep the others waiting) and the progress bar moves, large enough that messaging stays
 * negligible next to the games. With `ramp`, each worker's first chunk is one run and the sizes
 * double from there (1, 1, 2, 2, 4, 4, ... for two workers), so the first result comes after one
 * game rather than a full chunk. The cut does not change the result.
 */
export function planChunks(runs: number, workers: number, maxChunk = 50, ramp = false): { first: number; count: number }[] {
  if (!Number.isSafeInteger(runs) || runs < 1) throw new RangeError(`planChunks: runs must be a positive whole number, got ${runs}`);
  if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`planChunks: workers must be a positive whole number, got ${workers}`);
  const size = Math.max(1, Math.min(maxChunk, Math.ceil(runs / (workers * 8))));
  const chunks: { first: number; count: number }[] = [];
  let first = 0;
  for (let step = 1; ramp && step < size; step *= 2) {
    for (let w = 0; w < workers && first < runs; w++, first += step) chunks.push({ first, count: Math.min(step, runs - first) });
  }
  for (; first < runs; first += size) chunks.push({ first, count: Math.min(size, runs - first) });
  return chunks;
}
