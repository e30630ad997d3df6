// Scale-out of the studies (`sensitivity`, `calibrate`): `--shard K/N` plays the K-th of N consecutive
// slices of one phase's parameter points (the design is drawn from the seed, so every shard draws the
// same one) and records them in --partial: a study journal like --out, resumable like it, whose plan
// also holds the slice and whose header holds the command's options. `presidium merge` checks that
// the partials are of one study and hold every point exactly once, puts them together into the whole
// study's record, and has the command write its outputs from that record as the unsharded run would.
import { headerLine, JournalError, parseJournal, phaseLine, planDifferences, pointLine, type JournalHeader, type ParsedJournal, type PhaseRecord, type PointRecord, type StudyCommand } from "../research/study-journal.js";
import { inputError } from "./errors.js";
import { out } from "./output.js";
import { checkCoverage, indexRange, readPartialText, sliceOf, type Shard } from "./shard.js";
import type { PhasePoints } from "./study-session.js";

/** A phase of a study and its points in the study's numbering: first..end-1. */
export type PhaseRange = [phase: string, first: number, end: number];

/** What a shard's plan records beyond the study's: its phase, its slice, and every phase of the study (for merge to check coverage). */
export interface StudyShard extends Shard {
  phase: string;
  first: number;
  end: number;
  phases: PhaseRange[];
}

export function studyShard(shard: Shard, phase: string, phases: PhaseRange[]): StudyShard {
  const range = phases.find((p) => p[0] === phase);
  if (range === undefined) throw new Error(`studyShard: no phase "${phase}"`);
  const slice = sliceOf(range[2] - range[1], shard);
  return { phase, index: shard.index, count: shard.count, first: range[1] + slice.first, end: range[1] + slice.end, phases };
}

/** The options that say where and how a run goes, not what it computes or prints: merge gives its own. */
const NOT_RECORDED = new Set(["out", "csv", "report", "json", "dryRun", "workers", "forceWorkers", "shard", "partial", "screening"]);

/** The command-line options a shard records for merge (what the study is, and how its results are worded). */
export function recordedOptions(opts: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(opts).filter(([key]) => !NOT_RECORDED.has(key)));
}

/** The whole study's record put together from the shards' partials, as the unsharded --out holds it. */
export interface MergedStudy {
  /** The partials, for messages. */
  files: string[];
  journal: ParsedJournal;
  /** The options the shards ran with. */
  options: Record<string, unknown>;
  /** The record as the unsharded run writes it to --out. */
  text: string;
}

interface StudyPartial {
  path: string;
  journal: ParsedJournal;
  shard: StudyShard;
}

const RESUME = "run that shard's command again (it goes on from its --partial file)";

function isStudyShard(x: unknown): x is StudyShard {
  const s = x as StudyShard;
  return (
    s !== null &&
    typeof s === "object" &&
    typeof s.phase === "string" &&
    [s.index, s.count, s.first, s.end].every(Number.isSafeInteger) &&
    Array.isArray(s.phases) &&
    s.phases.some((p) => Array.isArray(p) && p[0] === s.phase && p[1] <= s.first && s.end <= p[2])
  );
}

/** Reads a shard's partial of a study; every problem is an input error naming the file and the fix. */
export function readStudyPartial(path: string, command: StudyCommand): StudyPartial {
  const text = readPartialText(path);
  let journal: ParsedJournal;
  try {
    journal = parseJournal(text, path, command, "--partial");
  } catch (error) {
    if (error instanceof JournalError) throw inputError(error.message);
    throw error;
  }
  const shard = journal.header.plan.shard;
  if (!isStudyShard(shard)) throw inputError(`${path}: the record of a whole study (its --out), not a shard's partial: give the --partial files of presidium ${command} --shard K/N`);
  for (const p of journal.points.values()) {
    if (p.point < shard.first || p.point >= shard.end) throw inputError(`${path}: holds point ${p.point}, outside its slice (shard ${shard.index}/${shard.count}: ${indexRange("point", shard.first, shard.end)}): the file was changed; run the shard again into a new --partial file`);
  }
  const missing = rangeOf(shard.first, shard.end).filter((i) => !journal.points.has(i));
  if (missing.length > 0) {
    throw inputError(`${path}: shard ${shard.index}/${shard.count} stopped before it finished (${missing.length} of its ${shard.end - shard.first} points are not in it); ${RESUME}, then merge again`);
  }
  return { path, journal, shard };
}

function rangeOf(first: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - first) }, (_, i) => first + i);
}

/** A header without what differs from shard to shard (the slice) or is no part of the study's record (the options). */
function studyHeader(header: JournalHeader): JournalHeader {
  const { shard: _slice, ...plan } = header.plan;
  return { presidium: header.presidium, format: header.format, version: header.version, plan };
}

/** Why the study of `b` (in `bName`) is not the one of `a` (in `aName`), or null when it is the same. */
function differences(aName: string, a: JournalHeader, bName: string, b: JournalHeader): string | null {
  if (a.presidium !== b.presidium) return `presidium ${b.presidium} in ${bName}, ${a.presidium} in ${aName}`;
  const sides = { there: `in ${aName}`, here: `in ${bName}` };
  const withOptions = (h: JournalHeader): JournalHeader => ({ ...h, version: a.version, plan: { phases: (h.plan.shard as StudyShard).phases, ...h.options } });
  const diffs = [
    ...planDifferences(studyHeader(a), studyHeader(b), { fingerprint: `the scenarios, their what-ifs or model/parameters.yaml differ between ${aName} and ${bName}` }, sides),
    ...planDifferences(withOptions(a), withOptions(b), {}, sides),
  ];
  return diffs.length > 0 ? diffs.join("; ") : null;
}

function checkSameStudy(files: readonly StudyPartial[]): void {
  const [ref] = files;
  for (const f of files.slice(1)) {
    const why = differences(ref.path, ref.journal.header, f.path, f.journal.header);
    if (why !== null) throw inputError(`${f.path} is not a shard of the same study as ${ref.path} (${why}): merge only the partials of one study (the same command and options, with --shard K/N alone changing)`);
  }
}

/** The points of `phases`, checked to come from disjoint shards holding each point once. */
function combine(files: readonly StudyPartial[], phases: readonly PhaseRange[]): { points: Map<number, PointRecord>; chosen: Map<string, PhaseRecord> } {
  const multiPhase = files[0].shard.phases.length > 1;
  for (const [phase, first, end] of phases) {
    const claims = files.filter((f) => f.shard.phase === phase).map((f) => ({ path: f.path, shard: f.shard, first: f.shard.first, end: f.shard.end }));
    const later = multiPhase && phase !== files[0].shard.phases[0][0];
    checkCoverage(claims, {
      first,
      end,
      unit: "point",
      whole: `of the ${phase} phase (${indexRange("point", first, end)})`,
      options: later ? `the same options and --screening with the partials of the ${files[0].shard.phases[0][0]} phase` : "the same options",
    });
  }
  const points = new Map<number, PointRecord>();
  const chosen = new Map<string, PhaseRecord>();
  const chooser = new Map<string, string>();
  for (const f of files) {
    for (const [index, p] of f.journal.points) points.set(index, p);
    for (const [phase, record] of f.journal.phases) {
      const earlier = chosen.get(phase);
      if (earlier !== undefined && earlier.factors.join("\u0000") !== record.factors.join("\u0000")) {
        throw inputError(`${f.path} and ${chooser.get(phase)} chose different parameters for the ${phase} phase (from different screenings): run the ${phase} phase's shards again with --screening and the same partials`);
      }
      chosen.set(phase, record);
      chooser.set(phase, f.path);
    }
  }
  return { points, chosen };
}

/**
 * The screening a later phase's shard needs (the Morris phase's points for the Sobol phase of
 * `--method both`): the earlier phase's partials, checked to be of this shard's study and whole.
 */
export function readScreening(paths: readonly string[], own: JournalHeader): Map<number, PointRecord> {
  const command = own.presidium;
  const files = paths.map((p) => readStudyPartial(p, command));
  const ownShard = own.plan.shard as StudyShard;
  const first = ownShard.phases[0];
  const why = differences(files[0].path, files[0].journal.header, "this command", own);
  if (why !== null) throw inputError(`--screening ${files[0].path} is not of this study (${why}): give the partials of the ${first[0]} phase run with the same options`);
  checkSameStudy(files);
  const other = files.find((f) => f.shard.phase !== first[0]);
  if (other !== undefined) throw inputError(`--screening ${other.path} is a partial of the ${other.shard.phase} phase: give the partials of the ${first[0]} phase`);
  return combine(files, [first]).points;
}

/** Reads the partials of one study and puts them together into its whole record. */
export function mergeStudyPartials(paths: readonly string[], command: StudyCommand): MergedStudy {
  const files = paths.map((p) => readStudyPartial(p, command));
  checkSameStudy(files);
  const { points, chosen } = combine(files, files[0].shard.phases);
  const header = studyHeader(files[0].journal.header);
  let text = headerLine(header);
  const written = new Set<string>();
  for (const index of [...points.keys()].sort((a, b) => a - b)) {
    const p = points.get(index)!;
    // A phase's choice of factors is recorded just before its first point, as the unsharded run writes it.
    const choice = chosen.get(p.phase);
    if (choice !== undefined && !written.has(p.phase)) {
      text += phaseLine(choice);
      written.add(p.phase);
    }
    text += pointLine(p);
  }
  const journal: ParsedJournal = { header, points, phases: chosen, completeBytes: Buffer.byteLength(text, "utf8"), partialLine: false };
  return { files: [...paths], journal, options: files[0].journal.header.options ?? {}, text };
}

/** The part of a phase's points a shard plays (all of them without --shard). */
export function shardPoints(points: PhasePoints, slice: StudyShard | null): PhasePoints {
  if (slice === null || slice.phase !== points.phase) return points;
  return { ...points, first: slice.first, values: points.values.slice(slice.first - points.first, slice.end - points.first) };
}

/** The design sentence of a shard: which slice of which phase it plays. */
export function shardDesign(slice: StudyShard): string {
  const [, first, end] = slice.phases.find((p) => p[0] === slice.phase)!;
  const held = slice.end > slice.first ? indexRange("point", slice.first, slice.end) : "no point";
  return `shard ${slice.index}/${slice.count}: ${held} of the ${slice.phase} phase (${indexRange("point", first, end)});`;
}

/** What a shard prints when its slice is done. */
export function shardDone(slice: StudyShard, partial: string, next = "put the shards together with presidium merge"): void {
  const held = slice.end > slice.first ? indexRange("point", slice.first, slice.end) : `no point (${slice.count} shards leave this one empty)`;
  out(`Shard ${slice.index}/${slice.count} of the ${slice.phase} phase: ${held} written to ${partial}; ${next}`);
}
