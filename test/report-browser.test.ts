// The HTML reports opened in a real browser (Chromium through playwright-core): the charts
// render as SVG, nothing is logged as an error, and nothing is fetched from anywhere; the
// calibration's pairs plot titles every row and column with its parameter, and no two titles touch.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeKeys } from "../src/research/montecarlo.js";
import { headlineKeys } from "../src/research/report/sweep-report.js";
import { fixtures, presidium, tempDir } from "./cli-helpers.js";
import { chromiumExecutable, launchChromium } from "./web-helpers.js";

let browser: Browser;
let dir: string;

beforeAll(async () => {
  // Fails with the command to run when Chromium is missing, before any report is made.
  chromiumExecutable();
  dir = tempDir();
  const [mc, sweep, calibration] = await Promise.all([
    presidium(["montecarlo", "--scenario", "october-1964", "--runs", "4", "--compare", "loyal-kgb", "--report", join(dir, "montecarlo.html"), "--json"]),
    presidium(["sweep", "--scenario", "october-1964", "--set", "globals.fear=0,0.5,1", "--runs", "2", "--report", join(dir, "sweep.html"), "--json"]),
    // Six parameters with long dotted names: the most the pairs plot shows.
    presidium(["calibrate", "--targets", join(fixtures, "targets", "minimal-targets.yaml"), "--parameters", "ai.*", "--parameters", "moves.start.*", "--samples", "4", "--runs", "2", "--workers", "1", "--out", join(dir, "calibration.jsonl"), "--report", join(dir, "calibration.html"), "--json"]),
  ]);
  expect(mc.code, mc.stderr).toBe(0);
  expect(sweep.code, sweep.stderr).toBe(0);
  expect(calibration.code, calibration.stderr).toBe(0);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

async function open(file: string) {
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  const problems: string[] = [];
  const fetched: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith("file:")) fetched.push(r.url());
  });
  await page.goto(pathToFileURL(join(dir, file)).href, { waitUntil: "load" });
  return { page, problems, fetched };
}

describe("reports in Chromium", () => {
  it("the Monte Carlo report renders every chart, with no errors and no network", async () => {
    const { page, problems, fetched } = await open("montecarlo.html");
    expect(await page.title()).toMatch(/: 4 simulated runs$/);
    // Outcomes, survival, removal months, plot leaders, fates, and one plenum chart per variant.
    expect(await page.locator("svg.chart").count()).toBe(7);
    for (const svg of await page.locator("svg.chart").all()) {
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(100);
    }
    expect(await page.locator("#outcome-shares-title").textContent()).toBe("How often did each outcome happen?");
    expect(await page.locator("svg:has(#outcome-shares-title) rect.bar").count()).toBeGreaterThan(0);
    expect(await page.locator("svg:has(#survival-title) path.line").count()).toBe(2);
    // One row per outcome the tally pairs across variants.
    expect(await page.locator("#comparison table tbody tr").count()).toBe(outcomeKeys.length);
    expect(await page.locator("body").innerText()).toContain("A loyal KGB");
    expect(problems).toEqual([]);
    expect(fetched).toEqual([]);
    await page.close();
  });

  it("the sweep report renders a chart per headline rate", async () => {
    const { page, problems, fetched } = await open("sweep.html");
    // One chart per headline rate, and the survival curves.
    expect(await page.locator("svg.chart").count()).toBe(headlineKeys.length + 1);
    expect(await page.locator("svg:has(#sweep-leaderRemoved-title) circle").count()).toBe(3);
    expect(await page.locator("#figures table tbody tr").count()).toBe(3);
    expect(problems).toEqual([]);
    expect(fetched).toEqual([]);
    await page.close();
  });

  it("the calibration report's pairs plot titles each row and column by its parameter, none overlapping", async () => {
    const { page, problems, fetched } = await open("calibration.html");
    const plot = page.locator("svg:has(#kept-set-title)");
    const panels = await plot.evaluate((svg) => {
      const box = (e: Element) => (e as SVGGraphicsElement).getBoundingClientRect();
      const titles = (kind: string) => [...svg.querySelectorAll(`text.${kind}`)].map((t) => ({ text: t.textContent ?? "", ...box(t).toJSON() }));
      return { svg: box(svg).toJSON(), columns: titles("column-title"), rows: titles("row-title"), names: [...svg.querySelectorAll("text.variable-label")].map((t) => t.textContent) };
    });
    // The diagonal names the variables; the columns carry all of them, the rows all but the first.
    expect(panels.names).toHaveLength(6);
    expect(panels.columns.map((t) => t.text)).toEqual(panels.names);
    expect(panels.rows.map((t) => t.text)).toEqual(panels.names.slice(1));
    type Box = { left: number; right: number; top: number; bottom: number };
    const apart = (a: Box, b: Box) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    for (const group of [panels.columns, panels.rows]) {
      for (const [i, a] of group.entries()) {
        expect(a.left >= panels.svg.left && a.right <= panels.svg.right && a.top >= panels.svg.top && a.bottom <= panels.svg.bottom, `${a.text} inside the picture`).toBe(true);
        for (const b of group.slice(i + 1)) expect(apart(a, b), `${a.text} and ${b.text} apart`).toBe(true);
      }
    }
    expect(problems).toEqual([]);
    expect(fetched).toEqual([]);
    await page.close();
  });
});
