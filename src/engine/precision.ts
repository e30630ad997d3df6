// How precisely reasons are recorded: a fact of the log's format, not of the model.

/** Terms are kept to three decimals, so the logged terms add up exactly to the compared utility. */
export function termValue(value: number): number {
  return Math.round(value * 1000) / 1000;
}
