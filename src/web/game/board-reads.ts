// The board's reads, as the seat may show them (pure functions: the web unit tests call them). The
// player's own row says what he knows of himself: a man in a move against the first man is against
// him, whatever his private opinion of the man; every other row is the seat's read, from what it
// observes (the server's estimates).
import type { BoardRow, MoveEstimate, PrincipalView, Read, SeatView } from "../../server/api-types.js";
import { pronounsFor, type Names } from "../format.js";

/** The moves the seat is in against the first man, from its own knowledge. */
export function ownMovesAgainst(moves: SeatView["movesKnown"], leader: string | null, seat: string): SeatView["movesKnown"] {
  if (leader === null || leader === seat) return [];
  return moves.filter((m) => m.member && m.target === leader);
}

/**
 * The board's rows with the seat's own stance told truthfully: in a move against the first man he
 * is against him (-1, no doubt about it); otherwise his own opinion of the man, as the server sends it.
 */
export function boardRowsForSeat(rows: readonly BoardRow[], moves: SeatView["movesKnown"], leader: string | null, seat: string, names: Names): BoardRow[] {
  const mine = ownMovesAgainst(moves, leader, seat);
  if (!mine.length || leader === null) return [...rows];
  const stance: Read = { value: -1, spread: 0, basis: [{ term: `you are in a move against ${names(leader)}`, value: -1 }] };
  return rows.map((r) => (r.id === seat ? { ...r, stance } : r));
}

/**
 * The Presidium as the seat counts it for a move, saying whether the target votes on his own case
 * (the server's `votesInPresidium`, the rules' own count; the reason is only put into words here).
 */
export function presidiumCountText(m: Pick<MoveEstimate, "target" | "presidium">, target: PrincipalView | null, names: Names): string {
  const who = names(m.target);
  const c = m.presidium;
  const head = `In the Presidium you count ${c.counted} sure votes and expect ${c.expected.toFixed(1)}; ${c.needed} of ${c.voters} are needed`;
  const they = pronounsFor(target?.gender);
  const why = !target ? "" : !target.alive || target.fate ? `${they.he} is out of it` : target.incapacitated ? `too ill to work, ${they.he} cannot vote` : target.presidium === "candidate" ? "a candidate member has no vote" : target.presidium === "none" ? `${they.he} has no seat in it` : "";
  const own = target?.votesInPresidium ? `, ${who}'s own vote against among the ${c.voters}` : `; ${who} does not vote on ${they.his} own case (${why || `${they.he} has no vote`})`;
  return `${head}${own}. A tie keeps ${they.him}.`;
}
