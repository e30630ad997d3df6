// Games held by the server: each has an id, its replay (scenario, seed, what-ifs, human seats,
// decisions in order) and the world that replay produces. Every human seat has a secret token; only
// its sha256 is kept. Every decision is recorded in the saves database at once (so a restarted
// server picks the game up where it was), and the game's autosave slot is replaced each new week.
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { advance, createWorld, IllegalAction, presentWorld, replay, step, type Decision, type Scenario, type World } from "../engine/index.js";
import { makeSaveFile, SaveError, type SaveFile } from "../saves/save-file.js";
import { StaleGameError, type Checkpoint, type SaveStore } from "../saves/store.js";
import { CHECKPOINT_WEEKS, makeCheckpoint, weekStartOf, type WeekStart } from "./checkpoints.js";
import { forbidden, notFound, unauthorized } from "./http-errors.js";
import { MoveAliases, newAliasSecret } from "./move-aliases.js";
import type { LoadedScenario, ScenarioCatalog } from "./scenario-catalog.js";
import { UnknownScenarioInput, type ModelSetting } from "./scenario-catalog.js";

export interface LiveGame {
  id: string;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  whatIfs: string[];
  /** Model parameters set for this game (as --set model.NAME=V). */
  settings: ModelSetting[];
  humanSeats: string[];
  decisions: Decision[];
  world: World;
  seatTokenHashes: Map<string, string>;
  name: string;
  autosave: { week: number; date: string } | null;
  /** The world at the pending decision (see presentWorld), computed when first asked for. */
  present: World | null;
  /**
   * How long the game's log was when the last decision was asked (null before any): a seat's page
   * holds that much of it before the turn, and the rest is the turn's news. A page reloaded mid-turn
   * shows the turn's crises from it, as the page did when the turn's answer came.
   */
  turnFrom: number | null;
  /** The version of the game's record this server last read or wrote (see SaveStore.updateGame). */
  version: number;
  /** What seats see in place of the engine's move ids, under the game's secret (see move-aliases.ts). */
  aliases: MoveAliases;
  /** The scenario as loaded for this game (its parameters, what-ifs and settings applied). */
  scenario: Scenario;
  /** The last week the game stood at with nothing yet decided in it: what a checkpoint freezes. */
  weekStart: WeekStart | null;
  /** The week of the checkpoint last kept with the autosave (or of the game's start). */
  checkpointed: number;
  /** The checkpoint this game was loaded or picked up from, if any: it stands for its first decisions. */
  restored: Restored | null;
}

/** A checkpoint a replay started from: its week, how many decisions it stood for, and itself. */
export interface Restored {
  week: number;
  decisions: number;
  checkpoint: Checkpoint;
}

/** Seeds the server draws: short enough to read out and type back in. */
const MAX_DRAWN_SEED = 999_999;
/** Games kept in memory; others are re-run from the database when next asked for. */
const LIVE_GAMES = 64;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export class GameService {
  private readonly live = new Map<string, LiveGame>();

  constructor(
    private readonly catalog: ScenarioCatalog,
    private readonly store: SaveStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts a game with `character` as its human seat. Returns the game and the seat's token. */
  create(scenarioId: string, character: string, seed: number | undefined, whatIfs: readonly string[], settings: readonly ModelSetting[] = []): { game: LiveGame; tokens: Record<string, string> } {
    const loaded = this.catalog.load(scenarioId, whatIfs, settings);
    if (!Object.hasOwn(loaded.scenario.characters, character)) {
      throw new UnknownScenarioInput(`"${character}" is not a character of ${scenarioId} (characters: ${Object.keys(loaded.scenario.characters).join(", ")})`);
    }
    const humanSeats = [character];
    const chosenSeed = seed ?? randomInt(1, MAX_DRAWN_SEED + 1);
    const world = advance(createWorld(loaded.scenario, { seed: chosenSeed, whatIfs: [...whatIfs], humanSeats }));
    const name = `${loaded.scenario.characters[character].name}, ${loaded.scenario.title}`;
    const game = this.newLive(loaded, { scenarioId, seed: chosenSeed, whatIfs: [...whatIfs], settings: [...settings], humanSeats, decisions: [], world, name, turnFrom: null, restored: null });
    const tokens = this.issueTokens(game);
    const save = this.saveFileOf(game, game.name);
    this.store.createGame(game.id, save, [...game.seatTokenHashes].map(([seat, tokenHash]) => ({ seat, tokenHash })), undefined, game.aliases.secret);
    game.autosave = { week: world.week, date: world.date };
    this.remember(game);
    return { game, tokens };
  }

  /** The game, if the token is that of one of its seats (and of `seat`, when one is named). */
  access(gameId: string, token: string | undefined, seat?: string): { game: LiveGame; seat: string } {
    if (!token) throw unauthorized("this request needs the seat token you were given when the game started (header X-Seat-Token)");
    // The token is checked before a stored game is re-run: a wrong token costs no replay.
    const live = this.live.get(gameId);
    const seats = live ? [...live.seatTokenHashes] : this.store.getGameSeats(gameId)?.map((s) => [s.seat, s.tokenHash] as const);
    if (!seats) throw notFound(`no game "${gameId}" on this server`);
    const hash = hashToken(token);
    const holder = seats.find(([, h]) => safeEqual(h, hash))?.[0];
    if (!holder) throw forbidden(`this seat token does not belong to game "${gameId}"`);
    if (seat !== undefined && seat !== holder) throw forbidden(`your seat token holds the seat "${holder}", not "${seat}": you can only act for your own seat`);
    const game = this.find(gameId);
    if (!game) throw notFound(`no game "${gameId}" on this server`);
    return { game, seat: holder };
  }

  /** Applies a decision for a seat; an illegal one throws IllegalAction and changes nothing. */
  act(game: LiveGame, decision: Decision): void {
    if (game.world.done) throw new IllegalAction("the game is over: no more decisions can be made");
    const turnFrom = this.present(game).log.length;
    const next = step(game.world, decision);
    const decisions = [...game.decisions, decision];
    const newWeek = next.done || next.week !== game.world.week;
    // A new week asks its first question before anything is decided in it: the week's start, as the
    // replay reaches it, is the suspended world without its questions.
    const weekStart = newWeek && !next.done && next.pending.length === 0 ? { decisions: decisions.length, turnFrom, world: { ...next, awaiting: [] } } : game.weekStart;
    const checkpoint = weekStart && weekStart !== game.weekStart && weekStart.world.week - game.checkpointed >= CHECKPOINT_WEEKS ? frozen(game.scenario, weekStart, decisions) : null;
    const candidate: LiveGame = { ...game, world: next, decisions, present: null, turnFrom };
    // Recorded before the game changes in memory: if the write fails, the game is as it was.
    let version: number;
    try {
      version = this.store.updateGame(game.id, this.saveFileOf(candidate, game.name), newWeek, game.version, checkpoint);
    } catch (error) {
      // Another server moved the game on: this copy is out of date, so the next request re-reads it.
      if (error instanceof StaleGameError) this.live.delete(game.id);
      throw error;
    }
    game.version = version;
    game.world = next;
    game.decisions = decisions;
    game.present = null;
    game.turnFrom = turnFrom;
    game.weekStart = weekStart;
    if (checkpoint) game.checkpointed = weekStart!.world.week;
    if (newWeek) game.autosave = { week: next.week, date: next.date };
  }

  /**
   * A checkpoint of the game's last week start, to keep with a save of it: the one it was loaded
   * from until a new week comes; none before a new game's first new week.
   */
  checkpointOf(game: LiveGame): Checkpoint | null {
    return game.weekStart ? frozen(game.scenario, game.weekStart, game.decisions) : (game.restored?.checkpoint ?? null);
  }

  present(game: LiveGame): World {
    game.present ??= presentWorld(game.world);
    return game.present;
  }

  saveFileOf(game: LiveGame, name: string): SaveFile {
    return makeSaveFile({
      name,
      savedAt: this.now().toISOString(),
      scenario: game.scenarioId,
      scenarioHash: game.scenarioHash,
      seed: game.seed,
      whatIfs: game.whatIfs,
      ...(game.settings.length ? { settings: game.settings } : {}),
      humanSeats: game.humanSeats,
      decisions: game.decisions,
      reached: { date: game.world.date, week: game.world.week, done: game.world.done },
    });
  }

  /**
   * Starts a new game from a save (its replay), with fresh seat tokens. With `keepAsImported`, the
   * save is also stored as an imported save, in the same transaction as the game (its id is returned).
   */
  load(save: SaveFile, options: { keepAsImported?: boolean; checkpoint?: Checkpoint | null } = {}): { game: LiveGame; tokens: Record<string, string>; importedSaveId: number | null } {
    const { loaded, world, turnFrom, restored } = this.replay(save, options.checkpoint ?? null);
    const game = this.newLive(loaded, { scenarioId: save.scenario, seed: save.seed, whatIfs: save.whatIfs, settings: save.settings ?? [], humanSeats: save.humanSeats, decisions: save.decisions, world, name: save.name, turnFrom, restored });
    const tokens = this.issueTokens(game);
    const seats = [...game.seatTokenHashes].map(([seat, tokenHash]) => ({ seat, tokenHash }));
    // The checkpoint the save was loaded from stands for the new game's first decisions too.
    const importedSaveId = this.store.createGame(game.id, this.saveFileOf(game, game.name), seats, options.keepAsImported ? save : undefined, game.aliases.secret, restored?.checkpoint ?? null);
    game.autosave = { week: world.week, date: world.date };
    this.remember(game);
    return { game, tokens, importedSaveId };
  }

  /**
   * Re-runs a save and checks that it arrives where it says; refuses with SaveError otherwise.
   * `turnFrom`: the log's length when its last decision was asked (LiveGame.turnFrom). From
   * `checkpoint` when it stands for the save's first decisions (checkpoints.ts), else from the start,
   * as it is also when the replay from the checkpoint fails in any way: a checkpoint is a shortcut,
   * never the reason a save is refused. `restored` says which was used.
   */
  replay(save: SaveFile, checkpoint: Checkpoint | null = null): { loaded: LoadedScenario; world: World; turnFrom: number | null; restored: Restored | null } {
    let loaded: LoadedScenario;
    try {
      loaded = this.catalog.load(save.scenario, save.whatIfs, save.settings ?? []);
    } catch (error) {
      if (error instanceof UnknownScenarioInput) throw new SaveError(`the save cannot be played here: ${error.message}`);
      throw error;
    }
    const changed = loaded.hash !== save.scenarioHash ? " (the scenario file has changed since the game was saved)" : "";
    for (const seat of save.humanSeats) {
      if (!Object.hasOwn(loaded.scenario.characters, seat)) throw new SaveError(`the save's seat "${seat}" is not a character of ${save.scenario}${changed}`);
    }
    const at = checkpoint && !changed ? weekStartOf(checkpoint, loaded.scenario, save.decisions) : null;
    if (at && at.world.seed === save.seed && JSON.stringify(at.world.humanSeats) === JSON.stringify(save.humanSeats)) {
      try {
        return { loaded, ...this.replayFrom(loaded, save, at, changed), restored: { week: at.world.week, decisions: at.decisions, checkpoint: checkpoint! } };
      } catch {
        // Passed over: the full replay below decides.
      }
    }
    return { loaded, ...this.replayFrom(loaded, save, null, changed), restored: null };
  }

  /** The save replayed from `at` (or from the start), to where it says it reached. */
  private replayFrom(loaded: LoadedScenario, save: SaveFile, at: WeekStart | null, changed: string): { world: World; turnFrom: number | null } {
    const first = at?.decisions ?? 0;
    let world: World;
    let turnFrom: number | null = at?.turnFrom ?? null;
    try {
      // The step that asked the question kept the world at it, so reading it re-runs no week (but in
      // a game of several seats, after an answer that alone moved nothing on).
      const start = at?.world ?? createWorld(loaded.scenario, { seed: save.seed, whatIfs: save.whatIfs, humanSeats: save.humanSeats });
      world = replay(start, save.decisions.slice(first), (i, w) => {
        if (first + i === save.decisions.length - 1) turnFrom = presentWorld(w).log.length;
      });
    } catch (error) {
      if (error instanceof IllegalAction && error.index !== undefined) {
        const i = first + error.index;
        const d = save.decisions[i];
        throw new SaveError(`the save does not replay: decision ${i + 1} of ${save.decisions.length} (${d.seat}: ${d.kind} ${d.choice}${d.target ? ` ${d.target}` : ""}) is not possible at that point${changed}`);
      }
      throw error;
    }
    const r = save.reached;
    const differing = ([["date", r.date, world.date], ["week", r.week, world.week], ["done", r.done, world.done]] as const).filter(([, saved, replayed]) => saved !== replayed);
    if (differing.length > 0) {
      const what = differing.map(([field, saved, replayed]) => `"reached.${field}" is ${JSON.stringify(saved)} in the save but ${JSON.stringify(replayed)} in the replay`);
      throw new SaveError(`the save does not replay to where it was saved: ${what.join("; ")}${changed}`);
    }
    return { world, turnFrom };
  }

  /** A game in memory; `aliasSecret` is the stored game's, else a new game's fresh one. */
  private newLive(loaded: LoadedScenario, g: { scenarioId: string; seed: number; whatIfs: string[]; settings: ModelSetting[]; humanSeats: string[]; decisions: Decision[]; world: World; name: string; turnFrom: number | null; restored: Restored | null }, aliasSecret = newAliasSecret()): LiveGame {
    return {
      id: randomUUID(),
      scenarioId: g.scenarioId,
      scenarioHash: loaded.hash,
      seed: g.seed,
      whatIfs: [...g.whatIfs],
      settings: g.settings.map((x) => ({ ...x })),
      humanSeats: [...g.humanSeats],
      decisions: [...g.decisions],
      world: g.world,
      seatTokenHashes: new Map(),
      name: g.name,
      autosave: null,
      present: null,
      turnFrom: g.turnFrom,
      version: 0,
      aliases: new MoveAliases(aliasSecret),
      scenario: loaded.scenario,
      weekStart: null,
      // A new game's start counts as its first checkpoint: from there the replay is the whole game.
      checkpointed: g.restored?.week ?? 0,
      restored: g.restored,
    };
  }

  private issueTokens(game: LiveGame): Record<string, string> {
    const tokens: Record<string, string> = {};
    for (const seat of game.humanSeats) {
      const token = randomBytes(24).toString("base64url");
      tokens[seat] = token;
      game.seatTokenHashes.set(seat, hashToken(token));
    }
    return tokens;
  }

  private find(gameId: string): LiveGame | null {
    const live = this.live.get(gameId);
    if (live) {
      this.remember(live);
      return live;
    }
    const stored = this.store.getGame(gameId);
    if (!stored) return null;
    // A game recorded before games had a secret gets one now, kept from then on.
    const aliasSecret = stored.aliasSecret ?? this.store.ensureAliasSecret(gameId, newAliasSecret());
    let replayed: ReturnType<GameService["replay"]>;
    try {
      replayed = this.replay(stored.save, this.store.getAutosaveCheckpoint(gameId));
    } catch (error) {
      // The message quotes a decision, whose key may hold an engine move id: a seat is told aliases.
      if (error instanceof SaveError) throw new SaveError(new MoveAliases(aliasSecret).text(error.message));
      throw error;
    }
    const { loaded, world, turnFrom, restored } = replayed;
    const s = stored.save;
    const game: LiveGame = {
      ...this.newLive(loaded, { scenarioId: s.scenario, seed: s.seed, whatIfs: s.whatIfs, settings: s.settings ?? [], humanSeats: s.humanSeats, decisions: s.decisions, world, name: s.name, turnFrom, restored }, aliasSecret),
      id: gameId,
      seatTokenHashes: new Map(stored.seats.map((x) => [x.seat, x.tokenHash])),
      autosave: { week: world.week, date: world.date },
      version: stored.version,
    };
    this.remember(game);
    return game;
  }

  /** Most recently used last; the oldest is dropped from memory (it stays in the database). */
  private remember(game: LiveGame): void {
    this.live.delete(game.id);
    this.live.set(game.id, game);
    while (this.live.size > LIVE_GAMES) {
      const oldest = this.live.keys().next().value;
      if (oldest === undefined) break;
      this.live.delete(oldest);
    }
  }

  /** For tests: the live game (with the true world), without a token. */
  peek(gameId: string): LiveGame | undefined {
    return this.live.get(gameId);
  }
}

/** A week start frozen once: a named save after the autosave's checkpoint, or a second save, reuses it. */
function frozen(scenario: Scenario, at: WeekStart, decisions: readonly Decision[]): Checkpoint {
  let checkpoint = frozenWeeks.get(at);
  if (!checkpoint) {
    checkpoint = makeCheckpoint(scenario, at, decisions);
    frozenWeeks.set(at, checkpoint);
  }
  return checkpoint;
}

const frozenWeeks = new WeakMap<WeekStart, Checkpoint>();

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
