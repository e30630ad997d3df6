// Paired comparison of a variant with the baseline: both are run on the same seeds, so each seed
// gives a pair of outcomes and the difference is estimated from the pairs (see interval.ts).
import { pairedDifference, type PairedCounts, type PairedDifference } from "./interval.js";
import { outcomeKeys, type OutcomeKey } from "./montecarlo.js";

/** Per outcome: the paired 2x2 table, "first" being the variant and "second" the baseline. */
export type PairTally = Record<OutcomeKey, PairedCounts>;

export function emptyPairTally(): PairTally {
  return Object.fromEntries(outcomeKeys.map((k) => [k, { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 }])) as PairTally;
}

export function addPair(t: PairTally, variant: Record<OutcomeKey, boolean>, baseline: Record<OutcomeKey, boolean>): PairTally {
  for (const key of outcomeKeys) {
    const c = t[key];
    if (variant[key] && baseline[key]) c.both++;
    else if (variant[key]) c.firstOnly++;
    else if (baseline[key]) c.secondOnly++;
    else c.neither++;
  }
  return t;
}

export function mergePairTally(into: PairTally, from: PairTally): PairTally {
  for (const key of outcomeKeys) {
    into[key].both += from[key].both;
    into[key].firstOnly += from[key].firstOnly;
    into[key].secondOnly += from[key].secondOnly;
    into[key].neither += from[key].neither;
  }
  return into;
}

export interface OutcomeDifference extends PairedDifference {
  /** The paired table behind it: seeds where the outcome happened with both, with the variant only, the baseline only, neither. */
  pairs: PairedCounts;
}

/** Variant minus baseline for every outcome, each with its 95% interval. */
export function differences(t: PairTally): Record<OutcomeKey, OutcomeDifference> {
  return Object.fromEntries(outcomeKeys.map((k) => [k, { ...pairedDifference(t[k]), pairs: { ...t[k] } }])) as Record<OutcomeKey, OutcomeDifference>;
}

export const DIFFERENCE_METHOD =
  "variant minus baseline on the same seeds; 95% interval by Newcombe's square-and-add method for paired proportions (1998, method 10, continuity-corrected phi)";
