// One CSV row per run, for R or pandas: RFC 4180 quoting, empty cells for "not applicable", dates as
// ISO, booleans as true/false.
import type { RunRecord } from "./run-record.js";

export const csvColumns = [
  "run",
  "seed",
  "variant",
  "what_ifs",
  "outcome",
  "left_office_date",
  "means",
  "launched_while_away",
  "plot_leader",
  "leader_at_end",
  "contests",
  "presidium_for",
  "presidium_against",
  "presidium_voters",
  "plenum_for_target",
  "plenum_against_target",
  "plenum_present",
  "fates",
] as const;

export function csvHeader(): string {
  return `${csvColumns.join(",")}\n`;
}

type Cell = string | number | boolean | null;

export function csvRow(r: RunRecord): string {
  const cells: Record<(typeof csvColumns)[number], Cell> = {
    run: r.run,
    seed: r.seed,
    variant: r.variant,
    what_ifs: r.whatIfs.join("+"),
    outcome: r.outcome,
    left_office_date: r.exitDate,
    means: r.means,
    launched_while_away: r.launchedWhileAway,
    plot_leader: r.plotLeader,
    leader_at_end: r.leaderAtEnd,
    contests: r.contests,
    presidium_for: r.presidium?.for ?? null,
    presidium_against: r.presidium?.against ?? null,
    presidium_voters: r.presidium?.voters ?? null,
    plenum_for_target: r.plenum?.forTarget ?? null,
    plenum_against_target: r.plenum?.againstTarget ?? null,
    plenum_present: r.plenum?.present ?? null,
    fates: r.fates.map((f) => `${f.who}:${f.fate}`).join(";"),
  };
  return `${csvColumns.map((c) => csvCell(cells[c])).join(",")}\n`;
}

export function csvCell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
