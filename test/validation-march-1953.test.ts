// VALIDATION.md version 2 for march-1953 (outcomes, mechanisms and causes), through model/targets.yaml.
import { validateScenario } from "./validation-targets.js";

validateScenario("march-1953", 60, {
  "mar53-vacancy-refill":
    "Seats left by the fallen are refilled within eight weeks in about half the cases, not 90%: in the three years after Stalin the first man proposes co-options less readily than the target asks (the co-option proposal competes with every other verb of his week). History is further still from the target here: after Beria's arrest the Presidium sat with nine full members from the plenum of July 1953 to that of July 1955, so the one vacancy of 1953 waited two years.",
});
