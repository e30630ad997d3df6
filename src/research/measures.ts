// What a study measures on a batch of runs: a named outcome (the removal rate, survival through a
// plenum, the share of harsh fates) or any number or rate in `montecarlo --json`'s report, by its
// dotted path. Each measure gives a value and its Monte Carlo standard error, so calibration can
// judge how far a miss is.
import type { MonteCarloReport } from "./montecarlo.js";
import type { Rate } from "./interval.js";
import { rateEstimate, type TargetEstimate } from "./sensitivity/index.js";

export const namedMeasures: Record<string, { label: string; of: (r: MonteCarloReport) => TargetEstimate }> = {
  removal: { label: "the first man removed", of: (r) => fromRate(r.rates.leaderRemoved) },
  "plenum-survival": {
    label: "survival through a plenum, of the runs where the Presidium turned on him",
    of: (r) => rateEstimate(r.rates.survivedViaPlenum.count, r.rates.presidiumMovesAgainstLeader.count),
  },
  "harsh-fates": {
    label: "prison or death, of all fates",
    of: (r) => {
      let harsh = 0;
      let all = 0;
      for (const counts of Object.values(r.fatesByRole)) {
        for (const [fate, n] of Object.entries(counts)) {
          all += n;
          if (fate === "imprisoned" || fate === "executed") harsh += n;
        }
      }
      return rateEstimate(harsh, all);
    },
  },
  moves: { label: "moves started per run", of: (r) => ({ value: r.movesPerRun ?? Number.NaN, se: Number.NaN }) },
};

function fromRate(r: Rate): TargetEstimate {
  return rateEstimate(r.count, r.of);
}

export class MeasureError extends Error {}

/** A measure by name, or a dotted path into the report ending at a number or a rate. */
export function measure(report: MonteCarloReport, name: string): TargetEstimate {
  const named = namedMeasures[name];
  if (named) return named.of(report);
  let node: unknown = report;
  for (const part of name.split(".")) {
    if (part === "__proto__" || part === "constructor" || part === "prototype") throw new MeasureError(`"${name}" is not a measure`);
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) {
      throw new MeasureError(`"${name}" is neither a named measure (${Object.keys(namedMeasures).join(", ")}) nor a path in montecarlo --json's report (no "${part}")`);
    }
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node === "number") return { value: node, se: Number.NaN };
  if (isRate(node)) return fromRate(node);
  throw new MeasureError(`"${name}" leads to ${Array.isArray(node) ? "a list" : typeof node}, not a number or a rate`);
}

function isRate(x: unknown): x is Rate {
  return x !== null && typeof x === "object" && typeof (x as Rate).count === "number" && typeof (x as Rate).of === "number";
}

/** Checks that a measure name is usable before any run (on a report of no runs). */
export function checkMeasure(empty: MonteCarloReport, name: string): void {
  measure(empty, name);
}
