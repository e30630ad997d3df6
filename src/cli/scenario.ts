// Loading a scenario for a command: a shipped id or a path, with what-ifs, and the loader's issues
// turned into an input error (one issue per line, each FILE:LINE:COL: field: message).
import { differingParameters, type Scenario } from "../engine/index.js";
import { overrideProblem } from "../engine/model/parameters.js";
import { pinnedParameters } from "../research/study.js";
import { loadModelFile } from "../scenarios/model-file.js";
import { resolveScenario } from "../scenarios/catalog.js";
import { loadScenarioFile, ScenarioError, type Setting } from "../scenarios/load.js";
import { InputError, inputError } from "./errors.js";

export interface CliScenario {
  scenario: Scenario;
  /** Absolute path of the file read. */
  file: string;
  /** The argument as given, when it was a path rather than a shipped id (for the log header). */
  givenFile: string | null;
  /** The settings applied: those given, less any model parameter the what-ifs set themselves. */
  settings: Setting[];
  /** The model settings not applied because the what-ifs set those parameters (a what-if's own values win). */
  setAside: Setting[];
}

/** True when a `--scenario` argument names a file rather than a shipped id (the catalogue's rule). */
export function looksLikePath(idOrFile: string): boolean {
  return /[\\/]/.test(idOrFile) || /\.ya?ml$/i.test(idOrFile);
}

/**
 * The scenario with its what-ifs and settings. A what-if's own model parameters win over a setting
 * (stalinist-fear's stopped drift is the what-if; --set undoing it would measure something else), as
 * they do in the studies. `from` names where the settings came from, for an error about one.
 */
export function loadForCli(idOrFile: string, whatIfs: readonly string[] = [], settings: readonly Setting[] = [], from = "--set"): CliScenario {
  let path: string;
  try {
    path = resolveScenario(idOrFile);
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(error.issues);
    throw error;
  }
  try {
    checkModelSettings(settings, from);
    const givenFile = looksLikePath(idOrFile) ? idOrFile : null;
    const all = loadScenarioFile(path, { whatIfs, settings });
    const model = settings.filter((s) => s.path.startsWith(MODEL_PREFIX));
    if (whatIfs.length === 0 || model.length === 0) return { ...all, givenFile, settings: [...settings], setAside: [] };
    const pinned = pinnedParameters(loadScenarioFile(path, { whatIfs }).scenario, loadScenarioFile(path).scenario);
    const setAside = model.filter((s) => pinned.includes(s.path.slice(MODEL_PREFIX.length)));
    if (setAside.length === 0) return { ...all, givenFile, settings: [...settings], setAside };
    const applied = settings.filter((s) => !setAside.includes(s));
    return { ...loadScenarioFile(path, { whatIfs, settings: applied }), givenFile, settings: applied, setAside };
  } catch (error) {
    // The loader's issues name FILE:LINE:COL (or FILE: for an unreadable file) already.
    if (error instanceof ScenarioError) throw new InputError(error.issues, true);
    throw error;
  }
}

const MODEL_PREFIX = "model.";

/** Model settings checked against model/parameters.yaml, so that an error names the option rather than the scenario file. */
function checkModelSettings(settings: readonly Setting[], from: string): void {
  for (const s of settings) {
    if (!s.path.startsWith(MODEL_PREFIX)) continue;
    const name = s.path.slice(MODEL_PREFIX.length);
    const problem = typeof s.value === "number" ? overrideProblem(loadModelFile(), { name, value: s.value }) : `expected a number, got ${JSON.stringify(s.value)}`;
    if (problem !== null) throw inputError(`${from} ${s.path}=${String(s.value)}: ${problem}`);
  }
}

/** The note for settings a what-if overrode: `where` names the variant(s). */
export function setAsideNote(setAside: readonly Setting[], where: string): string {
  const which = setAside.map((s) => `${s.path}=${String(s.value)}`).join(", ");
  return `Note: --set ${which} not applied ${where}: the what-if sets ${setAside.length === 1 ? "that parameter" : "those parameters"} itself, and a what-if's own values win.`;
}

/** The model parameters of a loaded scenario that differ from model/parameters.yaml, by name. */
export function parameterDifferences(scenario: Scenario): Record<string, number> {
  return differingParameters(loadModelFile(), scenario.model);
}

