// `npm run measure:web`: how fast a week's turn is in the browser, and how much JavaScript the
// browser is sent. Starts the built server on a free port and Chromium (scripts/chromium.mjs finds
// it, or installs Debian's package as root, or says what to run), plays games by
// always taking the default option (the first, where none is preselected), and reads the page's own "presidium-turn" measures (from the
// click that sends a decision to the new week rendered: request, engine step and render). Prints
// p50/p95/max against the 150 ms target and app.js gzipped against 300 KB.
//   node scripts/measure-web.mjs [--turns N] [--scenario october-1964|khrushchev-era] [--json]
import { cpus, loadavg, totalmem, tmpdir } from "node:os";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { startBuiltServer } from "./built-server.mjs";
import { ensureChromium } from "./chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { turns: { type: "string", default: "150" }, scenario: { type: "string", default: "october-1964" }, json: { type: "boolean", default: false } } });
if (!/^[1-9]\d*$/.test(values.turns)) {
  console.error(`--turns: expected a positive whole number of turns to measure, got "${values.turns}"`);
  process.exit(2);
}
const wantedTurns = Number(values.turns);
const TARGET_P95_MS = 150;
const TARGET_JS_KB = 300;
/** The games played, in turn, until enough turns are measured: a campaign's run long, so its turns come late in the decade too. */
const gamesOf = {
  "october-1964": [
    { character: "Nikita Khrushchev", seed: 11 },
    { character: "Leonid Brezhnev", seed: 5 },
    { character: "Nikolai Podgorny", seed: 8 },
    { character: "Vladimir Semichastny", seed: 17 },
  ],
  "khrushchev-era": [
    { character: "Anastas Mikoyan", seed: 4 },
    { character: "Nikita Khrushchev", seed: 11 },
  ],
};
const games = gamesOf[values.scenario];
if (!games) {
  console.error(`--scenario: expected one of ${Object.keys(gamesOf).join(", ")}, got "${values.scenario}"`);
  process.exit(2);
}

for (const f of ["dist/server/main.js", "dist/web/app.js"]) {
  if (!existsSync(join(root, f))) {
    console.error(`${f} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const dir = mkdtempSync(join(tmpdir(), "presidium-measure-"));
// Other work on the machine slows every turn: the one-minute load is reported with the figures.
const loadBefore = loadavg()[0];
/** Each turn: its whole time, its request's (sent to answered) and the response's size. */
const turns = [];
let browserVersion = "unknown";
let child;
let browser;
// Everything started is inside the try: a server or browser that fails to start still leaves
// nothing running and no temporary directory behind.
try {
  const started = await startBuiltServer(join(dir, "saves.sqlite"));
  child = started.child;
  const url = started.url;
  browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  browserVersion = browser.version();
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  for (const game of games) {
    if (turns.length >= wantedTurns) break;
    await page.goto(url);
    await page.evaluate(() => localStorage.clear());
    await page.goto(url);
    await page.locator(`#scenario-${values.scenario}`).check();
    await page.getByRole("radio", { name: new RegExp(game.character) }).check();
    await page.getByLabel("Seed").fill(String(game.seed));
    await page.getByRole("button", { name: /^Start as/ }).click();
    await page.locator(".decision").waitFor();
    while (turns.length < wantedTurns && (await page.locator("main").getAttribute("data-done")) !== "true") {
      const all = page.getByRole("button", { name: "Show the rest at once" });
      if (await all.count()) await all.click();
      const back = page.getByRole("button", { name: "Back to the week" });
      if (await back.count()) await back.click();
      // Votes and speeches have no preselected answer (only safe ones are): take the first offered,
      // or the submit is refused and no turn is measured.
      await page.locator(".decision form").waitFor();
      if (!(await page.locator(".decision input[type=radio]:checked").count())) await page.locator(".decision input[type=radio]").first().check();
      const before = await page.evaluate(() => performance.getEntriesByName("presidium-turn").length);
      await page.locator(".decision form button[type=submit]").click();
      await page.waitForFunction((n) => performance.getEntriesByName("presidium-turn").length > n, before);
      // The turn's request, from the browser's resource timing: what is not the request is the page's
      // own work (reading the JSON and rendering). Cleared each turn, so the buffer never fills.
      turns.push(
        await page.evaluate(() => {
          const turn = performance.getEntriesByName("presidium-turn").at(-1);
          const request = performance.getEntriesByType("resource").filter((e) => e.name.includes("/actions")).at(-1);
          performance.clearResourceTimings();
          return { ms: turn.duration, requestMs: request.responseEnd - request.startTime, bytes: request.decodedBodySize };
        }),
      );
    }
  }
} finally {
  await browser?.close();
  child?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}

const sortedBy = (f) => turns.map(f).sort((a, b) => a - b);
const sorted = sortedBy((t) => t.ms);
const figures = (f) => {
  const xs = sortedBy(f);
  return { p50: Math.round(percentile(xs, 50) * 10) / 10, p95: Math.round(percentile(xs, 95) * 10) / 10 };
};
const js = readFileSync(join(root, "dist/web/app.js"));
const css = readFileSync(join(root, "dist/web/styles.css"));
const result = {
  scenario: values.scenario,
  turns: sorted.length,
  p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
  p95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
  maxMs: Math.round(sorted[sorted.length - 1] * 10) / 10,
  /** The turn's request (server and network) and the rest (the page reading the JSON and rendering). */
  requestMs: figures((t) => t.requestMs),
  pageMs: figures((t) => t.ms - t.requestMs),
  responseKB: figures((t) => t.bytes / 1024),
  jsBytes: js.length,
  jsGzipKB: Math.round((gzipSync(js, { level: 9 }).length / 1024) * 10) / 10,
  cssGzipKB: Math.round((gzipSync(css, { level: 9 }).length / 1024) * 10) / 10,
  machine: { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: browserVersion, load: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 100) / 100) },
};
if (values.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`A week's turn in the browser (request + engine step + render), ${result.turns} turns of ${result.scenario}:`);
  console.log(`  p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (target < ${TARGET_P95_MS} ms), max ${result.maxMs} ms`);
  console.log(`  the request (server and network): p50 ${result.requestMs.p50} ms, p95 ${result.requestMs.p95} ms; the page (reading and rendering): p50 ${result.pageMs.p50} ms, p95 ${result.pageMs.p95} ms`);
  console.log(`  responses: p50 ${result.responseKB.p50} KB, p95 ${result.responseKB.p95} KB of JSON`);
  console.log(`JavaScript sent to the browser: app.js ${(result.jsBytes / 1024).toFixed(1)} KB, ${result.jsGzipKB} KB gzipped (target < ${TARGET_JS_KB} KB); styles ${result.cssGzipKB} KB gzipped`);
  console.log(`Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGB} GB; Node ${result.machine.node}; Chromium ${result.machine.chromium}; load ${result.machine.load.join(" before, ")} after (one minute)`);
}
process.exitCode = result.p95Ms < TARGET_P95_MS && result.jsGzipKB < TARGET_JS_KB ? 0 : 1;
