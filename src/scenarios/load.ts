// Reads a scenario file: YAML syntax, then the schema, then the cross-reference checks, every problem
// reported at its line and column. What-ifs are applied to the raw data before validation, so a
// patched scenario is held to exactly the same rules as a written one.
import { readFileSync, statSync, type Stats } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { serialize } from "node:v8";
import { isAlias, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import { checkScenario, type ScenarioIssue } from "../engine/scenario/consistency.js";
import { scenarioSchema, type Scenario, type ScenarioFile } from "../engine/scenario/schema.js";
import { overrideProblem, overridesOf, parametersSetBy, resolveParameters, type ParameterCatalog, type ParameterOverride } from "../engine/model/parameters.js";
import { modelCatalog, readModelFile, type ModelText } from "./model-file.js";
import { cached } from "./cache.js";
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
  /**
   * Where the settings came from (a command's "--set"), to name in an error about a model setting
   * instead of the scenario file, which is not at fault.
   */
  settingsFrom?: string;
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

/**
 * The largest scenario file read, and the most entries (keys and list items) it may hold. The shipped
 * scenarios are about 70 KB and 3,000 entries; the YAML parser takes about a second per 30,000 entries,
 * so the bounds keep any file's answer within a few seconds.
 */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
export const MAX_SCENARIO_ENTRIES = 25_000;

/** Loads and validates a scenario file; throws `ScenarioError` listing every problem found. */
export function loadScenarioFile(path: string, options: LoadOptions = {}): LoadedScenario {
  const file = resolve(path);
  const shown = displayName(file);
  return { scenario: parseScenarioText(readScenarioText(file, shown), shown, options), file };
}

/** A scenario file's text, refused with a ScenarioError naming `shown` when it is no file to read (missing, a folder, a pipe, too large). */
export function readScenarioText(file: string, shown: string = displayName(file)): string {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new ScenarioError([`${shown}: ${readFailure(error)}`]);
  }
  if (stats.isDirectory()) throw new ScenarioError([`${shown}: is a directory, not a scenario file`]);
  // A device never ends (/dev/zero) and a pipe waits for a writer: only a file can be read whole.
  if (!stats.isFile()) throw new ScenarioError([`${shown}: is ${notAFile(stats)}, not a scenario file; give the path of a YAML file`]);
  const size = stats.size;
  if (size > MAX_SCENARIO_BYTES) throw new ScenarioError([`${shown}: ${tooLarge(`the file is ${megabytes(size)}`)}`]);
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new ScenarioError([`${shown}: ${readFailure(error)}`]);
  }
}

/** What a path that is not a regular file is, for a message. */
export function notAFile(stats: Stats): string {
  if (stats.isFIFO()) return "a pipe";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

function tooLarge(what: string): string {
  return `too large to be a scenario: ${what}, and a scenario file may be at most ${megabytes(MAX_SCENARIO_BYTES)} with at most ${MAX_SCENARIO_ENTRIES.toLocaleString("en")} keys and list items (the shipped ones are about 70 KB and 3,000)`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A rough count of a YAML text's entries, without parsing it: the ": " and "- " indicators and the
 * commas (which separate flow entries, and also count where prose has them: the bound is generous).
 */
function roughEntryCount(text: string): number {
  return text.match(/:(?=[ \t\r\n]|$)|(?:^|[\s[{,])-(?=[ \t\r\n])|,/gm)?.length ?? 0;
}

/**
 * Validates scenario YAML held in memory; `fileName` is what the issues are prefixed with. A text
 * validated before with the same model text and options, by the same code, comes from the cache.
 */
export function parseScenarioText(text: string, fileName: string, options: LoadOptions = {}): Scenario {
  const model = readModelFile(options.modelFile);
  // The options as V8 serializes them: -0, NaN and a missing value stay distinct, as they do in the result.
  const chosen = serialize([options.whatIfs ?? [], options.settings ?? []]).toString("base64");
  return cached("scenario", [text, model.text, chosen], () => validateScenarioText(text, fileName, options, model));
}

function validateScenarioText(text: string, fileName: string, options: LoadOptions, modelText: ModelText): Scenario {
  if (text.length > MAX_SCENARIO_BYTES) throw new ScenarioError([`${fileName}: ${tooLarge(`the text is ${megabytes(text.length)}`)}`]);
  const entries = roughEntryCount(text);
  if (entries > MAX_SCENARIO_ENTRIES) throw new ScenarioError([`${fileName}: ${tooLarge(`it holds about ${entries.toLocaleString("en")} entries`)}`]);
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const { line, col } = lineAndColumn(text, nul);
    throw new ScenarioError([`${fileName}:${line}:${col}: a NUL byte (character code 0): a scenario file is plain text, so this file is damaged or not a scenario; remove the byte`]);
  }
  const counter = new LineCounter();
  // The parser's own duplicate-key check compares each key with every earlier one (quadratic in the
  // size of a mapping); duplicateKeys does the same check in one pass.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const syntax = documentSyntaxIssues(doc, counter, text);
  if (syntax.length > 0) throw new ScenarioError(syntax.map((s) => `${fileName}:${s.line}:${s.col}: YAML syntax: ${s.message}`));
  const machinery = forbiddenKeys(doc, text);
  if (machinery.length > 0) throw new ScenarioError(machinery.map((s) => `${fileName}:${s.line}:${s.col}: ${s.message}`));
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    throw new ScenarioError([`${fileName}:1:1: YAML syntax: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const file = new SourceFile(fileName, doc, counter);
  const catalog = modelCatalog(modelText);
  const validate = (data: unknown) => validateWith(catalog, data);
  const { model, scenarioSettings } = splitSettings(catalog, options.settingsFrom ?? `${fileName}: setting`, options.settings ?? []);
  // A what-if's own model parameters win over a setting (stalinist-fear's stopped drift is the
  // what-if; a setting undoing it would measure something else), in every command and in the game.
  const withModel = (s: ScenarioFile): Scenario => {
    const pinned = new Set(parametersSetBy(base.scenario!.parameters, s.parameters));
    return { ...s, model: resolveParameters(catalog, [...overridesOf(s.parameters), ...model.filter((o) => !pinned.has(o.name))]) };
  };

  const base = validate(raw);
  const unsafe = forbiddenPatchPaths(raw);
  if (base.scenario === undefined || unsafe.length > 0) throw file.error([...base.issues, ...unsafe].map((i) => file.place(i, raw)));
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
    const forbidden = forbiddenSegment(setting.path);
    if (forbidden !== undefined) throw new ScenarioError([`${fileName}: setting ${setting.path}: ${forbiddenMessage(forbidden)}`]);
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

/**
 * The settings a scenario's what-ifs set aside: model settings for parameters the what-ifs set
 * themselves (see withModel). For a command's note; the loader has already left them out.
 */
export function settingsSetAside(path: string, options: LoadOptions): Setting[] {
  if (!options.whatIfs?.length || !options.settings?.some((s) => s.path.startsWith(MODEL_PREFIX))) return [];
  const written = loadScenarioFile(path, { modelFile: options.modelFile }).scenario.parameters;
  const patched = loadScenarioFile(path, { whatIfs: options.whatIfs, modelFile: options.modelFile }).scenario.parameters;
  const pinned = parametersSetBy(written, patched);
  return options.settings.filter((s) => s.path.startsWith(MODEL_PREFIX) && pinned.includes(s.path.slice(MODEL_PREFIX.length)));
}

const MODEL_PREFIX = "model.";

/**
 * `model.`-prefixed settings become parameter overrides (checked here); the rest patch the scenario.
 * `from` begins an error about one: the scenario file's name and "setting", or the command's option.
 */
function splitSettings(catalog: ParameterCatalog, from: string, settings: readonly Setting[]): { model: ParameterOverride[]; scenarioSettings: Setting[] } {
  const model: ParameterOverride[] = [];
  const scenarioSettings: Setting[] = [];
  for (const setting of settings) {
    if (!setting.path.startsWith(MODEL_PREFIX)) {
      scenarioSettings.push(setting);
      continue;
    }
    const name = setting.path.slice(MODEL_PREFIX.length);
    if (typeof setting.value !== "number") throw new ScenarioError([`${from} ${setting.path}: expected a number, got ${JSON.stringify(setting.value)}`]);
    const problem = overrideProblem(catalog, { name, value: setting.value });
    if (problem) throw new ScenarioError([`${from} ${setting.path}=${setting.value}: ${problem}`]);
    model.push({ name, value: setting.value });
  }
  return { model, scenarioSettings };
}

/**
 * Path segments that name JavaScript's object machinery rather than a field: setting one would reach
 * the prototype of the data (and be silently ignored, or worse), never a scenario field.
 */
const FORBIDDEN_SEGMENTS = ["__proto__", "constructor", "prototype"];

/**
 * Keys that name JavaScript's object machinery (a `__proto__` under `trust`, say) would be dropped or
 * misread when the YAML becomes data: each is refused where it stands.
 */
function forbiddenKeys(doc: ReturnType<typeof parseDocument>, text: string): { line: number; col: number; message: string }[] {
  const found: { line: number; col: number; message: string }[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !FORBIDDEN_SEGMENTS.includes(key)) return;
      const { line, col } = lineAndColumn(text, isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0);
      found.push({ line, col, message: `"${key}" cannot be a key (${FORBIDDEN_SEGMENTS.join(", ")} name no scenario field and no id); rename it` });
    },
  });
  return found;
}

/** The first forbidden segment of a settable path (segments are separated by dots), if any. */
export function forbiddenSegment(path: string): string | undefined {
  return path.split(".").find((segment) => FORBIDDEN_SEGMENTS.includes(segment.trim()));
}

export function forbiddenMessage(segment: string): string {
  return `"${segment}" cannot be part of a path (${FORBIDDEN_SEGMENTS.join(", ")} name no scenario field)`;
}

/** What-if patches whose path has a forbidden segment, as issues at the path's own line. */
function forbiddenPatchPaths(raw: unknown): ScenarioIssue[] {
  const record = (v: unknown) => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const issues: ScenarioIssue[] = [];
  for (const [name, whatIf] of Object.entries(record(record(raw)?.whatIfs) ?? {})) {
    const patch = record(whatIf)?.patch;
    if (!Array.isArray(patch)) continue;
    patch.forEach((op, i) => {
      for (const field of ["set", "remove"]) {
        const path = record(op)?.[field];
        const forbidden = typeof path === "string" ? forbiddenSegment(path) : undefined;
        if (forbidden !== undefined) issues.push({ path: ["whatIfs", name, "patch", i, field], message: forbiddenMessage(forbidden) });
      }
    });
  }
  return issues;
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

interface SyntaxProblem {
  code: string;
  message: string;
  /** Offset into the text. */
  pos: readonly [number, ...number[]];
}

/** Every key that repeats an earlier key of its mapping (as the parser would report it), in one pass. */
function duplicateKeys(doc: Document): SyntaxProblem[] {
  const found: SyntaxProblem[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value) && pair.key.range) found.push({ code: "DUPLICATE_KEY", message: "Map keys must be unique", pos: [pair.key.range[0]] });
        seen.add(pair.key.value);
      }
    },
  });
  return found;
}

/**
 * Every alias whose anchor is not defined before it. The parser leaves them in the document and only
 * fails when the data is built, without saying where; the anchors are collected in document order.
 */
function undefinedAliases(doc: Document): SyntaxProblem[] {
  const anchors = new Set<string>();
  const found: SyntaxProblem[] = [];
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source) && node.range) {
        found.push({ code: "UNDEFINED_ALIAS", message: `the alias *${node.source} refers to no anchor &${node.source} defined before it (define the anchor first)`, pos: [node.range[0]] });
      }
    } else if (isNode(node) && node.anchor) anchors.add(node.anchor);
  });
  return found;
}

/** The syntax problems of a document parsed with `uniqueKeys: false` (duplicateKeys does that check in one pass). */
export function documentSyntaxIssues(doc: Document, counter: LineCounter, text: string): (Position & { message: string })[] {
  return syntaxIssues([...doc.errors, ...duplicateKeys(doc), ...undefinedAliases(doc)], counter, text);
}

/** Problems each reported on their own: they are not echoes of an earlier structural error. */
const independent = new Set(["DUPLICATE_KEY", "UNDEFINED_ALIAS"]);

/**
 * Every duplicate key and undefined alias, but only the first other syntax error: after a structural
 * error the parser's later complaints are mostly echoes of it (one tab can produce a dozen "must start
 * at the same column").
 */
function syntaxIssues(problems: readonly SyntaxProblem[], counter: LineCounter, text: string): (Position & { message: string })[] {
  const errors = [...problems].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstStructural = errors.find((e) => !independent.has(e.code));
  return errors
    .filter((e) => independent.has(e.code) || e === firstStructural)
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

/** 1-based, as LineCounter gives them (a column counts UTF-16 units, as editors mostly do). */
function lineAndColumn(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

function readFailure(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a scenario file";
  if (code === "EACCES") return "permission denied";
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

/** A file as the user would name it: relative to the working folder when inside it. */
export function displayName(file: string): string {
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
