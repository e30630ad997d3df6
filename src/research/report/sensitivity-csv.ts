// A sensitivity study as one CSV table for R or pandas: one row per analysis, outcome and
// parameter, Morris and Sobol columns side by side (empty where a column belongs to the other
// analysis), so both can be read with one read.csv.
import { csvField, type MorrisRow, type SobolRow } from "../sensitivity/index.js";

const header = ["analysis", "outcome", "parameter", "mu", "mu_star", "sigma", "mu_star_low", "mu_star_high", "effects", "S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high", "rows"];

export function sensitivityCsv(morris: readonly { outcome: string; rows: readonly MorrisRow[] }[], sobol: readonly { outcome: string; rows: readonly SobolRow[] }[]): string {
  const blank = (n: number) => new Array<null>(n).fill(null);
  const lines = [
    header,
    ...morris.flatMap((o) => o.rows.map((r) => ["morris", o.outcome, r.factor, r.mu, r.muStar, r.sigma, r.muStarLow, r.muStarHigh, r.effects, ...blank(7)])),
    ...sobol.flatMap((o) => o.rows.map((r) => ["sobol", o.outcome, r.factor, ...blank(6), r.S1, r.S1Low, r.S1High, r.ST, r.STLow, r.STHigh, r.rows])),
  ];
  return lines.map((cells) => `${cells.map(csvField).join(",")}\n`).join("");
}
