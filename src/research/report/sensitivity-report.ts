// The HTML report of `presidium sensitivity`: what was varied and how, then per outcome the Morris
// ranking (the chart shows the most important parameters, the table all of them) and the Sobol
// indices of the parameters the screening picked.
import { factorsTable, slug } from "../sensitivity/report-html.js";
import { morrisChart, morrisTable, rankedMorris, sobolSection, type MorrisRow, type Problem, type SobolRow } from "../sensitivity/index.js";
import { escapeHtml, figure, htmlPage, type Section } from "./page.js";

/** Parameters in a Morris chart: beyond a few dozen bars a chart is unreadable; the table has them all. */
export const CHART_PARAMETERS = 25;

export interface SensitivityReportInput {
  title: string;
  intro: readonly string[];
  /** Set when the study was stopped before every point was played. */
  partial: string | null;
  problem: Problem;
  outcomes: readonly { id: string; label: string }[];
  /** `groups`: how many groups of parameters were screened, each moved as one (absent: one by one). */
  morris: { trajectories: number; levels: number; points: number; groups?: number; rows: readonly MorrisRow[][] } | null;
  sobol: { samples: number; points: number; rows: readonly SobolRow[][] } | null;
  confidence: number;
  bootstrap: number;
}

function morrisSection(input: SensitivityReportInput, outcome: { id: string; label: string }, rows: readonly MorrisRow[]): Section {
  const top = rankedMorris(rows).slice(0, CHART_PARAMETERS);
  const shown = top.length < rows.length ? ` The chart shows the ${top.length} most important of ${rows.length} ${input.morris?.groups ? "groups" : "parameters"}; the table lists all.` : "";
  return {
    id: `screening-${slug(outcome.id)}`,
    heading: `Screening: ${outcome.label}`,
    body: [
      figure(
        morrisChart({ id: outcome.id, label: outcome.label, rows: top }, input.confidence),
        `Longer bars matter more. A sigma bar as long as the mu* bar or longer means the parameter's effect depends on the others (interactions) or on its own level.${shown}`,
      ),
      morrisTable(rows, input.confidence),
    ].join("\n"),
  };
}

export function sensitivityReportHtml(input: SensitivityReportInput): string {
  const design: string[] = [];
  if (input.morris) {
    const grouped = input.morris.groups ? ` in ${input.morris.groups} groups by name, each group moved as one (its rows are groups, and a group's mu, whose sign its members' mixed moves leave undefined, is not given)` : "";
    design.push(`a Morris screening of ${input.problem.factors.length} parameters${grouped} (${input.morris.trajectories} trajectories on a ${input.morris.levels}-level grid, ${input.morris.points.toLocaleString("en-US")} points)`);
  }
  if (input.sobol) design.push(`Sobol indices by a Saltelli design (base sample ${input.sobol.samples}, ${input.sobol.points.toLocaleString("en-US")} points)`);
  const intro = [
    ...input.intro.map((t) => `<p>${escapeHtml(t)}</p>`),
    `<p>Design: ${escapeHtml(design.join(", then "))}.</p>`,
    input.partial ? `<p class="partial">${escapeHtml(input.partial)}</p>` : "",
    `<details><summary>The ${input.problem.factors.length} parameters varied, over their ranges in model/parameters.yaml</summary>\n${factorsTable(input.problem)}\n</details>`,
  ].join("\n");
  const sections: Section[] = [];
  input.outcomes.forEach((o, i) => {
    if (input.morris) sections.push(morrisSection(input, o, input.morris.rows[i]));
    if (input.sobol) {
      const section = sobolSection({ id: o.id, label: o.label, rows: input.sobol.rows[i] }, input.confidence);
      sections.push({ ...section, id: `variance-${slug(o.id)}`, heading: `Variance: ${o.label}` });
    }
  });
  const notes = [
    "<ul>",
    "<li>Every parameter point is played on the same seeds (common random numbers), so a difference between points is the parameters' doing, not the dice's; what remains of the runs' own noise counts as variance no parameter explains.</li>",
    "<li>An elementary effect is the change in the outcome when one parameter moves by one grid step, divided by the step as a share of the parameter's range: it reads as the change per full range. <strong>mu*</strong> is the mean absolute effect (importance), <strong>mu</strong> the mean signed effect (direction), <strong>sigma</strong> their spread (non-linearity or interactions).</li>",
    "<li>S1 is the share of the outcome's variance a parameter explains alone, ST with its interactions (Saltelli et al. 2010; Jansen 1999). Parameters left out of the Sobol phase are held at their defaults.</li>",
    "<li>Whole-number parameters are rounded to whole values, so their steps are a little uneven.</li>",
    `<li>Intervals are ${Math.round(100 * input.confidence)}% percentile bootstrap intervals over ${input.bootstrap.toLocaleString("en-US")} resamples.</li>`,
    "</ul>",
  ].join("\n");
  return htmlPage({ title: input.title, intro, sections, notes });
}
