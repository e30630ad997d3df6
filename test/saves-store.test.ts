// Saves in a real SQLite file in a temporary folder: an interrupted write (an error inside the
// transaction, or the process killed before it commits) never destroys the previous save; a damaged
// save is refused by name and the others still load; a refused import stores nothing and touches no
// other save; a good export imports back to the same game.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { checksumOf } from "../src/saves/checksum.js";
import { makeSaveFile, SaveError, type SaveContent } from "../src/saves/save-file.js";
import { SavesInUseError, SaveStore } from "../src/saves/store.js";
import { buildServer, type PresidiumServer } from "../src/server/app.js";
import type { GameCreated, SaveSummaryJson, SeatResponse } from "../src/server/api-types.js";

const repo = fileURLToPath(new URL("../", import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "presidium-saves-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function content(week: number, name = `week ${week}`): SaveContent {
  return {
    name,
    savedAt: `2026-01-01T00:00:${String(week).padStart(2, "0")}.000Z`,
    scenario: "october-1964",
    scenarioHash: "b".repeat(64),
    seed: 7,
    whatIfs: [],
    humanSeats: ["brezhnev"],
    decisions: Array.from({ length: week }, (_, w) => ({ seat: "brezhnev", kind: "weekly", key: `w${w}:weekly:0`, choice: "lie-low" })),
    reached: { date: "1963-07-01", week, done: false },
  };
}

/** Every row of every table, as text: what "untouched" means. */
function dump(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return JSON.stringify(["games", "seats", "saves"].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
  } finally {
    db.close();
  }
}

describe("the saves database", () => {
  it("a database from before games had alias secrets (schema 2) gains the column; a game is given one secret, kept", () => {
    const path = join(dir, "schema-2.sqlite");
    const db = new Database(path);
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('schema', '2');
      CREATE TABLE games (id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE seats (game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE, seat TEXT NOT NULL, token_hash TEXT NOT NULL, PRIMARY KEY (game_id, seat));
    `);
    db.prepare("INSERT INTO games (id, body, updated_at) VALUES ('old', ?, 'x')").run(JSON.stringify(makeSaveFile(content(2))));
    db.close();
    const store = new SaveStore(path);
    try {
      expect(store.getGame("old")!.aliasSecret).toBeNull();
      const first = store.ensureAliasSecret("old", "A".repeat(43));
      expect(first).toBe("A".repeat(43));
      // A second server (or a second read) offering another gets the one already kept.
      expect(store.ensureAliasSecret("old", "B".repeat(43))).toBe(first);
      expect(store.getGame("old")!.aliasSecret).toBe(first);
      store.createGame("new", makeSaveFile(content(1)), [], undefined, "C".repeat(43));
      expect(store.getGame("new")!.aliasSecret).toBe("C".repeat(43));
    } finally {
      store.close();
    }
  });

  it("keeps the previous save when a write fails inside its transaction", () => {
    const path = join(dir, "fault.sqlite");
    const store = new SaveStore(path);
    store.createGame("game-1", makeSaveFile(content(3)), [{ seat: "brezhnev", tokenHash: "f".repeat(64) }]);
    store.close();
    const before = dump(path);

    const failing = new SaveStore(path, {
      faults: {
        beforeCommit: () => {
          throw new Error("disk unplugged");
        },
      },
    });
    expect(() => failing.updateGame("game-1", makeSaveFile(content(4)), true, 0)).toThrow(/disk unplugged/);
    expect(() => failing.addSave("named", makeSaveFile(content(4, "never written")))).toThrow(/disk unplugged/);
    failing.close();

    expect(dump(path)).toBe(before);
    const reopened = new SaveStore(path);
    expect(reopened.getGame("game-1")!.save.reached.week).toBe(3);
    expect(reopened.listSaves().map((s) => [s.kind, s.week])).toEqual([["auto", 3]]);
    reopened.close();
  });

  it("keeps the previous save when the process dies before the write commits", async () => {
    const path = join(dir, "killed.sqlite");
    const store = new SaveStore(path);
    store.createGame("game-1", makeSaveFile(content(5)), [{ seat: "brezhnev", tokenHash: "f".repeat(64) }]);
    const named = store.addSave("named", makeSaveFile(content(5, "Before the storm")));
    store.close();
    const before = dump(path);

    // A separate process begins replacing the game and its autosave and is killed mid-transaction.
    const storeModule = join(repo, "dist", "saves", "store.js");
    const saveModule = join(repo, "dist", "saves", "save-file.js");
    if (!existsSync(storeModule)) throw new Error("dist/saves/store.js is missing: run `npm run build` (npm test does it) first");
    const script = `
      const { SaveStore } = await import(${JSON.stringify(storeModule)});
      const { makeSaveFile } = await import(${JSON.stringify(saveModule)});
      const store = new SaveStore(${JSON.stringify(path)}, { faults: { beforeCommit: () => process.kill(process.pid, "SIGKILL") } });
      store.updateGame("game-1", makeSaveFile(${JSON.stringify(content(6))}), true, 0);
      console.log("committed");
    `;
    const result = await new Promise<{ signal: string | null; stdout: string }>((resolve) => {
      execFile(process.execPath, ["--input-type=module", "-e", script], (error, stdout) => resolve({ signal: (error as { signal?: string } | null)?.signal ?? null, stdout }));
    });
    expect(result.signal).toBe("SIGKILL");
    expect(result.stdout).not.toMatch(/committed/);

    const reopened = new SaveStore(path);
    expect(reopened.getGame("game-1")!.save.reached.week).toBe(5);
    expect(reopened.getSave(named)!.name).toBe("Before the storm");
    reopened.close();
    expect(dump(path)).toBe(before);
  });

  it("refuses a damaged save by its number, and the others still load", () => {
    const path = join(dir, "damaged.sqlite");
    const store = new SaveStore(path);
    const good = store.addSave("named", makeSaveFile(content(2, "good")));
    const bad = store.addSave("named", makeSaveFile(content(3, "bad")));
    const forged = store.addSave("named", makeSaveFile(content(4, "forged")));
    store.close();
    const db = new Database(path);
    db.prepare("UPDATE saves SET body = substr(body, 1, 120) WHERE id = ?").run(bad);
    db.prepare("UPDATE saves SET body = replace(body, '\"seed\": 7', '\"seed\": 8') WHERE id = ?").run(forged);
    db.close();

    const reopened = new SaveStore(path);
    expect(() => reopened.getSave(bad)).toThrow(SaveError);
    expect(() => reopened.getSave(bad)).toThrow(new RegExp(`save #${bad}: the save file is truncated`));
    expect(() => reopened.getSave(forged)).toThrow(/checksum does not match/);
    expect(reopened.getSave(good)!.name).toBe("good");
    expect(reopened.listSaves()).toHaveLength(3);
    reopened.close();
  });

  it("refuses a database written by a newer version", () => {
    const path = join(dir, "newer.sqlite");
    new SaveStore(path).close();
    const db = new Database(path);
    db.prepare("UPDATE meta SET value = '99' WHERE key = 'schema'").run();
    db.close();
    expect(() => new SaveStore(path)).toThrow(/newer version of Presidium/);
  });
});

describe("saves through the API", () => {
  let server: PresidiumServer;
  let game: GameCreated;
  let state: SeatResponse;

  beforeAll(async () => {
    server = buildServer({ savesPath: join(dir, "api.sqlite") });
    game = (await server.app.inject({ method: "POST", url: "/api/games", payload: { scenario: "october-1964", character: "brezhnev", seed: 5 } })).json();
    state = game.state;
    for (let i = 0; i < 4; i++) {
      const a = state.view.awaiting!;
      const r = await server.app.inject({ method: "POST", url: `/api/games/${game.gameId}/actions`, headers: { "x-seat-token": game.tokens.brezhnev }, payload: { seat: "brezhnev", kind: a.kind, key: a.key, choice: a.options[0].choice, turn: state.game.decisions, ...(a.options[0].target ? { target: a.options[0].target } : {}), ...(a.options[0].detail ? { detail: a.options[0].detail } : {}) } });
      expect(r.statusCode, r.body).toBe(200);
      state = r.json();
    }
  });
  afterAll(async () => server.app.close());

  const listing = async () => (await server.app.inject({ url: "/api/saves" })).json() as SaveSummaryJson[];
  const exportText = async () => (await server.app.inject({ url: `/api/games/${game.gameId}/save-file`, headers: { "x-seat-token": game.tokens.brezhnev } })).body;

  it("autosaves each week and saves under a name", async () => {
    const auto = (await listing()).find((s) => s.kind === "auto" && s.gameId === game.gameId)!;
    expect(auto.week).toBe(state.view.week);
    const r = await server.app.inject({ method: "POST", url: `/api/games/${game.gameId}/saves`, headers: { "x-seat-token": game.tokens.brezhnev }, payload: { name: "Week four" } });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ kind: "named", name: "Week four", week: state.view.week, seat: "brezhnev" });
  });

  it("loads a save as a new game at the same point, with a new token", async () => {
    const named = (await listing()).find((s) => s.name === "Week four")!;
    const r = await server.app.inject({ method: "POST", url: `/api/saves/${named.id}/load`, payload: {} });
    expect(r.statusCode, r.body).toBe(201);
    const loaded = r.json() as GameCreated;
    expect(loaded.gameId).not.toBe(game.gameId);
    expect(loaded.tokens.brezhnev).not.toBe(game.tokens.brezhnev);
    expect(loaded.state.view).toEqual({ ...state.view, log: loaded.state.view.log, logFrom: 0 });
    expect(loaded.state.view.logLength).toBe(state.view.logLength);
  });

  it("imports an exported file back to the same game", async () => {
    const r = await server.app.inject({ method: "POST", url: "/api/saves/import", headers: { "content-type": "application/json" }, payload: await exportText() });
    expect(r.statusCode, r.body).toBe(201);
    const imported = r.json() as GameCreated & { save: SaveSummaryJson };
    expect(imported.save.kind).toBe("imported");
    expect(imported.state.view.date).toBe(state.view.date);
    expect(imported.state.view.awaiting).toEqual(state.view.awaiting);
  });

  it("refuses corrupt, truncated, tampered, too-new and non-replaying files, storing nothing and touching no other save", async () => {
    const good = await exportText();
    const fields = JSON.parse(good) as Record<string, unknown>;
    const forge = (changes: Record<string, unknown>) => {
      const f: Record<string, unknown> = { ...fields, ...changes };
      f.checksum = checksumOf(f);
      return JSON.stringify(f);
    };
    const decisions = fields.decisions as { choice: string }[];
    const reached = fields.reached as { date: string; week: number; done: boolean };
    const cases: [string, string, RegExp][] = [
      ["corrupt", "\u0089PNG\r\n\u001a\n not a save", /corrupt: it is not valid JSON/],
      ["truncated", good.slice(0, good.length / 2), /truncated/],
      ["tampered", good.replace(/"seed": \d+/, '"seed": 99'), /altered or damaged/],
      ["too new", forge({ schemaVersion: 3 }), /newer version of Presidium/],
      ["a save of model version 1", forge({ schemaVersion: 1 }), /made with model version 1 of Presidium/],
      ["an illegal decision", forge({ decisions: [{ ...decisions[0], choice: "arrest" }, ...decisions.slice(1)] }), /does not replay: decision 1 of \d+ \(brezhnev: weekly arrest\) is not possible/],
      ["a decision for another question", forge({ decisions: [{ ...decisions[0], key: "w9:weekly:0" }, ...decisions.slice(1)] }), /does not replay: decision 1 of \d+ \(brezhnev: weekly .*\) is not possible/],
      ["the wrong end point", forge({ reached: { ...reached, date: "1964-01-06", week: 27 } }), new RegExp(`does not replay to where it was saved: "reached.date" is "1964-01-06" in the save but "${reached.date}" in the replay; "reached.week" is 27 in the save but ${reached.week} in the replay$`)],
      ["done flipped", forge({ reached: { ...reached, done: true } }), /does not replay to where it was saved: "reached.done" is true in the save but false in the replay$/],
      ["only the week", forge({ reached: { ...reached, week: reached.week + 1 } }), new RegExp(`: "reached.week" is ${reached.week + 1} in the save but ${reached.week} in the replay$`)],
      ["only the date", forge({ reached: { ...reached, date: "1963-07-02" } }), new RegExp(`: "reached.date" is "1963-07-02" in the save but "${reached.date}" in the replay$`)],
      ["all three", forge({ reached: { date: "1964-10-14", week: 70, done: true } }), /"reached.date" is "1964-10-14".*; "reached.week" is 70 .*; "reached.done" is true in the save but false in the replay$/],
      ["an unknown scenario", forge({ scenario: "november-1917" }), /cannot be played here: unknown scenario "november-1917"/],
      ["several human seats", forge({ humanSeats: ["brezhnev", "khrushchev"] }), /one human seat only/],
      ["a repeated human seat", forge({ humanSeats: ["brezhnev", "brezhnev"] }), /"brezhnev" is listed twice/],
      ["a repeated what-if", forge({ whatIfs: ["loyal-kgb", "loyal-kgb"] }), /the what-if "loyal-kgb" is listed twice/],
      ["a blank name", forge({ name: "  " }), /no name \(or a name of only spaces\)/],
      ["a seed out of range", forge({ seed: 2 ** 31 }), /the seed must be from -2147483648 to 2147483647/],
    ];
    const beforeList = await listing();
    const beforeDb = dump(server.store.path);
    for (const [what, text, message] of cases) {
      const r = await server.app.inject({ method: "POST", url: "/api/saves/import", headers: { "content-type": "application/json" }, payload: text });
      expect(r.statusCode, `${what}: ${r.body}`).toBe(422);
      expect(r.json().error.message, what).toMatch(/^the save was refused: /);
      expect(r.json().error.message, what).toMatch(message);
    }
    expect(await listing()).toEqual(beforeList);
    expect(dump(server.store.path)).toBe(beforeDb);
  });

  it("stores an import whole or not at all: a failed write leaves neither the game nor the imported save", async () => {
    const path = join(dir, "import-fault.sqlite");
    let fail = false;
    const faulty = buildServer({ savesPath: path, storeFaults: { beforeCommit: () => { if (fail) throw new Error("disk full"); } } });
    try {
      const text = await exportText();
      const before = dump(path);
      fail = true;
      const r = await faulty.app.inject({ method: "POST", url: "/api/saves/import", headers: { "content-type": "application/json" }, payload: text });
      expect(r.statusCode).toBe(500);
      expect(dump(path)).toBe(before);
      fail = false;
      const ok = await faulty.app.inject({ method: "POST", url: "/api/saves/import", headers: { "content-type": "application/json" }, payload: text });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(faulty.store.listSaves().map((s) => s.kind).sort()).toEqual(["auto", "imported"]);
    } finally {
      await faulty.app.close();
    }
  });

  it("refuses an import nested 10,000 deep with 422 (not a 500), storing nothing", async () => {
    const before = dump(server.store.path);
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    for (const text of [deep, `{"format":"presidium-save","schemaVersion":1,"checksum":"x","decisions":${deep}}`]) {
      const r = await server.app.inject({ method: "POST", url: "/api/saves/import", headers: { "content-type": "application/json" }, payload: text });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().error.message).toMatch(/^the save was refused: this is not a Presidium save file: its data is nested more than 16 levels deep/);
    }
    expect(dump(server.store.path)).toBe(before);
  });

  it("refuses an import too large to be a save with 413", async () => {
    const r = await server.app.inject({ method: "POST", url: "/api/saves/import", headers: { "content-type": "application/json" }, payload: "x".repeat(600 * 1024) });
    expect(r.statusCode).toBe(413);
  });

  it("exports a stored save's file exactly as stored", async () => {
    const save = (await listing())[0];
    const r = await server.app.inject({ url: `/api/saves/${save.id}/file` });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-disposition"]).toMatch(/attachment; filename="presidium-october-1964-week-\d+\.json"/);
    expect(r.body).toBe(server.store.getSaveText(save.id));
    expect(r.body.length).toBeGreaterThan(0);
  });
});

describe("two servers on one saves file", () => {
  it("in one process: a write over a version another server has replaced is refused (409) and changes nothing", async () => {
    const path = join(dir, "two-servers.sqlite");
    const a = buildServer({ savesPath: path });
    const b = buildServer({ savesPath: path });
    try {
      const created = (await a.app.inject({ method: "POST", url: "/api/games", payload: { scenario: "october-1964", character: "brezhnev", seed: 9 } })).json() as GameCreated;
      const headers = { "x-seat-token": created.tokens.brezhnev };
      const url = `/api/games/${created.gameId}`;
      // Lying low is on every weekly menu; the key is the question the seat is asked at that turn.
      const wait = (turn: number, key: string) => ({ seat: "brezhnev", kind: "weekly", key, choice: "lie-low", turn });
      const keyOf = (s: PresidiumServer) => s.games.peek(created.gameId)!.world.awaiting[0].key;
      expect((await b.app.inject({ url, headers })).statusCode).toBe(200);

      const first = keyOf(a);
      expect(keyOf(b)).toBe(first);
      expect((await a.app.inject({ method: "POST", url: `${url}/actions`, headers, payload: wait(0, first) })).statusCode).toBe(200);
      const before = dump(path);
      const forked = await b.app.inject({ method: "POST", url: `${url}/actions`, headers, payload: wait(0, first) });
      expect(forked.statusCode, forked.body).toBe(409);
      expect(forked.json().error).toMatchObject({ status: 409, code: "stale-game", message: expect.stringMatching(/moved on by another server using the same saves file.*reload/) });
      expect(dump(path)).toBe(before);

      // B re-reads the game, moves it on, and now A is the one out of date.
      expect(((await b.app.inject({ url, headers })).json() as SeatResponse).game.decisions).toBe(1);
      const second = b.games.peek(created.gameId)!.world.awaiting[0];
      expect(second.kind).toBe("weekly");
      expect((await b.app.inject({ method: "POST", url: `${url}/actions`, headers, payload: wait(1, second.key) })).statusCode).toBe(200);
      const stale = await a.app.inject({ method: "POST", url: `${url}/actions`, headers, payload: wait(1, second.key) });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(a.store.getGame(created.gameId)!.save.decisions).toHaveLength(2);
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });

  /** `node dist/server/main.js`: resolves with its address once it serves, or its exit code and stderr if it stops first. */
  function startServerProcess(saves: string): Promise<{ child: ChildProcess; url?: string; code?: number; stderr: string }> {
    const child = spawn(process.execPath, [join(repo, "dist", "server", "main.js"), "--port", "0", "--saves", saves], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    return new Promise((resolve) => {
      child.stdout!.on("data", (d) => {
        stdout += d;
        const m = /localhost:(\d+)/.exec(stdout);
        if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}`, stderr });
      });
      child.stderr!.on("data", (d) => (stderr += d));
      child.once("exit", (code) => resolve({ child, code: code ?? -1, stderr }));
    });
  }
  const stop = (child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill(signal))));

  it("as `npm start` runs them: the second refuses to start, naming the file; the lock goes with the first, even killed", async () => {
    if (!existsSync(join(repo, "dist", "server", "main.js"))) throw new Error("dist/server/main.js is missing: run `npm run build` (npm test does it) first");
    const saves = join(dir, "one-server-only.sqlite");
    const first = await startServerProcess(saves);
    expect(first.url, first.stderr).toBeDefined();
    try {
      const started = Date.now();
      const second = await startServerProcess(saves);
      expect(second.url).toBeUndefined();
      expect(second.code).toBe(1);
      expect(second.stderr.trim().split("\n")).toEqual([`presidium server: the saves file ${saves} is in use by another Presidium server: stop that one, or give this one its own file with --saves FILE`]);
      expect(Date.now() - started).toBeLessThan(20_000);
      // Nor can a store in this process open it behind the server's back.
      expect(() => new SaveStore(saves)).toThrow(SavesInUseError);
      expect((await fetch(`${first.url}/api/saves`)).status).toBe(200);
    } finally {
      await stop(first.child, "SIGKILL");
    }
    const third = await startServerProcess(saves);
    expect(third.url, third.stderr).toBeDefined();
    await stop(third.child);
  });
});
