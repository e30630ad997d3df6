// `presidium run`: one seeded game with every character played by the AI, told as a chronicle.
import type { Command } from "commander";
import { advance, createWorld, epilogue, summarize, viewFor, type Scenario, type World } from "../../engine/index.js";
import { nameOf, pronoun } from "../../engine/log.js";
import { chronicleLines, trendLines } from "../chronicle.js";
import { inputError, UsageError } from "../errors.js";
import { makeHeader, serializeLog, sha256, writeLogFile } from "../logfile.js";
import { checkOutputPaths, checkWhatIfs, collect, parseIsoDate, parseSeed, parseSettings } from "../options.js";
import { err, json, out } from "../output.js";
import { loadForCli, parameterDifferences, setAsideNote } from "../scenario.js";

interface RunOptions {
  scenario: string;
  seed?: string;
  whatIf?: string[];
  as?: string;
  until?: string;
  log?: string;
  json?: boolean;
  set?: string[];
}

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("play one seeded game with every character run by the AI and print its chronicle")
    .requiredOption("--scenario <id|file>", "a shipped scenario id (see presidium scenarios) or a scenario file")
    .requiredOption("--seed <n>", "the seed: a whole number; the same seed gives the same game")
    .option("--what-if <name>", "apply a named what-if of the scenario (repeatable)", collect)
    .option("--set <path=value>", "set a model parameter (model.GROUP.RULE.NAME=V, see model/parameters.yaml) or a scenario value (globals.fear=0.4); repeatable", collect)
    .option("--as <character>", "tell the chronicle as this character could know it (a character id)")
    .option("--until <date>", "stop the chronicle at this date (YYYY-MM-DD); the game itself runs to the end")
    .option("--log <file>", "write the full log as JSON lines (a header, then one entry per line), for replay")
    .option("--json", "print one JSON object with the outcome and logHash instead of the chronicle")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  presidium run --scenario october-1964 --seed 1",
        "  presidium run --scenario october-1964 --seed 7 --what-if loyal-kgb --as brezhnev",
        "  presidium run --scenario october-1964 --seed 1 --log run.jsonl --json",
        "  presidium run --scenario october-1964 --seed 1 --set model.crisis.strike.threshold=0.45",
        "",
        "logHash is the sha256 of the exact bytes --log writes (or would write).",
      ].join("\n"),
    )
    .action((opts: RunOptions) => runCommand(opts));
}

function runCommand(opts: RunOptions): void {
  const seed = parseSeed(opts.seed ?? "");
  const whatIfs = checkWhatIfs(opts.whatIf ?? []);
  const given = parseSettings(opts.set ?? []);
  const until = opts.until === undefined ? undefined : parseIsoDate(opts.until, "--until");
  if (opts.as !== undefined && opts.as.trim() === "") throw new UsageError("--as needs a character id");
  if (opts.json && (opts.as !== undefined || opts.until !== undefined)) {
    throw new UsageError(`--${opts.as !== undefined ? "as" : "until"} shapes the chronicle and cannot be combined with --json (which reports the whole run)`);
  }

  const outputs = [{ flag: "--log", path: opts.log }];
  checkOutputPaths(outputs);
  const { scenario, givenFile, file, settings, setAside } = loadForCli(opts.scenario, whatIfs, given);
  checkOutputPaths(outputs, file);
  if (setAside.length > 0) err(setAsideNote(setAside, `(what-if ${whatIfs.join(" + ")})`));
  const parameters = parameterDifferences(scenario);
  if (opts.as !== undefined) checkCharacter(scenario, opts.as);
  if (until !== undefined && (until < scenario.start || until > scenario.end)) {
    throw inputError(`--until ${until} is outside the scenario "${scenario.id}", which runs from ${scenario.start} to ${scenario.end}`);
  }

  const world = advance(createWorld(scenario, { seed, whatIfs }));
  const header = makeHeader({ scenario: scenario.id, scenarioFile: givenFile, seed, whatIfs, humanSeats: [], decisions: [], settings, parameters });
  const text = serializeLog(header, world.log);
  const logHash = sha256(text);
  if (opts.log !== undefined) writeLogFile(opts.log, text);

  const summary = summarize(world);
  if (opts.json) {
    const { scenario: _id, seed: _seed, whatIfs: _whatIfs, endDate, firstSecretary, ...rest } = summary;
    json({ scenario: scenario.id, seed, whatIfs, endDate, firstSecretary, logHash, settings, parameters, ...rest, history: scenario.history, epilogue: epilogue(world, scenario.history) });
    return;
  }
  out(chronicle(scenario, world, { seed, whatIfs, as: opts.as, until }));
}

function checkCharacter(scenario: Scenario, id: string): void {
  if (Object.hasOwn(scenario.characters, id)) return;
  const known = Object.keys(scenario.characters).sort();
  throw inputError(`--as: "${id}" is not a character of the scenario "${scenario.id}" (characters: ${known.join(", ")})`);
}

function chronicle(scenario: Scenario, world: World, o: { seed: number; whatIfs: string[]; as?: string; until?: string }): string {
  const name = (id: string) => nameOf(world, id);
  const entries = o.as === undefined ? world.log : viewFor(world, o.as).log;
  const lines: string[] = [];
  const variant = o.whatIfs.length > 0 ? `, what-if ${o.whatIfs.join(" + ")}` : "";
  lines.push(`${scenario.title} (seed ${o.seed}${variant})`);
  if (o.as !== undefined) lines.push(`As ${scenario.characters[o.as].name} knew it.`);
  lines.push("");
  const told = chronicleLines(entries, { until: o.until });
  lines.push(...(told.length > 0 ? told : ["(nothing on record in this period)"]));
  lines.push("");
  if (o.until !== undefined && o.until < world.end) {
    lines.push(`The chronicle stops at ${o.until}.`);
    return lines.join("\n");
  }
  const s = summarize(world);
  const leader = s.startingLeader === null ? "nobody" : name(s.startingLeader);
  const first = s.leader === null ? "nobody stands first" : `${name(s.leader)} is first in the leadership`;
  if (s.leaderRemoved) {
    const how = s.leaderRemovedBy === "force" ? "by force" : s.leaderRemovedBy === "plenum" ? "by a Central Committee plenum" : s.leaderRemovedBy === "session" ? "by the Presidium" : s.leaderRemovedBy === "death" ? "by death" : "";
    lines.push(`Outcome: ${leader} was removed${how ? ` ${how}` : ""}${s.removalDate ? ` on ${s.removalDate}` : ""}; at the end (${s.endDate}) ${first}.`);
  } else {
    lines.push(`Outcome: ${leader} keeps ${pronoun(world, s.startingLeader ?? "").his} place; at the end (${s.endDate}) ${first}.`);
  }
  const ending = epilogue(world, scenario.history);
  lines.push("", ending.sameOutcome ? "Compared with history (the same outcome, by another road):" : "Compared with history:");
  for (const l of ending.lines) lines.push(`${l.date}  ${l.text}`);
  lines.push("", ...trendLines(ending.trends, name));
  return lines.join("\n");
}
