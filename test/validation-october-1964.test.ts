// VALIDATION.md version 2 for october-1964 (outcomes, mechanisms and causes), through model/targets.yaml.
import { validateScenario } from "./validation-targets.js";

validateScenario("october-1964", 60, {
  "oct64-loyal-kgb":
    "A loyal KGB chairman lowers removal by about 13 points (300 runs, seed 13), not 25. The chairman now follows his patron into a move (Semichastny followed Shelepin), and a loyal one takes that away; but the move is won by a vote in the Presidium, and the warnings a loyal chief passes on change little: Khrushchev dismisses most, and when he believes one he has no counter-move that works (a purge needs a Presidium majority he lacks).",
  "oct64-stays-in-moscow":
    "Staying in Moscow raises removal by about 9 points (300 runs, seed 13: 40.7% to 49.3%) where it should lower it by 8; this file's seeds pass by chance. About five of the nine points are the trips' prestige (0.06 in all from June; with it set to zero the difference is +3.3 points); the rest is that without a trip to wait for, the movers strike sooner, and his presence in the room holds back only members not pledged (docs/research.md, staying in Moscow).",
  "oct64-loyal-cc":
    "Raising Khrushchev's client shares among the regional and republican secretaries does not lower removal: he rarely appeals to the plenum after losing the Presidium vote (fights in under a fifth of contests), so the CC's loyalty is never tested.",
  "oct64-loyal-cc-plenum":
    "With a loyal CC he should survive through a plenum in at least a fifth of runs; he does not fight on, so the plenum is not reached (the same missing link as oct64-loyal-cc: his answer does not weigh the CC he would appeal to enough).",
  "oct64-stalinist-fear-moves":
    "Under lasting Stalinist fear about 1.5 times as many moves start, not half as many. The man who starts one now weighs what failing would cost him (as a recruit does), which cut the excess from 2.2 times, and none of those moves is launched; but per week of Khrushchev's rule as many start as without the fear, mostly in late 1964, when his discredit (moves.start.prestige) and the grievances against him outweigh the cost. Fear adds a cost but does not scale down the opportunity (docs/research.md, the cost of failing).",
});
