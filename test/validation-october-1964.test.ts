// VALIDATION.md version 2 for october-1964 (outcomes, mechanisms and causes), through model/targets.yaml.
import { validateScenario } from "./validation-targets.js";

validateScenario("october-1964", 60, {
  "oct64-loyal-kgb":
    "A loyal KGB chairman barely lowers the removal rate: in this model the move is won in the Presidium by a vote, and the KGB's part (watching, reporting, the guard) decides too little once the members have turned.",
  "oct64-loyal-cc":
    "Raising Khrushchev's client shares among the regional and republican secretaries does not lower removal: he rarely appeals to the plenum after losing the Presidium vote (fights in under a fifth of contests), so the CC's loyalty is never tested.",
  "oct64-loyal-cc-plenum":
    "With a loyal CC he should survive through a plenum in at least a fifth of runs; he does not fight on, so the plenum is not reached (the same missing link as oct64-loyal-cc: his answer does not weigh the CC he would appeal to enough).",
});
