// An experiment's totals turned into reports: every variant's rates with Wilson intervals and, for
// each variant after the first, its paired difference from the first (the baseline).
import type { ExperimentTotals, Variant } from "./experiment.js";
import type { Distributions } from "./distributions.js";
import { finalize, type MonteCarloReport, type OutcomeKey } from "./montecarlo.js";
import { differences, type OutcomeDifference } from "./paired.js";

export interface VariantResult {
  label: string;
  whatIfs: string[];
  report: MonteCarloReport;
  distributions: Distributions;
  /** Variant minus baseline, paired by seed; null for the baseline itself. */
  difference: Record<OutcomeKey, OutcomeDifference> | null;
}

export function variantResults(variants: readonly Pick<Variant, "label" | "whatIfs">[], totals: ExperimentTotals): VariantResult[] {
  return variants.map((v, i) => ({
    label: v.label,
    whatIfs: [...v.whatIfs],
    report: finalize(totals.variants[i].tally),
    distributions: totals.variants[i].distributions,
    difference: i === 0 ? null : differences(totals.pairs[i - 1]),
  }));
}
