// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, for placing runs on the scenario's weeks
// and months. Through epoch days, so no local clock or time zone can creep in.
const DAY_MS = 86_400_000;

export function epochDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoFromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoFromEpochDay(epochDay(iso) + days);
}

/** The scenario week (0 = the week starting on `start`) that contains `date`. */
export function weekIndex(start: string, date: string): number {
  return Math.floor((epochDay(date) - epochDay(start)) / 7);
}

/** How many weeks a run from `start` to `end` plays (the engine stops once a week ends after `end`). */
export function weeksBetween(start: string, end: string): number {
  return weekIndex(start, end) + 1;
}

/** Every month (YYYY-MM) from the month of `start` to the month of `end`, in order. */
export function monthsBetween(start: string, end: string): string[] {
  const months: string[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const last = end.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > last) return months;
    months.push(key);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "1964-10" -> "Oct 1964". */
export function monthLabel(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "1964-10-14" -> "14 Oct 1964". */
export function dateLabel(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${monthLabel(iso.slice(0, 7))}`;
}
