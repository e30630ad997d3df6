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

/** A read of -1..1 in one of five words, strongest first. */
function onScale(value: number, words: readonly [string, string, string, string, string]): string {
  if (value >= 0.45) return words[0];
  if (value >= 0.15) return words[1];
  if (value > -0.15) return words[2];
  if (value > -0.45) return words[3];
  return words[4];
}

export function stanceWord(value: number): string {
  return onScale(value, ["loyal", "leans loyal", "wavering", "leans against", "hostile"]);
}

export function regardWord(value: number): string {
  return onScale(value, ["warm", "friendly", "neutral", "cool", "hostile"]);
}

export const fateWords: Record<string, string> = {
  retired: "retired on a pension",
  demoted: "demoted to a minor post far from Moscow",
  expelled: "expelled from the Central Committee and the party",
  imprisoned: "arrested and imprisoned",
  executed: "arrested, tried and shot",
};
