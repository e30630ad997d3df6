// Save files carry a schema version. When the format changes, bump SAVE_SCHEMA_VERSION and add a
// migration from the previous version: old saves are brought forward step by step on reading (and
// re-checksummed), so every version ever written stays loadable.
import { checksumOf } from "./checksum.js";
import { SaveError } from "./save-error.js";

export const SAVE_SCHEMA_VERSION = 2;

export interface Migration {
  /** The version this migration reads; it returns the fields of version `from + 1`. */
  from: number;
  migrate(fields: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Version 1 saves recorded games of model version 1, whose rules and questions version 2 replaced:
 * their decisions answer questions the new engine never asks, so they cannot be brought forward.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    migrate() {
      throw new SaveError("this save was made with model version 1 of Presidium, whose rules have since been rebuilt: its decisions cannot be replayed by this version (start a new game)");
    },
  },
];

/** Applies migrations in order until the fields are at `target` (the current version by default). */
export function migrateToCurrent(fields: Record<string, unknown>, migrations: readonly Migration[], target = SAVE_SCHEMA_VERSION): Record<string, unknown> {
  let current = fields;
  let version = current.schemaVersion as number;
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new SaveError(`this save's format (${version}) cannot be brought up to date: this version of Presidium has no migration from save format ${version} (it reads format ${target})`);
    const next = { ...step.migrate(current), schemaVersion: version + 1 };
    current = { ...next, checksum: checksumOf(next) };
    version++;
  }
  return current;
}
