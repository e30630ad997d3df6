// `presidium scenarios [--json]`: the scenarios shipped in scenarios/.
import type { Command } from "commander";
import { listScenarios } from "../../scenarios/catalog.js";
import { loadScenarioFile, ScenarioError } from "../../scenarios/load.js";
import { json, out } from "../output.js";

interface Listed {
  id: string;
  title: string;
  start: string;
  end: string;
  file: string;
  whatIfs: { id: string; title: string | null }[];
  /** Problems found when the file was loaded (empty when it is valid). */
  problems: string[];
}

export function listShipped(): Listed[] {
  return listScenarios().map((s) => {
    let titles: Record<string, string> = {};
    let problems: string[] = [];
    try {
      const { scenario } = loadScenarioFile(s.file);
      titles = Object.fromEntries(Object.entries(scenario.whatIfs).map(([id, w]) => [id, w.title]));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems = [...error.issues];
    }
    return { id: s.id, title: s.title, start: s.start, end: s.end, file: s.file, whatIfs: s.whatIfs.map((id) => ({ id, title: titles[id] ?? null })), problems };
  });
}

export function registerScenarios(program: Command): void {
  program
    .command("scenarios")
    .description("list the shipped scenarios: id, title, dates and what-ifs")
    .option("--json", "print a JSON array instead of a table")
    .addHelpText("after", "\nExample:\n  presidium scenarios\n  presidium scenarios --json")
    .action((opts: { json?: boolean }) => {
      const list = listShipped();
      if (opts.json) return json(list);
      if (list.length === 0) return out("No scenarios are shipped (the scenarios/ folder is empty or missing).");
      for (const s of list) {
        out(`${s.id}  ${s.start} to ${s.end}  ${s.title}`);
        for (const w of s.whatIfs) out(`    --what-if ${w.id}${w.title ? `  ${w.title}` : ""}`);
        if (s.problems.length > 0) out(`    (does not load: ${s.problems.length} problem${s.problems.length > 1 ? "s" : ""}; see presidium validate ${s.id})`);
      }
      out("\nRun one with: presidium run --scenario ID --seed N [--what-if NAME]");
    });
}
