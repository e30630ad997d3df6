// What a study measures on a batch of runs: a named outcome (the removal rate, survival through a
// plenum, the share of harsh fates), any number or rate in `montecarlo --json`'s report by its dotted
// path, or a share of counts added up from several paths ("removals by a vote, of all removals").
// Each measure gives a value and its Monte Carlo standard error, so calibration can judge how far a
// miss is.
import type { MonteCarloReport, OutcomeKey } from "./montecarlo.js";
import { emptyReport, leaf, leaves, MeasureError, type Leaf, type PathContext } from "./report-paths.js";
import { rateEstimate, type TargetEstimate } from "./sensitivity/index.js";

export { MeasureError } from "./report-paths.js";

/** A share of counts: the sum of the `count` paths over the sum of the `of` paths (each may hold a `*`). */
export interface ShareSpec {
  count: readonly string[];
  of: readonly string[];
}

/** A named measure, a dotted path to a number or a rate, or a share. */
export type MeasureSpec = string | ShareSpec;

/**
 * rate: a share of runs or events with a binomial standard error; number: a plain figure, whose
 * standard error is known only for named measures that say how.
 */
export type MeasureKind = "rate" | "number";

interface NamedMeasure {
  label: string;
  kind: MeasureKind;
  /** The run-level outcome this rate counts, when it is one: its differences can then be paired by seed. */
  paired?: OutcomeKey;
  of: (r: MonteCarloReport) => TargetEstimate;
}

export const namedMeasures: Record<string, NamedMeasure> = {
  removal: { label: "the first man removed", kind: "rate", paired: "leaderRemoved", of: (r) => rateOfLeaf(leaf(r, "rates.leaderRemoved")) },
  "plenum-survival": {
    label: "survival through a plenum, of the runs where the Presidium turned on him",
    kind: "rate",
    of: (r) => shareOf(r, { count: ["rates.survivedViaPlenum"], of: ["rates.presidiumMovesAgainstLeader"] }),
  },
  "harsh-fates": {
    label: "prison or death as the loser's fate, of the contests over a man's posts",
    kind: "rate",
    // Counted by contest, not by fate: one failed move can send a dozen men to the camps, and fates
    // within a contest are not independent draws.
    of: (r) => rateOfLeaf(leaf(r, "harshContestFates")),
  },
  moves: {
    label: "moves started per run",
    kind: "number",
    // Moves are counted events, so their total is treated as a Poisson count: its standard error is its square root.
    of: (r) => (r.runs > 0 ? { value: r.movesStarted / r.runs, se: Math.sqrt(r.movesStarted) / r.runs } : { value: Number.NaN, se: Number.NaN }),
  },
};

export interface MeasureInfo {
  /** How the measure is named in outputs: the name, the path, or "share(a + b of c)". */
  name: string;
  label: string;
  kind: MeasureKind;
  /** Whether its standard error is known (every rate, and named numbers that give one). */
  hasSe: boolean;
  paired: OutcomeKey | null;
}

/** The measure's display name (a share's is written out). */
export function measureName(spec: MeasureSpec): string {
  return typeof spec === "string" ? spec : `share(${spec.count.join(" + ")} of ${spec.of.join(" + ")})`;
}

/**
 * Checks a measure before any run, on the report of no runs (a misspelt field or principal fails
 * here, with the fields that exist), and says what kind of figure it gives.
 */
export function describeMeasure(spec: MeasureSpec, context: PathContext = {}): MeasureInfo {
  const name = measureName(spec);
  if (typeof spec !== "string") {
    if (spec.count.length === 0 || spec.of.length === 0) throw new MeasureError(`${name}: a share needs at least one path in count and one in of`);
    shareOf(emptyReport(), spec, context);
    return { name, label: `${spec.count.join(" + ")}, of ${spec.of.join(" + ")}`, kind: "rate", hasSe: true, paired: null };
  }
  const named = Object.hasOwn(namedMeasures, spec) ? namedMeasures[spec] : undefined;
  if (named) return { name, label: named.label, kind: named.kind, hasSe: true, paired: named.paired ?? null };
  if (!spec.includes(".") && !Object.hasOwn(emptyReport(), spec)) {
    throw new MeasureError(`"${spec}" is neither a named measure (${Object.keys(namedMeasures).join(", ")}) nor a path in montecarlo --json's report (such as rates.leaderRemoved)`);
  }
  const found = leaf(emptyReport(), spec, context);
  const pairedKey = /^rates\.([A-Za-z]+)$/.exec(spec)?.[1] as OutcomeKey | undefined;
  const kind: MeasureKind = found.kind === "rate" ? "rate" : "number";
  return { name, label: spec, kind, hasSe: kind === "rate", paired: pairedKey ?? null };
}

/** The measure's value and standard error on a batch of runs (NaN where there is no denominator, or no known error). */
export function measure(report: MonteCarloReport, spec: MeasureSpec, context: PathContext = {}): TargetEstimate {
  if (typeof spec !== "string") return shareOf(report, spec, context);
  if (Object.hasOwn(namedMeasures, spec)) return namedMeasures[spec].of(report);
  const found = leaf(report, spec, context);
  if (found.kind === "rate") return rateOfLeaf(found);
  if (found.kind === "number") return { value: found.value, se: Number.NaN };
  return { value: found.kind === "absent" ? 0 : Number.NaN, se: Number.NaN };
}

function rateOfLeaf(found: Leaf): TargetEstimate {
  if (found.kind !== "rate") throw new MeasureError("expected a rate");
  return rateEstimate(found.rate.count, found.rate.of);
}

/** The counts behind a share: a rate counts its count, a number itself, an event that never happened (or a figure with no value) 0. */
function total(report: MonteCarloReport, paths: readonly string[], context: PathContext): number {
  let sum = 0;
  for (const path of paths) {
    for (const { at, leaf: l } of leaves(report, path, context)) {
      const n = l.kind === "rate" ? l.rate.count : l.kind === "number" ? l.value : 0;
      if (!Number.isInteger(n) || n < 0) throw new MeasureError(`"${path}": ${at} is ${n}, not a count: a share adds up counts (whole numbers) or the counts of rates`);
      sum += n;
    }
  }
  return sum;
}

function shareOf(report: MonteCarloReport, spec: ShareSpec, context: PathContext = {}): TargetEstimate {
  const count = total(report, spec.count, context);
  const of = total(report, spec.of, context);
  if (count > of) throw new MeasureError(`${measureName(spec)}: the count (${count}) exceeds what it is a share of (${of}): the of paths must count everything the count paths do`);
  return rateEstimate(count, of);
}
