// VALIDATION.md version 2 for october-1964 (outcomes, mechanisms and causes), through model/targets.yaml.
import { validateScenario } from "./validation-targets.js";

validateScenario("october-1964", 100, {
  "oct64-removal":
    "Khrushchev is removed in fewer than half the runs, not 55-90% (200 runs, seed 20261201: 44.0%, and 33.0% before a recruit reckoned with the odds at which a move is launched; 100 runs, seed 20261202: 36% against 30%; this file's 100 seeds: 38% against 31%). The moves that fail to launch still stall short of a Presidium majority. A lower cost for a plot found out in the forming (moves.risk.foundOut) raises removal further but gives the campaign too many contests: over six points of 100 runs (seed 20261202), removal went from 22% at 4.9 to 44% at 0.4 while era-contests fell from 0.89 to 0.67 (docs/research.md, what joining a move risks).",
  "oct64-stays-in-moscow":
    "Staying in Moscow raises removal by 2 to 8 points where it should lower it by 8 (200 runs, seed 20261201: +4.0, and +7.5 before a recruit reckoned with the odds at which a move is launched; this file's seeds: +3). Three things push it up. The trips from June add 0.06 to his prestige in all, about five of nine points on seed 13 before the confrontation. Without a trip to wait for, the movers strike sooner, and his presence in the room holds back only members not pledged. And away from Moscow he neither appoints nor overrules anyone, so at home he governs and aggrieves more: 1,884 appointments, 586 overrules and 301 moves started against 1,702, 507 and 249 (200 runs at dbd910e; docs/research.md, staying in Moscow).",
  "oct64-loyal-cc":
    "Raising Khrushchev's client shares among the regional and republican secretaries does not lower removal: he rarely appeals to the plenum after losing the Presidium vote (fights in under a fifth of contests), so the CC's loyalty is never tested.",
  "oct64-loyal-cc-plenum":
    "With a loyal CC he should survive through a plenum in at least a fifth of runs; he does not fight on, so the plenum is not reached (the same missing link as oct64-loyal-cc: his answer does not weigh the CC he would appeal to enough).",
  "oct64-stalinist-fear-moves":
    "Under lasting Stalinist fear 1.2 to 1.4 times as many moves start, not half as many (200 runs, seed 20261201: 1.28; this file's seeds: 1.33). The man who starts one now weighs what failing would cost him (as a recruit does), which cut the excess from 2.2 times, and none of those moves is launched; but per week of Khrushchev's rule as many start as without the fear, mostly in late 1964, when his discredit (moves.start.prestige) and the grievances against him outweigh the cost. Fear adds a cost but does not scale down the opportunity (docs/research.md, the cost of failing).",
});
