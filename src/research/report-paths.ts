// Dotted paths into `montecarlo --json`'s report (`rates.leaderRemoved`, `perPrincipal.beria.removed`,
// `fatesByRole.mover.*`), walked the same way whether a study checks a name before any run or reads a
// finished batch. The report has two kinds of maps: fixed ones (every outcome, every fate) where an
// unknown key is a mistake, and maps keyed by what happened (successors, months, verbs) where a
// missing key means it never happened, that is 0. Principals the runs never touched are given the
// entry the report would have for them, so "Beria removed" reads 0 of N runs rather than failing.
import { arrestEntry, emptyTally, finalize, principalEntry, removalMoveEntry, type MonteCarloReport, type Tally } from "./montecarlo.js";
import type { Rate } from "./interval.js";

export class MeasureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MeasureError";
  }
}

/**
 * What a path ends at: a number, a rate (count of of), a key of a map of events that never happened
 * (absent: a count of 0), or a figure with no value in these runs (none: a mean of nothing).
 */
export type Leaf = { kind: "number"; value: number } | { kind: "rate"; rate: Rate } | { kind: "absent" } | { kind: "none" };

/** The report's maps keyed by principal, and the entry each gives a principal absent from it. */
const principalMaps: Record<string, (tally: Tally, id: string) => unknown> = {
  perPrincipal: principalEntry,
  arrests: arrestEntry,
  removalMoves: removalMoveEntry,
};

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** The report of no runs: its fixed fields say which keys exist; its empty maps are the maps keyed by events. */
const skeleton: MonteCarloReport = finalize(emptyTally());

export interface PathContext {
  /** The scenario's character ids, to check a principal named in a path; omitted, any id is taken. */
  principals?: ReadonlySet<string>;
}

interface Step {
  /** undefined below a key that is absent from a map of events. */
  node: unknown;
  /** The same place in the report of no runs; undefined inside a map keyed by events. */
  shape: unknown;
  at: string;
}

/** Every leaf a path reaches (several when a segment has a `*`), in the report's key order. */
export function leaves(report: MonteCarloReport, path: string, context: PathContext = {}): { at: string; leaf: Leaf }[] {
  const segments = path.split(".");
  if (path.trim() === "" || segments.some((s) => s === "")) throw new MeasureError(`"${path}" is not a path: write field names separated by single dots, like rates.leaderRemoved`);
  const forbidden = segments.find((s) => FORBIDDEN.has(s));
  if (forbidden !== undefined) throw new MeasureError(`"${path}": "${forbidden}" cannot be part of a path`);
  let steps: Step[] = [{ node: report, shape: skeleton, at: "" }];
  segments.forEach((segment, depth) => {
    steps = steps.flatMap((step) => {
      const principalMap = depth === 1 ? principalMaps[segments[0]] : undefined;
      if (principalMap) return principalSteps(report, path, step, segment, principalMap, context);
      return fieldSteps(path, step, segment);
    });
  });
  return steps.map((s) => ({ at: s.at, leaf: leafOf(path, s) }));
}

/** The one leaf of a path without `*`. */
export function leaf(report: MonteCarloReport, path: string, context: PathContext = {}): Leaf {
  if (path.includes("*")) throw new MeasureError(`"${path}": a "*" may only be used in a share's count and of lists, where the values it matches are added up`);
  return leaves(report, path, context)[0].leaf;
}

/** The report of no runs, for checking paths before any game is played. */
export function emptyReport(): MonteCarloReport {
  return skeleton;
}

function join(at: string, segment: string): string {
  return at === "" ? segment : `${at}.${segment}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function globPattern(segment: string): RegExp {
  const escaped = segment.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`);
}

function principalSteps(report: MonteCarloReport, path: string, step: Step, segment: string, entryOf: (tally: Tally, id: string) => unknown, context: PathContext): Step[] {
  const map = step.node as Record<string, unknown>;
  const untouched = (id: string) => entryOf({ ...emptyTally(), runs: report.runs }, id);
  const shape = untouched("");
  if (segment.includes("*")) {
    const pattern = globPattern(segment);
    const ids = [...new Set([...Object.keys(map), ...(context.principals ?? [])])].filter((id) => pattern.test(id)).sort();
    return ids.map((id) => ({ node: Object.hasOwn(map, id) ? map[id] : untouched(id), shape, at: join(step.at, id) }));
  }
  if (context.principals && !context.principals.has(segment)) {
    throw new MeasureError(`"${path}": there is no character "${segment}" in the scenario (its characters: ${[...context.principals].sort().join(", ")})`);
  }
  return [{ node: Object.hasOwn(map, segment) ? map[segment] : untouched(segment), shape, at: join(step.at, segment) }];
}

function fieldSteps(path: string, step: Step, segment: string): Step[] {
  if (step.node === undefined) return segment.includes("*") ? [] : [{ node: undefined, shape: undefined, at: join(step.at, segment) }];
  if (!isRecord(step.node)) throw new MeasureError(`"${path}": ${step.at} is ${describeValue(step.node)} and has no field "${segment}"`);
  const node = step.node;
  const shape = isRecord(step.shape) ? step.shape : undefined;
  // A fixed part of the report lists its keys even when no run happened; an empty map there is keyed by events.
  const fixed = shape !== undefined && Object.keys(shape).length > 0;
  const below = (key: string) => (fixed ? shape[key] : undefined);
  if (segment.includes("*")) {
    const pattern = globPattern(segment);
    const keys = Object.keys(fixed ? shape : node).filter((k) => pattern.test(k));
    if (fixed && keys.length === 0) throw new MeasureError(`"${path}": "${segment}" matches no field of ${step.at || "the report"} (fields: ${Object.keys(shape).join(", ")})`);
    return keys.map((k) => ({ node: node[k], shape: below(k), at: join(step.at, k) }));
  }
  if (Object.hasOwn(node, segment)) return [{ node: node[segment], shape: below(segment), at: join(step.at, segment) }];
  if (fixed) {
    const where = step.at === "" ? "montecarlo --json's report" : step.at;
    throw new MeasureError(`"${path}": ${where} has no field "${segment}" (fields: ${Object.keys(shape).join(", ")})`);
  }
  return [{ node: undefined, shape: undefined, at: join(step.at, segment) }];
}

function isRate(x: unknown): x is Rate {
  return isRecord(x) && typeof x.count === "number" && typeof x.of === "number" && "rate" in x;
}

function leafOf(path: string, step: Step): Leaf {
  const node = step.node;
  if (node === undefined) return { kind: "absent" };
  if (node === null) return { kind: "none" };
  if (typeof node === "number") return { kind: "number", value: node };
  if (isRate(node)) return { kind: "rate", rate: node };
  const fields = isRecord(node) ? ` (fields: ${Object.keys(node).join(", ") || "none in these runs"})` : "";
  throw new MeasureError(`"${path}" leads to ${describeValue(node)}${fields}, not a number or a rate: name one of its fields`);
}

function describeValue(x: unknown): string {
  if (Array.isArray(x)) return "a list";
  if (isRecord(x)) return "a group of fields";
  return typeof x === "string" ? "text" : `a ${typeof x}`;
}
