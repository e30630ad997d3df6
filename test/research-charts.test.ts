// The SVG chart module and the HTML reports built with it: well-formed markup, escaped text,
// geometry that follows the data, and nothing that would need the network or a script.
import { describe, expect, it } from "vitest";
import type { RunSummary } from "../src/engine/index.js";
import { barChart } from "../src/research/charts/bar-chart.js";
import { columnChart } from "../src/research/charts/column-chart.js";
import { lineChart } from "../src/research/charts/line-chart.js";
import { linearScale, niceTicks, ticksFromZero } from "../src/research/charts/scale.js";
import { stackedBarChart } from "../src/research/charts/stacked-bar-chart.js";
import { scatterMatrix } from "../src/research/charts/scatter-matrix.js";
import { el, escapeXml, px, svgDocument, text, textWidth } from "../src/research/charts/svg.js";
import { wrapLabel } from "../src/research/charts/wrap.js";
import { addToDistributions, emptyDistributions } from "../src/research/distributions.js";
import { addRun, emptyTally, finalize } from "../src/research/montecarlo.js";
import { htmlPage, table } from "../src/research/report/page.js";
import { addPair, differences, emptyPairTally } from "../src/research/paired.js";
import type { ScenarioFacts } from "../src/research/report/facts.js";
import { montecarloReportHtml } from "../src/research/report/montecarlo-report.js";
import { headlineKeys, sweepReportHtml } from "../src/research/report/sweep-report.js";
import type { VariantResult } from "../src/research/results.js";
import type { RunRecord } from "../src/research/run-record.js";
import { outcomesOf } from "../src/research/montecarlo.js";
import { contest, quietRun, removalRun } from "./summary-helpers.js";

/** Throws unless every tag is closed in order (enough to catch broken markup from string building). */
function expectWellFormed(markup: string): void {
  const stack: string[] = [];
  for (const [, close, name, selfClose] of markup.replace(/<!doctype[^>]*>/i, "").matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (["meta", "br"].includes(name)) continue;
    if (selfClose) continue;
    if (close) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
}

function attr(markup: string, pattern: RegExp): number[] {
  return [...markup.matchAll(pattern)].map((m) => Number(m[1]));
}

describe("svg primitives", () => {
  it("escapes text and attributes, rounds coordinates", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    expect(text("A < B", { x: 1.26, y: -0.04 })).toBe('<text x="1.3" y="0">A &lt; B</text>');
    expect(el("rect", { width: 3, fill: "a\"b", skip: undefined })).toBe('<rect width="3" fill="a&quot;b"/>');
    expect(px(-0.04)).toBe("0");
    expect(() => px(Number.NaN)).toThrow(RangeError);
  });

  it("gives every chart an accessible name and description", () => {
    const svg = svgDocument({ id: "c", width: 10, height: 5, title: "T & U", description: "D" }, []);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c-title c-desc"');
    expect(svg).toContain('<title id="c-title">T &amp; U</title>');
    expectWellFormed(svg);
  });
});

describe("scales", () => {
  it("maps linearly and picks round ticks", () => {
    const s = linearScale([0, 1], [100, 300]);
    expect(s(0.5)).toBe(200);
    expect(linearScale([2, 2], [0, 10])(2)).toBe(5);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 78, 4)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it("ticks from zero always reach the largest value", () => {
    expect(ticksFromZero(0.25, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(ticksFromZero(0.2, 4)).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(ticksFromZero(0)).toEqual([0, 0.5, 1]);
    for (const max of [0.013, 0.5, 0.77, 1, 37]) expect(ticksFromZero(max).at(-1)!).toBeGreaterThanOrEqual(max);
  });
});

describe("charts", () => {
  it("bar chart: bar lengths follow the values, whiskers the intervals", () => {
    const svg = barChart({
      id: "b",
      title: "Shares",
      description: "d",
      categories: ["Removed", "Kept <office>"],
      series: [
        { label: "A", color: "#000", values: [{ value: 0.5, low: 0.4, high: 0.6 }, { value: 0.25 }] },
        { label: "B", color: "#111", values: [{ value: 1 }, null] },
      ],
      axisLabel: "Share",
    });
    expectWellFormed(svg);
    const widths = attr(svg, /width="([\d.]+)" height="[\d.]+" fill="[^"]+" class="bar"/g);
    expect(widths).toHaveLength(3);
    // In drawing order: Removed (A 50%, B 100%), then Kept (A 25%).
    expect(widths[0] / widths[1]).toBeCloseTo(0.5, 2);
    expect(widths[2] / widths[1]).toBeCloseTo(0.25, 2);
    expect(svg.match(/class="interval"/g)).toHaveLength(1);
    expect(svg).toContain("Kept &lt;office&gt;");
    expect(svg).toContain("<title>A, Removed: 50%</title>");
  });

  it("column chart: stacked columns add up, the axis covers the tallest", () => {
    const svg = columnChart({
      id: "c",
      title: "Plenums",
      description: "d",
      categories: ["50–55%", "55–60%", "95–100%"],
      series: [
        { label: "kept", color: "#00f", values: [0.1, 0, 0.2] },
        { label: "lost", color: "#f00", values: [0, 0, 0.7] },
      ],
      stacked: true,
      xLabel: "x",
      yLabel: "y",
    });
    expectWellFormed(svg);
    const heights = attr(svg, /height="([\d.]+)" fill="[^"]+" class="bar"/g);
    expect(heights).toHaveLength(3);
    expect((heights[1] + heights[2]) / heights[0]).toBeCloseTo(9, 1);
    expect(svg).toContain(">100%</text>");
  });

  it("line chart: steps for a survival curve, markers and whiskers for a sweep", () => {
    const step = lineChart({
      id: "s",
      title: "Survival",
      description: "d",
      series: [{ label: "A", color: "#000", step: true, points: [{ x: 0, y: 1 }, { x: 1, y: 0.5 }, { x: 2, y: 0.5 }] }],
      x: { domain: [0, 2], ticks: [{ value: 0, label: "Jul 1963" }], label: "Date" },
      y: { domain: [0, 1], ticks: [0, 0.5, 1], label: "Share" },
      marker: { x: 1, label: "History: removed 14 Oct 1964" },
    });
    expectWellFormed(step);
    expect(step).toContain('class="marker"');
    expect(step).toContain(">History: removed 14 Oct 1964</text>");
    expect(step).toMatch(/<path d="M[\d.]+ [\d.]+H[\d.]+V[\d.]+H[\d.]+V[\d.]+"/);
    expect(step).toContain(">Jul 1963</text>");
    const dots = lineChart({
      id: "p",
      title: "Rate",
      description: "d",
      series: [{ label: "A", color: "#000", markers: true, points: [{ x: 0, y: 0.2, low: 0.1, high: 0.3 }, { x: 1, y: 0.4 }] }],
      x: { domain: [0, 1], ticks: [], label: "fear" },
      y: { domain: [0, 1], ticks: [0, 1], label: "Share" },
    });
    expectWellFormed(dots);
    expect(dots.match(/<circle/g)).toHaveLength(2);
    expect(dots).toMatch(/<path d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+"/);
  });

  it("stacked bars: parts fill the row; an empty row says so", () => {
    const svg = stackedBarChart({
      id: "f",
      title: "Fates",
      description: "d",
      keys: [{ label: "Retired", color: "#a" }, { label: "Shot", color: "#b" }],
      rows: [{ label: "Leader", values: [3, 1] }, { label: "Plotters", values: [0, 0] }],
      axisLabel: "Share",
      unit: ["person", "people"],
    });
    expectWellFormed(svg);
    const widths = attr(svg, /width="([\d.]+)" height="18"/g);
    expect(widths).toHaveLength(2);
    expect(widths[0] / (widths[0] + widths[1])).toBeCloseTo(0.75, 2);
    expect(svg).toContain("n = 4 people");
    expect(svg).toContain("none (n = 0 people)");
  });

  it("pairs plot: every row and column is titled by its variable, wrapped to its panel and whole", () => {
    const names = ["moves.approach.classOfMember", "ai.choice.temperature", "ai.strike.temperature", "moves.response.targetOfFeelers", "crisis.strike.organsWeight", "globals.fear"];
    const svg = scatterMatrix({
      id: "kept",
      title: "Kept",
      description: "d",
      variables: names.map((label) => ({ label, domain: [0, 1] as const })),
      layers: [{ label: "Kept", color: "#000", points: [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]] }],
      format: (v) => v.toFixed(2),
    });
    expectWellFormed(svg);
    const cell = attr(svg, /<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"[^>]*class="panel"/g)[0];
    // Each title's lines: its tspans, or its text when it has one line.
    const titles = (kind: string) =>
      [...svg.matchAll(new RegExp(`<text [^>]*class="axis-label ${kind}"[^>]*>(.*?)</text>`, "g"))].map((m) => (m[1].startsWith("<tspan") ? [...m[1].matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]) : [m[1]]));
    // One title under each column and one left of each row but the first (a histogram's height is a count).
    expect(titles("column-title").map((lines) => lines.join(""))).toEqual(names);
    expect(titles("row-title").map((lines) => lines.join(""))).toEqual(names.slice(1));
    // Side by side, titles do not run into each other: every line fits its panel (11 px text).
    for (const lines of [...titles("column-title"), ...titles("row-title")]) for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(cell);
    expect(titles("column-title")[0]).toEqual(["moves.approach.", "classOfMember"]);
    expect(titles("column-title")[5]).toEqual(["globals.fear"]);
  });

  it("wrapLabel breaks after dots, then before a capital, and cuts a word only when it must", () => {
    const at = (chars: number) => chars * textWidth("x", 10);
    expect(wrapLabel("ai.choice.temperature", at(12), 10)).toEqual(["ai.choice.", "temperature"]);
    expect(wrapLabel("moves.approach.classOfMember", at(10), 10)).toEqual(["moves.", "approach.", "classOf", "Member"]);
    expect(wrapLabel("supercalifragilistic", at(8), 10)).toEqual(["supercal", "ifragili", "stic"]);
    expect(wrapLabel("short", at(8), 10)).toEqual(["short"]);
    expect(wrapLabel("", at(8), 10)).toEqual([""]);
  });
});

const facts: ScenarioFacts = {
  id: "october-1964",
  title: "October 1964 & after",
  summary: "A <test> summary.",
  start: "1963-07-01",
  end: "1964-12-31",
  leader: "khrushchev",
  names: { khrushchev: "Nikita Khrushchev", brezhnev: "Leonid Brezhnev" },
  whatIfs: { "loyal-kgb": { title: "A loyal KGB", description: "The KGB stays loyal." } },
  history: {
    summary: "Removed by his colleagues.",
    timeline: [{ date: "1964-10-14", text: "The plenum accepts Khrushchev's resignation." }],
    contests: [{ date: "1964-10-14", target: "khrushchev", demand: [], venue: "session", movedBy: ["brezhnev"], outcome: "removed", fate: "retired", text: "The Presidium retired him & the plenum ratified it." }],
    primacyAtEnd: "brezhnev",
  },
};

function fakeRun(seed: number, removed: boolean, whatIfs: string[]): { summary: RunSummary; record: RunRecord } {
  const decided = contest({ date: "1964-10-12", launchedWhileAway: false, plenum: { forTarget: 10, againstTarget: 90, present: 100, days: 1 }, venue: "plenum", answer: "plenum" });
  const summary = removed ? removalRun({ seed, whatIfs, movesStarted: 1 }, decided) : quietRun({ seed, whatIfs, movesStarted: 1 });
  const record = { exitWeek: removed ? 67 : null } as RunRecord;
  return { summary, record };
}

function fakeResults(): VariantResult[] {
  const sets = [[], ["loyal-kgb"]];
  const outcomes = [[true, false, true, true], [false, false, true, false]];
  const pairs = emptyPairTally();
  const results = sets.map((whatIfs, v) => {
    const tally = emptyTally({ scenario: "october-1964", whatIfs, baseSeed: 1 });
    const distributions = emptyDistributions();
    outcomes[v].forEach((removed, i) => {
      const { summary, record } = fakeRun(i, removed, whatIfs);
      addRun(tally, summary);
      addToDistributions(distributions, record, summary);
    });
    return { label: v === 0 ? "baseline" : "loyal-kgb", whatIfs, report: finalize(tally), distributions, difference: null } as VariantResult;
  });
  outcomes[0].forEach((removed, i) => addPair(pairs, outcomesOf(fakeRun(i, outcomes[1][i], ["loyal-kgb"]).summary), outcomesOf(fakeRun(i, removed, []).summary)));
  results[1].difference = differences(pairs);
  return results;
}

describe("reports", () => {
  const offline = (html: string) => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=/i);
    // The only URL is the SVG namespace, which is a name, never fetched.
    expect([...html.matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0]).filter((u) => u !== "http://www.w3.org/2000/svg")).toEqual([]);
  };

  it("the Monte Carlo report is one well-formed offline page with every chart", () => {
    const html = montecarloReportHtml({ facts, baseSeed: 1, runs: 4, planned: 4, variants: fakeResults() });
    expectWellFormed(html);
    offline(html);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    for (const id of ["outcome-shares", "survival", "removal-months", "plot-leaders", "fates", "plenum-shares-0", "plenum-shares-1"]) expect(html).toContain(`id="${id}-title"`);
    expect(html).toContain("October 1964 &amp; after");
    expect(html).toContain("A &lt;test&gt; summary.");
    expect(html).toContain("A loyal KGB");
    // The real date is marked on the survival curve and the removal months.
    expect(html.match(/>History: removed 14 Oct 1964<\/text>/g)).toHaveLength(2);
    expect(html).toContain("On 14 Oct 1964: The Presidium retired him &amp; the plenum ratified it. Leonid Brezhnev was first in the leadership at the end.");
    // Every removal went through a plenum that voted 90 of 100 against him: one bar at 90-95%.
    expect(html).toContain("3 plenums: the winning side");
    // The comparison: 75% against 25%, a difference of -50 points.
    expect(html).toContain("75.0%");
    expect(html).toContain("−50.0");
    expect(html).not.toContain("Partial results");
    expect(montecarloReportHtml({ facts, baseSeed: 1, runs: 4, planned: 10, variants: fakeResults() })).toContain("Partial results");
  });

  it("the sweep report has a chart per headline rate", () => {
    const results = fakeResults();
    const html = sweepReportHtml({ facts, parameter: "globals.fear", values: ["0.5", "0"], numeric: [0.5, 0], results, whatIfs: [], baseSeed: 1, runs: 4, planned: 4 });
    expectWellFormed(html);
    offline(html);
    // One chart per headline rate, and the survival curves.
    expect(html.match(/<svg /g)!.length).toBe(headlineKeys.length + 1);
    expect(html).toContain("Khrushchev removed by a Central Committee plenum");
    expect(html).toContain("Khrushchev removed by the Presidium (he stepped down)");
  });
});

describe("report tables", () => {
  it("a table wider than the page scrolls in its own box instead of overflowing the page", () => {
    const wide = table(["value", ...Array.from({ length: 12 }, (_, i) => `outcome ${i}`)], [["0.2", ...Array.from({ length: 12 }, () => "12.3% (10.1% - 14.9%)")]]);
    expect(wide).toMatch(/^<div class="table-scroll">\n<table>[\s\S]*<\/table>\n<\/div>$/);
    const page = htmlPage({ title: "t", intro: "", sections: [{ id: "s", heading: "S", body: wide }], notes: "" });
    expect(page).toMatch(/\.table-scroll \{ max-width: 100%; overflow-x: auto;/);
  });
});
