// VALIDATION.md version 2 for march-1953 (outcomes, mechanisms and causes), through model/targets.yaml.
import { validateScenario } from "./validation-targets.js";

validateScenario("march-1953", 60, {
  "mar53-vacancy-refill":
    "Seats left open are refilled within eight weeks in 2 of 7 cases on this file's seeds (12 of 23 before the police chief's organs weighed on the session instead of the arrest, 2 December). Every seat left open longer has nobody left to fill it: in 4 of the 60 runs an arrest of Beria fails and he has the 10 to 17 men of the move shot, and in 1 other a move of 11 men against Malenkov fails in January 1955 and all 11 are demoted or expelled; no candidate member, secretary or holder of a post is then left outside the full seats. Refilling from the Central Committee, a generated cadre entering the leadership (issue 12), is the missing mechanism. History is further still from the target here: after Beria's arrest the Presidium sat with nine full members from the plenum of July 1953 to that of July 1955, so the one vacancy of 1953 waited two years.",
});
