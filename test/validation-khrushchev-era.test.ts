// VALIDATION.md version 2 for the campaign (khrushchev-era, 1953-1964), through model/targets.yaml.
// Forty runs: an eleven-year run costs about seven of the short scenarios', and the misses below are
// many standard errors wide, not close calls.
import { validateScenario } from "./validation-targets.js";

validateScenario("khrushchev-era", 40, {
  "era-khrushchev-falls":
    "Khrushchev, once first, keeps primacy to the end in almost no run: he takes it within weeks of Stalin's death and is voted out of it within two or three years, before any CC he has packed can save him (docs/research.md, the campaign).",
  "era-contests":
    "About twelve contests of moves a run instead of two to eight: the hazard of starting a move, set for a crisis of one or two years, runs on for eleven, and nothing in the model makes a settled leadership quieter than a contested one (docs/research.md, the campaign).",
});
