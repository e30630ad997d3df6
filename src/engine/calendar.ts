// Dates are ISO strings (YYYY-MM-DD) in UTC; arithmetic goes through epoch days so no local clock
// or time zone can creep in.
const DAY_MS = 86_400_000;

/** One turn of the game. */
export const WEEK_DAYS = 7;

/** Days since 1970-01-01 for a YYYY-MM-DD string, by the civil-calendar formula (no Date parsing in the hot path). */
export function toDay(iso: string): number {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  // A run asks for the same few dates over and over (next week, ten weeks back); memoise them, by
  // date and then by shift, so that asking builds no key.
  let from = shifted.get(iso);
  if (from === undefined) {
    if (shifted.size > 50_000) shifted.clear();
    shifted.set(iso, (from = new Map()));
  }
  let out = from.get(days);
  if (out === undefined) {
    out = fromDay(toDay(iso) + days);
    from.set(days, out);
  }
  return out;
}

const shifted = new Map<string, Map<number, string>>();

export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** 1963-07-08 -> 8 July 1963: dates as players read them. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
