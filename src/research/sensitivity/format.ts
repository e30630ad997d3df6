// Numbers as people read them in reports and verdicts: three significant digits, a dash for
// "no value", never the text "NaN".

/** Three significant digits without trailing zeros; "–" for NaN or infinities, so a report never prints "NaN". */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return "–";
  const r = Number(x.toPrecision(digits));
  return String(r === 0 ? 0 : r);
}
