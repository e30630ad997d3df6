// `presidium montecarlo`: many seeded games of one scenario, all characters AI, aggregated as they
// finish (no world is kept). Run i uses the seed mixSeed(BASE, i), so any run can be replayed alone
// with `presidium run --seed <that seed>`.
import type { Command } from "commander";
import { fateLadder, type Scenario } from "../../engine/index.js";
import { outcomeKeys, type MonteCarloReport, type OutcomeKey } from "../../research/montecarlo.js";
import { runBatch } from "../../research/batch.js";
import type { Rate } from "../../research/interval.js";
import { checkWhatIfs, collect, parsePositiveInt, parseSeed } from "../options.js";
import { json, out } from "../output.js";
import { loadForCli, shortName } from "../scenario.js";

interface MonteCarloOptions {
  scenario: string;
  runs: string;
  seed: string;
  whatIf?: string[];
  json?: boolean;
}

export function registerMonteCarlo(program: Command): void {
  program
    .command("montecarlo")
    .description("run many seeded games with every character run by the AI and report how often each outcome happens")
    .requiredOption("--scenario <id|file>", "a shipped scenario id (see presidium scenarios) or a scenario file")
    .requiredOption("--runs <n>", "how many games (a positive whole number)")
    .option("--seed <base>", "base seed; run i uses the seed mixSeed(base, i)", "1")
    .option("--what-if <name>", "apply a named what-if of the scenario (repeatable)", collect)
    .option("--json", "print exactly one JSON object with the counts, rates and fates")
    .addHelpText(
      "after",
      [
        "",
        "Rates come with 95% Wilson intervals. The example seeds can be replayed one by one with",
        "presidium run --scenario ID --seed SEED.",
        "",
        "Examples:",
        "  presidium montecarlo --scenario october-1964 --runs 200",
        "  presidium montecarlo --scenario october-1964 --runs 1000 --what-if loyal-kgb --json",
      ].join("\n"),
    )
    .action((opts: MonteCarloOptions) => monteCarloCommand(opts));
}

function monteCarloCommand(opts: MonteCarloOptions): void {
  const runs = parsePositiveInt(opts.runs, "--runs");
  const baseSeed = parseSeed(opts.seed, "--seed");
  const whatIfs = checkWhatIfs(opts.whatIf ?? []);
  const { scenario } = loadForCli(opts.scenario, whatIfs);

  const progress = process.stderr.isTTY && !opts.json ? (i: number) => (i % 10 === 0 ? process.stderr.write(`\r  run ${i}/${runs}`) : undefined) : undefined;
  const report = runBatch(scenario, { runs, baseSeed, whatIfs }, progress);
  if (progress) process.stderr.write("\r\x1b[K");
  if (opts.json) return json({ ...report, history: scenario.history.outcome });
  out(table(scenario, report, opts.scenario));
}

const labels: Record<OutcomeKey, string> = {
  leaderRemoved: "leader removed",
  removedByVote: "  by a vote",
  removedByForce: "  by force",
  removedWhileAway: "  while away from Moscow",
  successorWasPlotter: "successor was a plotter",
  presidiumMovesAgainstLeader: "Presidium majority against him",
  survivedViaPlenum: "saved by a CC plenum",
  removedAfterPresidiumMove: "removed after a Presidium move",
};

function pct(x: number | null): string {
  return x === null ? "-" : `${(100 * x).toFixed(1)}%`;
}

function rateRow(label: string, r: Rate): string {
  const ci = r.low === null || r.high === null ? "" : `${pct(r.low)} - ${pct(r.high)}`;
  return `${label.padEnd(34)}${String(r.count).padStart(7)}${pct(r.rate).padStart(9)}   ${ci}`;
}

function table(scenario: Scenario, r: MonteCarloReport, given: string): string {
  const name = (id: string) => shortName(scenario, id);
  const lines: string[] = [];
  const variant = r.whatIfs.length > 0 ? `, what-if ${r.whatIfs.join(" + ")}` : "";
  lines.push(`${scenario.title}: ${r.runs} runs (base seed ${r.baseSeed}${variant})`, "");
  lines.push(`${"outcome".padEnd(34)}${"runs".padStart(7)}${"rate".padStart(9)}   95% interval`);
  for (const key of outcomeKeys) lines.push(rateRow(labels[key], r.rates[key]));
  lines.push("");
  lines.push(`plots started: ${r.plotsStarted} (${r.plotsPerRun === null ? "-" : r.plotsPerRun.toFixed(2)} a run); contests: ${r.contests}`);
  lines.push(rateRow(`plenums lopsided (>= 80%) of ${r.plenums}`, r.rates.lopsidedPlenums));

  const h = scenario.history.outcome;
  lines.push("", `History: ${h.leaderRemoved ? `${name(h.newFirstSecretary)} replaced the leader (${h.means}${h.leaderFate !== "none" ? `, ${h.leaderFate}` : ""})` : "the leader kept his post"}.`);

  const counted = (o: Record<string, number>) => Object.entries(o).map(([id, n]) => `${name(id)} ${n}`).join(", ");
  if (Object.keys(r.successors).length > 0) lines.push(`Successors: ${counted(r.successors)}`);
  if (Object.keys(r.plotLeaders).length > 0) lines.push(`Plot leaders of a removal: ${counted(r.plotLeaders)}`);
  if (Object.keys(r.removalDates).length > 0) {
    lines.push("", "Removals by month:");
    const most = Math.max(...Object.values(r.removalDates));
    for (const [month, n] of Object.entries(r.removalDates)) lines.push(`  ${month}  ${String(n).padStart(5)}  ${"#".repeat(Math.max(1, Math.round((40 * n) / most)))}`);
  }

  const ids = Object.keys(r.fates);
  if (ids.length > 0) {
    lines.push("", "Fates of those who lost a contest:");
    lines.push(`  ${"".padEnd(14)}${fateLadder.map((f) => f.padStart(11)).join("")}`);
    for (const id of ids) lines.push(`  ${name(id).padEnd(14)}${fateLadder.map((f) => String(r.fates[id][f]).padStart(11)).join("")}`);
  }
  lines.push("", `Example seeds (presidium run --scenario ${given} --seed N${r.whatIfs.map((w) => ` --what-if ${w}`).join("")}):`);
  lines.push(`  leader removed:  ${r.exampleSeeds.removed.join(" ") || "-"}`);
  lines.push(`  leader survived: ${r.exampleSeeds.survived.join(" ") || "-"}`);
  return lines.join("\n");
}
