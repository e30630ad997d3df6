// A study: many parameter points, each played on the same seeds (common random numbers, so that a
// difference between points is the parameters' doing and not the dice's). At each point one or more
// groups of variants are run: a group is a scenario with what-if sets played on the same seeds, so
// paired differences (a cause's effect) can be measured there. Pure: the engine and arithmetic.
import { overrideModel, parametersSetBy, type ParameterOverride, type Scenario } from "../engine/index.js";
import { runChunk, type ChunkResult, type Variant } from "./experiment.js";

/** A loaded scenario variant the workers hold once, by key. */
export interface StudyBase {
  key: string;
  label: string;
  whatIfs: string[];
  scenario: Scenario;
  /**
   * The model parameters its what-ifs set (stalinist-fear stops fear's drift): a point's values do not
   * override them, or a study varying that parameter would undo the what-if it measures.
   */
  pinned: string[];
}

/** A variant of `plain` (the same scenario without what-ifs) as the workers hold it. */
export function studyBase(key: string, whatIfs: string[], scenario: Scenario, plain: Scenario): StudyBase {
  return { key, label: whatIfs.join(" + ") || "baseline", whatIfs, scenario, pinned: parametersSetBy(plain.parameters, scenario.parameters) };
}


export interface StudyTask {
  point: number;
  overrides: ParameterOverride[];
  /** Per group, the keys of its variants (the first is the group's baseline). */
  groups: string[][];
  first: number;
  count: number;
  baseSeed: number;
}

export interface StudyChunk {
  point: number;
  first: number;
  count: number;
  /** One chunk result per group. */
  groups: ChunkResult[];
}

export function runStudyChunk(bases: ReadonlyMap<string, StudyBase>, task: StudyTask): StudyChunk {
  const groups = task.groups.map((keys) => {
    const variants: Variant[] = keys.map((key) => {
      const base = bases.get(key);
      if (!base) throw new Error(`runStudyChunk: no variant "${key}"`);
      const overrides = task.overrides.filter((o) => !base.pinned.includes(o.name));
      return { label: base.label, whatIfs: base.whatIfs, scenario: { ...base.scenario, model: overrideModel(base.scenario.model, overrides) } };
    });
    return runChunk(variants, { first: task.first, count: task.count, baseSeed: task.baseSeed, csv: false });
  });
  return { point: task.point, first: task.first, count: task.count, groups };
}
