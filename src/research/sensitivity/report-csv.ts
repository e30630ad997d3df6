// The analyses as CSV for R or pandas: RFC 4180 quoting, full precision, empty cells where a
// figure is undefined (never "NaN").
import type { HistoryMatchResult } from "./history-matching.js";
import type { MorrisRow } from "./morris.js";
import { validateProblem, type Problem } from "./problem.js";
import type { SobolRow } from "./sobol.js";

type Cell = string | number | boolean | null;

/** One field, quoted when it holds a comma, quote or line break; non-finite numbers become empty cells. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => `${r.map(csvField).join(",")}\n`).join("");
}

/** Rows may carry the output they belong to, so one file can hold every output's analysis. */
export type Labelled<T> = T & { output?: string };

/** Morris figures, one row per factor (and output); an "output" column appears when rows carry one. */
export function morrisCsv(rows: readonly Labelled<MorrisRow>[]): string {
  const withOutput = rows.some((r) => r.output !== undefined);
  const header = ["factor", "mu", "mu_star", "sigma", "mu_star_low", "mu_star_high", "effects"];
  return csv(
    withOutput ? ["output", ...header] : header,
    rows.map((r) => {
      const cells: Cell[] = [r.factor, r.mu, r.muStar, r.sigma, r.muStarLow, r.muStarHigh, r.effects];
      return withOutput ? [r.output ?? null, ...cells] : cells;
    }),
  );
}

/** Sobol indices, one row per factor (and output); an "output" column appears when rows carry one. */
export function sobolCsv(rows: readonly Labelled<SobolRow>[]): string {
  const withOutput = rows.some((r) => r.output !== undefined);
  const header = ["factor", "S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high", "rows"];
  return csv(
    withOutput ? ["output", ...header] : header,
    rows.map((r) => {
      const cells: Cell[] = [r.factor, r.S1, r.S1Low, r.S1High, r.ST, r.STLow, r.STHigh, r.rows];
      return withOutput ? [r.output ?? null, ...cells] : cells;
    }),
  );
}

/**
 * One row per sampled point: its parameters, its implausibility for each target, the largest, and
 * whether it was kept. `numbers` gives each point's number in the study (calibrate's --out and --json
 * number the defaults 0 and the sample from 1); by default the points are numbered from 0.
 */
export function historyMatchCsv(problem: Problem, result: HistoryMatchResult, numbers: readonly number[] = result.points.map((_, i) => i)): string {
  validateProblem(problem);
  const names = problem.factors.map((f) => f.name);
  if (names.join("\u0000") !== result.factors.map((f) => f.name).join("\u0000")) throw new Error("historyMatchCsv: the problem's factors are not the ones the match was run with");
  const header = ["point", ...names, ...result.targets.map((t) => `implausibility_${t.id}`), "max_implausibility", "kept"];
  return csv(
    header,
    result.points.map((p, i) => [numbers[i], ...p.values, ...p.implausibility, p.max, p.kept]),
  );
}
