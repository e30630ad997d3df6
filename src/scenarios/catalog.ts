// The scenarios shipped in the repository's scenarios/ folder, and how a command-line argument (a
// shipped id or a path) becomes a file to load.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parse } from "yaml";
import { ScenarioError } from "./scenario-error.js";
import { scenariosDir } from "./repo-paths.js";

export interface ScenarioSummary {
  /** The shipped id: the file name without `.yaml` (the file's own `id` field matches it). */
  id: string;
  title: string;
  start: string;
  end: string;
  /** Absolute path. */
  file: string;
  whatIfs: string[];
}

/** Shipped scenario files, sorted by name. */
export function shippedScenarioFiles(dir: string = scenariosDir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * A summary of each shipped scenario, read without full validation so that the listing still works
 * while a file is being edited (loading it reports the problems).
 */
export function listScenarios(dir: string = scenariosDir()): ScenarioSummary[] {
  return shippedScenarioFiles(dir).map((file) => {
    const id = basename(file, ".yaml");
    let data: unknown;
    try {
      data = parse(readFileSync(file, "utf8"));
    } catch {
      data = undefined;
    }
    const fields = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    const text = (v: unknown, otherwise: string) => (typeof v === "string" ? v : otherwise);
    const whatIfs = fields.whatIfs;
    return {
      id,
      title: text(fields.title, "(unreadable: load it to see the problems)"),
      start: text(fields.start, "?"),
      end: text(fields.end, "?"),
      file,
      whatIfs: typeof whatIfs === "object" && whatIfs !== null && !Array.isArray(whatIfs) ? Object.keys(whatIfs).sort() : [],
    };
  });
}

/**
 * The file for a shipped scenario id, or the absolute path of anything that looks like a path (has a
 * slash or a YAML extension). An unknown id throws `ScenarioError` naming the shipped ids.
 */
export function resolveScenario(idOrFile: string, dir: string = scenariosDir()): string {
  if (/[\\/]/.test(idOrFile) || /\.ya?ml$/i.test(idOrFile)) return resolve(idOrFile);
  const match = shippedScenarioFiles(dir).find((f) => basename(f, ".yaml") === idOrFile);
  if (match !== undefined) return match;
  const shipped = shippedScenarioFiles(dir).map((f) => basename(f, ".yaml"));
  const list = shipped.length > 0 ? `shipped: ${shipped.join(", ")}` : "no scenarios are shipped";
  throw new ScenarioError([`unknown scenario "${idOrFile}" (${list}); to load your own file, give its path, e.g. ./${idOrFile}.yaml`]);
}
