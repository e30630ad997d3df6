// The validated-data cache. Reading a scenario parses two YAML files (the scenario and the model
// parameter file) and validates the scenario and each of its what-ifs: 0.3 s in a warm process and
// 1-3 s in a fresh one, which every `presidium` command starts as. Validated results are kept by a
// hash of everything they are made from: the texts read, the load options, and the code that reads
// them (the modules of src/engine and src/scenarios, and package.json for the pinned parser and
// schema libraries), so any change to any of them is a miss, never a stale answer. Two tiers: a memo
// in this process (a server, a sweep loading many variants) and a file per entry in a cache folder
// (the next command). Values are stored as V8 serializations (the structured clone the workers get)
// and decoded afresh on every hit, so no caller can change what another is given. Only successes
// are kept: a file with problems is read again, and its problems reported where they stand.
//
// PRESIDIUM_CACHE_DIR names the folder (default: $XDG_CACHE_HOME/presidium or ~/.cache/presidium);
// PRESIDIUM_CACHE=off keeps nothing on disk.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { threadId } from "node:worker_threads";
import { repoRoot } from "./repo-paths.js";

/** Bumped when what an entry holds changes shape. */
const FORMAT = 1;
/** Entries kept in the folder (each 50-300 KB) and in the memo; the oldest go first. */
export const MAX_ENTRIES = 64;

const memo = new Map<string, Buffer>();

/**
 * What `build` makes from `inputs` (the texts and options it reads, nothing else), from the memo or
 * the cache folder when this code has made it from the same inputs before; otherwise built and kept.
 * `kind` names what is built, so two builders never share a key.
 */
export function cached<T>(kind: string, inputs: readonly string[], build: () => T): T {
  const key = keyOf(kind, inputs);
  const kept = memo.get(key) ?? readEntry(key);
  if (kept !== undefined) {
    remember(key, kept);
    return deserialize(kept) as T;
  }
  const value = build();
  const bytes = serialize(value);
  remember(key, bytes);
  writeEntry(key, bytes);
  return value;
}

function keyOf(kind: string, inputs: readonly string[]): string {
  const hash = createHash("sha256").update(`${FORMAT}\u0000${codeIdentity()}\u0000${kind}`);
  // Each input is length-prefixed, so no two lists of inputs hash alike by shifting text between them.
  for (const input of inputs) hash.update(`\u0000${input.length}\u0000`).update(input);
  return hash.digest("hex");
}

function remember(key: string, bytes: Buffer): void {
  memo.delete(key);
  memo.set(key, bytes);
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
}

let identity: string | undefined;

/**
 * A hash of the code that reads and validates: the modules beside this one (src/ when run from the
 * sources, dist/ when built) under engine/ and scenarios/, which is everything the loader imports
 * from this package, and when built the bundles in bundle/ (the command runs its own copy of that
 * code: a bundle left over from an older build must not store its results under the new code's
 * key); package.json, which pins yaml and zod; and the V8 version, whose serialization format the
 * folder holds. About 10 ms, once per process.
 */
function codeIdentity(): string {
  if (identity !== undefined) return identity;
  const hash = createHash("sha256").update(process.versions.v8);
  hash.update(readFileSync(join(repoRoot(), "package.json")));
  const codeRoot = fileURLToPath(new URL("../", import.meta.url));
  for (const dir of ["engine", "scenarios", "bundle"]) {
    if (!existsSync(join(codeRoot, dir))) continue;
    const files = readdirSync(join(codeRoot, dir), { recursive: true })
      .map(String)
      .filter((f) => /\.(js|ts)$/.test(f))
      .sort();
    for (const f of files) hash.update(`\u0000${dir}/${f}\u0000`).update(readFileSync(join(codeRoot, dir, f)));
  }
  identity = hash.digest("hex");
  return identity;
}

/** The cache folder, or null when the cache is kept in memory only. */
export function cacheDir(): string | null {
  if (process.env.PRESIDIUM_CACHE === "off") return null;
  const given = process.env.PRESIDIUM_CACHE_DIR;
  if (given) return given;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "presidium");
}

const EXTENSION = ".v8";

/**
 * An entry's bytes, or undefined. An entry holds [key, bytes of the value]: a file whose key differs
 * (renamed, damaged) is ignored. A folder that cannot be read is a miss: the cache only saves time.
 */
function readEntry(key: string): Buffer | undefined {
  const dir = cacheDir();
  if (dir === null) return undefined;
  try {
    const [stored, bytes] = deserialize(readFileSync(join(dir, key + EXTENSION))) as [unknown, unknown];
    return stored === key && bytes instanceof Uint8Array ? Buffer.from(bytes) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Written whole under a private name and renamed into place, so a reader (another process playing the
 * same scenario) sees the old entry or the new one, never half of one. A failure to write is ignored.
 */
function writeEntry(key: string, bytes: Buffer): void {
  const dir = cacheDir();
  if (dir === null) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const partial = join(dir, `${key}.${process.pid}.${threadId}.partial`);
    writeFileSync(partial, serialize([key, bytes]), { mode: 0o600 });
    renameSync(partial, join(dir, key + EXTENSION));
    prune(dir);
  } catch {
    // An unwritable folder (a read-only home on a cluster node) only means the next load is not faster.
  }
}

/** Keeps the newest MAX_ENTRIES entries: a sweep of many values must not fill the disk. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((f) => f.endsWith(EXTENSION));
  if (entries.length <= MAX_ENTRIES) return;
  const dated = entries.map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs })).sort((a, b) => a.at - b.at);
  for (const { f } of dated.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(dir, f), { force: true });
}
