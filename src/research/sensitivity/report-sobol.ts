// The HTML report of a Sobol analysis: for each output, the first-order and total indices per
// factor with their bootstrap intervals, and the same figures as a table.
import { barChart, type BarValue } from "../charts/bar-chart.js";
import { variantColor } from "../charts/palette.js";
import { escapeHtml, figure, htmlPage, table, type Section } from "../report/page.js";
import type { Problem } from "./problem.js";
import { checkDistinctIds, factorsTable, paragraphs, slug } from "./report-html.js";
import type { SobolRow } from "./sobol.js";

export interface SobolOutput {
  id: string;
  label: string;
  rows: readonly SobolRow[];
}

export interface SobolReportInput {
  title: string;
  intro?: readonly string[];
  problem: Problem;
  /** Base sample size n; the design had n (k + 2) points. */
  baseSamples: number;
  runsPerPoint?: number;
  bootstrap: number;
  confidence: number;
  outputs: readonly SobolOutput[];
}

export function rankedSobol(rows: readonly SobolRow[]): SobolRow[] {
  const key = (r: SobolRow) => (Number.isFinite(r.ST) ? r.ST : -1);
  return [...rows].sort((a, b) => key(b) - key(a));
}

/**
 * A bar for an index on the 0..1 axis. Estimates can stray just outside [0, 1] by sampling noise;
 * the bar and whisker are drawn clipped to the axis while the label and tooltip keep the estimate.
 */
function indexBar(factor: string, name: string, value: number, low: number, high: number, level: string): BarValue | null {
  if (!Number.isFinite(value)) return null;
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  const hasInterval = Number.isFinite(low) && Number.isFinite(high);
  return {
    value: clip(value),
    low: hasInterval ? clip(low) : null,
    high: hasInterval ? clip(high) : null,
    note: `${factor}: ${name} ${indexText(value)} (${level} interval ${hasInterval ? `${indexText(low)} to ${indexText(high)}` : "–"})`,
  };
}

/** S1 and ST bars of one output, factors ranked by ST. */
export function sobolChart(output: SobolOutput, confidence: number): string {
  const rows = rankedSobol(output.rows);
  const level = `${Math.round(100 * confidence)}%`;
  return barChart({
    id: `sobol-${slug(output.id)}`,
    title: `What explains the variance of ${output.label}?`,
    subtitle: `S1: the factor alone; ST: with its interactions; whiskers are ${level} bootstrap intervals`,
    description: `Horizontal bars, one pair per factor ranked by the total index: S1 and ST for ${output.label}, each with a whisker for its ${level} bootstrap interval, on a scale from 0 to 1 (the share of the output's variance).`,
    categories: rows.map((r) => r.factor),
    series: [
      { label: "S1 (alone)", color: variantColor(0), values: rows.map((r) => indexBar(r.factor, "S1", r.S1, r.S1Low, r.S1High, level)) },
      { label: "ST (with interactions)", color: variantColor(1), values: rows.map((r) => indexBar(r.factor, "ST", r.ST, r.STLow, r.STHigh, level)) },
    ],
    axisLabel: `Share of the variance of ${output.label}`,
    max: 1,
    format: (v) => indexText(v, 2),
  });
}

/** Indices to fixed decimals: shares of variance read better so than in significant digits (0.000 rather than 7.23e-5). */
function indexText(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return "–";
  const t = x.toFixed(digits);
  return /^-0\.0*$/.test(t) ? t.slice(1) : t;
}

function withInterval(value: number, low: number, high: number): string {
  const interval = Number.isFinite(low) && Number.isFinite(high) ? ` <span class="small">(${indexText(low)} to ${indexText(high)})</span>` : "";
  return `${indexText(value)}${interval}`;
}

/** The chart's figures as a table, for screen readers and for copying. */
export function sobolTable(rows: readonly SobolRow[], confidence: number): string {
  const level = `${Math.round(100 * confidence)}%`;
  return table(
    ["Factor", `S1 (${level} interval)`, `ST (${level} interval)`, "ST − S1 (interactions)", "Rows used"],
    rankedSobol(rows).map((r) => [`<code>${escapeHtml(r.factor)}</code>`, withInterval(r.S1, r.S1Low, r.S1High), withInterval(r.ST, r.STLow, r.STHigh), indexText(r.ST - r.S1), String(r.rows)]),
  );
}

export function sobolSection(output: SobolOutput, confidence: number): Section {
  return {
    id: `sobol-${slug(output.id)}`,
    heading: output.label,
    body: [
      figure(sobolChart(output, confidence), "S1 is the share of variance the factor explains alone; ST adds its interactions. A wide gap between them means the factor acts through interactions. Bars and whiskers are clipped to 0..1; the table gives the raw estimates."),
      sobolTable(output.rows, confidence),
    ].join("\n"),
  };
}

export function sobolReportHtml(input: SobolReportInput): string {
  checkDistinctIds(input.outputs.map((o) => o.id));
  const k = input.problem.factors.length;
  const points = input.baseSamples * (k + 2);
  const runs = input.runsPerPoint ? ` of ${input.runsPerPoint.toLocaleString("en-US")} runs each` : "";
  const intro = [
    paragraphs(input.intro),
    `<p>Sobol analysis of ${k} factors: a Saltelli design with a base sample of ${input.baseSamples.toLocaleString("en-US")}, ${points.toLocaleString("en-US")} design points${runs}.</p>`,
    factorsTable(input.problem),
  ].join("\n");
  const notes = [
    "<ul>",
    "<li>S1 is estimated as in Saltelli et al. (2010) and ST with Jansen's (1999) estimator, both over the variance of the output across the two base samples.</li>",
    "<li>Estimates carry sampling noise: an S1 slightly below 0 or an ST slightly above 1 means the true value is near that end.</li>",
    `<li>Intervals are ${Math.round(100 * input.confidence)}% percentile bootstrap intervals over ${input.bootstrap.toLocaleString("en-US")} resamples of the base rows.</li>`,
    "<li>Rows whose output had no value (a rate with no denominator) are left out for the factors they touch; the last column says how many rows remained.</li>",
    "<li>When each output is itself a Monte Carlo estimate, its run-to-run noise counts as variance no factor explains: the indices then add up to less than they would for an exact model.</li>",
    "</ul>",
  ].join("\n");
  return htmlPage({ title: input.title, intro, sections: input.outputs.map((o) => sobolSection(o, input.confidence)), notes });
}
