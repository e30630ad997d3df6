// The model parameters (MODEL.md section 8): how a run's values are resolved from the defaults, a
// scenario's overrides and the command line's. Pure: the file is read by src/scenarios/model-file.ts
// and validated by parameter-schemas.ts; the rules read the resolved values from the world.
import type { ParameterEntry, ParameterFile, ParameterOverrides } from "./parameter-schemas.js";
import type { ModelParameters } from "./parameters.generated.js";

export type { ModelParameters } from "./parameters.generated.js";
export type { ParameterEntry } from "./parameter-schemas.js";

export interface ParameterOverride {
  /** GROUP.RULE.NAME */
  name: string;
  value: number;
}

/** The parameter file read once: every entry by its dotted name, and the default values. */
export interface ParameterCatalog {
  entries: ReadonlyMap<string, ParameterEntry>;
  defaults: ModelParameters;
}

export function catalogOf(file: ParameterFile): ParameterCatalog {
  const entries = new Map<string, ParameterEntry>();
  const defaults: Record<string, Record<string, Record<string, number>>> = {};
  for (const [group, rules] of Object.entries(file)) {
    defaults[group] = {};
    for (const [rule, names] of Object.entries(rules)) {
      defaults[group][rule] = {};
      for (const [param, entry] of Object.entries(names)) {
        entries.set(`${group}.${rule}.${param}`, entry);
        defaults[group][rule][param] = entry.value;
      }
    }
  }
  return { entries, defaults: defaults as unknown as ModelParameters };
}

/** Why `value` cannot be given to a parameter, or null when it can. */
export function valueProblem(entry: Pick<ParameterEntry, "range" | "integer">, value: number): string | null {
  const [lo, hi] = entry.range;
  if (!Number.isFinite(value)) return `expected a finite number, got ${value}`;
  if (entry.integer && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
  if (value < lo || value > hi) return `${value} is outside the parameter's range [${lo}, ${hi}] (widen the range in model/parameters.yaml if you mean it)`;
  return null;
}

/** Why an override cannot be applied (unknown name, bad value), or null when it can. */
export function overrideProblem(catalog: ParameterCatalog, o: ParameterOverride): string | null {
  const entry = catalog.entries.get(o.name);
  if (!entry) return `unknown model parameter "${o.name}"${suggestion(catalog, o.name)}`;
  return valueProblem(entry, o.value);
}

function suggestion(catalog: ParameterCatalog, wanted: string): string {
  const [group, rule] = wanted.split(".");
  const near = [...catalog.entries.keys()].filter((n) => n.startsWith(`${group}.${rule}.`));
  if (near.length > 0) return ` (${group}.${rule} has: ${near.map((n) => n.split(".")[2]).join(", ")})`;
  const groups = [...new Set([...catalog.entries.keys()].map((n) => n.split(".")[0]))];
  return ` (names are GROUP.RULE.NAME; groups: ${groups.join(", ")})`;
}

/** The overrides of a scenario's `parameters:` block, in file order. */
export function overridesOf(block: ParameterOverrides | undefined): ParameterOverride[] {
  const out: ParameterOverride[] = [];
  for (const [group, rules] of Object.entries(block ?? {})) {
    for (const [rule, names] of Object.entries(rules)) {
      for (const [param, o] of Object.entries(names)) out.push({ name: `${group}.${rule}.${param}`, value: o.value });
    }
  }
  return out;
}

/**
 * The model parameters a what-if sets: those a patched scenario's own `parameters` set that the
 * scenario as written does not set to the same value (the loader keeps a setting from undoing them,
 * and a study keeps its points from doing so).
 */
export function parametersSetBy(written: ParameterOverrides | undefined, patched: ParameterOverrides | undefined): string[] {
  const before = overridesOf(written);
  return overridesOf(patched)
    .filter((o) => !before.some((w) => w.name === o.name && Object.is(w.value, o.value)))
    .map((o) => o.name);
}

/** The defaults with the overrides applied in order (later ones win). Throws on an invalid override. */
export function resolveParameters(catalog: ParameterCatalog, overrides: readonly ParameterOverride[]): ModelParameters {
  const model = structuredClone(catalog.defaults) as unknown as Record<string, Record<string, Record<string, number>>>;
  for (const o of overrides) {
    const problem = overrideProblem(catalog, o);
    if (problem) throw new Error(problem);
    const [group, rule, param] = o.name.split(".");
    model[group][rule][param] = o.value;
  }
  return model as unknown as ModelParameters;
}

/** Every value of `model` that differs from the defaults, by dotted name in name order. */
export function differingParameters(catalog: ParameterCatalog, model: ModelParameters): Record<string, number> {
  const values = model as unknown as Record<string, Record<string, Record<string, number>>>;
  const out: Record<string, number> = {};
  for (const name of changedParameters(catalog.defaults, model)) {
    const [group, rule, param] = name.split(".");
    out[name] = values[group][rule][param];
  }
  return out;
}

/** The dotted names, in name order, of the parameters whose values differ between two models. */
function changedParameters(a: ModelParameters, b: ModelParameters): string[] {
  const mine = a as unknown as Record<string, Record<string, Record<string, number>>>;
  const theirs = b as unknown as Record<string, Record<string, Record<string, number>>>;
  const out: string[] = [];
  for (const [group, rules] of Object.entries(mine)) {
    for (const [rule, names] of Object.entries(rules)) {
      for (const [name, value] of Object.entries(names)) if (theirs[group]?.[rule]?.[name] !== value) out.push(`${group}.${rule}.${name}`);
    }
  }
  return out.sort();
}

/**
 * The model with overrides applied (checked beforehand with `overrideProblem`): what a sensitivity
 * or calibration point runs with. A copy; the model given is not changed.
 */
export function overrideModel(model: ModelParameters, overrides: readonly ParameterOverride[]): ModelParameters {
  const copy = structuredClone(model) as unknown as Record<string, Record<string, Record<string, number>>>;
  for (const o of overrides) {
    const [group, rule, param] = o.name.split(".");
    copy[group][rule][param] = o.value;
  }
  return copy as unknown as ModelParameters;
}
