// Parsing and checking of option values shared by the commands. Malformed values are usage errors.
import { parseSettingValue } from "../engine/index.js";
import type { Setting } from "../scenarios/load.js";
import { UsageError } from "./errors.js";

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A seed: any 32-bit signed integer (Monte Carlo seeds from mixSeed may be negative). */
export function parseSeed(raw: string, flag = "--seed"): number {
  const text = raw.trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < INT32_MIN || n > INT32_MAX) {
    throw new UsageError(`${flag} must be a whole number from ${INT32_MIN} to ${INT32_MAX}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

/** A positive whole number (a run count). */
export function parsePositiveInt(raw: string, flag: string): number {
  const text = raw.trim();
  const n = /^\+?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number (1, 2, 3, ...), got ${JSON.stringify(raw)}`);
  return n;
}

/** An ISO calendar date that exists (1964-02-30 does not). */
export function parseIsoDate(raw: string, flag: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  if (!ok) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD, got ${JSON.stringify(raw)}`);
  return raw;
}

/**
 * `--set PATH=VALUE` (repeatable): a scenario path as in what-if patches (`globals.fear=0.4`), or a
 * model parameter (`model.plots.startHazard.baseline=-9`). The loader checks that the path exists.
 */
export function parseSettings(raw: readonly string[], flag = "--set"): Setting[] {
  const seen = new Set<string>();
  return raw.map((given) => {
    const eq = given.indexOf("=");
    const path = eq < 0 ? "" : given.slice(0, eq).trim();
    const text = eq < 0 ? "" : given.slice(eq + 1).trim();
    if (path === "" || text === "") throw new UsageError(`${flag} must be PATH=VALUE (for example model.ai.choice.temperature=0.5 or globals.fear=0.4), got ${JSON.stringify(given)}`);
    if (seen.has(path)) throw new UsageError(`${flag} ${path} is given twice`);
    seen.add(path);
    return { path, value: parseSettingValue(text) };
  });
}

/** Commander's accumulator for a repeatable option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** What-if names as given, refusing repeats (applying a patch twice is never what was meant). */
export function checkWhatIfs(names: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new UsageError(`--what-if ${name} is given twice`);
    seen.add(name);
  }
  return [...names];
}
