// Calibration targets (model/targets.yaml): the patterns of VALIDATION.md that `montecarlo --json`
// can measure, each a band the model's estimate should fall in. A target is measured in one
// scenario, with what-ifs or without; a cause (section C) is the change of a measure between a
// what-if variant and the baseline on the same seeds. Pure: the schema, how targets share runs, and
// how a target is estimated from a point's reports.
import { z } from "zod";
import { contrast, type Change } from "./contrast.js";
import { measure, type MeasureInfo, type MeasureSpec } from "./measures.js";
import type { MonteCarloReport } from "./montecarlo.js";
import type { PairTally } from "./paired.js";
import type { PathContext } from "./report-paths.js";
import type { TargetEstimate } from "./sensitivity/index.js";

const path = z.string({ error: "expected a dotted path into montecarlo --json's report (text)" }).min(1, { error: "expected a dotted path, not empty text" });
const whatIfList = z.array(z.string({ error: "expected a what-if name (text)" }).min(1, { error: "expected a what-if name" }), { error: "expected a list of what-if names" });

const shareSchema = z.strictObject({
  count: z.array(path, { error: "expected a list of paths whose counts are added up" }).min(1, { error: "expected at least one path" }),
  of: z.array(path, { error: "expected a list of paths whose counts are added up" }).min(1, { error: "expected at least one path" }),
});

export const targetSchema = z
  .strictObject({
    id: z.string({ error: "expected an id (text)" }).regex(/^[a-z0-9][a-z0-9-]*$/, { error: "expected an id of lower-case letters, digits and dashes" }),
    scenario: z.string({ error: "expected a shipped scenario id or a scenario file (text)" }).min(1, { error: "expected a scenario id or file" }),
    whatIfs: whatIfList.default([]),
    change: z.enum(["difference", "ratio"], { error: "expected difference (the what-if variant minus the baseline) or ratio (variant over baseline)" }).optional(),
    baseline: whatIfList.optional(),
    measure: z.union([z.string().min(1, { error: "expected a measure name or path" }), shareSchema], {
      error: "expected a named measure or a dotted path (text), or a share { count: [paths], of: [paths] }",
    }),
    band: z
      .tuple([z.number(), z.number()], { error: "expected a band [low, high] of two numbers" })
      .refine(([low, high]) => low <= high, { error: "expected a band [low, high] with low not above high" }),
    row: z.string({ error: "expected the VALIDATION.md row this target encodes (text)" }).min(10, { error: "expected the VALIDATION.md row this target encodes" }),
    discrepancy: z.number({ error: "expected a number >= 0" }).min(0, { error: "expected a number >= 0" }).optional(),
  })
  .superRefine((t, ctx) => {
    // Reported at `change`, which is written: `whatIfs` may be absent, and an issue there would read as a missing field.
    if (t.change !== undefined && t.whatIfs.length === 0) ctx.addIssue({ code: "custom", path: ["change"], message: "a change needs what-ifs (whatIfs: [NAME]) whose effect it measures" });
    if (t.change === undefined && t.baseline !== undefined) ctx.addIssue({ code: "custom", path: ["baseline"], message: "a baseline only goes with a change (difference or ratio)" });
    const shared = t.whatIfs.find((w) => (t.baseline ?? []).includes(w));
    if (shared !== undefined) ctx.addIssue({ code: "custom", path: ["whatIfs"], message: `${shared} is already in the baseline` });
    if (new Set(t.whatIfs).size !== t.whatIfs.length) ctx.addIssue({ code: "custom", path: ["whatIfs"], message: "names a what-if twice" });
  });

export const targetsFileSchema = z
  .strictObject({
    targets: z.array(targetSchema, { error: "expected a list of targets" }).min(1, { error: "expected at least one target" }),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.targets.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: "custom", path: ["targets", i, "id"], message: `the id ${t.id} is used by an earlier target` });
      seen.add(t.id);
    });
  });

export type CalibrationTarget = z.infer<typeof targetSchema>;

/**
 * Runs shared by targets: one scenario with a baseline set of what-ifs, and the what-if variants
 * played on the same seeds beside it (the first variant is the baseline itself).
 */
export interface TargetGroup {
  scenario: string;
  variants: string[][];
}

export interface TargetPlacement {
  group: number;
  variant: number;
}

/** The groups the targets need, and where each target's variant sits (its baseline is its group's variant 0). */
export function planTargetGroups(targets: readonly CalibrationTarget[]): { groups: TargetGroup[]; placements: TargetPlacement[] } {
  const groups: TargetGroup[] = [];
  const keyOf = (names: readonly string[]) => names.join("\u0000");
  const placements = targets.map((t) => {
    const baseline = t.change ? (t.baseline ?? []) : [];
    const variant = t.change ? [...baseline, ...t.whatIfs] : t.whatIfs;
    let group = groups.findIndex((g) => g.scenario === t.scenario && keyOf(g.variants[0]) === keyOf(baseline));
    if (group < 0) group = groups.push({ scenario: t.scenario, variants: [[...baseline]] }) - 1;
    const variants = groups[group].variants;
    let index = variants.findIndex((v) => keyOf(v) === keyOf(variant));
    if (index < 0) index = variants.push([...variant]) - 1;
    return { group, variant: index };
  });
  return { groups, placements };
}

/** One group's results at a parameter point: each variant's report, and its outcomes paired with variant 0. */
export interface GroupReports {
  reports: MonteCarloReport[];
  /** pairs[v - 1] pairs variant v with variant 0. */
  pairs: PairTally[];
}

export function estimateTarget(target: CalibrationTarget, info: MeasureInfo, placement: TargetPlacement, groups: readonly GroupReports[], context: PathContext): TargetEstimate {
  const group = groups[placement.group];
  const spec: MeasureSpec = target.measure;
  const variant = group.reports[placement.variant];
  if (target.change === undefined) return measure(variant, spec, context);
  const change: Change = target.change;
  return contrast(change, spec, info, { variant, baseline: group.reports[0], pairs: group.pairs[placement.variant - 1] ?? null }, context);
}
