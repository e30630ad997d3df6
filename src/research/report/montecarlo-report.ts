// The HTML report of `presidium montecarlo`: one self-contained page with the outcome shares, the
// survival curve, removal dates, plot leaders, fates, plenum votes and, with --compare, the paired
// comparison table.
import { outcomeKeys } from "../montecarlo.js";
import { DIFFERENCE_METHOD } from "../paired.js";
import type { OutcomeDifference } from "../paired.js";
import type { Rate } from "../interval.js";
import type { VariantResult } from "../results.js";
import { dateLabel } from "../dates.js";
import { fatesChart, outcomeLabels, outcomeSharesChart, plenumCharts, plotLeadersChart, removalMonthsChart, survivalChart } from "./experiment-charts.js";
import { surname, type ScenarioFacts } from "./facts.js";
import { escapeHtml, figure, htmlPage, table, type Section } from "./page.js";

export interface MonteCarloReportInput {
  facts: ScenarioFacts;
  baseSeed: number;
  /** Runs finished (each played by every variant) and runs asked for. */
  runs: number;
  planned: number;
  /** The baseline first, then the compared sets. */
  variants: readonly VariantResult[];
}

export function montecarloReportHtml(input: MonteCarloReportInput): string {
  const { facts } = input;
  // Charts and tables name the variants by their what-ifs' titles ("A loyal KGB"), not their ids.
  const variants = input.variants.map((v, i) => ({ ...v, label: variantTitle(facts, input.variants, i) }));
  const leader = surname(facts, facts.leader);
  const compared = variants.length > 1;
  const sections: Section[] = [
    {
      id: "outcomes",
      heading: "Outcomes",
      body: figure(
        outcomeSharesChart(facts, variants),
        "Each bar is the share of simulated runs in which the outcome happened; the whisker is its 95% interval, the range the true share very probably lies in given the number of runs.",
      ),
    },
    {
      id: "survival",
      heading: "Survival in office",
      body: figure(survivalChart(facts, variants), `The curve starts at 100% and drops each time a run ends ${leader}'s rule (removal, or death in office).`),
    },
    {
      id: "removal-dates",
      heading: "Removal dates",
      body: figure(removalMonthsChart(facts, variants), `Removals by month, as a share of all runs, so that variants with more or fewer removals can be compared.`),
    },
    {
      id: "plot-leaders",
      heading: "Plot leaders",
      body: figure(plotLeadersChart(facts, variants), "The man who started the plot that brought the leader down (the initiator), as a share of the successful plots."),
    },
    {
      id: "fates",
      heading: "Fates",
      body: figure(fatesChart(facts, variants), "For every contest, the fate of each person on the losing side: the fallen leader, or the plotters (and suspects) when the leader won."),
    },
    {
      id: "plenums",
      heading: "Plenum votes",
      body: plenumCharts(facts, variants)
        .map((svg) => figure(svg, "A plenum decides when the leader appeals against a Presidium majority. Bars near 100% are near-unanimous votes; bars near 50% are close calls."))
        .join("\n"),
    },
    {
      id: "comparison",
      heading: compared ? "Comparison with the baseline" : "Figures",
      body: compared ? comparisonTable(facts, variants) : ratesTable(facts, variants[0]),
    },
  ];
  return htmlPage({ title: `${facts.title}: ${input.runs.toLocaleString("en-US")} simulated runs`, intro: intro({ ...input, variants }), sections, notes: notes(input) });
}

/** "Baseline", or the titles of the what-ifs a compared set adds to it. */
export function variantTitle(facts: ScenarioFacts, variants: readonly Pick<VariantResult, "whatIfs">[], index: number): string {
  const base = variants[0].whatIfs;
  const titles = (names: readonly string[]) => names.map((w) => facts.whatIfs[w]?.title ?? w).join(" + ");
  if (index === 0) return base.length > 0 ? `Baseline (${titles(base)})` : "Baseline";
  return titles(variants[index].whatIfs.filter((w) => !base.includes(w)));
}

function intro(input: MonteCarloReportInput): string {
  const { facts, variants } = input;
  const parts: string[] = [`<p class="lead">${escapeHtml(facts.summary)}</p>`];
  parts.push(
    `<p>Presidium played this scenario ${input.runs.toLocaleString("en-US")} times${variants.length > 1 ? " for each variant below, each time on the same random seeds" : ""}, with every character's decisions made by the computer. ` +
      `The figures show how often each outcome happened: not a prediction, but how the starting position of ${escapeHtml(dateLabel(facts.start))} tends to play out under the model's rules.</p>`,
  );
  if (input.runs < input.planned) {
    parts.push(`<p class="partial"><strong>Partial results:</strong> the run was stopped after ${input.runs.toLocaleString("en-US")} of the ${input.planned.toLocaleString("en-US")} planned runs.</p>`);
  }
  parts.push(`<p><strong>What really happened:</strong> ${escapeHtml(historySentence(facts))}</p>`);
  const items = variants.map((v) => `<li><strong>${escapeHtml(v.label)}</strong>: ${escapeHtml(describeVariant(facts, v.whatIfs))}</li>`);

  parts.push(`<p>${variants.length > 1 ? "Variants compared:" : "Variant:"}</p>\n<ul>\n${items.join("\n")}\n</ul>`);
  return parts.join("\n");
}

export function historySentence(facts: ScenarioFacts): string {
  const h = facts.history;
  const lines = h.contests.map((c) => `On ${dateLabel(c.date)}: ${c.text}`);
  lines.push(`${facts.names[h.primacyAtEnd] ?? h.primacyAtEnd} was first in the leadership at the end.`);
  return lines.join(" ");
}

export function describeVariant(facts: ScenarioFacts, whatIfs: readonly string[]): string {
  if (whatIfs.length === 0) return "the scenario as written.";
  return whatIfs.map((w) => (facts.whatIfs[w] ? `${facts.whatIfs[w].description} (what-if ${w})` : `what-if ${w}`)).join(" ");
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function rateCell(r: Rate): string {
  if (r.rate === null || r.low === null || r.high === null) return "–";
  return `${pct(r.rate)} <span class="small">(${pct(r.low)} to ${pct(r.high)})</span>`;
}

function differenceCell(d: OutcomeDifference): string {
  if (d.difference === null || d.low === null || d.high === null) return "–";
  const pts = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(100 * x).toFixed(1)}`;
  return `${pts(d.difference)} <span class="small">(${pts(d.low)} to ${pts(d.high)})</span>`;
}

function ratesTable(facts: ScenarioFacts, v: VariantResult): string {
  const labels = outcomeLabels(facts);
  return table(
    ["Outcome", "Runs", "Share (95% interval)"],
    outcomeKeys.map((k) => [escapeHtml(labels[k]), String(v.report.rates[k].count), rateCell(v.report.rates[k])]),
  );
}

function comparisonTable(facts: ScenarioFacts, variants: readonly VariantResult[]): string {
  const labels = outcomeLabels(facts);
  const compared = variants.slice(1);
  const header = ["Outcome", ...variants.map((v) => escapeHtml(v.label)), ...compared.map((v) => `${escapeHtml(v.label)} minus baseline, points`)];
  const rows = outcomeKeys.map((k) => [escapeHtml(labels[k]), ...variants.map((v) => rateCell(v.report.rates[k])), ...compared.map((v) => differenceCell(v.difference![k]))]);
  return [
    "<p>Shares of runs with their 95% intervals, then each variant's difference from the baseline in percentage points. The difference is measured seed by seed (each variant replays the baseline's seeds), which makes it more precise than comparing the two intervals by eye: when its interval excludes 0, the what-if really changed the odds.</p>",
    table(header, rows),
  ].join("\n");
}

function notes(input: MonteCarloReportInput): string {
  const first = input.variants[0].report;
  const seeds = [...first.exampleSeeds.removed.slice(0, 3), ...first.exampleSeeds.survived.slice(0, 3)];
  return [
    "<ul>",
    `<li><strong>Runs and seeds.</strong> Run <em>i</em> uses the random seed mixSeed(${input.baseSeed}, <em>i</em>); every variant is played on the same seeds. One run can be replayed and read as a chronicle with <code>presidium run --scenario ${escapeHtml(input.facts.id)} --seed SEED</code>${seeds.length > 0 ? `, for example with the seeds ${seeds.join(", ")}` : ""}.</li>`,
    "<li><strong>95% intervals</strong> of shares are Wilson score intervals: with more runs they narrow.</li>",
    `<li><strong>Differences</strong> between a variant and the baseline: ${escapeHtml(DIFFERENCE_METHOD)}.</li>`,
    "<li>Hover over a bar or a point to see its exact figures.</li>",
    "</ul>",
  ].join("\n");
}
