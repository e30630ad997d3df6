// Loading a scenario for a command: a shipped id or a path, with what-ifs, and the loader's issues
// turned into an input error (one issue per line, each FILE:LINE:COL: field: message).
import { differingParameters, type Scenario } from "../engine/index.js";
import { loadModelFile } from "../scenarios/model-file.js";
import { resolveScenario } from "../scenarios/catalog.js";
import { loadScenarioFile, ScenarioError, settingsSetAside, type Setting } from "../scenarios/load.js";
import { InputError } from "./errors.js";

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
    const givenFile = looksLikePath(idOrFile) ? idOrFile : null;
    const loaded = loadScenarioFile(path, { whatIfs, settings, settingsFrom: from });
    // The loader leaves out a model setting for a parameter the what-ifs set; the command says so.
    const setAside = settingsSetAside(path, { whatIfs, settings });
    return { ...loaded, givenFile, settings: settings.filter((s) => !setAside.includes(s)), setAside };
  } catch (error) {
    // The loader's issues name FILE:LINE:COL (or FILE: for an unreadable file) already; one about a
    // setting names the option instead, and is the command's, prefixed with its name.
    if (error instanceof ScenarioError) throw new InputError(error.issues, !error.issues.every((issue) => issue.startsWith(`${from} `)));
    throw error;
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

