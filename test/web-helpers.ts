// For the browser tests: the real server started as a child process on a free port, Chromium (as
// scripts/chromium.mjs finds it) driven by playwright-core (nothing downloads a browser), and
// axe-core's checks.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import type { SeatResponse } from "../src/server/api-types.js";
import { ensureChromium } from "../scripts/chromium.mjs";

export const repo = fileURLToPath(new URL("../", import.meta.url));
export const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node dist/server/main.js --port 0` and waits for the address it prints. */
export async function startServer(savesPath: string): Promise<RunningServer> {
  for (const built of ["dist/server/main.js", "dist/web/app.js"]) {
    if (!existsSync(join(repo, built))) throw new Error(`${built} is missing: run \`npm run build\` (npm test does it) before the browser tests`);
  }
  const child = spawn(process.execPath, [join(repo, "dist", "server", "main.js"), "--port", "0", "--saves", savesPath], { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at http:\/\/localhost:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before starting:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The Chromium to drive (scripts/chromium.mjs finds it; `npm test` installs it first where it can). */
export function chromiumExecutable(): string {
  // Without installing: a test should not run apt-get; `npm test` has made sure of Chromium already.
  return ensureChromium({ install: false });
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
}

const axeSource = () => readFileSync(join(repo, "node_modules", "axe-core", "axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Runs axe-core on the page; returns every violation, whatever its impact. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
  // (an injected <script> tag would be blocked by it, as it should be).
  if (!loaded) await page.evaluate(`${axeSource()};0`);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return result;
}

/**
 * Reveals a crisis on screen and puts a finished one away, until the decision (or the end) shows;
 * a few rounds, since one crisis can follow another, in the same turn too (each its own scene, one
 * leading on to the next). A crisis that ended the run stays on screen with its last step until the
 * player goes on to the end screen: that too.
 */
export async function settle(page: Page, rounds = 24): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const rest = page.getByRole("button", { name: "Show the rest at once" });
    if (await rest.count()) {
      await rest.click();
      continue;
    }
    const onward = page.getByRole("button", { name: /^On to the (end of the run|next crisis)$/ });
    if (await onward.count()) {
      await onward.click();
      continue;
    }
    const back = page.getByRole("button", { name: "Back to the week" });
    if ((await back.count()) && !(await page.locator(".decision").count())) {
      await back.click();
      continue;
    }
    break;
  }
}

/**
 * Watches a game page as the browser tests do: page errors and console errors (other than those
 * `expectedError` accepts) go to `problems`, and every game state the server sends goes to `onState`.
 */
export function watchGame(page: Page, problems: string[], onState: (state: SeatResponse) => void, expectedError: (text: string) => boolean = () => false): void {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !expectedError(message.text())) problems.push(`console error: ${message.text()}`);
  });
  page.on("response", async (response) => {
    if (!/\/api\/games(\/[0-9a-f-]{36}(\/actions)?)?(\?|$)/.test(response.url()) || !response.ok()) return;
    try {
      const body = (await response.json()) as SeatResponse & { state?: SeatResponse };
      onState(body.state ?? body);
    } catch {
      // not a game's state
    }
  });
}

/** The home page as a new visitor sees it, with the crisis shown step by step (the tests' pace). */
export async function freshHome(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem("presidium.pace", "step");
  });
  await page.goto(url);
}

/** Opens one of the game's tabs by its button. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.locator("nav.game-nav").getByRole("button", { name, exact: true }).click();
}

/** One browser test file's world: a saves file in a fresh folder, the server on it, Chromium and a page. */
export interface BrowserSession {
  dir: string;
  server: RunningServer;
  browser: Browser;
  page: Page;
}

/**
 * Opens a session: the server on a new saves file, Chromium, and one 1440x900 page watched for
 * problems other than those `expectedError` accepts (test-artifacts/ made ready for screenshots). The machine may be busy (the engine runs on
 * the server), so navigation gets more time than the default.
 */
export async function openSession(prefix: string, problems: string[], onState: (state: SeatResponse) => void, expectedError?: (text: string) => boolean): Promise<BrowserSession> {
  mkdirSync(join(repo, "test-artifacts"), { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const server = await startServer(join(dir, "saves.sqlite"));
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultNavigationTimeout(120_000);
  watchGame(page, problems, onState, expectedError);
  return { dir, server, browser, page };
}

export async function closeSession(session: BrowserSession | undefined): Promise<void> {
  await session?.browser.close();
  await session?.server.stop();
  if (session?.dir) rmSync(session.dir, { recursive: true, force: true });
}

/**
 * Answers the question on screen with `option` and waits until the page has taken the answer in: a
 * turn measured, the page no longer busy, and the server counting one more decision (`decisions`
 * reads the count from the test's latest state).
 */
export async function submitAnswer(page: Page, option: string, decisions: () => number): Promise<void> {
  await page.locator(`.decision [data-option="${option}"] input[type=radio]`).check();
  const n = await page.evaluate(() => performance.getEntriesByName("presidium-turn").length);
  const decided = decisions();
  await page.locator(".decision form button[type=submit]").click();
  await page.waitForFunction((k) => performance.getEntriesByName("presidium-turn").length > k, n, { timeout: 120_000 });
  await expect.poll(() => page.locator("main#main").getAttribute("aria-busy")).toBe("false");
  await expect.poll(decisions).toBeGreaterThan(decided);
}
