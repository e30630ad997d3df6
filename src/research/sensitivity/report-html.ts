// Pieces the sensitivity and calibration pages share: ids safe for SVG, the factors table, intro
// paragraphs and interval cells. The page itself and its tables come from the research report module.
import { escapeHtml, table } from "../report/page.js";
import { formatNumber } from "./format.js";
import type { Problem } from "./problem.js";

/** An id fragment from any label (outputs and targets are named by users), so chart ids stay valid and unique per label. */
export function slug(label: string): string {
  const s = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "x" : s;
}

/** Refuses outputs whose ids would give two charts the same SVG id (their accessible names would then clash). */
export function checkDistinctIds(ids: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const id of ids) {
    const s = slug(id);
    const other = seen.get(s);
    if (other !== undefined) throw new Error(`report: outputs "${other}" and "${id}" need ids that differ in more than case and punctuation`);
    seen.set(s, id);
  }
}

/** Plain-text paragraphs as escaped markup. */
export function paragraphs(texts: readonly string[] | undefined): string {
  return (texts ?? []).map((t) => `<p>${escapeHtml(t)}</p>`).join("\n");
}

/** What was varied and over which range, so every report states its own design. */
export function factorsTable(problem: Problem): string {
  return table(
    ["Factor", "Low", "High"],
    problem.factors.map((f) => [`<code>${escapeHtml(f.name)}</code>`, formatNumber(f.low), formatNumber(f.high)]),
  );
}

/** "0.31 to 0.36", or a dash when the interval is undefined. */
export function intervalText(low: number, high: number): string {
  return Number.isFinite(low) && Number.isFinite(high) ? `${formatNumber(low)} to ${formatNumber(high)}` : "–";
}

/** A finite number or null, for chart values (the chart module cannot place NaN). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
