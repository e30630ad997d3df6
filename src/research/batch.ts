// Many seeded games of one scenario, every character played by the AI, folded into a tally as they
// finish. Run i always uses the seed mixSeed(baseSeed, i), whoever runs it.
import { mixSeed, simulate, summarize, type Scenario } from "../engine/index.js";
import { addRun, emptyTally, finalize, type MonteCarloReport } from "./montecarlo.js";

export interface BatchOptions {
  runs: number;
  baseSeed: number;
  /** Recorded in the report; the scenario passed in must already have them applied. */
  whatIfs: readonly string[];
}

export function runBatch(scenario: Scenario, options: BatchOptions, onRun?: (done: number) => void): MonteCarloReport {
  const tally = emptyTally({ scenario: scenario.id, whatIfs: options.whatIfs, baseSeed: options.baseSeed });
  for (let i = 0; i < options.runs; i++) {
    const world = simulate(scenario, { seed: mixSeed(options.baseSeed, i), whatIfs: [...options.whatIfs] });
    addRun(tally, summarize(world));
    onRun?.(i + 1);
  }
  return finalize(tally);
}
