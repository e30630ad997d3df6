// Numbers as people read them in reports and verdicts: three significant digits, a dash for
// "no value", never the text "NaN".

/**
 * Below this size a figure is the residue of floating-point sums that cancel (the spread of equal
 * elementary effects comes out as 1.11e-16): it is shown as 0. The studies' figures (rates, means,
 * parameter values, indices) are never meaningfully this small.
 */
const RESIDUE = 1e-12;

/** Three significant digits without trailing zeros; "–" for NaN or infinities, so a report never prints "NaN". */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return "–";
  if (Math.abs(x) < RESIDUE) return "0";
  const r = Number(x.toPrecision(digits));
  return String(r === 0 ? 0 : r);
}
