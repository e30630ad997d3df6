// The HTML report of `presidium sweep`: each headline rate against the swept parameter, the
// survival curves per value, and the table of figures.
import { variantColor } from "../charts/palette.js";
import type { OutcomeKey } from "../montecarlo.js";
import type { Rate } from "../interval.js";
import type { VariantResult } from "../results.js";
import { outcomeLabels, rateAgainstParameterChart, survivalChart } from "./experiment-charts.js";
import { surname, type ScenarioFacts } from "./facts.js";
import { describeVariant, historySentence } from "./montecarlo-report.js";
import { escapeHtml, figure, htmlPage, table, type Section } from "./page.js";

/** The rates a sweep reports for every value. */
export const headlineKeys: readonly OutcomeKey[] = ["leaderRemoved", "removedInSession", "removedByPlenum", "removedByForce", "removedWhileAway", "presidiumMovesAgainstLeader", "survivedViaPlenum"];

export interface SweepReportInput {
  facts: ScenarioFacts;
  parameter: string;
  /** The values as given on the command line, in order, and as numbers when they all are. */
  values: readonly string[];
  numeric: readonly number[] | null;
  /** One result per value, in the same order. */
  results: readonly VariantResult[];
  whatIfs: readonly string[];
  baseSeed: number;
  runs: number;
  planned: number;
}

export function sweepReportHtml(input: SweepReportInput): string {
  const { facts, parameter } = input;
  const labels = outcomeLabels(facts);
  const order = sortedIndices(input);
  const charts = headlineKeys.map((key, k) =>
    figure(
      rateAgainstParameterChart({
        id: `sweep-${key}`,
        title: labels[key].replace(/^… /, `${surname(facts, facts.leader)} removed `),
        parameter,
        values: order.map((i) => input.values[i]),
        numeric: input.numeric ? order.map((i) => input.numeric![i]) : null,
        rates: order.map((i) => input.results[i].report.rates[key]),
        color: variantColor(k),
      }),
      `Each point is the share of runs for one value of ${parameter}; the whisker is its 95% interval.`,
    ),
  );
  const byValue = input.results.map((r, i) => ({ ...r, label: `${parameter} = ${input.values[i]}` }));
  const sections: Section[] = [
    { id: "rates", heading: `Headline rates against ${parameter}`, body: charts.join("\n") },
    { id: "survival", heading: "Survival in office", body: figure(survivalChart(facts, byValue), "One line per value of the parameter.") },
    { id: "figures", heading: "Figures", body: figuresTable(input, labels) },
  ];
  const intro = [
    `<p class="lead">${escapeHtml(facts.summary)}</p>`,
    `<p>Presidium played this scenario ${input.runs.toLocaleString("en-US")} times for each value of <code>${escapeHtml(parameter)}</code> (${input.values.map(escapeHtml).join(", ")}), on the same random seeds for every value, with every character's decisions made by the computer. Everything else is ${escapeHtml(describeVariant(facts, input.whatIfs))}</p>`,
    input.runs < input.planned
      ? `<p class="partial"><strong>Partial results:</strong> the sweep was stopped after ${input.runs.toLocaleString("en-US")} of the ${input.planned.toLocaleString("en-US")} planned runs per value.</p>`
      : "",
    `<p><strong>What really happened:</strong> ${escapeHtml(historySentence(facts))}</p>`,
  ].join("\n");
  const notes = [
    "<ul>",
    `<li>Run <em>i</em> uses the seed mixSeed(${input.baseSeed}, <em>i</em>) for every value, so differences between values come from the parameter, not from luck of the draw alone.</li>`,
    "<li>95% intervals are Wilson score intervals.</li>",
    `<li>The value is set with the same path syntax as a what-if patch; the scenario file's reason for the original value no longer applies.</li>`,
    "</ul>",
  ].join("\n");
  return htmlPage({ title: `${facts.title}: sensitivity to ${parameter}`, intro, sections, notes });
}

/** Values in axis order (numeric ones ascending; others as given). */
function sortedIndices(input: SweepReportInput): number[] {
  const order = input.values.map((_, i) => i);
  if (input.numeric) order.sort((a, b) => input.numeric![a] - input.numeric![b]);
  return order;
}

function cell(r: Rate): string {
  if (r.rate === null || r.low === null || r.high === null) return "–";
  const p = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `${p(r.rate)} <span class="small">(${p(r.low)} to ${p(r.high)})</span>`;
}

function figuresTable(input: SweepReportInput, labels: Record<OutcomeKey, string>): string {
  return table(
    [escapeHtml(input.parameter), ...headlineKeys.map((k) => escapeHtml(labels[k]))],
    input.results.map((r, i) => [escapeHtml(input.values[i]), ...headlineKeys.map((k) => cell(r.report.rates[k]))]),
  );
}
