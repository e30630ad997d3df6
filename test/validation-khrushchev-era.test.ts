// VALIDATION.md version 2 for the campaign (khrushchev-era, 1953-1964), through model/targets.yaml.
// Forty runs: an eleven-year run costs about seven of the short scenarios'. The known misses below are
// findings about the model, not close calls (docs/research.md).
import { validateScenario } from "./validation-targets.js";

validateScenario("khrushchev-era", 40, {
  "era-contests":
    "About eight contests of moves a run (8.05 over 1,000 runs), more than eight in 39% of runs: most are colleagues moving against colleagues, and the target's low standing in the country (moves.start.prestige, meant for a discredited leader) invites moves against any colleague; counting it only for the first man meets the band but breaks VALIDATION.md E's fear invariant in june-1957 (docs/research.md, why the campaign has so many contests).",
  "era-khrushchev-falls":
    "Khrushchev, once first, has lost primacy by the end in about 89% of runs (100 runs, seed 20261201; 84% on this file's seeds, near the band's top): outvoted in the Presidium he mostly steps down, and when he appeals the CC elected at the XX Congress does not save him. His clients hold a fifth of it (era-circular-flow is met), but the other regional secretaries regard him barely above nothing (0.0 to 0.16, where june-1957 starts them at 0.4), so in a plenum they split, pledge to the majority while it waits and follow the hall (docs/research.md, why the CC of 1956 does not save him in the campaign).",
});
