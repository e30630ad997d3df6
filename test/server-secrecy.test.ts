// No response to a seat holds what that seat cannot know. Over many seeded weeks, for several
// seats, every response is checked against the true world kept on the server: no hidden log entry's
// text, no move the seat has not heard of, no other principal's private numbers, no other seat's
// reasons, and no gaps in the log's numbering that would betray how much happened out of sight.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer, type PresidiumServer } from "../src/server/app.js";
import type { GameCreated, SeatResponse } from "../src/server/api-types.js";
import { decisionsFor, playScripted, type Awaiting, type LogEntry, type World } from "../src/engine/index.js";
import { MoveAliases, newAliasSecret } from "../src/server/move-aliases.js";
import { seatWorldResponse } from "../src/server/seat-response.js";
import { ownJudgement, scenarioOf } from "./strategies.js";
import Database from "better-sqlite3";

let dir: string;
let server: PresidiumServer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "presidium-secrecy-"));
  server = buildServer({ savesPath: join(dir, "saves.sqlite") });
});

afterAll(async () => {
  await server.app.close();
  rmSync(dir, { recursive: true, force: true });
});

const canKnow = (e: LogEntry, seat: string) => e.audience === "public" || e.audience.includes(seat);

/** Keys of the world's private state that must never reach a browser. */
const privateKeys = ['"suspicion":', '"debts":', '"pledge":', '"refused":', '"refusals":', '"rng":', '"exposure":', '"initiator":', '"pending":', '"promises":', '"arrived":', '"weekly":', '"claims":', '"memory":', '"opinions":', '"incapacitatedSince":'];
/** Keys a seat may hold once, for itself, and never for anyone else. */
const ownKeys = ['"believesCcDecides":', '"kompromat":', '"grievances":', '"trust":', '"traits":'];

interface Tally {
  responses: number;
  hiddenEntries: number;
  hiddenMoves: number;
}

/** Checks one response (its raw text) against the true world at that moment. */
function checkResponse(text: string, world: World, seat: string, tally: Tally, aliases: MoveAliases): void {
  const response = JSON.parse(text) as SeatResponse;
  tally.responses++;
  const visible = world.log.filter((e) => canKnow(e, seat));
  const visibleTexts = new Set(visible.map((e) => e.text));

  // 1. The text of an entry the seat may not know (an approach between two others, a KGB report, a
  //    warning) appears nowhere, unless a visible entry happens to say the same words.
  for (const e of world.log) {
    if (canKnow(e, seat) || visibleTexts.has(e.text)) continue;
    tally.hiddenEntries++;
    expect(text.includes(JSON.stringify(e.text)), `hidden ${e.type} entry sent to ${seat}: ${e.text}`).toBe(false);
  }

  // 2. A move the seat has not heard of (no belief, no visible entry naming it) is not named, by the
  //    alias seats are given, and no move is named by the engine's own id (drawn from the seed).
  const me = world.principals[seat];
  expect(text.match(/(?<![A-Za-z0-9])m-[0-9a-f]{8}(?![A-Za-z0-9])/)?.[0], `an engine move id sent to ${seat}`).toBeUndefined();
  for (const move of world.moves) {
    const heard = me.beliefs.some((b) => b.move === move.id) || visible.some((e) => JSON.stringify(e).includes(`"${move.id}"`));
    if (heard) continue;
    tally.hiddenMoves++;
    expect(text.includes(`"${aliases.alias(move.id)}"`), `${seat} was sent ${move.id}, which it has not heard of`).toBe(false);
  }

  // 3. No private state of the world, and no one's traits, trust or files but the seat's own.
  for (const key of privateKeys) expect(text.includes(key), `private key ${key} sent to ${seat}`).toBe(false);
  // The record of contests is public once the run is over (the outcome), and not before.
  if (!response.view.done) expect(text.includes('"contests":'), `contests sent to ${seat} during play`).toBe(false);
  for (const key of ownKeys) expect(text.split(key).length - 1, `${key} of other principals sent to ${seat}`).toBeLessThanOrEqual(1);
  expect(text.split('"ambition":').length - 1, "traits of other principals").toBeLessThanOrEqual(1);

  // 4. Others' weighing stays theirs: an entry shows its reasons only to the man who weighed them.
  for (const e of response.view.log) {
    if (!e.options) continue;
    const weigher = e.type === "fate" ? e.data?.proposedBy : e.actor;
    expect(weigher === seat && e.type !== "presidium-business", `${seat} was sent the reasons of ${e.type} "${e.text}"`).toBe(true);
  }

  // 5. The seat's log is numbered 0, 1, 2... in its own sequence, so gaps reveal nothing.
  response.view.log.forEach((e, i) => expect(e.seq).toBe(response.view.logFrom + i));
  expect(response.view.logLength).toBe(visible.length);
  if (response.view.awaiting) expect(response.view.awaiting.seat).toBe(seat);
  // 6. What each option would bring is told for the seat's own question only, option by option.
  expect(response.outcomes.length).toBe(response.view.awaiting?.options.length ?? 0);
}

/** A deterministic but varied way of choosing: plots get started, joined, reported and launched. */
function pick(optionsCount: number, step: number, seed: number): number {
  return Math.abs((step * 7 + seed * 13) % 11) % optionsCount;
}

async function play(scenario: string, seat: string, seed: number, maxDecisions: number, tally: Tally): Promise<void> {
  const create = await server.app.inject({ method: "POST", url: "/api/games", payload: { scenario, character: seat, seed } });
  expect(create.statusCode).toBe(201);
  const created = create.json() as GameCreated;
  const token = created.tokens[seat];
  const truth = () => server.games.present(server.games.peek(created.gameId)!);
  const aliases = server.games.peek(created.gameId)!.aliases;
  checkResponse(JSON.stringify(created.state), truth(), seat, tally, aliases);
  let state = created.state;
  let since = state.view.logLength;
  for (let step = 0; step < maxDecisions && state.view.awaiting; step++) {
    const a = state.view.awaiting;
    const o = a.options[pick(a.options.length, step, seed)];
    const r = await server.app.inject({
      method: "POST",
      url: `/api/games/${created.gameId}/actions?since=${since}`,
      headers: { "x-seat-token": token },
      payload: { seat, kind: a.kind, key: a.key, choice: o.choice, turn: state.game.decisions, ...(o.target ? { target: o.target } : {}), ...(o.detail ? { detail: o.detail } : {}) },
    });
    expect(r.statusCode, r.body).toBe(200);
    checkResponse(r.body, truth(), seat, tally, aliases);
    state = r.json() as SeatResponse;
    since = state.view.logLength;
    if (step % 10 === 9 || !state.view.awaiting) {
      // The whole log, as a reloaded page asks for it.
      const full = await server.app.inject({ url: `/api/games/${created.gameId}?since=0`, headers: { "x-seat-token": token } });
      checkResponse(full.body, truth(), seat, tally, aliases);
    }
  }
}

describe("a seat is sent only what it may know", () => {
  const runs: [string, string, number][] = [
    ["october-1964", "brezhnev", 5],
    ["october-1964", "khrushchev", 11],
    ["october-1964", "semichastny", 17],
    ["october-1964", "mikoyan", 29],
    ["june-1957", "malenkov", 8],
    ["june-1957", "khrushchev", 2],
    ["march-1953", "beria", 4],
    ["march-1953", "malenkov", 6],
  ];
  const tally: Tally = { responses: 0, hiddenEntries: 0, hiddenMoves: 0 };

  for (const [scenario, seat, seed] of runs) {
    it(`${scenario} as ${seat}, seed ${seed}`, async () => {
      await play(scenario, seat, seed, 60, tally);
    }, 300_000);
  }

  it("had something to hide: many responses, hidden entries and moves unheard of", () => {
    expect(tally.responses).toBeGreaterThan(150);
    expect(tally.hiddenEntries).toBeGreaterThan(500);
    expect(tally.hiddenMoves).toBeGreaterThan(5);
  });
});

// With the seed, the scenario and its own decisions a player could re-run the game offline and read
// everything hidden from the seat; the generator's state would do the same. Seeds with many digits
// make any trace of them in a response's text meaningful (a short seed would match a week number).
describe("no response during play carries the seed or the generator's state", () => {
  const games: [string, string, number][] = [
    ["october-1964", "brezhnev", 1964101451],
    ["october-1964", "khrushchev", -1827364510],
    ["june-1957", "malenkov", 2000000033],
    ["june-1957", "bulganin", 987654321],
  ];
  let checked = 0;
  let ended = 0;

  /** Every key of a JSON value, at any depth. */
  const keysOf = (value: unknown): string[] =>
    Array.isArray(value) ? value.flatMap(keysOf) : value !== null && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

  /** `rngWords`: the generator's state words, at the start and now. */
  function expectNoSeed(text: string, seed: number, rngWords: readonly number[]): void {
    checked++;
    expect(text.includes(String(Math.abs(seed))), `the seed ${seed} in a response during play`).toBe(false);
    expect(keysOf(JSON.parse(text)).filter((k) => /seed/i.test(k))).toEqual([]);
    // Short words (the state holds some, such as -1) would match any count; long ones cannot by chance.
    for (const word of rngWords.filter((w) => Math.abs(w) >= 1_000_000)) expect(text.includes(String(Math.abs(word))), `generator state ${word} in a response`).toBe(false);
  }

  for (const [scenario, seat, seed] of games) {
    it(`${scenario} as ${seat}, seed ${seed}: hidden until the end, then shown`, async () => {
      const create = await server.app.inject({ method: "POST", url: "/api/games", payload: { scenario, character: seat, seed } });
      expect(create.statusCode).toBe(201);
      const created = create.json() as GameCreated;
      const headers = { "x-seat-token": created.tokens[seat] };
      const initialRng = Object.values(server.games.peek(created.gameId)!.world.rng).flat();
      const rngWords = () => [...initialRng, ...Object.values(server.games.peek(created.gameId)!.world.rng).flat()];
      expectNoSeed(create.body, seed, rngWords());
      let state = created.state;
      for (let step = 0; step < 400 && state.view.awaiting; step++) {
        const a = state.view.awaiting;
        const o = a.options[pick(a.options.length, step, seed)];
        const r = await server.app.inject({
          method: "POST",
          url: `/api/games/${created.gameId}/actions`,
          headers,
          payload: { seat, kind: a.kind, key: a.key, choice: o.choice, turn: state.game.decisions, ...(o.target ? { target: o.target } : {}), ...(o.detail ? { detail: o.detail } : {}) },
        });
        expect(r.statusCode, r.body).toBe(200);
        state = r.json() as SeatResponse;
        if (state.view.done) {
          expect(state.game.seed).toBe(seed);
          break;
        }
        expectNoSeed(r.body, seed, rngWords());
        if (step % 15 === 0) {
          for (const url of [`/api/games/${created.gameId}?since=0`, "/api/saves", "/api/scenarios"]) {
            const g = await server.app.inject({ url, headers });
            expect(g.statusCode, g.body).toBe(200);
            expectNoSeed(g.body, seed, rngWords());
          }
          const named = await server.app.inject({ method: "POST", url: `/api/games/${created.gameId}/saves`, headers, payload: { name: `step ${step}` } });
          expect(named.statusCode, named.body).toBe(201);
          expectNoSeed(named.body, seed, rngWords());
        }
      }
      const end = await server.app.inject({ url: `/api/games/${created.gameId}`, headers });
      if (state.view.done) {
        ended++;
        expect((end.json() as SeatResponse).game.seed).toBe(seed);
      } else expectNoSeed(end.body, seed, rngWords());
    }, 300_000); // up to 400 decisions through the API: minutes on a loaded machine
  }

  it("checked many responses, and games that ended", () => {
    expect(checked).toBeGreaterThan(100);
    expect(ended).toBeGreaterThanOrEqual(2);
  });
});

describe("save files before the end", () => {
  it("one human seat: the player's own replay, with the seed, at any time", async () => {
    const created = (await server.app.inject({ method: "POST", url: "/api/games", payload: { scenario: "october-1964", character: "brezhnev", seed: 424242 } })).json() as GameCreated;
    const r = await server.app.inject({ url: `/api/games/${created.gameId}/save-file`, headers: { "x-seat-token": created.tokens.brezhnev } });
    expect(r.statusCode, r.body).toBe(200);
    expect(JSON.parse(r.body).seed).toBe(424242);
  });

  it("several human seats: refused with 409 until the game is over, from the game and from the saves list", async () => {
    const created = (await server.app.inject({ method: "POST", url: "/api/games", payload: { scenario: "october-1964", character: "brezhnev", seed: 515151 } })).json() as GameCreated;
    // No route starts a game with several human seats yet: the second seat is added in place.
    const live = server.games.peek(created.gameId)!;
    live.humanSeats.push("khrushchev");
    const r = await server.app.inject({ url: `/api/games/${created.gameId}/save-file`, headers: { "x-seat-token": created.tokens.brezhnev } });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error).toMatchObject({ status: 409, code: "export-before-end" });
    expect(r.json().error.message).toMatch(/2 human seats and is not over.*exported only once the game has ended/);
    expect(r.body).not.toContain("515151");

    // A stored save with two seats, mid-game and at the end.
    const db = new Database(server.store.path);
    const text = JSON.stringify({ ...JSON.parse(server.store.getSaveText(server.store.listSaves()[0].id)!), humanSeats: ["brezhnev", "khrushchev"], seed: 515151 });
    const insert = db.prepare("INSERT INTO saves (kind, game_id, name, scenario, seat, date, week, done, saved_at, body) VALUES ('named', NULL, 'two seats', 'october-1964', 'brezhnev', '1963-07-08', 1, ?, '2026-01-01T00:00:00.000Z', ?)");
    const midGame = Number(insert.run(0, text).lastInsertRowid);
    const ended = Number(insert.run(1, text).lastInsertRowid);
    db.close();
    const refused = await server.app.inject({ url: `/api/saves/${midGame}/file` });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.body).not.toContain("515151");
    const allowed = await server.app.inject({ url: `/api/saves/${ended}/file` });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.body).toContain("515151");
  });
});

// Every character of every scenario, over at least 200 seeded weeks each. Through HTTP a week costs a
// replay of the week and one game covers one seat, so 112 characters x 200 weeks would take hours.
// Here each scenario is played with *every* character as a human seat, answered in place by a cheap
// scripted responder (playScripted: no week is re-run), and responses are built from the true world
// exactly as the server builds them (seatWorldResponse, then the game's move aliases). What a
// response holds depends only on the world and the seat, not on who else is human. Building one
// costs 10-40 ms of CPU (the seat's view walks the whole log), so not every seat is shown every week:
// - each seat's response is built every few weeks (staggered across seats), asking for the log
//   entries since its last one: every log entry each seat would be sent, in every week, is checked
//   once, and its board, plots, estimates and goals every few weeks;
// - the questions a seat is asked other than the weekly one (being sounded out, a strike, a
//   session's speech and vote, an organs' report...) are checked with the question, its options'
//   odds and outcomes (where the odds of a plot could betray its secret members): each kind once
//   for each seat in a window of weeks (wider in the campaign, whose long log makes each dearer);
// - at the end every seat's whole log is checked, as a reloaded page asks for it.
// Why that is enough: the log is where hidden facts would accumulate, and it is checked entry by
// entry for every seat and every week; what else a response holds is computed afresh from the world
// each time (no state of its own), so a leak there comes from a rule reading the wrong field, which
// recurs every time the same situation does and is caught at the next snapshot or question of any
// seat in it, across 112 characters and 10 games. Seeds per scenario give every character at least
// 200 weeks: june-1957 4 x 52, march-1953 2 x 146, october-1964 3 x 79, the campaign 1 x 615.
// Measured: 7,631 responses (3,744 with a question, 259 with the whole log) over 42,229 seat-weeks,
// in 131 s on an otherwise idle machine (june-1957 23 s, march-1953 28 s, october-1964 19 s, the
// campaign 61 s); far longer on a busy machine's wall clock, hence the generous timeouts.
describe("every character of every scenario, at least 200 seeded weeks each", () => {
  /**
   * Scenario, seeds, every how many weeks each seat's response is built, and over how many weeks a
   * seat's questions of one kind are checked once (1: every kind asked in a week, once that week).
   */
  const plan: [string, number[], number, number][] = [
    ["june-1957", [1957000101, 1957000202, 1957000303, 1957000404], 6, 2],
    ["march-1953", [1953000101, 1953000202], 8, 4],
    ["october-1964", [1964000101, 1964000202, 1964000303], 6, 2],
    ["khrushchev-era", [1953196401], 26, 13],
  ];
  const MIN_WEEKS = 200;
  /** Seat-weeks checked, by scenario and character. */
  const weeks = new Map<string, Map<string, number>>();
  const totals = { responses: 0, questions: 0, hiddenEntries: 0, hiddenMoves: 0, full: 0 };
  const ENGINE_ID = /(?<![A-Za-z0-9])m-[0-9a-f]{8}(?![A-Za-z0-9])/g;
  const ALIAS = /(?<![A-Za-z0-9])m-[0-9a-f]{12}(?![A-Za-z0-9])/g;

  /** Every string of a JSON value (values and keys). */
  function stringsOf(value: unknown, out: string[] = []): string[] {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
    else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        out.push(k);
        stringsOf(v, out);
      }
    }
    return out;
  }

  for (const [scenarioId, seeds, SNAPSHOT_EVERY, QUESTION_WINDOW] of plan) {
    it(`${scenarioId}: every character, seeds ${seeds.join(", ")}`, () => {
      const started = performance.now();
      const scenario = scenarioOf(scenarioId);
      const seats = Object.keys(scenario.characters).sort();
      const perSeat = new Map(seats.map((s) => [s, 0]));
      weeks.set(scenarioId, perSeat);
      for (const seed of seeds) {
        const aliases = new MoveAliases(newAliasSecret());
        /** Per seat, what it may see of the log so far and what it may not (texts), and the moves it has seen named. */
        const known = new Map(seats.map((s) => [s, { seen: 0, visibleTexts: new Set<string>(), hiddenTexts: new Set<string>(), namedMoves: new Set<string>(), visibleCount: 0, since: 0 }]));

        const check = (world: World, seat: string, asked: Awaiting | null) => {
          const k = known.get(seat)!;
          for (; k.seen < world.log.length; k.seen++) {
            const e = world.log[k.seen];
            if (canKnow(e, seat)) {
              k.visibleCount++;
              k.visibleTexts.add(e.text);
              for (const id of JSON.stringify(e).match(ENGINE_ID) ?? []) k.namedMoves.add(id);
            } else k.hiddenTexts.add(e.text);
          }
          const at: World = { ...world, awaiting: asked ? [asked] : [] };
          // Only what is new since the seat's last response; the whole log at the end.
          const full = world.done;
          const text = aliases.text(JSON.stringify(seatWorldResponse(at, seat, full ? 0 : k.since)));
          const response = JSON.parse(text) as Omit<SeatResponse, "game">;
          totals.responses++;
          if (full) totals.full++;
          if (asked) totals.questions++;
          k.since = response.view.logLength;

          // 1. No text of an entry hidden from the seat (unless a visible one says the same words).
          for (const s of stringsOf(response)) {
            if (k.hiddenTexts.has(s) && !k.visibleTexts.has(s)) expect.fail(`${scenarioId} seed ${seed} week ${world.week}: hidden entry sent to ${seat}: ${s}`);
          }
          totals.hiddenEntries += k.hiddenTexts.size;
          // 2. No engine move id at all, and no alias of a move the seat has not heard of.
          expect(text.match(ENGINE_ID), `engine move id sent to ${seat}`).toBeNull();
          const me = world.principals[seat];
          // The seat hears of a move by being sounded out about it: its question names it.
          const asking = asked ? (JSON.stringify(asked).match(ENGINE_ID) ?? []) : [];
          const heard = new Set([...me.beliefs.map((b) => b.move), ...k.namedMoves, ...asking].map((id) => aliases.alias(id)));
                    for (const alias of text.match(ALIAS) ?? []) expect(heard.has(alias), `${scenarioId} seed ${seed}: ${seat} was sent ${alias}, a move it has not heard of`).toBe(true);
          totals.hiddenMoves += world.moves.length - heard.size;
          // 3. No private state, no one's traits, trust or files but the seat's own, no seed.
          for (const key of privateKeys) expect(text.includes(key), `private key ${key} sent to ${seat}`).toBe(false);
          // (A campaign's chapter entry counts the contests so far, which were public: the record itself waits.)
          if (!world.done) expect(text.includes('"contests":['), `contests sent to ${seat} during play`).toBe(false);
          for (const key of ownKeys) expect(text.split(key).length - 1, `${key} of other principals sent to ${seat}`).toBeLessThanOrEqual(1);
          expect(text.split('"ambition":').length - 1, "traits of other principals").toBeLessThanOrEqual(1);
          if (!world.done) expect(text.includes(String(seed)), `the seed in ${seat}'s response`).toBe(false);
          // 4. Reasons only to the man who weighed them.
          for (const e of response.view.log) {
            if (!e.options) continue;
            const weigher = e.type === "fate" ? e.data?.proposedBy : e.actor;
            expect(weigher === seat && e.type !== "presidium-business", `${seat} was sent the reasons of ${e.type} "${e.text}"`).toBe(true);
          }
          // 5. The log numbered in the seat's own sequence; 6. outcomes for its own question only.
          response.view.log.forEach((e, i) => expect(e.seq).toBe(response.view.logFrom + i));
          expect(response.view.logLength).toBe(k.visibleCount);
          expect(response.outcomes.length).toBe(asked?.options.length ?? 0);
        };

        let lastWeek = -1;
        let n = 0;
        const questionsChecked = new Set<string>();
        const atWeek = (world: World) => {
          if (world.week === lastWeek) return;
          lastWeek = world.week;
          seats.forEach((seat, i) => {
            if ((world.week + i) % SNAPSHOT_EVERY === 0) check(world, seat, null);
          });
        };
        const world = playScripted(scenario, { seed, humanSeats: seats }, (w, asked) => {
          atWeek(w);
          const window = `${asked.seat}:${asked.kind}:${Math.floor(w.week / QUESTION_WINDOW)}`;
          if (asked.kind !== "weekly" && !questionsChecked.has(window)) {
            questionsChecked.add(window);
            check(w, asked.seat, asked);
          }
          // Mostly the character's own judgement; every fifth answer another option, so plots start, spread and fail.
          const legal = decisionsFor(asked);
          return n++ % 5 === 4 ? legal[n % legal.length] : ownJudgement(w, asked);
        });
        // The end as each seat is shown it, the whole log (with the outcome and the seed).
        for (const seat of seats) check(world, seat, null);
        for (const seat of seats) perSeat.set(seat, perSeat.get(seat)! + world.week);
      }
      for (const seat of seats) expect(perSeat.get(seat), `${scenarioId}: weeks checked for ${seat}`).toBeGreaterThanOrEqual(MIN_WEEKS);
      console.log(`secrecy ${scenarioId}: ${seats.length} characters, ${perSeat.get(seats[0])} weeks each, ${totals.responses} responses so far, ${Math.round(performance.now() - started)} ms`);
    }, 1_200_000);
  }

  it("covered every character of every scenario in scenarios/", () => {
    const files = readdirSync(fileURLToPath(new URL("../scenarios/", import.meta.url))).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));
    expect([...weeks.keys()].sort()).toEqual(files.sort());
    const characters = [...weeks.values()].reduce((n, m) => n + m.size, 0);
    const seatWeeks = [...weeks.values()].reduce((n, m) => n + [...m.values()].reduce((a, b) => a + b, 0), 0);
    console.log(`secrecy: ${weeks.size} scenarios, ${characters} characters, ${seatWeeks} seat-weeks, ${totals.responses} responses (${totals.full} with the whole log, ${totals.questions} with a question)`);
    expect(characters).toBeGreaterThanOrEqual(100);
    expect(totals.hiddenMoves).toBeGreaterThan(1000);
  });
});
