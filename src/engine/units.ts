// Facts of the scales the model uses, not coefficients: they stay out of the parameter file.

/** Ideology runs from -1 (reformer) to +1 (orthodox): two units end to end. */
export const IDEOLOGY_SPAN = 2;

/** More than half: a tie is no majority (and keeps the status quo). */
export function isMajority(part: number, whole: number): boolean {
  return part * 2 > whole;
}

/** The smallest number of votes that is a majority of `n`. */
export function majorityOf(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** A vote share's margin over half (-0.5..0.5) doubled runs over -1..1. */
export const VOTE_MARGIN_SPAN = 2;
