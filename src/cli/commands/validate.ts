// `presidium validate FILE...`: checks scenario files; every problem on its own line.
import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { resolveScenario, shippedScenarioFiles } from "../../scenarios/catalog.js";
import { loadScenarioFile, ScenarioError } from "../../scenarios/load.js";
import { InputError } from "../errors.js";
import { err, out } from "../output.js";
import { looksLikePath } from "../scenario.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check scenario files against the schema and the cross-reference rules")
    .argument("<file...>", "scenario files (YAML) or shipped scenario ids")
    .addHelpText(
      "after",
      "\nPrints FILE: ok for each valid file. Otherwise prints every problem as\nFILE:LINE:COL: field.path: message and exits with code 1.\n\nExample:\n  presidium validate scenarios/october-1964.yaml my-scenario.yaml",
    )
    .action((files: string[]) => {
      let failed = 0;
      for (const file of files) {
        try {
          loadScenarioFile(pathFor(file));
          out(`${file}: ok`);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          failed++;
          for (const issue of error.issues) err(issue);
        }
      }
      // The problems are printed already, file by file; only the exit code is left to set.
      if (failed > 0) throw new InputError([], true);
    });
}

/** An existing path is taken as it is, whatever its name; otherwise a shipped id is allowed. */
function pathFor(arg: string): string {
  if (existsSync(arg) || looksLikePath(arg)) return arg;
  const shipped = shippedScenarioFiles().map((f) => basename(f, ".yaml"));
  if (!shipped.includes(arg)) throw new ScenarioError([`${arg}: no such file, nor a shipped scenario (shipped: ${shipped.join(", ") || "none"})`]);
  return resolveScenario(arg);
}
