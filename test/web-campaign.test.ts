// The campaign in the browser (issue 12), in Debian's Chromium against the real server, games planned
// in-process first (test/web-plan.ts): the 1953-64 campaign played by clicking, letting quiet weeks
// pass, until the XX Congress has elected its Central Committee, which the News and Timeline screens
// must then show, and a save made then loads from the saves list and plays on; and a campaign started
// at a later chapter from the new-game form's chapter choice, played to its end, whose end screen
// must chart who was first, FEAR and the first man's clients' share of the CC with the server's own
// figures in its tables. axe-core finds no violation; no console errors. Screenshots go to
// test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { World } from "../src/engine/index.js";
import type { ScenarioInfo, SeatResponse } from "../src/server/api-types.js";
import { historyForGoal } from "../src/web/game/EndScreen.js";
import { goalStanding } from "../src/web/game/Goals.js";
import { longDate, percent } from "../src/web/format.js";
import { axeViolations, repo, settle, freshHome, openTab, type RunningServer, closeSession, openSession, submitAnswer, type BrowserSession } from "./web-helpers.js";
import { careful, findPlan, firstOf, type Plan, type Policy } from "./web-plan.js";

const artifacts = join(repo, "test-artifacts");
let session: BrowserSession | undefined;
let server: RunningServer;
let page: Page;
const problems: string[] = [];
/** Console errors a step brings on purpose (a request the server refuses). */
const expected: RegExp[] = [];
/** The last state the server sent this page. */
let last: SeatResponse | null = null;

const main = () => page.locator("main#main");
/** A player with nothing in mind: he lets quiet weeks pass whenever he may, and otherwise risks nothing. */
const quiet: Policy = (_q, legal) => firstOf(legal, ["skip"]) ?? careful(legal);

async function choose(option: string): Promise<void> {
  await settle(page);
  await submitAnswer(page, option, () => last?.game.decisions ?? 0);
}

async function home(): Promise<void> {
  await freshHome(page, server.url);
  last = null;
}

/** Chooses the character and seed of the plan on the form (its scenario already chosen) and starts. */
async function start(p: Plan): Promise<void> {
  await page.locator(`#character-${p.seat}`).check();
  await page.getByLabel("Seed").fill(String(p.seed));
  await page.getByRole("button", { name: /^Start as/ }).click();
  await page.locator(".decision, .end").first().waitFor({ timeout: 120_000 });
  await expect.poll(() => last?.game.decisions).toBe(0);
}

async function tab(name: string): Promise<void> {
  await openTab(page, name);
}

beforeAll(async () => {
  session = await openSession(
    "presidium-campaign-",
    problems,
    (state) => (last = state),
    (text) => expected.some((re) => re.test(text)),
  );
  ({ server, page } = session);
}, 120_000);

afterAll(() => closeSession(session));

describe.sequential("the campaign in the browser", () => {
  it("a campaign started in March 1953 and played by letting quiet weeks pass reaches the XX Congress, which the News and Timeline screens show", async () => {
    // Zhukov holds no seat in 1953, so he is asked little: the fewest clicks to February 1956.
    const held = (world: World) => world.log.some((e) => e.type === "congress" && e.date === "1956-02-25");
    const p = findPlan("khrushchev-era", "zhukov", [1, 2, 3], (q, legal, world, n, marks) => (held(world) ? null : quiet(q, legal, world, n, marks)), 60, (x) => held(x.world));
    await home();
    await page.locator("#scenario-khrushchev-era").check();
    // The campaign starts at its beginning unless a chapter is chosen.
    await expect(page.locator("#chapter-khrushchev-era").isChecked()).resolves.toBe(true);
    await start(p);
    expect(last!.view.start).toBe("1953-03-15");
    for (const d of p.decisions) await choose(d.option);
    await settle(page);
    expect(last!.view.date > "1956-02-25", `the game stands after the congress (${last!.view.date})`).toBe(true);
    await tab("News");
    // The wire shows the newest news a page at a time; when the quiet weeks ran on long after the
    // congress, the player pages back to it.
    const congress = /The XX Congress of the CPSU: a new Central Committee of \d+ members and candidates is elected/;
    const earlier = page.getByRole("button", { name: /Show earlier news/ });
    for (let i = 0; i < 60 && !congress.test((await main().textContent()) ?? "") && (await earlier.count()) > 0; i++) await earlier.click();
    await expect(main().textContent()).resolves.toMatch(congress);
    await tab("Timeline");
    const milestones = (await page.locator(".timeline-panel ol.timeline").textContent())!;
    expect(milestones).toMatch(/25 February 1956\s*The XX Congress of the CPSU/);
    await page.screenshot({ path: join(artifacts, "campaign-congress-timeline-1440.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await tab("News");
    expect(await axeViolations(page)).toEqual([]);
    // Saved under a name after the congress, three years in (so the server keeps a checkpoint with
    // it), then loaded from the saves list: the game stands where it was saved, and plays on.
    await tab("This week");
    const saved = { date: last!.view.date, decisions: last!.game.decisions };
    await page.getByLabel("Save as").fill("After the congress");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => page.locator(".saves .status").textContent()).toMatch(/^Saved as “After the congress”/);
    await page.getByRole("button", { name: "Main menu" }).click();
    await page.getByRole("button", { name: "Load After the congress" }).click();
    // A load replays the game from its checkpoint: well under a second on an idle machine, several
    // on a loaded one, so the wait is longer than expect.poll's default second.
    await expect.poll(() => main().getAttribute("data-tab"), { timeout: 15_000 }).toBe("week");
    await expect.poll(() => last?.view.date, { timeout: 15_000 }).toBe(saved.date);
    expect(last!.game.decisions).toBe(saved.decisions);
    await settle(page);
    // Ended from the foot of the page: the keyboard and the view go on to the turn's first heading
    // (play-test: both stayed on the End turn button, the new question above the view).
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await choose((await page.locator(".decision [data-option]").first().getAttribute("data-option"))!);
    expect(last!.game.decisions).toBe(saved.decisions + 1);
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement!;
        const r = e.getBoundingClientRect();
        return { tag: e.tagName, inView: r.top >= 0 && r.bottom <= innerHeight };
      });
    await expect.poll(focused).toEqual({ tag: "H2", inView: true });

    // The loaded game's autosave keeps the save's name: the list tells the two apart by kind, place
    // and time, in the buttons' names too (play-test: two entries whose Load buttons were named alike).
    await page.getByRole("button", { name: "Main menu" }).click();
    const loads = page.locator(".save-list").getByRole("button", { name: /^Load After the congress/ });
    await expect.poll(() => loads.count()).toBe(2);
    const loadNames = (await loads.evaluateAll((bs) => bs.map((b) => b.textContent ?? ""))).sort();
    expect(loadNames).toEqual([
      expect.stringMatching(/^Load After the congress \(autosave, week \d+, \d+ \w+ \d{4}, saved .+\)$/),
      expect.stringMatching(/^Load After the congress \(your save, week \d+, \d+ \w+ \d{4}, saved .+\)$/),
    ]);

    // The named save deleted meanwhile (as from another tab): its Load says plainly that it is gone,
    // never by a number, and the list drops it (play-test: "No save #9", the entry left in place).
    expected.push(/status of 404/);
    await page.evaluate(async () => {
      const saves = (await (await fetch("/api/saves")).json()) as { id: number; kind: string; name: string }[];
      const named = saves.find((x) => x.kind === "named" && x.name === "After the congress")!;
      await fetch(`/api/saves/${named.id}`, { method: "DELETE", headers: { "content-type": "application/json" }, body: "{}" });
    });
    await page.getByRole("button", { name: /^Load After the congress \(your save,/ }).click();
    await expect.poll(() => page.locator(".saved-games > p[role=alert]").textContent()).toBe("This save no longer exists: it was deleted, perhaps in another tab or window");
    await expect.poll(() => loads.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  }, 900_000);

  it("a campaign started at its last chapter from the new-game form plays that chapter's own scenario, and its end charts who was first, FEAR and the first man's clients with the server's figures", async () => {
    const p = findPlan("october-1964", "suslov", [1, 2, 3, 4, 5], quiet, 40, (x) => x.world.done);
    await home();
    await page.locator("#scenario-khrushchev-era").check();
    await page.locator("#chapter-fall").check();
    // The chapter is its own scenario: choosing it chooses that scenario, and the form says so both ways.
    await expect(page.locator("#scenario-october-1964").isChecked()).resolves.toBe(true);
    await expect(page.locator("#chapter-khrushchev-era").isChecked()).resolves.toBe(false);
    await expect(page.locator("fieldset.chapters").textContent()).resolves.toMatch(/Chapter three: the fall \(1963-64\): its own scenario, 1 July 1963 to 31 December 1964/);
    expect(await axeViolations(page)).toEqual([]);
    await start(p);
    expect(last!.game.scenario).toBe("october-1964");
    expect(last!.view.start).toBe("1963-07-01");
    for (const d of p.decisions) await choose(d.option);
    await settle(page);
    await page.locator(".end").waitFor();
    const trends = last!.outcome!.trends;
    const charts = page.locator(".end .epilogue-charts");
    // The picture: one band a holder of primacy, a stepped line for each series, and a summary in words.
    await expect(charts.locator("svg[role=img] title").textContent()).resolves.toContain(`FEAR ended at ${percent(trends.fear.at(-1)!.value)}`);
    expect(await charts.locator("svg rect").count()).toBe(trends.primacy.length);
    for (const d of await charts.locator("svg path").evaluateAll((ps) => ps.map((x) => x.getAttribute("d") ?? ""))) expect(d).toMatch(/^M[\d.]+ [\d.]+/);
    // The tables give the same figures as the server's outcome, row by row.
    await charts.locator("summary").click();
    const rows = async (caption: RegExp) => charts.locator("table", { has: page.locator("caption", { hasText: caption }) }).locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(await rows(/^FEAR/)).toEqual(trends.fear.map((x) => [longDate(x.date), percent(x.value)]));
    expect((await rows(/clients' share/)).map((r) => r.slice(0, 2))).toEqual(trends.leaderShare.map((x) => [longDate(x.date), x.value === null ? "none" : percent(x.value)]));
    expect((await rows(/^Who was first/)).map((r) => r.slice(0, 2))).toEqual(trends.primacy.map((x) => [longDate(x.from), longDate(x.to)]));
    // Each goal is scored as met or not, never "Not yet." once the run is over, and set beside what
    // history records of that goal (play-test: every goal's history was "Moved against Nikita Khrushchev").
    const info = (await (await fetch(`${server.url}/api/scenarios/october-1964`)).json()) as ScenarioInfo;
    const goalRows = await page
      .getByRole("region", { name: "Your goals beside history" })
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(goalRows).toEqual(last!.goals.goals.map((g) => [goalStanding(g, true), historyForGoal(g.id, "suslov", info)]));
    await expect(page.locator(".end").textContent()).resolves.not.toMatch(/Not yet\.|None yet\./);
    await page.screenshot({ path: join(artifacts, "campaign-chapter-end-1440.png"), fullPage: true });
    await charts.screenshot({ path: join(artifacts, "campaign-chapter-charts-1440.png") });
    expect(await axeViolations(page)).toEqual([]);
  }, 600_000);

  it("raised no console error", () => {
    expect(problems).toEqual([]);
  });
});
