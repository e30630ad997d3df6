// Statistical validation against the targets of model/targets.yaml (VALIDATION.md version 2), played
// through the same code as `presidium calibrate` at the defaults: each target group's variants on the
// same seeds (runChunk), each target estimated (estimateTarget) and judged by its implausibility
// (distance outside its band in standard errors).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { parse } from "yaml";
import { loadScenarioFile } from "../src/scenarios/load.js";
import { runChunk } from "../src/research/experiment.js";
import { finalize } from "../src/research/montecarlo.js";
import { describeMeasure } from "../src/research/measures.js";
import { estimateTarget, planTargetGroups, targetsFileSchema, type CalibrationTarget } from "../src/research/targets.js";
import { implausibility } from "../src/research/sensitivity/index.js";
import { historyTargets } from "../src/research/calibration.js";

const scenarios = fileURLToPath(new URL("../scenarios/", import.meta.url));
const targetsFile = fileURLToPath(new URL("../model/targets.yaml", import.meta.url));

/** The fixed base seed of the validation suite. */
export const VALIDATION_SEED = 20261126;

/** The three-sigma rule of history matching: a target is missed when its estimate lies further out. */
export const CUTOFF = 3;

export interface Judged {
  target: CalibrationTarget;
  value: number;
  se: number;
  implausibility: number;
}

export function targetsOf(scenarioId: string): CalibrationTarget[] {
  return targetsFileSchema.parse(parse(readFileSync(targetsFile, "utf8"))).targets.filter((t) => t.scenario === scenarioId);
}

/** Every target of one scenario, estimated from `runs` runs of each variant at the default parameters. */
export function judgeTargets(scenarioId: string, runs: number): Judged[] {
  const targets = targetsOf(scenarioId);
  const { groups, placements } = planTargetGroups(targets);
  const reports = groups.map((group) => {
    const variants = group.variants.map((whatIfs) => ({
      label: whatIfs.join(" + ") || "baseline",
      whatIfs,
      scenario: loadScenarioFile(join(scenarios, `${group.scenario}.yaml`), { whatIfs }).scenario,
    }));
    const chunk = runChunk(variants, { first: 0, count: runs, baseSeed: VALIDATION_SEED, csv: false });
    return { reports: chunk.variants.map((v) => finalize(v.tally)), pairs: chunk.pairs, principals: new Set(Object.keys(variants[0].scenario.characters)) };
  });
  const bands = historyTargets(targets);
  return targets.map((target, i) => {
    const placement = placements[i];
    const context = { principals: reports[placement.group].principals };
    const estimate = estimateTarget(target, describeMeasure(target.measure, context), placement, reports, context);
    return { target, ...estimate, implausibility: implausibility(bands[i], estimate) };
  });
}

export function summary(j: Judged): string {
  return `${j.target.id}: ${j.value.toFixed(3)} ± ${j.se.toFixed(3)} against [${j.target.band.join(", ")}] (implausibility ${j.implausibility.toFixed(1)})`;
}
