// The seat this browser holds, kept across reloads (the token is the only proof of the seat), and
// whether the player has put away the crisis scenes of the game's last turn.
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

const PUT_AWAY_KEY = "presidium.scenes-put-away";

/**
 * The player put away the crisis scenes of this game's turn (`decisions`: how many decisions the game
 * had then): a reload of that turn opens on the week, as the page was, not on the scenes again.
 */
export function markScenesPutAway(gameId: string, decisions: number): void {
  try {
    localStorage.setItem(PUT_AWAY_KEY, JSON.stringify({ gameId, decisions }));
  } catch {
    // Without storage a reload shows the turn's scenes again: the player puts them away once more.
  }
}

export function scenesPutAway(gameId: string, decisions: number): boolean {
  try {
    const kept = JSON.parse(localStorage.getItem(PUT_AWAY_KEY) ?? "null") as { gameId?: unknown; decisions?: unknown } | null;
    return kept?.gameId === gameId && kept.decisions === decisions;
  } catch {
    return false;
  }
}
