// `presidium replay FILE`: re-runs a log's scenario, seed, what-ifs and decisions and checks that the
// new log is the recorded one, entry by entry.
import { existsSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, resolve } from "node:path";
import type { Command } from "commander";
import { createWorld, IllegalAction, replay, type World } from "../../engine/index.js";
import { InputError, locatedError } from "../errors.js";
import { entryLine, readLogFile, type LogHeader, type ParsedLog } from "../logfile.js";
import { out } from "../output.js";
import { shippedScenarioFiles } from "../../scenarios/catalog.js";
import { loadForCli, parameterDifferences } from "../scenario.js";

export function registerReplay(program: Command): void {
  program
    .command("replay")
    .description("re-run a recorded game (presidium run --log) and check that its log is identical")
    .argument("<file>", "a log file written by presidium run --log")
    .addHelpText(
      "after",
      [
        "",
        "The scenario is found by the header's scenarioFile if that file exists, otherwise by its shipped id.",
        "Exits 0 with 'replay identical (N entries, sha256 ...)', or 1 naming the first entry that differs.",
        "",
        "Example:",
        "  presidium run --scenario october-1964 --seed 1 --log run.jsonl",
        "  presidium replay run.jsonl",
      ].join("\n"),
    )
    .action((file: string) => replayCommand(file));
}

function replayCommand(file: string): void {
  const log = readLogFile(file);
  const world = rerun(file, log.header);
  const problem = firstDifference(file, log, world);
  if (problem) throw new InputError(problem, true);
  out(`replay identical (${log.entries.length} entries, sha256 ${log.hash})`);
}

/** The header's scenario: its file when that still exists (as given, or beside the log), else the shipped id. */
function scenarioSource(file: string, header: LogHeader): string {
  if (header.scenarioFile !== null) {
    const candidates = isAbsolute(header.scenarioFile) ? [header.scenarioFile] : [resolve(header.scenarioFile), resolve(dirname(file), header.scenarioFile)];
    const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    if (found !== undefined) return found;
    const shipped = shippedScenarioFiles().some((f) => basename(f, ".yaml") === header.scenario);
    if (!shipped) throw locatedError(`${file}:1: the scenario file ${header.scenarioFile} named in the header is not found, and "${header.scenario}" is not a shipped scenario`);
  }
  return header.scenario;
}

function rerun(file: string, header: LogHeader): World {
  const { scenario } = loadForCli(scenarioSource(file, header), header.whatIfs, header.settings ?? [], `${file}:1: the header's setting`);
  const now = parameterDifferences(scenario);
  const then = header.parameters ?? {};
  const changed = [...new Set([...Object.keys(now), ...Object.keys(then)])].filter((name) => now[name] !== then[name]).sort();
  if (changed.length > 0) {
    const show = (v: number | undefined) => (v === undefined ? "the default" : String(v));
    throw locatedError(`${file}:1: the model parameters differ from the recorded run (${changed.map((n) => `${n}: recorded ${show(then[n])}, now ${show(now[n])}`).join("; ")}); model/parameters.yaml or the scenario's parameters have changed`);
  }
  if (scenario.id !== header.scenario) {
    throw locatedError(`${file}: the header names scenario "${header.scenario}" but the file ${header.scenarioFile} now holds "${scenario.id}"`);
  }
  for (const seat of header.humanSeats) {
    if (!Object.hasOwn(scenario.characters, seat)) throw locatedError(`${file}:1: header field "humanSeats": "${seat}" is not a character of "${scenario.id}"`);
  }
  try {
    return replay(createWorld(scenario, { seed: header.seed, whatIfs: header.whatIfs, humanSeats: header.humanSeats }), header.decisions, (i, world) => {
      if (world.done) throw locatedError(`${file}: replay differs: decision ${i + 1} (${describe(header.decisions[i])}) was recorded but the game ended before it was asked for`);
    });
  } catch (error) {
    if (error instanceof IllegalAction && error.index !== undefined) {
      const i = error.index;
      throw locatedError(`${file}: replay differs: decision ${i + 1} (${describe(header.decisions[i])}) is not legal at this point: ${error.message}`);
    }
    throw error;
  }
}

function describe(d: LogHeader["decisions"][number]): string {
  return `${d.seat} ${d.kind} ${d.choice}${d.target ? ` ${d.target}` : ""}`;
}

/** The first entry that differs, as three lines (where, expected, got), or null when the logs agree. */
function firstDifference(file: string, log: ParsedLog, world: World): string[] | null {
  const got = world.log;
  const n = Math.max(log.entries.length, got.length);
  for (let i = 0; i < n; i++) {
    const recorded = log.entries[i];
    const replayed = got[i];
    if (recorded === undefined) {
      return [`${file}: replay differs: the log ends after ${log.entries.length} entries but the replay goes on at seq ${replayed.seq}`, `  expected: (end of log)`, `  got:      ${entryLine(replayed)}`];
    }
    if (replayed === undefined) {
      return [`${file}:${recorded.line}: replay differs at seq ${seqOf(recorded.value, i)}: the replay ends after ${got.length} entries`, `  expected: ${recorded.text}`, `  got:      (end of replay)`];
    }
    const expectedText = JSON.stringify(recorded.value);
    const gotText = entryLine(replayed);
    if (expectedText === gotText) continue;
    const fields = differingFields(recorded.value as Record<string, unknown>, replayed as unknown as Record<string, unknown>);
    const only = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(fields.filter((f) => f in o).map((f) => [f, o[f]])));
    return [
      `${file}:${recorded.line}: replay differs at seq ${seqOf(recorded.value, replayed.seq)} (${fields.length > 0 ? `field${fields.length > 1 ? "s" : ""} ${fields.join(", ")}` : "key order"})`,
      `  expected: ${fields.length > 0 ? only(recorded.value as Record<string, unknown>) : expectedText}`,
      `  got:      ${fields.length > 0 ? only(replayed as unknown as Record<string, unknown>) : gotText}`,
    ];
  }
  return null;
}

function seqOf(value: unknown, fallback: number): number | string {
  const seq = (value as { seq?: unknown }).seq;
  return typeof seq === "number" ? seq : fallback;
}

function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
