// Readings taken from every cadre's place (clientShares, clientRows) cost a pass over the whole elite
// with map lookups for each member, and are asked for again with every new reading of power (at
// least weekly) though the cadres seldom move: only an appointment, a congress or a fall moves them.
// A CadreStanding records the fields such a reading rests on as they stood when it was taken, so that
// the next asker can tell in one plain pass whether the last reading still holds.
import type { Cadre, Id } from "./state.js";

export class CadreStanding {
  private readonly members: readonly Cadre[];
  private readonly patrons: (Id | null)[];
  private readonly slots: (Id | null)[];
  private readonly seats: Cadre["seat"][];
  private readonly rows: Id[];

  constructor(cadres: readonly Cadre[]) {
    this.members = [...cadres];
    this.patrons = cadres.map((c) => c.patron);
    this.slots = cadres.map((c) => c.slot);
    this.seats = cadres.map((c) => c.seat);
    this.rows = cadres.map((c) => c.row);
  }

  /** Whether `cadres` are the same members in the same order, each with the patron, slot, seat and row recorded. */
  holds(cadres: readonly Cadre[]): boolean {
    if (cadres.length !== this.members.length) return false;
    for (let i = 0; i < cadres.length; i++) {
      const c = cadres[i];
      if (c !== this.members[i] || c.patron !== this.patrons[i] || c.slot !== this.slots[i] || c.seat !== this.seats[i] || c.row !== this.rows[i]) return false;
    }
    return true;
  }
}

/**
 * A reading of the cadres kept beside the standing it was taken from, per cadre list: `read` runs
 * again only when a cadre has moved since.
 */
export class CadreReading<T> {
  private readonly last = new WeakMap<readonly Cadre[], { standing: CadreStanding; value: T }>();

  constructor(private readonly read: (cadres: readonly Cadre[]) => T) {}

  of(cadres: readonly Cadre[]): T {
    const last = this.last.get(cadres);
    if (last && last.standing.holds(cadres)) return last.value;
    const value = this.read(cadres);
    this.last.set(cadres, { standing: new CadreStanding(cadres), value });
    return value;
  }
}
