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
    "Under lasting Stalinist fear about 1.5 times as many moves start, not half as many. The man who starts one now weighs what failing would cost him (as a recruit does), which cut the excess from 2.2 times, and none of those moves is launched; but per week of Khrushchev's rule as many start as without the fear, mostly in late 1964, when his discredit (moves.start.prestige) and the grievances against him outweigh the cost. Fear adds a cost but does not scale down the opportunity (docs/research.md, the cost of failing).",
});
