// The norm of collective leadership. After Stalin the leadership bound itself to rule together: in
// March 1953 Malenkov had to give up the Secretariat within days of taking it with the premiership, and
// in October 1964 the charge against Khrushchev was the "violation of collective leadership" by a man
// who held both top posts and decided alone. A first man who stands far above his colleagues wears out
// their goodwill week by week, whatever he does to them in particular. His own clients are worn as much
// as anyone: the men who removed Khrushchev owed him their posts. Fear holds the wear back (under
// terror a dominant man is feared, not resented), a judgement that sits beside the motive's own damping
// of disaffection by fear (moves.start.fearDamps): the two compound. March 1953 shows the norm biting
// even at high fear, by insistence in the Presidium rather than by a move; that case is not modelled
// here. The wear is a stock: it stays after his dominance falls; courting a colleague wins it back, and
// giving up a post (governing.ts) is taken as a gesture. The news says once of each first man that the norm bites.
import { clamp, inPlay, regardOf } from "../queries.js";
import { dominance } from "../power.js";
import { nameOf, pronoun, record } from "../log.js";
import type { Id, World } from "../state.js";

/** Weekly: each colleague of the first man (Presidium and Secretariat) thinks less of him as far as he stands above the norm. */
export function collectiveLeadership(world: World): void {
  const first = world.primacy;
  if (first === null) return;
  const k = world.params.relations.collective;
  const beyond = beyondTheNorm(world, first);
  if (beyond <= 0) return;
  // The talk starts once for each first man: a dominance that hovers about the norm is not news weekly.
  if (world.memory.normBites !== first) {
    world.memory.normBites = first;
    const they = pronoun(world, first);
    record(world, { type: "collective-leadership", audience: "public", actor: first, text: `It is said in the Central Committee's corridors that ${nameOf(world, first)} decides everything ${they.himself} now: ${they.he} stands far above ${they.his} colleagues, and after Stalin the leadership was to rule together.` });
  }
  const wear = k.resentment * beyond * (1 - world.globals.fear);
  for (const id of world.order) {
    const p = world.principals[id];
    if (id === first || !inPlay(p) || (p.presidium === "none" && !p.secretary)) continue;
    p.regard[first] = clamp(regardOf(p, first) - wear, -1, 1);
  }
}

/** How far a man's dominance stands above what his colleagues tolerate (negative below it). */
export function beyondTheNorm(world: World, id: Id): number {
  return dominance(world, id) - world.params.relations.collective.tolerated;
}
