// VALIDATION.md version 2 for the campaign (khrushchev-era, 1953-1964), through model/targets.yaml.
// Forty runs: an eleven-year run costs about seven of the short scenarios'. No target is a known miss
// (docs/research.md, the warned man's counter).
import { validateScenario } from "./validation-targets.js";

validateScenario("khrushchev-era", 40, {});
