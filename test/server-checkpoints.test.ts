// Checkpoints (src/server/checkpoints.ts) against a real saves file: a campaign played past a year
// keeps one with its autosave and with a named save; loading the save, or picking the game up after a
// restart, replays only the decisions after it and reaches exactly the world of the full replay; a
// damaged checkpoint, one made under other code or a scenario, one whose decisions differ, or one that
// does not replay is passed over for the full replay; deleting a save deletes its checkpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { deserialize, serialize } from "node:v8";
import { gunzipSync, gzipSync } from "node:zlib";
import { legalActions, presentWorld, type World } from "../src/engine/index.js";
import { buildServer, type PresidiumServer } from "../src/server/app.js";
import type { GameCreated, SaveSummaryJson } from "../src/server/api-types.js";
import { CHECKPOINT_WEEKS } from "../src/server/checkpoints.js";

let dir: string;
let path: string;
let server: PresidiumServer;
let created: GameCreated;
let saveId: number;

const seat = "mikoyan";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "presidium-checkpoints-"));
  path = join(dir, "saves.sqlite");
  server = buildServer({ savesPath: path });
  created = (await server.app.inject({ method: "POST", url: "/api/games", payload: { scenario: "khrushchev-era", character: seat, seed: 5 } })).json();
  // Seed 5: Mikoyan is still in play well past a year (on seed 4, since the policy changes of
  // 2 December evening, he is retired in August 1954 and the run plays on to its end without him).
  // Played as a cautious player would (the first option offered, never letting weeks pass unseen), a
  // decision at a time, to well past the first checkpoint's week.
  const game = server.games.peek(created.gameId)!;
  while (game.world.week < CHECKPOINT_WEEKS + 30 && !game.world.done) {
    const legal = legalActions(game.world, seat);
    server.games.act(game, legal.find((d) => d.choice !== "skip") ?? legal[0]);
  }
  const saved = await server.app.inject({ method: "POST", url: `/api/games/${created.gameId}/saves`, headers: { "x-seat-token": created.tokens[seat] }, payload: { name: "a year on" } });
  saveId = (saved.json() as SaveSummaryJson).id;
});

afterAll(async () => {
  await server.app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The world a save's full replay reaches (no checkpoint), as text. */
function fullReplay(id: number): string {
  return JSON.stringify(presentWorld(server.games.replay(server.store.getSave(id)!).world));
}

async function load(id: number) {
  const r = await server.app.inject({ method: "POST", url: `/api/saves/${id}/load`, payload: {} });
  expect(r.statusCode).toBe(201);
  const loaded = r.json() as GameCreated;
  const live = server.games.peek(loaded.gameId)!;
  return { loaded, restored: live.restored?.decisions ?? 0, world: JSON.stringify(server.games.present(live)), decisions: live.decisions.length, turnFrom: live.turnFrom };
}

function sql(statement: string, ...args: unknown[]): void {
  const db = new Database(path);
  try {
    db.prepare(statement).run(...args);
  } finally {
    db.close();
  }
}

describe("checkpoints", () => {
  it("are kept with the autosave and a named save once the game is past a year", () => {
    expect(server.games.peek(created.gameId)!.world.done).toBe(false);
    const autosave = server.store.getAutosaveCheckpoint(created.gameId);
    const named = server.store.getCheckpoint(saveId);
    expect(autosave?.decisions).toBeGreaterThan(0);
    expect(named?.decisions).toBeGreaterThanOrEqual(autosave!.decisions);
  });

  it("a save loads from its checkpoint to exactly the world of the full replay", async () => {
    const loaded = await load(saveId);
    expect(loaded.restored).toBe(server.store.getCheckpoint(saveId)!.decisions);
    expect(loaded.world).toBe(fullReplay(saveId));
    const live = server.games.peek(created.gameId)!;
    expect(loaded.decisions).toBe(live.decisions.length);
    expect(loaded.turnFrom).toBe(live.turnFrom);
    // Saved again before a new week comes, the loaded game keeps the checkpoint it came from.
    const again = await server.app.inject({ method: "POST", url: `/api/games/${loaded.loaded.gameId}/saves`, headers: { "x-seat-token": loaded.loaded.tokens[seat] }, payload: { name: "again" } });
    expect(server.store.getCheckpoint((again.json() as SaveSummaryJson).id)?.decisionsHash).toBe(server.store.getCheckpoint(saveId)!.decisionsHash);
  });

  it("is passed over when damaged, made under another engine or scenario, or for other decisions", async () => {
    const good = server.store.getCheckpoint(saveId)!;
    const expected = fullReplay(saveId);
    // A world that reads and passes every check but does not replay: its week is not the decisions' week.
    const misdated = deserialize(gunzipSync(good.world)) as World;
    misdated.week = 0;
    const spoilt: [string, unknown][] = [
      ["UPDATE checkpoints SET world = ? WHERE save_id = ?", Buffer.from("not a world")],
      ["UPDATE checkpoints SET world = ? WHERE save_id = ?", gzipSync(serialize(misdated))],
      ["UPDATE checkpoints SET key = ? WHERE save_id = ?", "0".repeat(64)],
      ["UPDATE checkpoints SET decisions_hash = ? WHERE save_id = ?", "0".repeat(64)],
    ];
    for (const [statement, value] of spoilt) {
      sql("UPDATE checkpoints SET world = ?, key = ?, decisions_hash = ? WHERE save_id = ?", good.world, good.key, good.decisionsHash, saveId);
      sql(statement, value, saveId);
      const loaded = await load(saveId);
      expect(loaded.restored, statement).toBe(0);
      expect(loaded.world, statement).toBe(expected);
    }
  });

  it("a game picked up after a restart replays from its autosave's checkpoint", async () => {
    const before = JSON.stringify(server.games.present(server.games.peek(created.gameId)!));
    await server.app.close();
    server = buildServer({ savesPath: path });
    const r = await server.app.inject({ method: "GET", url: `/api/games/${created.gameId}`, headers: { "x-seat-token": created.tokens[seat] } });
    expect(r.statusCode).toBe(200);
    const live = server.games.peek(created.gameId)!;
    expect(live.restored?.decisions).toBe(server.store.getAutosaveCheckpoint(created.gameId)!.decisions);
    expect(JSON.stringify(server.games.present(live))).toBe(before);
  });

  it("goes with its save when the save is deleted", async () => {
    const r = await server.app.inject({ method: "DELETE", url: `/api/saves/${saveId}`, headers: { "content-type": "application/json" }, payload: {} });
    expect(r.statusCode).toBe(204);
    expect(server.store.getCheckpoint(saveId)).toBeNull();
  });
});
