// A global sensitivity study of the model's parameters: a Morris screening of every selected
// parameter, then Sobol indices for the few that matter most. The designs come from seeded streams,
// so the same seed gives the same points; the Sobol phase's factors follow from the screening's
// results, so a resumed study chooses them again exactly. Pure: designs in, analyses out.
import {
  analyseMorris,
  analyseSobol,
  groupsByName,
  morrisDesign,
  saltelliDesign,
  type MorrisDesign,
  type MorrisRow,
  type SaltelliDesign,
  type SobolRow,
} from "./sensitivity/index.js";
import { playedValues, problemOf, studyRandom, type StudyParameter } from "./study-design.js";

export type SensitivityMethod = "morris" | "sobol" | "both";

export interface SensitivityDesignOptions {
  seed: number;
  trajectories: number;
  levels: number;
  /** Base sample of the Saltelli design. */
  samples: number;
  /** How many parameters the Sobol phase takes from the screening. */
  top: number;
  /** Screen the parameters in groups named by this many leading parts of their names (groupsByName); null: one by one. */
  groupDepth: number | null;
}

export const BOOTSTRAP = 1000;
export const CONFIDENCE = 0.95;

/** A phase's points, in the order they are numbered: values as played, in the order of `parameters`. */
export interface StudyPhase<D> {
  name: "morris" | "sobol";
  parameters: StudyParameter[];
  design: D;
  /** Index of the phase's first point in the study's numbering. */
  first: number;
  points: number[][];
}

export function morrisPhase(parameters: StudyParameter[], options: SensitivityDesignOptions): StudyPhase<MorrisDesign> {
  const groups = options.groupDepth === null ? undefined : groupsByName(parameters.map((p) => p.name), options.groupDepth);
  const design = morrisDesign(problemOf(parameters), { trajectories: options.trajectories, levels: options.levels, rand: studyRandom(options.seed, "morrisDesign"), groups });
  return { name: "morris", parameters, design, first: 0, points: design.points.map((p) => playedValues(parameters, p)) };
}

/** What a Morris step moves: each parameter, or each group of them. */
export function screenedUnits(parameters: readonly StudyParameter[], options: SensitivityDesignOptions): number {
  return options.groupDepth === null ? parameters.length : groupsByName(parameters.map((p) => p.name), options.groupDepth).names.length;
}

export function sobolPhase(parameters: StudyParameter[], options: SensitivityDesignOptions, first: number): StudyPhase<SaltelliDesign> {
  const design = saltelliDesign(problemOf(parameters), options.samples, studyRandom(options.seed, "sobolDesign"));
  return { name: "sobol", parameters, design, first, points: design.points.map((p) => playedValues(parameters, p)) };
}

/** Points of each phase, known before the screening has chosen Sobol's factors (`screened`: what a Morris step moves). */
export function plannedPoints(method: SensitivityMethod, parameterCount: number, options: SensitivityDesignOptions, screened = parameterCount): { morris: number; sobol: number; sobolFactors: number } {
  const morris = method === "sobol" ? 0 : options.trajectories * (screened + 1);
  const sobolFactors = method === "morris" ? 0 : method === "sobol" ? parameterCount : Math.min(options.top, parameterCount);
  return { morris, sobol: method === "morris" ? 0 : options.samples * (sobolFactors + 2), sobolFactors };
}

/** One output's values at a phase's points, in point order; NaN where the point has no value (not run, or no denominator). */
export type Outputs = number[];

export function morrisResults(phase: StudyPhase<MorrisDesign>, outputs: readonly Outputs[], seed: number): MorrisRow[][] {
  const rand = studyRandom(seed, "morrisBootstrap");
  return outputs.map((o) => analyseMorris(phase.design, problemOf(phase.parameters), o, { bootstrap: BOOTSTRAP, confidence: CONFIDENCE, rand }));
}

export function sobolResults(phase: StudyPhase<SaltelliDesign>, outputs: readonly Outputs[], seed: number): SobolRow[][] {
  const rand = studyRandom(seed, "sobolBootstrap");
  return outputs.map((o) => analyseSobol(phase.design, problemOf(phase.parameters), o, { bootstrap: BOOTSTRAP, confidence: CONFIDENCE, rand }));
}

/**
 * The `top` parameters for the Sobol phase. Each outcome's mu* is divided by its largest, so an
 * outcome measured in small units weighs as much as one in large units, and a parameter counts by
 * its best standing over all outcomes. Ties (and parameters with no effect at all) keep the file's
 * order.
 */
export function chooseSobolParameters(parameters: readonly StudyParameter[], morris: readonly MorrisRow[][], top: number): StudyParameter[] {
  const score = parameters.map((_, i) =>
    Math.max(
      0,
      ...morris.map((rows) => {
        const largest = Math.max(0, ...rows.map((r) => (Number.isFinite(r.muStar) ? r.muStar : 0)));
        const mu = rows[i].muStar;
        return largest > 0 && Number.isFinite(mu) ? mu / largest : 0;
      }),
    ),
  );
  const order = parameters.map((_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  return order
    .slice(0, Math.min(top, parameters.length))
    .sort((a, b) => a - b)
    .map((i) => parameters[i]);
}
