// The HTML report of a history-matching calibration: where the kept settings lie (a pairs plot
// over the factors the targets constrain most), what each target rules out, and where the
// scenario's defaults stand.
import { variantColor } from "../charts/palette.js";
import { scatterMatrix } from "../charts/scatter-matrix.js";
import { escapeHtml, figure, htmlPage, table, type Section } from "../report/page.js";
import type { FactorSummary } from "./factor-profiles.js";
import { formatNumber } from "./format.js";
import { mostConstrained, type HistoryMatchResult, type Target, type TargetShift } from "./history-matching.js";
import { paragraphs } from "./report-html.js";

export interface CalibrationReportInput {
  title: string;
  intro?: readonly string[];
  result: HistoryMatchResult;
  /** Factors in the pairs plot, the most constrained first (default and at most 6). */
  maxFactors?: number;
  runsPerPoint?: number;
  /** Per target, the factors it shifts most (from `targetShifts`), for a column of the targets table. */
  shifts?: readonly { target: string; shifts: readonly TargetShift[] }[];
}

const KEPT_COLOR = variantColor(0);
const RULED_OUT_COLOR = "#777777";
const REFERENCE_COLOR = variantColor(5);

/** The acceptable band in words, for tables. */
export function bandText(t: Pick<Target, "low" | "high">): string {
  if (t.low !== null && t.high !== null) return `${formatNumber(t.low)} to ${formatNumber(t.high)}`;
  return t.low !== null ? `at least ${formatNumber(t.low)}` : `at most ${formatNumber(t.high!)}`;
}

/** The pairs plot of kept against ruled-out points over the chosen factors. */
export function keptSetChart(result: HistoryMatchResult, factors: readonly number[]): string {
  const names = factors.map((i) => result.factors[i].name);
  const pick = (values: readonly number[]) => factors.map((i) => values[i]);
  const kept = result.points.filter((p) => p.kept).map((p) => pick(p.values));
  const ruledOut = result.points.filter((p) => !p.kept).map((p) => pick(p.values));
  const ref = result.reference;
  return scatterMatrix({
    id: "kept-set",
    title: "Which settings are compatible with history?",
    subtitle: `${kept.length} of ${result.points.length} sampled settings kept (solid), ruled-out settings faint${ref ? `; cross: ${ref.label}` : ""}`,
    description: `Scatter-plot matrix over ${names.join(", ")}: each panel below the diagonal plots one factor against another for every sampled setting, kept settings solid and ruled-out ones faint${ref ? `, ${ref.label} marked with a cross` : ""}; each diagonal panel is a histogram of that factor, ruled-out settings stacked on kept ones.`,
    variables: factors.map((i) => ({ label: result.factors[i].name, domain: [result.factors[i].low, result.factors[i].high] as const })),
    layers: [
      { label: "Ruled out", color: RULED_OUT_COLOR, points: ruledOut, radius: 1.5, opacity: 0.25 },
      { label: "Kept", color: KEPT_COLOR, points: kept, radius: 2.2, opacity: 0.9 },
    ],
    marker: ref ? { label: ref.label, color: REFERENCE_COLOR, values: pick(ref.values) } : undefined,
    format: (v) => formatNumber(v),
  });
}

/** The pairs plot's table equivalent: per factor, the kept range and the kept share along the range. */
export function factorTable(result: HistoryMatchResult): string {
  const bins = result.factorSummaries[0]?.bins.length ?? 0;
  const share = (kept: number, points: number) => (points > 0 ? `${Math.round((100 * kept) / points)}%` : "–");
  return table(
    ["Factor", "Sampled range", "Kept range", "Constraint", `Kept share in ${bins} equal parts of the range, low to high`, "Together, the targets…"],
    result.factorSummaries.map((s: FactorSummary, i) => [
      `<code>${escapeHtml(s.factor)}</code>`,
      `${formatNumber(result.factors[i].low)} to ${formatNumber(result.factors[i].high)}`,
      s.keptLow === null || s.keptHigh === null ? "none kept" : `${formatNumber(s.keptLow)} to ${formatNumber(s.keptHigh)}`,
      formatNumber(s.constraint, 2),
      s.bins.map((b) => share(b.kept, b.points)).join(" · "),
      escapeHtml(s.verdict),
    ]),
    (c) => c > 0 && c < 5,
  );
}

/**
 * What each target rules out, and along which factors: the per-target "rules out" table; with
 * `shifts`, a column naming the factors whose distribution the target shifts most.
 */
export function targetTable(result: HistoryMatchResult, shifts?: CalibrationReportInput["shifts"]): string {
  const n = result.points.length;
  const ref = result.reference;
  const shifted = (id: string) => {
    const list = shifts?.find((s) => s.target === id)?.shifts ?? [];
    return list.length > 0 ? list.map((s) => `<code>${escapeHtml(s.factor)}</code> ${formatNumber(s.distance, 2)}`).join(", ") : "–";
  };
  return table(
    ["Target", "Band", "Rules out", "Alone", "No value", "Along the factors", ...(shifts ? ["Shifts most (distance)"] : []), ...(ref ? [`${escapeHtml(ref.label)}: implausibility`] : [])],
    result.targets.map((t, ti) => {
      const findings = result.profiles.filter((p) => p.target === t.id && p.pattern !== "none" && p.pattern !== "flat").map((p) => p.verdict);
      return [
        escapeHtml(t.label),
        escapeHtml(bandText(t)),
        `${t.rulesOut} of ${n}`,
        String(t.rulesOutAlone),
        String(t.uninformative),
        escapeHtml(findings.length > 0 ? findings.join("; ") : t.rulesOut > 0 ? "no single factor explains it" : "–"),
        ...(shifts ? [shifted(t.id)] : []),
        ...(ref ? [formatNumber(ref.implausibility[ti], 2)] : []),
      ];
    }),
    (c) => c >= 2 && c <= 4,
  );
}

/** One sentence on where the reference point (the defaults) stands. */
export function referenceSentence(result: HistoryMatchResult): string {
  const ref = result.reference;
  if (!ref) return "";
  const culprits = result.targets
    .map((t, i) => ({ t, v: ref.implausibility[i] }))
    .filter((x) => x.v >= result.cutoff)
    .sort((a, b) => b.v - a.v);
  const silent = ref.uninformative.length;
  const silentNote = silent > 0 ? ` ${silent} target${silent === 1 ? "" : "s"} had no value there and could not judge it.` : "";
  if (culprits.length === 0) return `${ref.label}: kept, with a largest implausibility of ${formatNumber(ref.max, 2)}, below the cutoff of ${formatNumber(result.cutoff)}.${silentNote}`;
  const list = culprits.map((x) => `${x.t.label} (${formatNumber(x.v, 2)})`).join(", ");
  return `${ref.label}: ruled out by ${list}, at a cutoff of ${formatNumber(result.cutoff)}.${silentNote}`;
}

export function calibrationReportHtml(input: CalibrationReportInput): string {
  const { result } = input;
  const factors = mostConstrained(result, input.maxFactors ?? 6);
  const n = result.points.length;
  const runs = input.runsPerPoint ? ` of ${input.runsPerPoint.toLocaleString("en-US")} runs each` : "";
  const shown = factors.length < result.factors.length ? ` The plot shows the ${factors.length} factors the targets constrain most (of ${result.factors.length}).` : "";
  const intro = [
    paragraphs(input.intro),
    `<p>${n.toLocaleString("en-US")} settings of ${result.factors.length} factors were sampled${runs} and compared with ${result.targets.length} historical targets. <strong>${result.kept.length} ${result.kept.length === 1 ? "setting was" : "settings were"} kept</strong> (largest implausibility below ${formatNumber(result.cutoff)}).${shown}</p>`,
    result.reference ? `<p>${escapeHtml(referenceSentence(result))}</p>` : "",
    result.kept.length === 0 ? `<p class="partial">No sampled setting matches every target: the targets may contradict each other, the ranges may miss the right region, or the model may need a discrepancy term.</p>` : "",
  ].join("\n");
  const sections: Section[] = [
    {
      id: "kept-set",
      heading: "Where the kept settings lie",
      body: [
        figure(keptSetChart(result, factors), "Each dot is one sampled setting. Where the solid dots cluster, history is compatible with the model; empty regions are ruled out."),
        factorTable(result),
      ].join("\n"),
    },
    { id: "targets", heading: "What each target rules out", body: targetTable(result, input.shifts) },
  ];
  const notes = [
    "<ul>",
    "<li>A target's implausibility is how many standard errors its simulated estimate lies outside the historical band (0 inside it). A setting is ruled out when any target's implausibility reaches the cutoff.</li>",
    "<li><em>Rules out</em> counts the settings a target rules out; <em>Alone</em> those it is the only one to rule out, the settings it alone removes from the kept set.</li>",
    "<li><em>No value</em> counts settings where the estimate had no denominator (e.g. a rate among events that never happened); such a target cannot rule a setting out.</li>",
    ...(input.shifts ? ["<li><em>Shifts most</em> names the factors whose values among the settings a target keeps depart most from all sampled values (Kolmogorov-Smirnov distance, 0 to 1).</li>"] : []),
    "<li>The constraint of a factor is the Kolmogorov-Smirnov distance between the kept settings' values and all sampled values (0: not constrained; near 1: the kept settings sit in a narrow part of the range).</li>",
    "<li>A kept setting is not a best fit: it is one history cannot rule out with this many runs. More runs per setting narrow the kept set.</li>",
    "</ul>",
  ].join("\n");
  return htmlPage({ title: input.title, intro, sections, notes });
}
