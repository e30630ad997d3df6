// The parameter side of a study: which model parameters are varied (all of model/parameters.yaml, or
// those matching --parameters globs), over which ranges, how a point of a design becomes the
// overrides a run plays with, and the seeded random streams that draw the designs. Pure.
import { xoroshiro128plus } from "pure-rand";
import { mixSeed, type ParameterCatalog, type ParameterOverride } from "../engine/index.js";
import type { Problem } from "./sensitivity/index.js";

export interface StudyParameter {
  /** GROUP.RULE.NAME */
  name: string;
  low: number;
  high: number;
  default: number;
  /** Whole-number parameters are rounded to the nearest whole number when a design lands between. */
  integer: boolean;
}

export class ParameterSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParameterSelectionError";
  }
}

/** `*` matches any run of characters (dots included), `?` one character; the whole name must match. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/**
 * The parameters matching any of the globs (all of them when none is given), in the file's order. A
 * glob that matches nothing is refused: a misspelt group would otherwise silently shrink the study.
 */
export function selectParameters(catalog: ParameterCatalog, globs: readonly string[]): StudyParameter[] {
  const names = [...catalog.entries.keys()];
  const patterns = globs.map((g) => ({ glob: g, re: globToRegExp(g.trim()) }));
  for (const p of patterns) {
    if (p.glob.trim() === "") throw new ParameterSelectionError("--parameters needs a name or a glob such as crisis.* or *.temperature");
    if (!names.some((n) => p.re.test(n))) {
      const groups = [...new Set(names.map((n) => n.split(".")[0]))];
      throw new ParameterSelectionError(`--parameters ${p.glob} matches no model parameter (names are GROUP.RULE.NAME; groups: ${groups.join(", ")}; * matches any text)`);
    }
  }
  return names
    .filter((n) => patterns.length === 0 || patterns.some((p) => p.re.test(n)))
    .map((name) => {
      const e = catalog.entries.get(name)!;
      return { name, low: e.range[0], high: e.range[1], default: e.value, integer: e.integer === true };
    });
}

export function problemOf(parameters: readonly StudyParameter[]): Problem {
  return { factors: parameters.map((p) => ({ name: p.name, low: p.low, high: p.high })) };
}

/** A design point's values as they are played: whole-number parameters rounded (within their range). */
export function playedValues(parameters: readonly StudyParameter[], point: readonly number[]): number[] {
  return parameters.map((p, i) => (p.integer ? Math.min(p.high, Math.max(p.low, Math.round(point[i]))) : point[i]));
}

export function overridesOf(parameters: readonly StudyParameter[], values: readonly number[]): ParameterOverride[] {
  return parameters.map((p, i) => ({ name: p.name, value: values[i] }));
}

/** What each random stream of a study draws; each has its own seed so that, say, more bootstrap resamples do not move the design. */
const streams = { morrisDesign: 1, morrisBootstrap: 2, sobolDesign: 3, sobolBootstrap: 4, latinHypercube: 5 } as const;
export type StudyStream = keyof typeof streams;

/**
 * A uniform generator in [0, 1) for one purpose of a study, from the study's seed. The games use
 * mixSeed(seed, run) directly; the designs mix in a salt first so they never share the games' seeds.
 */
export function studyRandom(seed: number, stream: StudyStream): () => number {
  const g = xoroshiro128plus(mixSeed(mixSeed(seed, 0x5eed), streams[stream]));
  return () => (g.unsafeNext() >>> 0) / 4294967296;
}
