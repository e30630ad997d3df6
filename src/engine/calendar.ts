// Dates are ISO strings (YYYY-MM-DD) in UTC; arithmetic goes through epoch days so no local clock
// or time zone can creep in.
const DAY_MS = 86_400_000;

export function toDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
