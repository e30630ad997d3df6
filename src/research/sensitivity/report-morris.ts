// The HTML report of a Morris screening: for each output, factors ranked by mu* with bootstrap
// whiskers and sigma beside them, and the same figures as a table.
import { barChart } from "../charts/bar-chart.js";
import { variantColor } from "../charts/palette.js";
import { ticksFromZero } from "../charts/scale.js";
import { escapeHtml, figure, htmlPage, table, type Section } from "../report/page.js";
import { formatNumber } from "./format.js";
import type { MorrisRow } from "./morris.js";
import type { Problem } from "./problem.js";
import { checkDistinctIds, factorsTable, finiteOrNull, intervalText, paragraphs, slug } from "./report-html.js";

export interface MorrisOutput {
  id: string;
  label: string;
  rows: readonly MorrisRow[];
}

export interface MorrisReportInput {
  title: string;
  /** Plain-text paragraphs under the title. */
  intro?: readonly string[];
  problem: Problem;
  trajectories: number;
  levels: number;
  /** Model runs per design point (each output is then an average or rate over them). */
  runsPerPoint?: number;
  bootstrap: number;
  confidence: number;
  outputs: readonly MorrisOutput[];
}

/** Factors by importance, most important first; factors without effects go last. */
export function rankedMorris(rows: readonly MorrisRow[]): MorrisRow[] {
  const key = (r: MorrisRow) => (Number.isFinite(r.muStar) ? r.muStar : -1);
  return [...rows].sort((a, b) => key(b) - key(a));
}

/** The mu* ranking chart of one output: bars with the bootstrap whisker, and sigma as a second bar. */
export function morrisChart(output: MorrisOutput, confidence: number): string {
  const rows = rankedMorris(output.rows);
  const top = Math.max(0, ...rows.flatMap((r) => [r.muStar, r.muStarHigh, r.sigma].filter(Number.isFinite)));
  const level = `${Math.round(100 * confidence)}%`;
  return barChart({
    id: `morris-${slug(output.id)}`,
    title: `What moves ${output.label}?`,
    subtitle: `mu*: mean absolute effect, with its ${level} bootstrap interval; sigma: spread of the effects`,
    description: `Horizontal bars, one pair per factor ranked by mu*: the first bar is mu* for ${output.label} with a whisker for its ${level} bootstrap interval, the second is sigma. Effects are the change in the output per full range of the factor.`,
    categories: rows.map((r) => r.factor),
    series: [
      {
        label: "mu* (importance)",
        color: variantColor(0),
        values: rows.map((r) =>
          Number.isFinite(r.muStar)
            ? { value: r.muStar, low: finiteOrNull(r.muStarLow), high: finiteOrNull(r.muStarHigh), note: `${r.factor}: mu* ${formatNumber(r.muStar)} (${level} interval ${intervalText(r.muStarLow, r.muStarHigh)}), from ${r.effects} effects` }
            : null,
        ),
      },
      {
        label: "sigma (non-linearity or interactions)",
        color: variantColor(1),
        values: rows.map((r) => (Number.isFinite(r.sigma) ? { value: r.sigma, note: `${r.factor}: sigma ${formatNumber(r.sigma)}` } : null)),
      },
    ],
    axisLabel: `Change in ${output.label} per full range of the factor`,
    max: ticksFromZero(top, 5).at(-1),
    format: (v) => formatNumber(v),
  });
}

/** The chart's figures as a table, for screen readers and for copying. */
export function morrisTable(rows: readonly MorrisRow[], confidence: number): string {
  return table(
    ["Factor", "mu*", `${Math.round(100 * confidence)}% interval of mu*`, "mu", "sigma", "sigma / mu*", "Effects"],
    rankedMorris(rows).map((r) => [
      `<code>${escapeHtml(r.factor)}</code>`,
      formatNumber(r.muStar),
      intervalText(r.muStarLow, r.muStarHigh),
      formatNumber(r.mu),
      formatNumber(r.sigma),
      r.muStar > 0 ? formatNumber(r.sigma / r.muStar, 2) : "–",
      String(r.effects),
    ]),
  );
}

/** One output's section (chart and table), for pages that combine several analyses. */
export function morrisSection(output: MorrisOutput, confidence: number): Section {
  return {
    id: `morris-${slug(output.id)}`,
    heading: output.label,
    body: [figure(morrisChart(output, confidence), "Longer bars matter more. A sigma bar as long as the mu* bar or longer means the factor's effect depends on where the others are (interactions) or on its own level (non-linearity)."), morrisTable(output.rows, confidence)].join("\n"),
  };
}

/** The whole self-contained page. */
export function morrisReportHtml(input: MorrisReportInput): string {
  checkDistinctIds(input.outputs.map((o) => o.id));
  const k = input.problem.factors.length;
  const points = input.trajectories * (k + 1);
  const runs = input.runsPerPoint ? ` of ${input.runsPerPoint.toLocaleString("en-US")} runs each` : "";
  const intro = [
    paragraphs(input.intro),
    `<p>Morris screening of ${k} factors: ${input.trajectories} trajectories on a ${input.levels}-level grid, ${points.toLocaleString("en-US")} design points${runs}.</p>`,
    factorsTable(input.problem),
  ].join("\n");
  const notes = [
    "<ul>",
    "<li>An elementary effect is the change in the output when one factor moves by one grid step, divided by the step as a fraction of the factor's range: it reads as the change per full range, so factors with different units are comparable.</li>",
    "<li><strong>mu*</strong> is the mean absolute effect (importance); <strong>mu</strong> the mean signed effect (direction); <strong>sigma</strong> the standard deviation of the effects (non-linearity or interactions).</li>",
    `<li>Intervals are ${Math.round(100 * input.confidence)}% percentile bootstrap intervals of mu* over ${input.bootstrap.toLocaleString("en-US")} resamples of the trajectories.</li>`,
    "<li>An effect whose output had no value (a rate with no denominator) is left out; the Effects column says how many remained.</li>",
    "<li>Morris ranks factors; it does not apportion variance. Use a Sobol analysis on the few factors that matter for that.</li>",
    "</ul>",
  ].join("\n");
  return htmlPage({ title: input.title, intro, sections: input.outputs.map((o) => morrisSection(o, input.confidence)), notes });
}
