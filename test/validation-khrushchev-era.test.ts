// VALIDATION.md version 2 for the campaign (khrushchev-era, 1953-1964), through model/targets.yaml.
// Forty runs: an eleven-year run costs about seven of the short scenarios'. The known misses below are
// findings about the model, not close calls (docs/research.md).
import { validateScenario } from "./validation-targets.js";

validateScenario("khrushchev-era", 40, {
  "era-contests":
    "About eight contests of moves a run (8.05 over 1,000 runs), more than eight in 39% of runs: most are colleagues moving against colleagues, and the target's low standing in the country (moves.start.prestige, meant for a discredited leader) invites moves against any colleague; counting it only for the first man meets the band but breaks VALIDATION.md E's fear invariant in june-1957 (docs/research.md, why the campaign has so many contests).",
  "era-khrushchev-falls":
    "Khrushchev, once first, has lost primacy by the end in about 93% of runs (200 runs, seed 20261201): a move against the first man carries the Presidium 8 to 2 or 9 to 1 however long he has ruled; warned of it, his purge of the organiser carries with a few percent odds, and the men he co-opts, even into the new seats of his consolidation, join moves against him once pledged (docs/research.md, why the campaign has so many contests; the winner's consolidation).",
});
