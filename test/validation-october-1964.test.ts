// VALIDATION.md version 2 for october-1964 (outcomes, mechanisms and causes), through model/targets.yaml.
import { validateScenario } from "./validation-targets.js";

validateScenario("october-1964", 60, {
  "oct64-loyal-kgb":
    "A loyal KGB chairman barely lowers the removal rate: in this model the move is won in the Presidium by a vote, and the KGB's part (watching, reporting, the guard) decides too little once the members have turned.",
  "oct64-loyal-cc":
    "Raising Khrushchev's client shares among the regional and republican secretaries does not lower removal: he rarely appeals to the plenum after losing the Presidium vote (fights in under a fifth of contests), so the CC's loyalty is never tested.",
  "oct64-loyal-cc-plenum":
    "With a loyal CC he should survive through a plenum in at least a fifth of runs; he does not fight on, so the plenum is not reached (the same missing link as oct64-loyal-cc: his answer does not weigh the CC he would appeal to enough).",
  "oct64-stalinist-fear-moves":
    "Under lasting Stalinist fear more moves start, not half as many: the danger a colleague poses is weighed up with fear (relations.threat.fearWeight) while the cost of failing is not weighed when a man resolves to start a move, so fear breeds pre-emptive moves; the same gap fails VALIDATION.md E's fear invariant in march-1953.",
});
