// Reads a scenario file: YAML syntax, then the schema, then the cross-reference checks, every problem
// reported at its line and column. What-ifs are applied to the raw data before validation, so a
// patched scenario is held to exactly the same rules as a written one.
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import { checkScenario, type ScenarioIssue } from "../engine/scenario/consistency.js";
import { scenarioSchema, type Scenario, type ScenarioFile } from "../engine/scenario/schema.js";
import { overrideProblem, overridesOf, resolveParameters, type ParameterCatalog, type ParameterOverride } from "../engine/model/parameters.js";
import { loadModelFile } from "./model-file.js";
import {
  applySetting,
  applyWhatIfsTraced,
  formatSteps,
  PatchPathError,
  whatIfNames,
  WhatIfError,
  type AppliedSet,
  type PathStep,
} from "../engine/scenario/what-if.js";
import { ScenarioError } from "./scenario-error.js";
import { describeZodIssues } from "./zod-issues.js";
import { locate, nodeAt, toSteps, type Position } from "./yaml-positions.js";

export { ScenarioError } from "./scenario-error.js";

export interface LoadOptions {
  /** Names of what-ifs to apply, in order. */
  whatIfs?: readonly string[];
  /**
   * Single values to set after the what-ifs (a sweep's `--set globals.fear=0.4`), same path syntax.
   * A path starting `model.` sets a model parameter (`model.plots.startHazard.baseline`) instead.
   */
  settings?: readonly Setting[];
  /** The parameter file to resolve the model from (default: the shipped model/parameters.yaml). */
  modelFile?: string;
}

export interface Setting {
  path: string;
  value: unknown;
}

export interface LoadedScenario {
  scenario: Scenario;
  /** Absolute path of the file read. */
  file: string;
}

/** Loads and validates a scenario file; throws `ScenarioError` listing every problem found. */
export function loadScenarioFile(path: string, options: LoadOptions = {}): LoadedScenario {
  const file = resolve(path);
  const shown = displayName(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ScenarioError([`${shown}: ${readFailure(error)}`]);
  }
  return { scenario: parseScenarioText(text, shown, options), file };
}

/** Validates scenario YAML held in memory; `fileName` is what the issues are prefixed with. */
export function parseScenarioText(text: string, fileName: string, options: LoadOptions = {}): Scenario {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const syntax = syntaxIssues(doc, counter, text);
  if (syntax.length > 0) throw new ScenarioError(syntax.map((s) => `${fileName}:${s.line}:${s.col}: YAML syntax: ${s.message}`));
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    throw new ScenarioError([`${fileName}:1:1: YAML syntax: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const file = new SourceFile(fileName, doc, counter);
  const catalog = loadModelFile(options.modelFile);
  const validate = (data: unknown) => validateWith(catalog, data);
  const { model, scenarioSettings } = splitSettings(catalog, fileName, options.settings ?? []);
  const withModel = (s: ScenarioFile): Scenario => ({ ...s, model: resolveParameters(catalog, [...overridesOf(s.parameters), ...model]) });

  const base = validate(raw);
  if (base.scenario === undefined) throw file.error(base.issues.map((i) => file.place(i, raw)));
  const problems = checkEachWhatIf(file, raw, base.issues, validate);
  if (problems.length > 0) throw file.error(problems);

  const selected = options.whatIfs ?? [];
  const settings = scenarioSettings;
  if (selected.length === 0 && settings.length === 0) return withModel(base.scenario);
  const prefix = `with ${describeChanges(selected, settings)}: `;
  let patched: { document: unknown; sets: AppliedSet[] };
  try {
    patched = applyWhatIfsTraced(raw, selected);
  } catch (error) {
    if (error instanceof WhatIfError) throw file.error([file.placeWhatIfError(error, raw, prefix)]);
    throw error;
  }
  let document = patched.document;
  for (const setting of settings) {
    try {
      document = applySetting(document, setting.path, setting.value);
    } catch (error) {
      if (error instanceof PatchPathError) throw new ScenarioError([`${fileName}: setting ${setting.path}: ${error.message}`]);
      throw error;
    }
  }
  const result = validate(document);
  const issues = result.issues.filter((i) => i.path[0] !== "whatIfs");
  if (result.scenario === undefined || issues.length > 0) {
    throw file.error(issues.map((i) => file.place(i, document, patched.sets, prefix)));
  }
  return withModel(result.scenario);
}

/** `model.`-prefixed settings become parameter overrides (checked here); the rest patch the scenario. */
function splitSettings(catalog: ParameterCatalog, fileName: string, settings: readonly Setting[]): { model: ParameterOverride[]; scenarioSettings: Setting[] } {
  const model: ParameterOverride[] = [];
  const scenarioSettings: Setting[] = [];
  for (const setting of settings) {
    if (!setting.path.startsWith("model.")) {
      scenarioSettings.push(setting);
      continue;
    }
    const name = setting.path.slice("model.".length);
    if (typeof setting.value !== "number") throw new ScenarioError([`${fileName}: setting ${setting.path}: expected a number, got ${JSON.stringify(setting.value)}`]);
    const problem = overrideProblem(catalog, { name, value: setting.value });
    if (problem) throw new ScenarioError([`${fileName}: setting ${setting.path}: ${problem}`]);
    model.push({ name, value: setting.value });
  }
  return { model, scenarioSettings };
}

function describeChanges(whatIfs: readonly string[], settings: readonly Setting[]): string {
  const parts: string[] = [];
  if (whatIfs.length > 0) parts.push(`what-if${whatIfs.length > 1 ? "s" : ""} ${whatIfs.map((n) => JSON.stringify(n)).join(", ")}`);
  if (settings.length > 0) parts.push(`setting${settings.length > 1 ? "s" : ""} ${settings.map((s) => `${s.path}=${JSON.stringify(s.value)}`).join(", ")}`);
  return parts.join(" and ");
}

export interface Located {
  position: Position;
  text: string;
}

export class SourceFile {
  constructor(
    readonly name: string,
    readonly doc: Document,
    readonly counter: LineCounter,
  ) {}

  /** Positions an issue found in `data` (the raw file data, or a patched copy of it). */
  place(issue: ScenarioIssue, data: unknown, sets: readonly AppliedSet[] = [], prefix = ""): Located {
    const steps = toSteps(data, issue.path);
    const position = this.positionOf(steps, issue.key === true, sets);
    const field = steps.length > 0 ? formatSteps(steps) : "(top level)";
    return { position, text: `${this.name}:${position.line}:${position.col}: ${field}: ${prefix}${issue.message}` };
  }

  placeWhatIfError(error: WhatIfError, data: unknown, prefix = ""): Located {
    const path: (string | number)[] = ["whatIfs"];
    if (error.patchIndex !== undefined) path.push(error.whatIf, "patch", error.patchIndex);
    if (error.field !== undefined) path.push(error.field);
    // Without a patch entry the problem is the what-if's name (unknown): point at `whatIfs:` itself.
    if (error.patchIndex === undefined) return this.place({ path, message: error.message, key: true }, data);
    return this.place({ path, message: error.detail }, data, [], prefix);
  }

  error(located: readonly Located[]): ScenarioError {
    const sorted = [...located].sort((a, b) => a.position.line - b.position.line || a.position.col - b.position.col || compare(a.text, b.text));
    return new ScenarioError([...new Set(sorted.map((l) => l.text))]);
  }

  /** A value a what-if wrote is reported at the patch entry that wrote it. */
  private positionOf(steps: PathStep[], key: boolean, sets: readonly AppliedSet[]): Position {
    for (const set of [...sets].reverse()) {
      if (!startsWith(steps, set.target)) continue;
      const value = nodeAt(this.doc, ["whatIfs", set.whatIf, "patch", set.patchIndex, "value"]);
      if (value !== undefined) return locate(this.doc, this.counter, steps.slice(set.target.length), key, value);
    }
    return locate(this.doc, this.counter, steps, key);
  }
}

/**
 * Every what-if must apply on its own and leave a valid scenario, so a broken what-if is found when the
 * file is written rather than when someone first asks for it.
 */
function checkEachWhatIf(file: SourceFile, raw: unknown, baseIssues: ScenarioIssue[], validate: (data: unknown) => Validated): Located[] {
  const failed = new Set<string>();
  const located: Located[] = [];
  const seen = new Set(baseIssues.map((i) => issueKey(i, raw)));
  for (const name of whatIfNames(raw)) {
    let patched: { document: unknown; sets: AppliedSet[] };
    try {
      patched = applyWhatIfsTraced(raw, [name]);
    } catch (error) {
      if (!(error instanceof WhatIfError)) throw error;
      failed.add(name);
      located.push(file.placeWhatIfError(error, raw));
      continue;
    }
    const prefix = `with what-if "${name}": `;
    for (const issue of validate(patched.document).issues) {
      if (issue.path[0] === "whatIfs" || seen.has(issueKey(issue, patched.document))) continue;
      located.push(file.place(issue, patched.document, patched.sets, prefix));
    }
  }
  // A what-if that fails on the raw file is reported once, from the raw file (the check on the
  // validated scenario sees defaults filled in and may disagree about where it fails).
  const own = baseIssues.filter((i) => !(i.path[0] === "whatIfs" && failed.has(String(i.path[1]))));
  return [...own.map((i) => file.place(i, raw)), ...located];
}

interface Validated {
  scenario?: ScenarioFile;
  issues: ScenarioIssue[];
}

function validateWith(catalog: ParameterCatalog, data: unknown): Validated {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) return { issues: describeZodIssues(parsed.error.issues, data, scenarioSchema) };
  return { scenario: parsed.data, issues: [...checkScenario(parsed.data), ...parameterIssues(catalog, parsed.data)] };
}

/** The scenario's parameter overrides must name parameters of the model, with values in range. */
function parameterIssues(catalog: ParameterCatalog, s: ScenarioFile): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const o of overridesOf(s.parameters)) {
    const problem = overrideProblem(catalog, o);
    if (!problem) continue;
    const path = ["parameters", ...o.name.split(".")];
    issues.push(catalog.entries.has(o.name) ? { path: [...path, "value"], message: problem } : { path, key: true, message: problem });
  }
  return issues;
}

function issueKey(issue: ScenarioIssue, data: unknown): string {
  return `${formatSteps(toSteps(data, issue.path))}\u0000${issue.message}`;
}

/**
 * Every duplicate key, but only the first other syntax error: after a structural error the parser's
 * later complaints are mostly echoes of it (one tab can produce a dozen "must start at the same column").
 */
export function syntaxIssues(doc: Document, counter: LineCounter, text: string): (Position & { message: string })[] {
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstStructural = errors.find((e) => e.code !== "DUPLICATE_KEY");
  return errors
    .filter((e) => e.code === "DUPLICATE_KEY" || e === firstStructural)
    .map((e) => {
      const offset = e.code === "BAD_INDENT" ? skipIndent(text, e.pos[0]) : e.pos[0];
      return { ...counter.linePos(offset), message: syntaxMessage(e.code, e.message, text, e.pos[0]) };
    });
}

/** The parser reports a mis-indented line at its first column; the item itself is where the eye goes. */
function skipIndent(text: string, offset: number): number {
  let at = offset;
  while (text[at] === " ") at++;
  return text[at] === "\n" || at >= text.length ? offset : at;
}

function syntaxMessage(code: string, message: string, text: string, offset: number): string {
  if (code === "DUPLICATE_KEY") {
    const key = /^(?:"([^"]*)"|'([^']*)'|([^:#\n]*?))\s*:/.exec(text.slice(offset));
    const name = key ? (key[1] ?? key[2] ?? key[3]) : undefined;
    return name ? `duplicate key "${name}" (keys in a mapping must be unique)` : "duplicate key (keys in a mapping must be unique)";
  }
  const first = message.split("\n")[0];
  // The usual cause is prose with ": " in it, which YAML reads as a key; the parser does not say so.
  if (code === "BLOCK_AS_IMPLICIT_KEY") return `${first} (text containing ": " must be quoted)`;
  return first;
}

function readFailure(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a scenario file";
  if (code === "EACCES") return "permission denied";
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

function displayName(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd !== "" && !fromCwd.startsWith("..") && !isAbsolute(fromCwd) ? fromCwd : file;
}

function startsWith(steps: readonly PathStep[], prefix: readonly PathStep[]): boolean {
  return prefix.length <= steps.length && prefix.every((p, i) => sameStep(p, steps[i]));
}

function sameStep(a: PathStep, b: PathStep): boolean {
  if (typeof a === "object" || typeof b === "object") return typeof a === "object" && typeof b === "object" && a.id === b.id;
  return String(a) === String(b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
