// Checkpoints: a game's world at the start of a week, kept beside its autosave and its named saves so
// that loading replays only the decisions after it. A save is its replay (the decisions from the
// start), and a campaign saved near its end took over a second to replay even played in place; from
// a checkpoint at most a year of weeks is played. A checkpoint is only a shortcut: it is used only
// when the engine's code, the scenario as loaded (parameters, what-ifs, settings) and the decisions
// before it are exactly those it was made with, and a damaged one is passed over for the full replay.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Decision, Scenario, World } from "../engine/index.js";
import type { Checkpoint } from "../saves/store.js";

/** A week where a game stands with nothing yet decided: the replay of `decisions` decisions reaches it. */
export interface WeekStart {
  decisions: number;
  turnFrom: number | null;
  world: World;
}

/** Weeks between the checkpoints kept with a game's autosave: freezing a late campaign takes 50 to 100 ms. */
export const CHECKPOINT_WEEKS = 52;

/**
 * A hash of every file of the engine (its compiled modules, or its sources under a test runner),
 * read when this module is loaded, with the engine: a build made while the server runs must not
 * lend its hash to checkpoints the running engine makes.
 */
function engineCodeHash(): string {
  const root = fileURLToPath(new URL("../engine/", import.meta.url));
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(root.length)).update("\u0000").update(readFileSync(path)).update("\u0000");
    }
  };
  walk(root);
  return hash.digest("hex");
}

const engineCode = engineCodeHash();

/** The key a checkpoint must carry to be used with this engine and this scenario as loaded. */
export function checkpointKey(scenario: Scenario): string {
  let key = keys.get(scenario);
  if (key === undefined) {
    key = createHash("sha256").update(engineCode).update(JSON.stringify(scenario)).digest("hex");
    keys.set(scenario, key);
  }
  return key;
}

const keys = new WeakMap<Scenario, string>();

export function decisionsHash(decisions: readonly Decision[]): string {
  return createHash("sha256").update(JSON.stringify(decisions)).digest("hex");
}

/** `at` frozen, for the game whose decisions are `decisions` (those before it are hashed). */
export function makeCheckpoint(scenario: Scenario, at: WeekStart, decisions: readonly Decision[]): Checkpoint {
  return {
    key: checkpointKey(scenario),
    decisions: at.decisions,
    decisionsHash: decisionsHash(decisions.slice(0, at.decisions)),
    turnFrom: at.turnFrom,
    world: gzipSync(serialize(at.world), { level: 1 }),
  };
}

/**
 * The week start a checkpoint holds, if it stands for the first decisions of `decisions` under this
 * engine and scenario; null otherwise, or if it cannot be read (the full replay is then made).
 */
export function weekStartOf(checkpoint: Checkpoint, scenario: Scenario, decisions: readonly Decision[]): WeekStart | null {
  if (checkpoint.key !== checkpointKey(scenario) || checkpoint.decisions > decisions.length) return null;
  if (checkpoint.decisionsHash !== decisionsHash(decisions.slice(0, checkpoint.decisions))) return null;
  try {
    const world = deserialize(gunzipSync(checkpoint.world)) as World;
    if (!Array.isArray(world.log) || world.done !== false || world.pending.length > 0 || world.awaiting.length > 0) return null;
    return { decisions: checkpoint.decisions, turnFrom: checkpoint.turnFrom, world };
  } catch {
    return null;
  }
}
