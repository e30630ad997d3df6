// Small formatting helpers shared by the screens.
import type { PrincipalView } from "../server/api-types.js";

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** 1963-07-08 -> 8 July 1963 */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${months[m - 1]} ${y}`;
}

export function percent(x: number): string {
  if (x > 0 && x < 0.001) return "under 0.1%";
  if (x > 0 && x < 0.01) return `${(x * 100).toFixed(1)}%`;
  return `${Math.round(x * 100)}%`;
}

export function signed(x: number, digits = 2): string {
  const s = x.toFixed(digits);
  return x >= 0 ? `+${s}` : s;
}

export type Names = (id: string) => string;

export function namesOf(principals: readonly PrincipalView[]): Names {
  const map = new Map(principals.map((p) => [p.id, p.name]));
  return (id: string) => map.get(id) ?? id;
}

export function surname(name: string): string {
  return name.split(" ").slice(-1)[0];
}

/** A read of -1..1 in words. */
export function stanceWord(value: number): string {
  if (value >= 0.45) return "loyal";
  if (value >= 0.15) return "leans loyal";
  if (value > -0.15) return "wavering";
  if (value > -0.45) return "leans against";
  return "hostile";
}

export function regardWord(value: number): string {
  if (value >= 0.45) return "warm";
  if (value >= 0.15) return "friendly";
  if (value > -0.15) return "neutral";
  if (value > -0.45) return "cool";
  return "hostile";
}

export const fateWords: Record<string, string> = {
  retired: "retired on a pension",
  demoted: "demoted to a minor post far from Moscow",
  expelled: "expelled from the Central Committee and the party",
  imprisoned: "arrested and imprisoned",
  executed: "arrested, tried and shot",
};
