/** A scenario that cannot be used; each issue is one line, `FILE:LINE:COL: field.path: message`. */
export class ScenarioError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(issues.join("\n"));
    this.name = "ScenarioError";
  }
}
