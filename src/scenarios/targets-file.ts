// Reads a calibration targets file (model/targets.yaml) with the scenario loader's machinery: YAML
// syntax, then the schema, every problem at its FILE:LINE:COL. The checks that need the scenarios
// (a what-if or a character that does not exist) are made by the caller, which reports them through
// `place` at the same kind of position.
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { targetsFileSchema, type CalibrationTarget } from "../research/targets.js";
import { displayName, documentSyntaxIssues, notAFile, SourceFile } from "./load.js";
import { repoRoot } from "./repo-paths.js";
import { ScenarioError } from "./scenario-error.js";
import { describeZodIssues } from "./zod-issues.js";

/** A targets file is a page of YAML; anything much larger is not one. */
const MAX_TARGETS_BYTES = 1024 * 1024;

export function shippedTargetsFile(): string {
  return join(repoRoot(), "model", "targets.yaml");
}

export interface TargetsFile {
  /** Absolute path of the file read. */
  file: string;
  targets: CalibrationTarget[];
  /** A problem found later, at a field of the file: "FILE:LINE:COL: targets.ID.field: message". */
  place: (path: readonly (string | number)[], message: string) => string;
}

/**
 * Loads and validates a targets file; throws ScenarioError with every problem, each located. A
 * scenario given as a file path is taken relative to the targets file's folder.
 */
export function loadTargetsFile(path: string): TargetsFile {
  const file = resolve(path);
  const shown = displayName(file);
  const text = readTargetsText(file, shown);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const syntax = documentSyntaxIssues(doc, counter, text);
  if (syntax.length > 0) throw new ScenarioError(syntax.map((s) => `${shown}:${s.line}:${s.col}: YAML syntax: ${s.message}`));
  const raw: unknown = doc.toJS();
  const source = new SourceFile(shown, doc, counter);
  const parsed = targetsFileSchema.safeParse(raw);
  if (!parsed.success) throw source.error(describeZodIssues(parsed.error.issues, raw, targetsFileSchema).map((i) => source.place(i, raw)));
  const folder = dirname(file);
  const targets = parsed.data.targets.map((t) => ({ ...t, scenario: looksLikeFile(t.scenario) ? resolve(folder, t.scenario) : t.scenario }));
  return { file, targets, place: (at, message) => source.place({ path: [...at], message }, raw).text };
}

/** The catalogue's rule: a slash or a YAML extension makes a file name, anything else a shipped id. */
function looksLikeFile(scenario: string): boolean {
  return /[\\/]/.test(scenario) || /\.ya?ml$/i.test(scenario);
}

function readTargetsText(file: string, shown: string): string {
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new ScenarioError([`${shown}: is a directory; give the targets file (such as model/targets.yaml)`]);
    if (!stats.isFile()) throw new ScenarioError([`${shown}: is ${notAFile(stats)}, not a targets file; give the path of a YAML file`]);
    if (stats.size > MAX_TARGETS_BYTES) throw new ScenarioError([`${shown}: is ${stats.size.toLocaleString("en")} bytes, too large for a targets file (at most 1 MB)`]);
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new ScenarioError([`${shown}: ${code === "ENOENT" ? "no such file" : `cannot be read (${error instanceof Error ? error.message : String(error)})`}`]);
  }
}
