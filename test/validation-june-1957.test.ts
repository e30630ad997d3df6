// VALIDATION.md version 2 for june-1957 (outcomes, mechanisms and causes), through model/targets.yaml.
import { validateScenario } from "./validation-targets.js";

validateScenario("june-1957", 60, {});
