// The browser game, for the review of issue 13: what a player sees, checked in Debian's Chromium
// against the real server (games planned in-process first, as in web-e2e.test.ts). A plotter's own
// row on the board; who votes on a move; every chance with its uncertainty; "Join" not preselected
// when sounded out; a crisis scene counting the voters at the vote after the fates; a stroke on the
// end screen; what-ifs by their titles; dossiers with citations rather than addresses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { LogEntry, SeatResponse } from "../src/server/api-types.js";
import type { World } from "../src/engine/index.js";
import { presidiumVoters } from "../src/engine/queries.js";
import { repo, settle, freshHome, openTab, type RunningServer, closeSession, openSession, submitAnswer, type BrowserSession } from "./web-helpers.js";
import { careful, findPlan, firstOf, type Plan, type Policy } from "./web-plan.js";

const artifacts = join(repo, "test-artifacts");
let session: BrowserSession | undefined;
let server: RunningServer;
let page: Page;
const problems: string[] = [];
let last: SeatResponse | null = null;
/** Every log entry the page was sent in this game, by its place in the seat's log. */
let seen = new Map<number, LogEntry>();
let uncertaintiesChecked = 0;


/** Every option on screen that carries odds says it is an estimate and how far off it could be, in the same words. */
async function checkUncertainty(): Promise<void> {
  if (!(await page.locator(".decision").count())) return;
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".decision [data-option]")].map((el) => ({
      option: el.dataset.option!,
      chance: el.querySelector<HTMLElement>(".chance")?.dataset.chance ?? null,
      uncertainty: el.querySelector(".uncertainty")?.textContent?.trim() ?? null,
    })),
  );
  for (const s of shown) {
    if (s.chance === null) {
      expect(s.uncertainty, s.option).toBeNull();
      continue;
    }
    const pct = String.raw`(\d+(\.\d)?%|under 0\.1%|over 99\.9%)`;
    expect(s.uncertainty, `${s.option}: its uncertainty`).toMatch(new RegExp(`^your estimate(, could be from ${pct} to ${pct})?$`));
    uncertaintiesChecked++;
  }
}

async function choose(option: string): Promise<void> {
  await settle(page);
  await submitAnswer(page, option, () => last?.game.decisions ?? 0);
  await checkUncertainty();
}

async function startGame(p: Pick<Plan, "scenario" | "seat" | "seed" | "settings">, whatIfs: string[] = []): Promise<void> {
  await freshHome(page, server.url);
  last = null;
  seen = new Map();
  await page.locator(`#scenario-${p.scenario}`).check();
  await page.locator(`#character-${p.seat}`).check();
  await page.getByLabel("Seed").fill(String(p.seed));
  if (p.settings.length || whatIfs.length) await page.locator("details.advanced > summary").click();
  if (p.settings.length) await page.getByLabel("Parameters to set").fill(p.settings.map((s) => `${s.path}=${s.value}`).join("\n"));
  for (const w of whatIfs) await page.locator(`input[type=checkbox][value="${w}"], #whatif-${w}`).first().check();
  await page.getByRole("button", { name: /^Start as/ }).click();
  await page.locator(".decision, .end").first().waitFor({ timeout: 120_000 });
  await expect.poll(() => last?.game.decisions).toBe(0);
  await checkUncertainty();
}

async function tab(name: string): Promise<void> {
  await openTab(page, name);
}

beforeAll(async () => {
  session = await openSession("presidium-review-", problems, (state) => {
    last = state;
    state.view.log.forEach((e, i) => seen.set(state.view.logFrom + i, e));
  });
  ({ server, page } = session);
}, 120_000);

afterAll(() => closeSession(session));

/**
 * Lets the first quiet weeks pass, then starts a move against the first man it fits as soon as one is
 * offered (marked), and stops after `after` more answers.
 */
function moveAgainst(fits: (target: string, world: World) => boolean, after = 1): Policy {
  return (_q, legal, world, n, marks) => {
    if (marks.has("start-move")) return n > marks.get("start-move")! + after ? null : careful(legal);
    const d = legal.find((x) => x.choice === "start-move" && x.target !== undefined && fits(x.target, world));
    if (d) {
      marks.set("start-move", n);
      return d;
    }
    return (n === 0 ? firstOf(legal, ["skip"]) : null) ?? firstOf(legal, ["lie-low"]) ?? careful(legal);
  };
}

describe.sequential("the review of issue 13, in the browser", () => {
  it("a plotter's own row on the board (Shelepin's) says he is against the first man; his move's count has the target voting, as a full member", async () => {
    const p = findPlan("october-1964", "shelepin", [3, 4, 5, 6, 7], moveAgainst((t) => t === "khrushchev"), 60, (x) => x.marks.has("start-move"));
    await startGame(p);
    for (const d of p.decisions) await choose(d.option);
    await settle(page);
    // He is in a move against Khrushchev: his own row says so, from his own knowledge.
    expect(last!.view.movesKnown.some((m) => m.member && m.target === "khrushchev")).toBe(true);
    await tab("Board");
    const own = page.locator(".board-table tr.you td[data-label=Stance]");
    await expect(own.textContent()).resolves.toMatch(/hostile -1\.00.*you know it: you are in a move against Nikita Khrushchev/);
    await expect(own.textContent()).resolves.not.toMatch(/loyal|wavering/);
    // The picture's bar under his own portrait is red (against), like the row.
    await page.locator(".board-table").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "review-board-1440.png"), fullPage: true });
    await page.locator(".board-picture").screenshot({ path: join(artifacts, "review-board-picture-1440.png") });
    await page.locator(".board-table tr.you").screenshot({ path: join(artifacts, "review-board-own-row-1440.png") });
    // His move: Khrushchev, a full member able to work, votes on his own case.
    await tab("This week");
    await settle(page);
    await page.locator(".decision").screenshot({ path: join(artifacts, "review-decision-1440.png") });
    const count = page.locator(".plots .vote-count").first();
    await expect(count.textContent()).resolves.toMatch(/Nikita Khrushchev's own vote against among the \d+\. A tie keeps him\./);
  }, 600_000);

  it("a move against a man without a vote in the Presidium (Brezhnev's, against a man without a seat) does not count his vote", async () => {
    const noVote = (t: string, w: World) => w.principals[t].presidium !== "full" || w.principals[t].incapacitatedSince !== null;
    const plan = findPlan("october-1964", "brezhnev", [3, 4, 5, 6, 7, 8], moveAgainst(noVote), 60, (x) => x.marks.has("start-move"));
    await startGame(plan);
    for (const d of plan.decisions) await choose(d.option);
    await settle(page);
    const move = last!.estimates.moves.find((m) => m.member)!;
    const target = last!.view.principals.find((p) => p.id === move.target)!;
    expect(target.votesInPresidium).toBe(false);
    const text = await page.locator(".plots .vote-count").first().textContent();
    expect(text).toMatch(new RegExp(`${target.name} does not vote on his own case \\((a candidate member has no vote|he has no seat in it|too ill to work, he cannot vote)\\)`));
    expect(text).not.toMatch(/own vote against/);
  }, 600_000);

  it("sounded out, the player finds 'Stay out' preselected, never 'Join'", async () => {
    const policy: Policy = (q, legal) => (q.kind === "respond" ? null : (firstOf(legal, ["lie-low"]) ?? careful(legal)));
    const p = findPlan("october-1964", "shelest", [1, 2, 3, 4, 5, 6, 7, 8], policy, 80, (x) => x.world.awaiting.some((a) => a.seat === "shelest" && a.kind === "respond"));
    await startGame(p);
    for (const d of p.decisions) await choose(d.option);
    await settle(page);
    await page.locator('.decision [data-option^="join"]').waitFor();
    await expect(page.locator('.decision [data-option^="join"] input').isChecked()).resolves.toBe(false);
    await expect(page.locator(".decision input[type=radio]:checked").evaluate((el) => el.closest("[data-option]")!.getAttribute("data-option"))).resolves.toMatch(/^stay-out/);
  }, 600_000);

  it("a crisis scene, settled after the fates, still counts the voters who voted", async () => {
    const crisisKinds = ["session-tactic", "answer", "speech", "vote", "align", "plenum-date", "concession"];
    const policy: Policy = (q, legal, world, n, marks) => {
      if (crisisKinds.includes(q.kind) && !marks.has("crisis")) marks.set("crisis", n);
      if (marks.has("crisis") && world.crisis === null && q.kind === "weekly") return null;
      return firstOf(legal, ["stall", "plenum", "take-seriously", "for", "attack", "lie-low", "stay-out", "no"]) ?? legal[0];
    };
    // A contest that ended in fates, so that the Presidium is smaller after it than at its vote.
    const smaller = (w: World) => {
      const vote = w.log.filter((e) => e.type === "session-result").at(-1);
      return vote !== undefined && presidiumVoters(w).length < (vote.data!.voters as number);
    };
    const p = findPlan("june-1957", "khrushchev", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], policy, 80, (x) => x.marks.has("crisis") && x.world.contests.some((c) => c.fates.length > 0) && smaller(x.world));
    await startGame(p);
    for (const d of p.decisions) await choose(d.option);
    await page.locator(".crisis").waitFor();
    if (await page.getByRole("button", { name: "Show the rest at once" }).count()) await page.getByRole("button", { name: "Show the rest at once" }).click();
    const result = [...seen.values()].filter((e) => e.type === "session-result").at(-1)!;
    expect(result).toBeDefined();
    const atVote = result.data!.voters as number;
    const now = last!.view.principals.filter((x) => x.votesInPresidium).length;
    expect(now, "the fates have made the Presidium smaller than at its vote").toBeLessThan(atVote);
    await expect(page.locator(".crisis .tally-box").textContent()).resolves.toMatch(new RegExp(`${Math.floor(atVote / 2) + 1} of ${atVote} votes carry it; a tie keeps him`));
    await page.screenshot({ path: join(artifacts, "review-crisis-1440.png"), fullPage: true });
    await page.locator(".crisis .crisis-board").screenshot({ path: join(artifacts, "review-crisis-tally-1440.png") });
    await page.locator(".crisis").screenshot({ path: join(artifacts, "review-crisis-scene-1440.png") });
  }, 900_000);

  it("a stroke felling the First Secretary is shown, and the end screen does not call him First Secretary", async () => {
    // Strokes made common (advanced options), so that one fells Khrushchev while he holds his posts.
    const settings = [
      { path: "model.health.hazard.stroke", value: 0.003 },
      { path: "model.health.hazard.agePivot", value: 60 },
    ];
    const policy: Policy = (_q, legal) => firstOf(legal, ["skip"]) ?? careful(legal);
    const p = findPlan("october-1964", "khrushchev", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], policy, 200, (x) => x.world.done && x.world.principals.khrushchev.incapacitatedSince !== null && x.world.principals.khrushchev.fate === null && x.world.principals.khrushchev.alive, settings);
    await startGame(p);
    for (const d of p.decisions) await choose(d.option);
    await settle(page);
    await page.locator(".end").waitFor();
    await expect(page.locator(".status-bar").textContent()).resolves.toMatch(/Nikita Khrushchev \(unable to work\)/);
    const fate = (await page.locator(".end .fate").textContent())!;
    expect(fate).toMatch(/Nikita Khrushchev was felled by a stroke on \d+ \w+ 196\d and could no longer work/);
    expect(fate).not.toMatch(/is First Secretary/);
    expect([...seen.values()].some((e) => e.type === "illness" && e.actor === "khrushchev" && /suffers a stroke/.test(e.text))).toBe(true);
    // The end screen's link carries the model settings (play-test: they were dropped, so a shared game
    // was not the same game): opened, it fills the form's advanced options with them, and the game it
    // starts is played with them.
    const lines = settings.map((s) => `${s.path}=${s.value}`);
    const link = await page.locator("#share-link").inputValue();
    expect(new URL(link).searchParams.getAll("set")).toEqual(lines);
    await page.goto(link);
    await page.locator("#scenario-october-1964").waitFor();
    await expect(page.locator("#character-khrushchev").isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("Seed").inputValue()).resolves.toBe(String(p.seed));
    await expect(page.locator("details.advanced").evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(page.getByLabel("Parameters to set").inputValue()).resolves.toBe(lines.join("\n"));
    last = null;
    await page.getByRole("button", { name: /^Start as Nikita Khrushchev/ }).click();
    await expect.poll(() => last?.game.settings, { timeout: 120_000 }).toEqual(settings);
  }, 900_000);

  it("the end screen names the what-ifs by their titles (Kozlov, unable to work from the start, lets the run go by)", async () => {
    await startGame({ scenario: "october-1964", seat: "kozlov", seed: 3, settings: [] }, ["loyal-kgb"]);
    await page.locator(".end").waitFor();
    // The finished run is dated by the scenario's last day everywhere, the status bar too.
    await expect(page.locator(".status-bar").textContent()).resolves.toMatch(/31 December 1964 \(week \d+\)/);
    const share = (await page.locator(".end .share").textContent())!;
    expect(share).toMatch(/with the what-if “A loyal KGB”/);
    expect(share).not.toMatch(/loyal-kgb(?!&)/);
    // Contests say where they were decided in words, not the engine's ids.
    await expect(page.locator(".end").textContent()).resolves.not.toMatch(/, (session|plenum|force)\)/);
    // Unable to work from the start, he is either retired "for reasons of age and health" or felled still.
    await expect(page.locator(".end .fate").textContent()).resolves.toMatch(/Frol Kozlov(: retired on a pension| was felled by a stroke)/);
    await expect(page.locator(".end .fate").textContent()).resolves.not.toMatch(/is First Secretary|came through it/);
  }, 600_000);

  it("dossiers cite works by their words, linked, never as bare addresses; the main characters have more than a sentence", async () => {
    await tab("People");
    for (const who of ["Nikita Khrushchev", "Leonid Brezhnev", "Nikolai Podgorny", "Aleksandr Shelepin", "Mikhail Suslov"]) {
      await page.locator(".people-list").getByRole("button", { name: new RegExp(`^${who}`) }).click();
      await expect(page.locator("#dossier-name").textContent()).resolves.toMatch(who);
      const bio = (await page.locator(".dossier-head p").textContent())!;
      expect(bio.split(/(?<=[.!?])\s+(?=[A-Z])/).length, `${who}: a biography of more than one sentence`).toBeGreaterThan(1);
      const links = await page.locator(".dossier .sources a").evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? "", href: (a as HTMLAnchorElement).href })));
      expect(links.length, `${who}: linked sources`).toBeGreaterThan(0);
      for (const l of links) {
        expect(l.text, `${who}: link text, not an address`).not.toMatch(/^(https?:\/\/)?[\w-]+(\.[\w-]+)+\/|…/);
        expect(l.href).toMatch(/^https?:\/\//);
      }
    }
    await page.screenshot({ path: join(artifacts, "review-dossier-1440.png"), fullPage: true });
    await page.locator(".dossier").screenshot({ path: join(artifacts, "review-dossier-card-1440.png") });
  }, 300_000);

  it("showed every chance with its uncertainty, and no console error", () => {
    expect(uncertaintiesChecked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
