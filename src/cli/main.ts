// The `presidium` command. Every failure ends as a clear message and an exit code, never a stack
// trace: 0 success, 1 invalid input (a scenario, a log, a replay that differs), 2 a wrong command line.
import { Command, CommanderError } from "commander";
import { registerCalibrate } from "./commands/calibrate.js";
import { registerMerge } from "./commands/merge.js";
import { registerMonteCarlo } from "./commands/montecarlo.js";
import { registerReplay } from "./commands/replay.js";
import { registerRun } from "./commands/run.js";
import { registerScenarios } from "./commands/scenarios.js";
import { registerSensitivity } from "./commands/sensitivity.js";
import { registerSweep } from "./commands/sweep.js";
import { registerValidate } from "./commands/validate.js";
import { delayOptimization } from "../research/run/jit.js";
import { InputError, UsageError } from "./errors.js";
import { err } from "./output.js";
import { version } from "./version.js";

export function buildProgram(): Command {
  const program = new Command("presidium")
    .description("Presidium: power struggles in the post-Stalin Soviet leadership, simulated")
    .version(version(), "-V, --version")
    .showSuggestionAfterError(true)
    .addHelpText("after", "\nRun 'presidium <command> --help' for a command's options and examples.");
  registerScenarios(program);
  registerValidate(program);
  registerRun(program);
  registerReplay(program);
  registerMonteCarlo(program);
  registerSweep(program);
  registerMerge(program);
  registerSensitivity(program);
  registerCalibrate(program);
  for (const command of [program, ...program.commands]) {
    const name = command === program ? "presidium" : `presidium ${command.name()}`;
    command.exitOverride();
    command.configureOutput({
      // Commander's own complaints (unknown option, missing value) become one line naming the command.
      outputError: (message, write) => write(`${name}: ${oneLine(message.replace(/^error: /, ""))} (see '${name} --help')\n`),
    });
  }
  return program;
}

function oneLine(text: string): string {
  return text
    .trim()
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .join(" ");
}

/** Runs the command line (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // Before any game is played or worker started: a command's first games are mostly cold (jit.ts).
  delayOptimization();
  const program = buildProgram();
  const current = () => {
    const sub = program.commands.find((c) => c.name() === argv.find((a) => !a.startsWith("-")));
    return sub ? `presidium ${sub.name()}` : "presidium";
  };
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end here with 0; everything else commander rejects is a usage error,
      // already printed by outputError (a bare `presidium` prints the help on stderr).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      err(`${current()}: ${error.message} (see '${current()} --help')`);
      return error.exitCode;
    }
    if (error instanceof InputError) {
      for (const line of error.lines) err(error.located ? line : `${current()}: ${line}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    err(`${current()}: internal error: ${oneLine(message)}`);
    if (process.env.PRESIDIUM_DEBUG && error instanceof Error && error.stack) err(error.stack);
    else err("(this is a bug in presidium; set PRESIDIUM_DEBUG=1 to see where it happened)");
    return 1;
  }
}
