// Saves and live games in one embedded SQLite file. Every write is a single transaction (SQLite's
// rollback journal, synchronous=FULL), so a crash or an error halfway through a write leaves the
// previous contents intact; a save that fails to read is refused without touching any other.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { readSaveFile, saveFileText, SaveError, type SaveFile } from "./save-file.js";

export type SaveKind = "auto" | "named" | "imported";

export interface SaveSummary {
  id: number;
  kind: SaveKind;
  /** The game an autosave tracks; null for named and imported saves. */
  gameId: string | null;
  name: string;
  scenario: string;
  seat: string;
  date: string;
  week: number;
  done: boolean;
  savedAt: string;
}

export interface StoredGame {
  id: string;
  save: SaveFile;
  /** Bumped by every write: a write must name the version it read, so two writers cannot fork a game. */
  version: number;
  /** sha256 of each seat's token: the tokens themselves are never stored. */
  seats: { seat: string; tokenHash: string }[];
  /**
   * The game's secret for the aliases of its ids (see src/server/move-aliases.ts); null for a game
   * recorded before games had one (the server gives it one when it first reads it).
   */
  aliasSecret: string | null;
}

/**
 * A world frozen at the start of a week, kept with a save so that loading it replays only the
 * decisions after it (made and checked by src/server/checkpoints.ts).
 */
export interface Checkpoint {
  /** The engine's code and the scenario as loaded, hashed: it stands for the replay only under them. */
  key: string;
  /** How many of the game's decisions came before it, and their hash. */
  decisions: number;
  decisionsHash: string;
  /** The game's turnFrom when it was made: a load with no decision after it needs it. */
  turnFrom: number | null;
  /** The world, serialized and compressed. */
  world: Buffer;
}

/** For tests: called inside a write transaction, just before it commits. Throwing aborts the write. */
export interface StoreFaults {
  beforeCommit?: (what: string) => void;
}

export interface StoreOptions {
  faults?: StoreFaults;
  /**
   * Holds the file for this process alone until it closes (SQLite's exclusive locking mode, released
   * by the system even if the process dies): a second server on the same file is refused at start.
   */
  exclusive?: boolean;
}

/** Another process holds the saves file (see StoreOptions.exclusive). */
export class SavesInUseError extends Error {}

/** A write named a version of the game that is no longer the latest: someone else wrote it meanwhile. */
export class StaleGameError extends Error {}

/**
 * 2: games carry a version. 3: games carry a secret for the aliases of their ids (null in older rows).
 * 4: saves may carry a checkpoint (src/server/checkpoints.ts).
 */
const SCHEMA_VERSION = 4;
/** How long to wait for another writer's transaction to end before giving up. */
const BUSY_TIMEOUT_MS = 2000;

export class SaveStore {
  private readonly db: Database.Database;
  readonly path: string;

  private readonly faults: StoreFaults;

  constructor(path: string, options: StoreOptions = {}) {
    this.path = resolve(path);
    this.faults = options.faults ?? {};
    mkdirSync(dirname(this.path), { recursive: true });
    let db: Database.Database | undefined;
    try {
      db = new Database(this.path, { timeout: BUSY_TIMEOUT_MS });
      if (options.exclusive) db.pragma("locking_mode = EXCLUSIVE");
      db.pragma("journal_mode = DELETE");
      db.pragma("synchronous = FULL");
      db.pragma("foreign_keys = ON");
      // In exclusive mode the first write takes the lock and keeps it: take it now, before serving.
      if (options.exclusive) db.exec("BEGIN EXCLUSIVE; COMMIT");
      this.db = db;
      this.migrate();
    } catch (error) {
      db?.close();
      if ((error as { code?: unknown }).code === "SQLITE_BUSY") {
        throw new SavesInUseError(
          `the saves file ${this.path} is in use by another Presidium server: stop that one, or give this one its own file with --saves FILE`,
        );
      }
      throw new Error(`cannot open the saves database ${this.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private migrate(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS games (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS seats (
        game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,
        seat TEXT NOT NULL,
        token_hash TEXT NOT NULL,
        PRIMARY KEY (game_id, seat)
      );
      CREATE TABLE IF NOT EXISTS saves (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'imported')),
        game_id TEXT,
        name TEXT NOT NULL,
        scenario TEXT NOT NULL,
        seat TEXT NOT NULL,
        date TEXT NOT NULL,
        week INTEGER NOT NULL,
        done INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS one_autosave_per_game ON saves (game_id) WHERE kind = 'auto';
      CREATE TABLE IF NOT EXISTS checkpoints (
        save_id INTEGER PRIMARY KEY REFERENCES saves(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        decisions INTEGER NOT NULL,
        decisions_hash TEXT NOT NULL,
        turn_from INTEGER,
        world BLOB NOT NULL
      );
    `);
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined;
    if (row && Number(row.value) > SCHEMA_VERSION) throw new Error(`it was written by a newer version of Presidium (database schema ${row.value}; this version knows ${SCHEMA_VERSION})`);
    this.db.transaction(() => {
      const columns = this.db.prepare("SELECT name FROM pragma_table_info('games')").all() as { name: string }[];
      if (!columns.some((c) => c.name === "version")) this.db.exec("ALTER TABLE games ADD COLUMN version INTEGER NOT NULL DEFAULT 0");
      if (!columns.some((c) => c.name === "alias_secret")) this.db.exec("ALTER TABLE games ADD COLUMN alias_secret TEXT");
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(SCHEMA_VERSION));
    }).immediate();
  }

  private write<T>(what: string, body: () => T): T {
    return this.db.transaction(() => {
      const result = body();
      this.faults.beforeCommit?.(what);
      return result;
    }).immediate();
  }

  /**
   * Records a new game and its autosave. With `imported`, the file it was started from is kept as an
   * imported save in the same transaction (its id is returned): an import is stored whole or not at all.
   */
  createGame(id: string, save: SaveFile, seats: StoredGame["seats"], imported?: SaveFile, aliasSecret: string | null = null, checkpoint: Checkpoint | null = null): number | null {
    return this.write("create game", () => {
      this.db.prepare("INSERT INTO games (id, body, updated_at, alias_secret) VALUES (?, ?, ?, ?)").run(id, saveFileText(save), save.savedAt, aliasSecret);
      const insertSeat = this.db.prepare("INSERT INTO seats (game_id, seat, token_hash) VALUES (?, ?, ?)");
      for (const s of seats) insertSeat.run(id, s.seat, s.tokenHash);
      this.upsertAutosave(id, save, checkpoint);
      return imported ? this.insertSave("imported", imported) : null;
    });
  }

  /**
   * Records a game's progress over `version` (the one last read or written) and returns the new
   * version; with `autosave`, the game's autosave slot is replaced in the same transaction. If the
   * game has been written since, by another server on the same file, nothing is written and
   * StaleGameError is thrown.
   */
  updateGame(id: string, save: SaveFile, autosave: boolean, version: number, checkpoint: Checkpoint | null = null): number {
    return this.write("update game", () => {
      const changed = this.db.prepare("UPDATE games SET body = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?").run(saveFileText(save), save.savedAt, id, version).changes;
      if (changed !== 1) {
        const current = this.db.prepare("SELECT version FROM games WHERE id = ?").get(id) as { version: number } | undefined;
        if (!current) throw new Error(`no game ${id} in the saves database`);
        throw new StaleGameError(`game ${id} was changed by another server using the same saves file (version ${current.version}, not ${version})`);
      }
      if (autosave) this.upsertAutosave(id, save, checkpoint);
      return version + 1;
    });
  }

  /** The game's autosave replaced; its checkpoint too when one is given (else the last one stays). */
  private upsertAutosave(gameId: string, save: SaveFile, checkpoint: Checkpoint | null): void {
    const seat = save.humanSeats[0];
    const existing = this.db.prepare("SELECT id FROM saves WHERE kind = 'auto' AND game_id = ?").get(gameId) as { id: number } | undefined;
    let saveId: number;
    if (existing) {
      this.db
        .prepare("UPDATE saves SET name = ?, date = ?, week = ?, done = ?, saved_at = ?, body = ? WHERE id = ?")
        .run(save.name, save.reached.date, save.reached.week, save.reached.done ? 1 : 0, save.savedAt, saveFileText(save), existing.id);
      saveId = existing.id;
    } else {
      const info = this.db
        .prepare("INSERT INTO saves (kind, game_id, name, scenario, seat, date, week, done, saved_at, body) VALUES ('auto', ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(gameId, save.name, save.scenario, seat, save.reached.date, save.reached.week, save.reached.done ? 1 : 0, save.savedAt, saveFileText(save));
      saveId = Number(info.lastInsertRowid);
    }
    if (checkpoint) this.putCheckpoint(saveId, checkpoint);
  }

  private putCheckpoint(saveId: number, c: Checkpoint): void {
    this.db
      .prepare("INSERT INTO checkpoints (save_id, key, decisions, decisions_hash, turn_from, world) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (save_id) DO UPDATE SET key = excluded.key, decisions = excluded.decisions, decisions_hash = excluded.decisions_hash, turn_from = excluded.turn_from, world = excluded.world")
      .run(saveId, c.key, c.decisions, c.decisionsHash, c.turnFrom, c.world);
  }

  /** The checkpoint kept with a save, or null (checkpoints.ts decides whether it can be used). */
  getCheckpoint(saveId: number): Checkpoint | null {
    const row = this.db.prepare("SELECT key, decisions, decisions_hash AS decisionsHash, turn_from AS turnFrom, world FROM checkpoints WHERE save_id = ?").get(saveId) as Checkpoint | undefined;
    return row ?? null;
  }

  /** The checkpoint kept with a game's autosave, or null. */
  getAutosaveCheckpoint(gameId: string): Checkpoint | null {
    const row = this.db.prepare("SELECT id FROM saves WHERE kind = 'auto' AND game_id = ?").get(gameId) as { id: number } | undefined;
    return row ? this.getCheckpoint(row.id) : null;
  }

  /** A game as last recorded, or null if there is none; a damaged record is refused with SaveError. */
  getGame(id: string): StoredGame | null {
    const row = this.db.prepare("SELECT body, version, alias_secret AS aliasSecret FROM games WHERE id = ?").get(id) as { body: string; version: number; aliasSecret: string | null } | undefined;
    if (!row) return null;
    const seats = this.db.prepare("SELECT seat, token_hash AS tokenHash FROM seats WHERE game_id = ? ORDER BY seat").all(id) as StoredGame["seats"];
    return { id, save: readSaveFile(row.body), version: row.version, seats, aliasSecret: row.aliasSecret };
  }

  /**
   * Gives a game recorded without an alias secret the one offered, and returns the game's secret:
   * the one it already had if another server gave it one first (so every server uses the same).
   */
  ensureAliasSecret(id: string, offered: string): string {
    return this.write("give game an alias secret", () => {
      this.db.prepare("UPDATE games SET alias_secret = ? WHERE id = ? AND alias_secret IS NULL").run(offered, id);
      const row = this.db.prepare("SELECT alias_secret AS aliasSecret FROM games WHERE id = ?").get(id) as { aliasSecret: string | null } | undefined;
      if (!row?.aliasSecret) throw new Error(`no game ${id} in the saves database`);
      return row.aliasSecret;
    });
  }

  /** A game's seats and their token hashes, without reading its record; null if there is no such game. */
  getGameSeats(id: string): StoredGame["seats"] | null {
    if (!this.db.prepare("SELECT 1 FROM games WHERE id = ?").get(id)) return null;
    return this.db.prepare("SELECT seat, token_hash AS tokenHash FROM seats WHERE game_id = ? ORDER BY seat").all(id) as StoredGame["seats"];
  }

  addSave(kind: Exclude<SaveKind, "auto">, save: SaveFile, checkpoint: Checkpoint | null = null): number {
    return this.write("add save", () => {
      const id = this.insertSave(kind, save);
      if (checkpoint) this.putCheckpoint(id, checkpoint);
      return id;
    });
  }

  private insertSave(kind: Exclude<SaveKind, "auto">, save: SaveFile): number {
    const info = this.db
      .prepare("INSERT INTO saves (kind, game_id, name, scenario, seat, date, week, done, saved_at, body) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(kind, save.name, save.scenario, save.humanSeats[0], save.reached.date, save.reached.week, save.reached.done ? 1 : 0, save.savedAt, saveFileText(save));
    return Number(info.lastInsertRowid);
  }

  listSaves(): SaveSummary[] {
    const rows = this.db
      .prepare("SELECT id, kind, game_id AS gameId, name, scenario, seat, date, week, done, saved_at AS savedAt FROM saves ORDER BY saved_at DESC, id DESC")
      .all() as (Omit<SaveSummary, "done"> & { done: number })[];
    return rows.map((r) => ({ ...r, done: r.done === 1 }));
  }

  getSaveSummary(id: number): SaveSummary | null {
    return this.listSaves().find((s) => s.id === id) ?? null;
  }

  /** The stored file's text exactly as it would be exported. */
  getSaveText(id: number): string | null {
    const row = this.db.prepare("SELECT body FROM saves WHERE id = ?").get(id) as { body: string } | undefined;
    return row ? row.body : null;
  }

  /** The save, checked; a damaged one is refused with SaveError naming it. */
  getSave(id: number): SaveFile | null {
    const text = this.getSaveText(id);
    if (text === null) return null;
    try {
      return readSaveFile(text);
    } catch (error) {
      if (error instanceof SaveError) throw new SaveError(`save #${id}: ${error.message}`);
      throw error;
    }
  }

  deleteSave(id: number): boolean {
    return this.write("delete save", () => this.db.prepare("DELETE FROM saves WHERE id = ?").run(id).changes === 1);
  }

  close(): void {
    this.db.close();
  }
}
