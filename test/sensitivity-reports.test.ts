// The sensitivity and calibration reports: CSV with the right header, quoting and row count; HTML
// pages that are well-formed, self-contained, accessible (titles, descriptions, table
// equivalents) and never print "NaN".
import { describe, expect, it } from "vitest";
import { scatterMatrix } from "../src/research/charts/scatter-matrix.js";
import {
  analyseMorris,
  analyseSobol,
  calibrationReportHtml,
  formatNumber,
  historyMatch,
  historyMatchCsv,
  latinHypercube,
  morrisCsv,
  morrisDesign,
  morrisReportHtml,
  morrisTable,
  rateEstimate,
  saltelliDesign,
  sobolCsv,
  sobolReportHtml,
  type MorrisRow,
  type Problem,
  type SobolRow,
  type Target,
} from "../src/research/sensitivity/index.js";
import { mulberry32 } from "./test-random.js";

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

/** Every chart names itself and describes itself, and the page fetches nothing and runs nothing. */
function expectAccessibleSelfContained(html: string): void {
  expectWellFormed(html);
  const opened = html.match(/<svg\b/g) ?? [];
  expect(opened.length).toBeGreaterThan(0);
  expect((html.match(/<\/svg>/g) ?? []).length).toBe(opened.length);
  for (const svg of html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? []) {
    expect(svg).toMatch(/role="img"/);
    expect(svg).toMatch(/<title id="[^"]+-title">[^<]+<\/title>/);
    expect(svg).toMatch(/<desc id="[^"]+-desc">[^<]+<\/desc>/);
  }
  expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(opened.length);
  expect(html).not.toMatch(/NaN|undefined|Infinity|\[object/);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(/i);
  expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "")).not.toMatch(/https?:\/\//);
  // Chart ids are unique on the page (aria-labelledby would otherwise point at the wrong title).
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Parses CSV with RFC 4180 quoting (enough for the tests). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += c;
  }
  expect(field).toBe("");
  return rows;
}

const problem: Problem = {
  factors: [
    { name: "fear.base", low: 0, high: 1 },
    { name: 'odd, "name" <x>', low: -1, high: 1 },
    { name: "plenum.quorum", low: 0.5, high: 0.9 },
  ],
};
const model = (x: readonly number[]) => 0.2 + 0.5 * x[0] + 0.1 * x[1] * x[0];

describe("CSV", () => {
  const design = morrisDesign(problem, { trajectories: 10, rand: mulberry32(1) });
  const morris = analyseMorris(design, problem, design.points.map(model), { bootstrap: 50, rand: mulberry32(2) });

  it("morris: header, one row per factor, quoted names, empty cells for undefined figures", () => {
    const rows: MorrisRow[] = [...morris, { factor: "dead", mu: Number.NaN, muStar: Number.NaN, sigma: Number.NaN, muStarLow: Number.NaN, muStarHigh: Number.NaN, effects: 0 }];
    const text = morrisCsv(rows);
    expect(text).not.toMatch(/NaN/);
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual(["factor", "mu", "mu_star", "sigma", "mu_star_low", "mu_star_high", "effects"]);
    expect(parsed).toHaveLength(1 + 4);
    expect(parsed[2][0]).toBe('odd, "name" <x>');
    expect(Number(parsed[1][2])).toBe(morris[0].muStar);
    expect(parsed[4]).toEqual(["dead", "", "", "", "", "", "0"]);
    // With outputs: a leading column, rows from several outputs in one file.
    const labelled = morrisCsv([...morris.map((r) => ({ ...r, output: "removed" })), ...morris.map((r) => ({ ...r, output: "by vote" }))]);
    const p2 = parseCsv(labelled);
    expect(p2[0][0]).toBe("output");
    expect(p2).toHaveLength(1 + 6);
    expect(p2[4][0]).toBe("by vote");
  });

  it("sobol: header and one row per factor", () => {
    const d = saltelliDesign(problem, 64, mulberry32(3));
    const rows = analyseSobol(d, problem, d.points.map(model), { bootstrap: 20, rand: mulberry32(4) });
    const parsed = parseCsv(sobolCsv(rows));
    expect(parsed[0]).toEqual(["factor", "S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high", "rows"]);
    expect(parsed).toHaveLength(1 + 3);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(problem.factors.map((f) => f.name));
    expect(Number(parsed[1][4])).toBe(rows[0].ST);
  });

  it("history match: one row per point with parameters, implausibilities, max and kept", () => {
    const points = latinHypercube(problem, 25, mulberry32(5));
    const targets: Target[] = [
      { id: "removed", label: "Removed", low: 0.4, high: 0.6 },
      { id: "vote,share", label: "Vote share", low: null, high: 0.5 },
    ];
    const estimates = points.map((x, i) => [rateEstimate(Math.round(200 * model(x)), 200), i === 0 ? { value: Number.NaN, se: Number.NaN } : rateEstimate(60, 200)]);
    const result = historyMatch(problem, points, estimates, targets);
    const text = historyMatchCsv(problem, result);
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual(["point", "fear.base", 'odd, "name" <x>', "plenum.quorum", "implausibility_removed", "implausibility_vote,share", "max_implausibility", "kept"]);
    expect(parsed).toHaveLength(1 + 25);
    parsed.slice(1).forEach((row, i) => {
      expect(row[0]).toBe(String(i));
      expect(row.slice(1, 4).map(Number)).toEqual(points[i]);
      expect(row[7]).toBe(String(result.points[i].kept));
      expect(Number(row[6])).toBe(result.points[i].max);
    });
    expect(text).not.toMatch(/NaN/);
    expect(() => historyMatchCsv({ factors: problem.factors.slice(0, 2) }, result)).toThrow(/not the ones/);
  });
});

describe("HTML reports", () => {
  it("shows floating-point residue as 0: equal elementary effects have no spread", () => {
    expect(formatNumber(1.1102230246251565e-16)).toBe("0");
    expect(formatNumber(-2.220446049250313e-16, 2)).toBe("0");
    expect(formatNumber(0.000123456)).toBe("0.000123");
    const row: MorrisRow = { factor: "a.b.c", mu: 0.5, muStar: 0.5, sigma: 1.1102230246251565e-16, muStarLow: 0.5, muStarHigh: 0.5, effects: 2 };
    const html = morrisTable([row], 0.95);
    expect(html).not.toMatch(/e-1\d/);
    expect(html.match(/<td class="num">0<\/td>/g)).toHaveLength(2);
  });

  it("morris: a ranked mu* chart with whiskers and sigma, and its table, per output", () => {
    const design = morrisDesign(problem, { trajectories: 12, rand: mulberry32(6) });
    const y = design.points.map(model);
    const removed = analyseMorris(design, problem, y, { bootstrap: 100, rand: mulberry32(7) });
    // An output undefined everywhere (no figures) must still render, without NaN.
    const empty = analyseMorris(design, problem, y.map(() => Number.NaN), { bootstrap: 100, rand: mulberry32(7) });
    const html = morrisReportHtml({
      title: "Khrushchev 1957: what moves the outcome?",
      intro: ["Screening of three parameters & their <ranges>."],
      problem,
      trajectories: 12,
      levels: 4,
      runsPerPoint: 200,
      bootstrap: 100,
      confidence: 0.95,
      outputs: [
        { id: "leaderRemoved", label: "Khrushchev removed", rows: removed },
        { id: "amongPlots", label: "Plots that succeed", rows: empty },
      ],
    });
    expectAccessibleSelfContained(html);
    expect(html).toContain("What moves Khrushchev removed?");
    expect(html).toContain("What moves Plots that succeed?");
    expect(html).toContain("&lt;ranges&gt;");
    expect(html).toContain("odd, &quot;name&quot; &lt;x&gt;");
    expect(html).not.toContain('odd, "name" <x>');
    expect(html).toMatch(/class="interval"/);
    // Ranked: the first category label in the chart is the most important factor.
    const chart = html.match(/<svg[\s\S]*?<\/svg>/)![0];
    const top = [...removed].sort((a, b) => b.muStar - a.muStar)[0].factor;
    const labels = [...chart.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels[0]).toBe(top);
  });

  it("sobol: S1 and ST bars with intervals, and the table", () => {
    const d = saltelliDesign(problem, 256, mulberry32(8));
    const rows = analyseSobol(d, problem, d.points.map(model), { bootstrap: 100, rand: mulberry32(9) });
    const constant: SobolRow[] = analyseSobol(d, problem, d.points.map(() => 1), { bootstrap: 10, rand: mulberry32(9) });
    const html = sobolReportHtml({
      title: "Sobol indices",
      problem,
      baseSamples: 256,
      bootstrap: 100,
      confidence: 0.9,
      outputs: [
        { id: "removed", label: "Removed", rows },
        { id: "constant", label: "A constant", rows: constant },
      ],
    });
    expectAccessibleSelfContained(html);
    expect(html).toContain("What explains the variance of Removed?");
    expect(html).toContain("S1 (alone)");
    expect(html).toContain("ST (with interactions)");
    expect(html).toContain("90% interval");
    expect(html).toMatch(/class="interval"/);
    expect(() => sobolReportHtml({ title: "t", problem, baseSamples: 256, bootstrap: 100, confidence: 0.9, outputs: [{ id: "Removed", label: "a", rows }, { id: "removed", label: "b", rows }] })).toThrow(/differ/);
  });

  it("calibration: the pairs plot of the kept set, the defaults marked, the rules-out table", () => {
    const big: Problem = { factors: Array.from({ length: 8 }, (_, i) => ({ name: `f${i}`, low: 0, high: 1 + i })) };
    const rand = mulberry32(10);
    const points = latinHypercube(big, 150, mulberry32(11));
    const targets: Target[] = [
      { id: "removed", label: "Khrushchev removed", low: 0.5, high: null },
      { id: "vote", label: "Removed by a vote <Presidium>", low: 0.2, high: 0.4 },
    ];
    const sim = (x: readonly number[]) => {
      const k = (p: number) => Array.from({ length: 100 }, () => rand() < p).filter(Boolean).length;
      return [rateEstimate(k(x[0]), 100), rateEstimate(k(Math.min(1, x[1] / 2)), 100)];
    };
    const result = historyMatch(big, points, points.map(sim), targets, { reference: { label: "The scenario's defaults", values: [0.8, 0.6, 1, 1, 1, 1, 1, 1], estimates: sim([0.8, 0.6, 1, 1, 1, 1, 1, 1]) } });
    const html = calibrationReportHtml({ title: "Calibration against 1957", result, runsPerPoint: 100 });
    expectAccessibleSelfContained(html);
    expect(html).toContain("Which settings are compatible with history?");
    expect(html).toContain("What each target rules out");
    expect(html).toContain("Removed by a vote &lt;Presidium&gt;");
    expect(html).toContain("rules out low values of f0");
    expect(html).toMatch(/The scenario&#39;s defaults: (kept|ruled out)/);
    // Six factors at most in the pairs plot, the most constrained (f0, f1) among them.
    const svg = html.match(/<svg[^>]*>[\s\S]*?<\/svg>/)![0];
    const plotted = [...svg.matchAll(/class="variable-label">([^<]+)</g)].map((m) => m[1]);
    expect(plotted).toHaveLength(6);
    expect(plotted.slice(0, 2).sort()).toEqual(["f0", "f1"]);
    // 6 variables: 15 scatter panels, kept solid over faint ruled-out points, the defaults crossed in each.
    expect((svg.match(/class="scatter-panel"/g) ?? []).length).toBe(15);
    expect((svg.match(/class="marker"/g) ?? []).length).toBe(15 + 6);
    expect(svg).toMatch(/<g fill="#777777" fill-opacity="0\.25" class="layer">/);
    expect(svg).toMatch(/<g fill="#0072B2" fill-opacity="0\.9" class="layer">/);
    const kept = result.kept.length;
    expect((svg.match(/<circle/g) ?? []).length).toBe(15 * 150);
    expect(html).toContain(`${kept} of 150 sampled settings kept`);
  });

  it("calibration with nothing kept says so and still renders", () => {
    const p: Problem = { factors: [{ name: "a", low: 0, high: 1 }, { name: "b", low: 0, high: 1 }] };
    const points = latinHypercube(p, 20, mulberry32(12));
    const result = historyMatch(p, points, points.map(() => [{ value: 0.9, se: 0.01 }]), [{ id: "t", label: "T", low: 0, high: 0.1 }]);
    const html = calibrationReportHtml({ title: "Nothing fits", result });
    expectAccessibleSelfContained(html);
    expect(html).toContain("No sampled setting matches every target");
  });
});

describe("scatter matrix chart", () => {
  it("draws one variable as a lone histogram and skips points outside the domains", () => {
    const svg = scatterMatrix({
      id: "s",
      title: "One",
      description: "d",
      variables: [{ label: "a", domain: [0, 1] }],
      layers: [{ label: "All", color: "#000", points: [[0.5], [2], [Number.NaN]] }],
    });
    expectWellFormed(svg);
    expect(svg).not.toMatch(/NaN/);
    expect((svg.match(/class="bar"/g) ?? []).length).toBe(1);
  });
});
