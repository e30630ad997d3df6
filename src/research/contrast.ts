// How a measure responds to a cause: the measure in a what-if variant against the baseline, both
// played on the same seeds. A run-level outcome (removal, a Presidium move) is compared seed by
// seed, which is much tighter than comparing the two rates; any other measure is compared as two
// estimates whose errors add (conservative, since paired runs move together).
import { pairedDifference } from "./interval.js";
import { measure, type MeasureInfo, type MeasureSpec } from "./measures.js";
import type { MonteCarloReport } from "./montecarlo.js";
import type { PairTally } from "./paired.js";
import type { PathContext } from "./report-paths.js";
import type { TargetEstimate } from "./sensitivity/index.js";

/** difference: variant minus baseline; ratio: variant over baseline. */
export type Change = "difference" | "ratio";

const Z95 = 1.959963984540054;

export interface ContrastInput {
  variant: MonteCarloReport;
  baseline: MonteCarloReport;
  /** The variant's outcomes paired by seed with the baseline's, when both were played in one group. */
  pairs: PairTally | null;
}

export function contrast(change: Change, spec: MeasureSpec, info: MeasureInfo, input: ContrastInput, context: PathContext = {}): TargetEstimate {
  if (change === "difference" && info.paired !== null && input.pairs !== null) {
    const d = pairedDifference(input.pairs[info.paired]);
    if (d.difference === null || d.low === null || d.high === null) return { value: Number.NaN, se: Number.NaN };
    // Newcombe's interval is the paired difference's best-behaved error (it stays positive when no
    // seed changed its outcome); a 95% interval spans about 2 x 1.96 standard errors.
    return { value: d.difference, se: (d.high - d.low) / (2 * Z95) };
  }
  const v = measure(input.variant, spec, context);
  const b = measure(input.baseline, spec, context);
  if (change === "difference") return { value: v.value - b.value, se: Math.hypot(v.se, b.se) };
  if (!(b.value !== 0)) return { value: Number.NaN, se: Number.NaN };
  const ratio = v.value / b.value;
  // The delta method: relative errors add in quadrature. At a variant value of 0 its relative error
  // is undefined, so its absolute error over the baseline stands in.
  const relV = v.value !== 0 ? v.se / v.value : Number.NaN;
  const se = v.value !== 0 ? Math.abs(ratio) * Math.hypot(relV, b.se / b.value) : v.se / Math.abs(b.value);
  return { value: ratio, se };
}
