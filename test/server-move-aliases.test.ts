// The engine's move ids are drawn from the seeded generator: one of them is enough to search the
// 2^32 seeds and re-run the game offline. Played through the real HTTP API, no response to a seat
// carries one (neither in the engine's id format nor any id the server's world holds); seats see
// aliases instead, and act with them: joining, reporting and launching a move by its alias works,
// an alias of no move is refused in the API's error shape.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { buildServer, type PresidiumServer } from "../src/server/app.js";
import { makeSaveFile, saveFileText } from "../src/saves/save-file.js";
import { MoveAliases } from "../src/server/move-aliases.js";
import type { ApiError, GameCreated, SeatResponse } from "../src/server/api-types.js";

let dir: string;
let server: PresidiumServer;
let address: string;

/** The engine's id format, anywhere in a text: `m-` and eight hex digits, not part of a longer word. */
const ENGINE_ID = /(?<![A-Za-z0-9])m-[0-9a-f]{8}(?![A-Za-z0-9])/;
const ALIAS = /(?<![A-Za-z0-9])m-[0-9a-f]{12}(?![A-Za-z0-9])/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "presidium-aliases-"));
  server = buildServer({ savesPath: join(dir, "saves.sqlite") });
  address = await server.app.listen({ port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await server.app.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  status: number;
  text: string;
}

async function http(method: string, path: string, body?: unknown, token?: string): Promise<Sent> {
  const r = await fetch(`${address}${path}`, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(token ? { "x-seat-token": token } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, text: await r.text() };
}

/** Every move id the server's true world holds for a game (the engine forgets none), up to the question now asked. */
const engineIds = (gameId: string) => server.games.present(server.games.peek(gameId)!).moves.map((m) => m.id);

/** No text a seat received names a move by the engine's id. */
function expectNoEngineIds(texts: readonly string[], ids: readonly string[]): void {
  for (const text of texts) {
    expect(ENGINE_ID.exec(text)?.[0], "an engine move id in a response").toBeUndefined();
    for (const id of ids) expect(text.includes(id), `engine id ${id} in a response`).toBe(false);
  }
}

vi.setConfig({ testTimeout: 180_000 });

/** Choices that name moves: plotting, joining, reporting, confronting and launching, in that order of liking. */
const liked = ["join", "session", "arrest", "start-move", "report", "confront", "respond", "lobby", "sound-out"];

interface Played {
  gameId: string;
  token: string;
  seat: string;
  texts: string[];
  /** Accepted actions whose key or option held an alias, by kind:choice. */
  byAlias: string[];
}

/** With `untilAlias`, play stops at the first response that names a move while the seat is still asked. */
async function play(scenario: string, seat: string, seed: number, maxDecisions: number, untilAlias = false): Promise<Played> {
  const create = await http("POST", "/api/games", { scenario, character: seat, seed });
  expect(create.status, create.text).toBe(201);
  const created = JSON.parse(create.text) as GameCreated;
  const token = created.tokens[seat];
  const texts = [create.text];
  const byAlias: string[] = [];
  let state = created.state;
  for (let step = 0; step < maxDecisions && state.view.awaiting; step++) {
    if (untilAlias && ALIAS.test(texts[texts.length - 1])) break;
    const a = state.view.awaiting;
    const ranked = [...a.options].sort((x, y) => rank(x.choice) - rank(y.choice));
    const o = step % 3 === 2 ? a.options[step % a.options.length] : ranked[0];
    const action = { seat, kind: a.kind, key: a.key, choice: o.choice, turn: state.game.decisions, ...(o.target ? { target: o.target } : {}), ...(o.detail ? { detail: o.detail } : {}) };
    const r = await http("POST", `/api/games/${created.gameId}/actions?since=${state.view.logLength}`, action, token);
    expect(r.status, r.text).toBe(200);
    texts.push(r.text);
    if (ALIAS.test(JSON.stringify(action))) byAlias.push(`${a.kind}:${o.choice}`);
    state = JSON.parse(r.text) as SeatResponse;
    if (step % 20 === 19 || !state.view.awaiting) texts.push((await http("GET", `/api/games/${created.gameId}?since=0`, undefined, token)).text);
  }
  return { gameId: created.gameId, token, seat, texts, byAlias };
}

const rank = (choice: string) => (liked.includes(choice) ? liked.indexOf(choice) : liked.length);

describe("move ids reach seats only as the game's aliases", () => {
  const games: [string, string, number][] = [
    ["october-1964", "brezhnev", 11],
    ["october-1964", "shelepin", 4],
    ["june-1957", "malenkov", 3],
    ["march-1953", "khrushchev", 9],
    ["october-1964", "podgorny", 2],
    ["june-1957", "kaganovich", 5],
  ];
  const played: Played[] = [];

  for (const [scenario, seat, seed] of games) {
    it(`${scenario} as ${seat}, seed ${seed}: no engine id in any response; actions by alias work`, async () => {
      const p = await play(scenario, seat, seed, 150);
      played.push(p);
      const ids = engineIds(p.gameId);
      expectNoEngineIds(p.texts, ids);
      // The seat's log and plots name moves by aliases, one per move and the same throughout.
      const aliases = new Set(p.texts.flatMap((t) => t.match(new RegExp(ALIAS.source, "g")) ?? []));
      expect(aliases.size).toBeLessThanOrEqual(ids.length);
      for (const alias of aliases) expect(ids.map((id) => server.games.peek(p.gameId)!.aliases.alias(id))).toContain(alias);
    }, 300_000); // a game played through the API to its end: a minute or more on a loaded machine
  }

  it("had moves to hide, and seats acted on them by alias: joined, reported, launched", () => {
    const moves = played.reduce((n, p) => n + engineIds(p.gameId).length, 0);
    const responses = played.reduce((n, p) => n + p.texts.length, 0);
    const byAlias = played.flatMap((p) => p.byAlias);
    expect(moves).toBeGreaterThan(20);
    expect(responses).toBeGreaterThan(50);
    expect(byAlias.length).toBeGreaterThan(10);
    // Launched: the move's leader convened the Presidium by answering the question named by the alias.
    expect(byAlias.filter((a) => /^strike:(session|arrest)$/.test(a)).length, byAlias.join(", ")).toBeGreaterThanOrEqual(3);
  });

  it("the same seed in two games gives different aliases: they reveal nothing of the generator", async () => {
    const a = await play("october-1964", "brezhnev", 11, 40, true);
    const b = await play("october-1964", "brezhnev", 11, 40, true);
    const aliasesOf = (p: Played) => new Set(p.texts.flatMap((t) => t.match(new RegExp(ALIAS.source, "g")) ?? []));
    const first = aliasesOf(a);
    expect(first.size).toBeGreaterThan(0);
    for (const alias of aliasesOf(b)) expect(first.has(alias)).toBe(false);
    // The engine's ids are the same in both (one seed): only the aliases differ.
    expect(engineIds(a.gameId)).toEqual(engineIds(b.gameId));
  });

  it("an alias of no move, or an engine id sent as it is, is refused with 400 in the API's shape, and nothing changes", async () => {
    const p = await play("october-1964", "brezhnev", 11, 0);
    const live = server.games.peek(p.gameId)!;
    const a = live.world.awaiting[0];
    const before = JSON.stringify(live.world);
    const engineId = live.world.moves[0]?.id ?? "m-0123abcd";
    for (const [field, value] of [["target", "m-0123456789ab"], ["target", engineId], ["key", `${a.key}:m-0123456789ab`]] as const) {
      const r = await http("POST", `/api/games/${p.gameId}/actions`, { seat: "brezhnev", kind: a.kind, key: a.key, choice: "report", turn: live.decisions.length, [field]: value }, p.token);
      expect(r.status, r.text).toBe(400);
      const body = JSON.parse(r.text) as ApiError;
      expect(body.error).toMatchObject({ status: 400, code: "unknown-move" });
      expect(body.error.message).toContain(value.slice(-14));
    }
    expect(JSON.stringify(server.games.peek(p.gameId)!.world)).toBe(before);
  });

  it("an illegal action's message names the options by alias", async () => {
    const p = played.find((x) => x.byAlias.length > 0)!;
    const live = server.games.peek(p.gameId)!;
    if (!live.world.awaiting.length) return;
    const a = live.world.awaiting[0];
    const r = await http("POST", `/api/games/${p.gameId}/actions`, { seat: p.seat, kind: a.kind, key: live.aliases.text(a.key), choice: "no-such-choice", turn: live.decisions.length }, p.token);
    expect(r.status, r.text).toBe(422);
    expectNoEngineIds([r.text], engineIds(p.gameId));
  });
});

describe("each game's alias secret is kept with it", () => {
  it("survives a restart (the same aliases), and a game recorded before secrets existed gets one at load, kept from then on", async () => {
    const p = await play("october-1964", "brezhnev", 11, 60, true);
    const before = (await http("GET", `/api/games/${p.gameId}?since=0`, undefined, p.token)).text;
    expect(before).toMatch(ALIAS);
    const secret = server.store.getGame(p.gameId)!.aliasSecret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(before).not.toContain(secret!);

    // Restarted: the game is re-run from the database and speaks of the same moves by the same aliases.
    const path = server.store.path;
    await server.app.close();
    server = buildServer({ savesPath: path });
    address = await server.app.listen({ port: 0, host: "127.0.0.1" });
    expect((await http("GET", `/api/games/${p.gameId}?since=0`, undefined, p.token)).text).toBe(before);

    // A row from before (no secret, as the schema-2 database left it): given one at load and stored.
    await server.app.close();
    const db = new Database(path);
    db.prepare("UPDATE games SET alias_secret = NULL WHERE id = ?").run(p.gameId);
    db.close();
    server = buildServer({ savesPath: path });
    address = await server.app.listen({ port: 0, host: "127.0.0.1" });
    const reloaded = (await http("GET", `/api/games/${p.gameId}?since=0`, undefined, p.token)).text;
    expectNoEngineIds([reloaded], engineIds(p.gameId));
    expect(reloaded).toMatch(ALIAS);
    const given = server.store.getGame(p.gameId)!.aliasSecret;
    expect(given).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(given).not.toBe(secret);
    // And an action by the new aliases is understood.
    const state = JSON.parse(reloaded) as SeatResponse;
    const a = state.view.awaiting!;
    const o = a.options[0];
    const r = await http("POST", `/api/games/${p.gameId}/actions`, { seat: "brezhnev", kind: a.kind, key: a.key, choice: o.choice, turn: state.game.decisions, ...(o.target ? { target: o.target } : {}), ...(o.detail ? { detail: o.detail } : {}) }, p.token);
    expect(r.status, r.text).toBe(200);
    expect(server.store.getGame(p.gameId)!.aliasSecret).toBe(given);
  });

  it("a stored game that no longer replays is refused with its decision named by alias, not the engine's id", async () => {
    const p = await play("october-1964", "shelepin", 4, 150);
    // Its last decision answered a question naming a move; it is made impossible: reporting that move.
    const stored = server.store.getGame(p.gameId)!;
    const at = stored.save.decisions.map((d) => ENGINE_ID.test(d.key)).lastIndexOf(true);
    expect(at).toBeGreaterThanOrEqual(0);
    const move = ENGINE_ID.exec(stored.save.decisions[at].key)![0];
    const { format: _f, schemaVersion: _v, checksum: _c, ...content } = stored.save;
    const broken = makeSaveFile({ ...content, decisions: stored.save.decisions.map((d, i) => (i === at ? { ...d, choice: "report", target: move } : d)) });
    const path = server.store.path;
    await server.app.close();
    const db = new Database(path);
    db.prepare("UPDATE games SET body = ? WHERE id = ?").run(saveFileText(broken), p.gameId);
    db.close();
    server = buildServer({ savesPath: path });
    address = await server.app.listen({ port: 0, host: "127.0.0.1" });
    const r = await http("GET", `/api/games/${p.gameId}`, undefined, p.token);
    expect(r.status, r.text).toBe(422);
    expect(r.text).toMatch(/does not replay: decision \d+/);
    expectNoEngineIds([r.text], [move]);
    expect(r.text).toContain(`report ${new MoveAliases(stored.aliasSecret!).alias(move)})`);
  });
});
