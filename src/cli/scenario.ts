// Loading a scenario for a command: a shipped id or a path, with what-ifs, and the loader's issues
// turned into an input error (one issue per line, each FILE:LINE:COL: field: message).
import { differingParameters, type Scenario } from "../engine/index.js";
import { loadModelFile } from "../scenarios/model-file.js";
import { resolveScenario } from "../scenarios/catalog.js";
import { loadScenarioFile, ScenarioError, type Setting } from "../scenarios/load.js";
import { InputError } from "./errors.js";

export interface CliScenario {
  scenario: Scenario;
  /** Absolute path of the file read. */
  file: string;
  /** The argument as given, when it was a path rather than a shipped id (for the log header). */
  givenFile: string | null;
}

/** True when a `--scenario` argument names a file rather than a shipped id (the catalogue's rule). */
export function looksLikePath(idOrFile: string): boolean {
  return /[\\/]/.test(idOrFile) || /\.ya?ml$/i.test(idOrFile);
}

export function loadForCli(idOrFile: string, whatIfs: readonly string[] = [], settings: readonly Setting[] = []): CliScenario {
  let path: string;
  try {
    path = resolveScenario(idOrFile);
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(error.issues);
    throw error;
  }
  try {
    const { scenario, file } = loadScenarioFile(path, { whatIfs, settings });
    return { scenario, file, givenFile: looksLikePath(idOrFile) ? idOrFile : null };
  } catch (error) {
    // The loader's issues name FILE:LINE:COL (or FILE: for an unreadable file) already.
    if (error instanceof ScenarioError) throw new InputError(error.issues, true);
    throw error;
  }
}

/** The model parameters of a loaded scenario that differ from model/parameters.yaml, by name. */
export function parameterDifferences(scenario: Scenario): Record<string, number> {
  return differingParameters(loadModelFile(), scenario.model);
}

