// The seat this browser holds, kept across reloads (the token is the only proof of the seat).
import type { Seat } from "./api.js";

const KEY = "presidium.seat";

export function loadSeat(): Seat | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const seat = JSON.parse(raw) as Partial<Seat>;
    return typeof seat.gameId === "string" && typeof seat.seat === "string" && typeof seat.token === "string" ? (seat as Seat) : null;
  } catch {
    return null;
  }
}

export function storeSeat(seat: Seat | null): void {
  try {
    if (seat) localStorage.setItem(KEY, JSON.stringify(seat));
    else localStorage.removeItem(KEY);
  } catch {
    // Private browsing without storage: the game still plays, it just will not survive a reload.
  }
}
