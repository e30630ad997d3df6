// VALIDATION.md version 2 for the campaign (khrushchev-era, 1953-1964), through model/targets.yaml.
// Forty runs: an eleven-year run costs about seven of the short scenarios', and the misses below are
// many standard errors wide, not close calls.
import { validateScenario } from "./validation-targets.js";

validateScenario("khrushchev-era", 40, {
  "era-khrushchev-falls":
    "Khrushchev, once first, keeps primacy to the end in almost no run: he takes it within weeks of Stalin's death and is voted out of it within two or three years, before any CC he has packed can save him (docs/research.md, the campaign).",
  "era-contests":
    "About seven contests of moves a run, two to eight in 60% of runs instead of 80%: since a colleague's fallen prestige no longer invites the next move (the chain of contests against the last loser), most are colleagues against colleagues that the first man cannot stop; nothing yet makes a settled leadership quieter than a contested one (docs/research.md, why the campaign has so many contests).",
});
