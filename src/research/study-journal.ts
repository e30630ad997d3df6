// The record of a study as JSON lines, so a long study survives Ctrl-C and can be resumed: a header
// with the plan (what would change the results if it changed), then one line per finished parameter
// point with its values and what was measured there, and a line when a phase chooses its factors
// (Sobol's top-k after the Morris screening). Pure: text in, records out.
import type { TargetEstimate } from "./sensitivity/index.js";

export const JOURNAL_FORMAT = 1;

export type StudyCommand = "sensitivity" | "calibrate";

export interface JournalHeader {
  presidium: StudyCommand;
  format: number;
  /** The presidium version that began the file: another engine may play the same seeds differently. */
  version: string;
  plan: Record<string, unknown>;
  /**
   * A shard's command-line options (those that shape its results and their printing), so that
   * `presidium merge` can write the whole study's outputs as the unsharded command would.
   */
  options?: Record<string, unknown>;
}

export interface PointRecord {
  point: number;
  phase: string;
  /** The values played, in the order of the phase's parameters. */
  values: number[];
  estimates: Record<string, TargetEstimate>;
}

export interface PhaseRecord {
  phase: string;
  /** The parameters the phase varies, when it chose them from an earlier phase's results. */
  factors: string[];
}

export class JournalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JournalError";
  }
}

/** NaN (no denominator) is written as null, which JSON has; numbers round-trip exactly. */
function numberOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function headerLine(header: JournalHeader): string {
  return `${JSON.stringify(header)}\n`;
}

export function pointLine(record: PointRecord): string {
  const estimates = Object.fromEntries(Object.entries(record.estimates).map(([k, e]) => [k, { value: numberOrNull(e.value), se: numberOrNull(e.se) }]));
  return `${JSON.stringify({ point: record.point, phase: record.phase, values: record.values, estimates })}\n`;
}

export function phaseLine(record: PhaseRecord): string {
  return `${JSON.stringify({ chosen: record.phase, factors: record.factors })}\n`;
}

export interface ParsedJournal {
  header: JournalHeader;
  points: Map<number, PointRecord>;
  phases: Map<string, PhaseRecord>;
  /** Bytes up to the end of the last complete line; a line cut short by a crash lies beyond. */
  completeBytes: number;
  /** Whether an unfinished last line was found (it is dropped, and its point played again). */
  partialLine: boolean;
}

/**
 * Reads a journal. A last line without its newline was cut short (the process was killed while
 * writing) and is dropped; any other line that is not a record means the file is damaged or not a
 * study's, and is refused with its line number.
 */
export function parseJournal(text: string, shown: string, command: StudyCommand, flag = "--out"): ParsedJournal {
  const end = text.lastIndexOf("\n") + 1;
  const complete = text.slice(0, end);
  const lines = complete.split("\n").slice(0, -1);
  const notOurs = `${shown} is not the output of presidium ${command} (give another ${flag}, or delete the file to start afresh)`;
  if (lines.length === 0) throw new JournalError(`${notOurs}: it has no complete first line`);
  const header = parseLine(lines[0]);
  if (!isHeader(header)) throw new JournalError(`${notOurs}: its first line is not a presidium ${command} header`);
  if (header.presidium !== command) throw new JournalError(`${shown} was written by presidium ${header.presidium}, not ${command}: give another ${flag}`);
  if (header.format !== JOURNAL_FORMAT) throw new JournalError(`${shown} is in format ${header.format}, which this presidium (format ${JOURNAL_FORMAT}) does not read: give another ${flag}`);
  const points = new Map<number, PointRecord>();
  const phases = new Map<string, PhaseRecord>();
  lines.slice(1).forEach((line, i) => {
    const where = `${shown}:${i + 2}`;
    const record = parseLine(line);
    if (isPhase(record)) {
      phases.set(record.chosen, { phase: record.chosen, factors: record.factors });
      return;
    }
    if (!isPoint(record)) throw new JournalError(`${where}: not a record of a finished point: the file is damaged; delete that line (its point is played again) or give another ${flag}`);
    points.set(record.point, {
      point: record.point,
      phase: record.phase,
      values: record.values,
      estimates: Object.fromEntries(Object.entries(record.estimates).map(([k, e]) => [k, { value: e.value ?? Number.NaN, se: e.se ?? Number.NaN }])),
    });
  });
  return { header, points, phases, completeBytes: Buffer.byteLength(complete, "utf8"), partialLine: end < text.length };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function isHeader(x: unknown): x is JournalHeader {
  return isObject(x) && typeof x.presidium === "string" && typeof x.format === "number" && typeof x.version === "string" && isObject(x.plan);
}

function isPhase(x: unknown): x is { chosen: string; factors: string[] } {
  return isObject(x) && typeof x.chosen === "string" && Array.isArray(x.factors) && x.factors.every((f) => typeof f === "string");
}

type RawEstimate = { value: number | null; se: number | null };

function isPoint(x: unknown): x is { point: number; phase: string; values: number[]; estimates: Record<string, RawEstimate> } {
  const numberOrNullValue = (v: unknown) => v === null || typeof v === "number";
  return (
    isObject(x) &&
    Number.isSafeInteger(x.point) &&
    (x.point as number) >= 0 &&
    typeof x.phase === "string" &&
    Array.isArray(x.values) &&
    x.values.every((v) => typeof v === "number") &&
    isObject(x.estimates) &&
    Object.values(x.estimates).every((e) => isObject(e) && numberOrNullValue(e.value) && numberOrNullValue(e.se))
  );
}

/** How a difference names its two sides: the file and the command by default ("runs: 200 there, 100 here"). */
export interface Sides {
  there: string;
  here: string;
}

/**
 * What differs between the plan in a file and the plan asked for, one phrase per field ("runs: 200
 * there, 100 here"); `explain` words a field whose values mean nothing to a reader (a fingerprint).
 */
export function planDifferences(there: JournalHeader, here: JournalHeader, explain: Record<string, string> = {}, sides: Sides = { there: "there", here: "here" }): string[] {
  const out: string[] = [];
  if (there.version !== here.version) out.push(`presidium version: ${there.version} ${sides.there}, ${here.version} ${sides.here}`);
  const keys = [...new Set([...Object.keys(there.plan), ...Object.keys(here.plan)])];
  for (const key of keys) {
    const a = there.plan[key];
    const b = here.plan[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out.push(Object.hasOwn(explain, key) ? explain[key] : `${key}: ${difference(a, b, sides)}`);
  }
  return out;
}

function difference(a: unknown, b: unknown, sides: Sides): string {
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    const i = a.findIndex((x, j) => JSON.stringify(x) !== JSON.stringify(b[j]));
    return `item ${i + 1} of ${a.length} is ${brief(a[i])} ${sides.there}, ${brief(b[i])} ${sides.here}`;
  }
  return `${brief(a)} ${sides.there}, ${brief(b)} ${sides.here}`;
}

function brief(x: unknown): string {
  if (x === undefined) return "absent";
  if (Array.isArray(x)) return x.length <= 4 && x.every((v) => typeof v !== "object") ? `[${x.join(", ")}]` : `a list of ${x.length}`;
  const text = JSON.stringify(x);
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}
