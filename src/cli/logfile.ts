// The log file: JSON lines, a header with everything needed to re-run the game, then one line per
// log entry. Its sha256 is the run's `logHash`, so the hash printed by `run --json` and the file's
// bytes always agree.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { Decision, LogEntry } from "../engine/index.js";
import type { Setting } from "../scenarios/load.js";
import { OutputFileError, writeOutputFile } from "../research/run/output-file.js";
import { bracketScan } from "../saves/json-scan.js";
import { notAFile } from "../scenarios/load.js";
import { InputError, inputError, locatedError } from "./errors.js";
import { isSeed, SEED_RANGE } from "./options.js";

export const LOG_FORMAT = 1;

/** Log entries nest a few levels (an entry, its options, their terms); far deeper is not a log. */
const MAX_ENTRY_NESTING = 32;

export interface LogHeader {
  type: "header";
  format: typeof LOG_FORMAT;
  /** The scenario's id. */
  scenario: string;
  /** The scenario file's path as given on the command line, or null when a shipped id was given. */
  scenarioFile: string | null;
  seed: number;
  whatIfs: string[];
  humanSeats: string[];
  decisions: Decision[];
  /** The `--set PATH=VALUE` settings of the run, in order (absent when there were none). */
  settings?: Setting[];
  /**
   * Every model parameter whose value in this run differs from model/parameters.yaml (scenario
   * overrides and settings alike), so a published figure can be reproduced. Absent when none do.
   */
  parameters?: Record<string, number>;
}

export function makeHeader(fields: Omit<LogHeader, "type" | "format">): LogHeader {
  // A fixed key order: the header's bytes are part of the hash. The optional fields appear only when
  // they say something, so a run at the defaults has the same header as before they existed.
  return {
    type: "header",
    format: LOG_FORMAT,
    scenario: fields.scenario,
    scenarioFile: fields.scenarioFile,
    seed: fields.seed,
    whatIfs: [...fields.whatIfs],
    humanSeats: [...fields.humanSeats],
    decisions: fields.decisions.map((d) => ({ seat: d.seat, kind: d.kind, key: d.key, choice: d.choice, ...(d.target !== undefined ? { target: d.target } : {}), ...(d.detail !== undefined ? { detail: d.detail } : {}) })),
    ...(fields.settings?.length ? { settings: fields.settings.map((s) => ({ path: s.path, value: s.value })) } : {}),
    ...(fields.parameters && Object.keys(fields.parameters).length ? { parameters: { ...fields.parameters } } : {}),
  };
}

export function entryLine(entry: LogEntry): string {
  return JSON.stringify(entry);
}

/** The exact text of the log file. */
export function serializeLog(header: LogHeader, entries: readonly LogEntry[]): string {
  let text = `${JSON.stringify(header)}\n`;
  for (const e of entries) text += `${entryLine(e)}\n`;
  return text;
}

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Writes the log all at once or not at all (see AtomicFile); an unwritable path is an input error. */
export function writeLogFile(path: string, text: string): void {
  try {
    writeOutputFile(path, "--log", text);
  } catch (error) {
    if (error instanceof OutputFileError) throw inputError(`cannot write the log: ${error.message}`);
    throw error;
  }
}

export function fsReason(error: unknown, path: string): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case "ENOENT":
      return `the folder ${dirname(path)} does not exist`;
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export interface ParsedLog {
  header: LogHeader;
  /** Entry lines after the header: the raw text, its 1-based line number, the parsed value. */
  entries: { line: number; text: string; value: unknown }[];
  /** sha256 of the file's bytes. */
  hash: string;
}

/** Reads and checks a log file; a corrupt or truncated file is an input error naming the line. */
export function readLogFile(path: string): ParsedLog {
  let bytes: Buffer;
  try {
    // A device never ends (/dev/zero) and a pipe waits for a writer: only a file is read.
    const stats = statSync(path);
    if (!stats.isFile() && !stats.isDirectory()) throw locatedError(`${path}: is ${notAFile(stats)}, not a log file; give the path of a file written by presidium run --log`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as { code?: unknown }).code;
    throw locatedError(`${path}: ${code === "ENOENT" ? "no such file" : fsReason(error, path)}`);
  }
  const text = bytes.toString("utf8");
  if (text.trim() === "") throw locatedError(`${path}: the file is empty; a log starts with a header line`);
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const parsed = lines.map((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") throw locatedError(`${path}:${line}: empty line in the log`);
    // Checked before parsing: comparing a deeply nested value would exhaust the stack.
    if (bracketScan(raw, MAX_ENTRY_NESTING).tooDeep) {
      throw locatedError(`${path}:${line}: this line is nested more than ${MAX_ENTRY_NESTING} levels deep, which no log entry is: the file is damaged or not a presidium log`);
    }
    try {
      return { line, text: raw, value: JSON.parse(raw) as unknown };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const hint = line === lines.length ? "; the file may be truncated" : "";
      throw locatedError(`${path}:${line}: not valid JSON (${why})${hint}`);
    }
  });
  const header = checkHeader(path, parsed[0].value);
  for (const e of parsed.slice(1)) {
    if (typeof e.value !== "object" || e.value === null || Array.isArray(e.value)) throw locatedError(`${path}:${e.line}: expected a log entry (a JSON object)`);
  }
  return { header, entries: parsed.slice(1), hash: sha256(bytes) };
}

function checkHeader(path: string, value: unknown): LogHeader {
  const where = `${path}:1`;
  const h = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (h === null || h.type !== "header") {
    throw locatedError(`${where}: missing header: the first line must be {"type":"header","format":${LOG_FORMAT},"scenario":...} as written by presidium run --log`);
  }
  if (h.format !== LOG_FORMAT) throw locatedError(`${where}: unsupported log format ${JSON.stringify(h.format)} (this presidium reads format ${LOG_FORMAT})`);
  const bad = (field: string, expected: string): never => {
    throw locatedError(`${where}: header field "${field}": expected ${expected}, got ${JSON.stringify(h[field]) ?? "nothing"}`);
  };
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === "string");
  if (typeof h.scenario !== "string" || h.scenario === "") bad("scenario", "a scenario id");
  if (h.scenarioFile !== undefined && h.scenarioFile !== null && typeof h.scenarioFile !== "string") bad("scenarioFile", "a path or null");
  if (!isSeed(h.seed)) bad("seed", SEED_RANGE);
  if (!isStrings(h.whatIfs)) bad("whatIfs", "a list of what-if names");
  if (!isStrings(h.humanSeats)) bad("humanSeats", "a list of character ids");
  const isDecision = (d: unknown) => {
    const o = typeof d === "object" && d !== null ? (d as Record<string, unknown>) : null;
    return o !== null && typeof o.seat === "string" && typeof o.kind === "string" && typeof o.key === "string" && typeof o.choice === "string" && (o.target === undefined || typeof o.target === "string") && (o.detail === undefined || typeof o.detail === "string");
  };
  if (!Array.isArray(h.decisions) || !h.decisions.every(isDecision)) bad("decisions", "a list of {seat, kind, key, choice, target?, detail?}");
  const isSetting = (s: unknown) => {
    const o = typeof s === "object" && s !== null ? (s as Record<string, unknown>) : null;
    return o !== null && typeof o.path === "string" && ["number", "string", "boolean"].includes(typeof o.value);
  };
  if (h.settings !== undefined && (!Array.isArray(h.settings) || !h.settings.every(isSetting))) bad("settings", "a list of {path, value}");
  const isNumbers = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "number");
  if (h.parameters !== undefined && !isNumbers(h.parameters)) bad("parameters", "a mapping of parameter names to numbers");
  return makeHeader({
    scenario: h.scenario as string,
    scenarioFile: (h.scenarioFile as string | null | undefined) ?? null,
    seed: h.seed as number,
    whatIfs: h.whatIfs as string[],
    humanSeats: h.humanSeats as string[],
    decisions: h.decisions as Decision[],
    settings: h.settings as Setting[] | undefined,
    parameters: h.parameters as Record<string, number> | undefined,
  });
}
