// The charts of an experiment's results, in the words of the scenario (the leader's name, dates
// as months), for the HTML reports. Each takes every variant and returns one SVG.
import { fateLadder } from "../../engine/index.js";
import { barChart, type BarValue } from "../charts/bar-chart.js";
import { columnChart } from "../charts/column-chart.js";
import { lineChart } from "../charts/line-chart.js";
import { fateColors, sideColors, variantColor } from "../charts/palette.js";
import { niceTicks, percent, ticksFromZero } from "../charts/scale.js";
import { stackedBarChart } from "../charts/stacked-bar-chart.js";
import { addDays, dateLabel, epochDay, monthLabel, monthsBetween, weeksBetween } from "../dates.js";
import { SHARE_BIN_WIDTH, SHARE_BINS, survivalCurve } from "../distributions.js";
import { rateOf, type Rate } from "../interval.js";
import { outcomeKeys, roles, type OutcomeKey, type Role } from "../montecarlo.js";
import type { VariantResult } from "../results.js";
import { surname, type ScenarioFacts } from "./facts.js";

/** Outcome names a history teacher can read, with the leader's name in them. */
export function outcomeLabels(facts: ScenarioFacts): Record<OutcomeKey, string> {
  const leader = surname(facts, facts.leader);
  return {
    leaderRemoved: `${leader} out of office (removed, or died or fell ill in it)`,
    removedInSession: "… by the Presidium (he stepped down)",
    removedByPlenum: "… by a Central Committee plenum",
    removedByForce: "… by force",
    removedWhileAway: "… while away from Moscow",
    presidiumMovesAgainstLeader: "Presidium majority against him",
    survivedViaPlenum: "Saved by a Central Committee plenum",
    removedAfterPresidiumMove: "Removed after a Presidium move",
    leaderFought: "He appealed to the Central Committee",
    anyExecution: "Someone was shot",
  };
}

export function rateNote(variant: string, what: string, r: Rate): string {
  if (r.rate === null || r.low === null || r.high === null) return `${variant}, ${what}: no runs`;
  return `${variant}, ${what}: ${percent(r.rate, 1)} (95% interval ${percent(r.low, 1)} to ${percent(r.high, 1)}), ${r.count} of ${r.of} runs`;
}

function barOf(r: Rate, note: string): BarValue | null {
  return r.rate === null ? null : { value: r.rate, low: r.low, high: r.high, note };
}

export function outcomeSharesChart(facts: ScenarioFacts, variants: readonly VariantResult[]): string {
  const labels = outcomeLabels(facts);
  return barChart({
    id: "outcome-shares",
    title: "How often did each outcome happen?",
    subtitle: `Share of simulated runs, with 95% intervals${variants.length > 1 ? ", for each set of what-ifs" : ""}`,
    description: `Horizontal bars: for each outcome, the share of runs in which it happened${variants.length > 1 ? " in each variant" : ""}, with a whisker for its 95% interval.`,
    categories: outcomeKeys.map((k) => labels[k]),
    series: variants.map((v, i) => ({ label: v.label, color: variantColor(i), values: outcomeKeys.map((k) => barOf(v.report.rates[k], rateNote(v.label, labels[k], v.report.rates[k]))) })),
    axisLabel: "Share of runs in which it happened",
  });
}

/** Month starts as axis ticks (in weeks from the start), thinned to at most `most` labels. */
function monthTicks(facts: ScenarioFacts, most = 7): { value: number; label: string }[] {
  const months = monthsBetween(facts.start, facts.end);
  const every = Math.max(1, Math.ceil(months.length / most));
  const start = epochDay(facts.start);
  return months
    .map((m) => ({ value: (epochDay(`${m}-01`) - start) / 7, label: monthLabel(m) }))
    .filter((t, i) => t.value >= 0 && i % every === 0);
}

export function survivalChart(facts: ScenarioFacts, variants: readonly VariantResult[]): string {
  const leader = surname(facts, facts.leader);
  const weeks = weeksBetween(facts.start, facts.end);
  const history = historyMarker(facts, (date) => (epochDay(date) - epochDay(facts.start)) / 7, weeks);
  return lineChart({
    id: "survival",
    title: `How long did ${leader} stay in power?`,
    subtitle: `Share of runs in which ${leader} still led the party, week by week`,
    description: `Step lines falling from 100%: the share of runs in which ${leader} was still in office at the start of each week from ${facts.start} to ${facts.end}${variants.length > 1 ? ", one line per variant" : ""}.`,
    series: variants.map((v, i) => ({
      label: v.label,
      color: variantColor(i),
      step: true,
      dashed: i > 0 && i % 2 === 0,
      points: survivalCurve(v.distributions, weeks).map((share, week) => ({ x: week, y: share, note: `${v.label}, week of ${addDays(facts.start, 7 * week)}: ${percent(share, 1)} still in office` })),
    })),
    x: { domain: [0, weeks], ticks: monthTicks(facts), label: "Date" },
    y: { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], label: `Runs with ${leader} in office` },
    marker: history && { x: history.at, label: history.label },
  });
}

/** Where the real outcome falls on a chart's axis (0..last), with words for it; none if outside. */
function historyMarker(facts: ScenarioFacts, at: (date: string) => number, last: number): { at: number; label: string } | undefined {
  const contest = facts.history.contests.find((c) => c.target === facts.leader);
  if (!contest) return undefined;
  const x = at(contest.date);
  if (!(x >= 0 && x <= last)) return undefined;
  return { at: x, label: `History: ${contest.outcome === "removed" ? "removed" : "kept his post"} ${dateLabel(contest.date)}` };
}

export function removalMonthsChart(facts: ScenarioFacts, variants: readonly VariantResult[]): string {
  const leader = surname(facts, facts.leader);
  const months = monthsBetween(facts.start, facts.end);
  const history = historyMarker(facts, (date) => months.indexOf(date.slice(0, 7)), months.length - 1);
  return columnChart({
    id: "removal-months",
    title: `When was ${leader} removed?`,
    subtitle: "Share of all runs in which he was removed in each month",
    description: `Columns by month from ${monthLabel(months[0])} to ${monthLabel(months[months.length - 1])}: the share of runs in which ${leader} was removed that month${variants.length > 1 ? ", side by side for each variant" : ""}.`,
    categories: months.map(monthLabel),
    labelEvery: Math.max(1, Math.ceil(months.length / 9)),
    series: variants.map((v, i) => ({ label: v.label, color: variantColor(i), values: months.map((m) => (v.report.runs > 0 ? (v.report.removalDates[m] ?? 0) / v.report.runs : 0)) })),
    xLabel: "Month of the removal",
    yLabel: "Share of runs",
    format: (x) => percent(x, x > 0 && x < 0.1 ? 1 : 0),
    marker: history && { category: history.at, label: history.label },
    note: (s, c) => `${variants[s].label}, ${monthLabel(months[c])}: ${variants[s].report.removalDates[months[c]] ?? 0} of ${variants[s].report.runs} runs`,
  });
}

/** How many plot leaders the chart names; the rest are summed as "Others". */
const PLOT_LEADERS_SHOWN = 8;

export function plotLeadersChart(facts: ScenarioFacts, variants: readonly VariantResult[]): string {
  const leader = surname(facts, facts.leader);
  const count = (id: string) => variants.reduce((n, v) => n + (v.report.plotLeaders[id] ?? 0), 0);
  const ids = [...new Set(variants.flatMap((v) => Object.keys(v.report.plotLeaders)))].sort((a, b) => count(b) - count(a) || (a < b ? -1 : 1));
  const shown = ids.slice(0, ids.length > PLOT_LEADERS_SHOWN + 1 ? PLOT_LEADERS_SHOWN : ids.length);
  const others = ids.slice(shown.length);
  const rows = [
    ...shown.map((id) => ({ label: facts.names[id] ?? id, count: (v: VariantResult) => v.report.plotLeaders[id] ?? 0 })),
    ...(others.length > 0 ? [{ label: `${others.length} others`, count: (v: VariantResult) => others.reduce((n, id) => n + (v.report.plotLeaders[id] ?? 0), 0) }] : []),
  ];
  const total = (v: VariantResult) => Object.values(v.report.plotLeaders).reduce((a, b) => a + b, 0);
  const series = variants.map((v, i) => ({
    label: v.label,
    color: variantColor(i),
    values: rows.map((row) => {
      const r = rateOf(row.count(v), total(v));
      return barOf(r, rateNote(v.label, `led by ${row.label}`, r));
    }),
  }));
  const highest = Math.max(0, ...series.flatMap((s) => s.values.map((b) => b?.high ?? 0)));
  return barChart({
    id: "plot-leaders",
    title: `Who led the plots that removed ${leader}?`,
    subtitle: "Of the runs in which a plot removed him, the share led by each man (95% intervals)",
    description: `Horizontal bars: for each character who led a successful plot, his share of the successful plots${variants.length > 1 ? " in each variant" : ""}${others.length > 0 ? `; the ${others.length} least frequent leaders are summed as others` : ""}.`,
    categories: rows.length > 0 ? rows.map((r) => r.label) : ["(no plot succeeded)"],
    series,
    axisLabel: "Share of the successful plots",
    max: ticksFromZero(highest, 5).at(-1),
  });
}

const roleLabels: Record<Role, (leader: string) => string> = {
  target: () => "Targets of a move, when they lost",
  mover: () => "Movers, when their move failed",
  loyalist: () => "Others on the losing side",
};

export function fatesChart(facts: ScenarioFacts, variants: readonly VariantResult[]): string {
  const leader = surname(facts, facts.leader);
  // A role nobody ever had (e.g. no suspect was ever purged) is left out rather than drawn empty.
  const shownRoles = roles.filter((role) => variants.some((v) => fateLadder.some((f) => v.report.fatesByRole[role][f] > 0)));
  const rows = variants.flatMap((v) =>
    shownRoles.map((role) => ({
      label: roleLabels[role](leader),
      group: variants.length > 1 ? v.label : undefined,
      values: fateLadder.map((f) => v.report.fatesByRole[role][f]),
    })),
  );
  return stackedBarChart({
    id: "fates",
    title: "What happened to those who lost?",
    subtitle: "Fates of the losers of each contest, from mildest to harshest",
    description: `Bars split by fate (${fateLadder.join(", ")}) for the fallen leader, for failed plotters and for suspects${variants.length > 1 ? ", for each variant" : ""}.`,
    keys: fateLadder.map((f, i) => ({ label: f[0].toUpperCase() + f.slice(1), color: fateColors[i] })),
    rows: rows.length > 0 ? rows : [{ label: "Nobody lost a contest", values: fateLadder.map(() => 0) }],
    axisLabel: "Share of those who lost",
    unit: ["person", "people"],
  });
}

/** One histogram per variant: how big the winning side's majority was, by who won. */
export function plenumCharts(facts: ScenarioFacts, variants: readonly VariantResult[]): string[] {
  const leader = surname(facts, facts.leader);
  const bins = Array.from({ length: SHARE_BINS }, (_, k) => `${Math.round(100 * (0.5 + k * SHARE_BIN_WIDTH))}–${Math.round(100 * (0.5 + (k + 1) * SHARE_BIN_WIDTH))}%`);
  return variants.map((v, i) => {
    const shares = v.distributions.plenumShares;
    const plenums = shares.leaderKept.reduce((a, b) => a + b, 0) + shares.leaderLost.reduce((a, b) => a + b, 0);
    const of = (n: number) => (plenums > 0 ? n / plenums : 0);
    return columnChart({
      id: `plenum-shares-${i}`,
      title: `How did the Central Committee vote?${variants.length > 1 ? ` (${v.label})` : ""}`,
      subtitle: plenums === 0 ? "No plenum was called in these runs" : `${plenums} plenum${plenums === 1 ? "" : "s"}: the winning side's share of the members present`,
      description: `Histogram of the winning side's share of the vote at Central Committee plenums, in 5-point bins from 50% to 100%, split by whether ${leader} kept the majority.`,
      categories: bins,
      series: [
        { label: `${leader} kept a majority`, color: sideColors.leaderKept, values: shares.leaderKept.map(of) },
        { label: `Majority against ${leader}`, color: sideColors.leaderLost, values: shares.leaderLost.map(of) },
      ],
      stacked: true,
      xLabel: "Winning side's share of the members present",
      yLabel: "Share of plenums",
      note: (s, c) => `${s === 0 ? `${leader} kept a majority` : `majority against ${leader}`}, ${bins[c]}: ${(s === 0 ? shares.leaderKept : shares.leaderLost)[c]} plenums`,
    });
  });
}

/** A rate against a swept parameter, one line with interval whiskers. */
export function rateAgainstParameterChart(spec: { id: string; title: string; parameter: string; values: readonly string[]; numeric: readonly number[] | null; rates: readonly Rate[]; color: string }): string {
  const xs = spec.numeric ?? spec.values.map((_, i) => i);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const ticks = spec.numeric ? niceTicks(lo, hi, 6).filter((t) => t >= lo && t <= hi).map((t) => ({ value: t, label: String(t) })) : spec.values.map((v, i) => ({ value: i, label: v }));
  return lineChart({
    id: spec.id,
    title: spec.title,
    subtitle: `Share of runs with 95% intervals, for each value of ${spec.parameter}`,
    description: `Points joined by a line: the share of runs for each value of ${spec.parameter} (${spec.values.join(", ")}), each with its 95% interval.`,
    series: [
      {
        label: spec.title,
        color: spec.color,
        markers: true,
        points: spec.rates.flatMap((r, i) => (r.rate === null ? [] : [{ x: xs[i], y: r.rate, low: r.low, high: r.high, note: rateNote(`${spec.parameter} = ${spec.values[i]}`, spec.title, r) }])),
      },
    ],
    x: { domain: lo === hi ? [lo - 1, hi + 1] : [lo, hi], ticks, label: spec.parameter },
    y: { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], label: "Share of runs" },
  });
}
