// VALIDATION.md version 2 for march-1953 (outcomes, mechanisms and causes), through model/targets.yaml.
import { validateScenario } from "./validation-targets.js";

validateScenario("march-1953", 60, {});
