// The world as it stands at a pending decision. `advance` hands back the world as it was at the
// start of the suspended week (the week is re-run as decisions arrive), so what has already
// happened this week (the launch, the speeches and votes before a player's turn in the roll-call)
// is not in its log. Re-running the week up to the decision point recovers it; the run is
// deterministic, so the entries are exactly those the finished week will hold, in the same order.
import { DecisionNeeded, type DecisionContext } from "./ai/choice.js";
import { Rng } from "./rng.js";
import { runWeek } from "./turn.js";
import { copyWorld } from "./log.js";
import type { World } from "./state.js";

/**
 * The worlds at their questions that `advance` has in hand already: the week it played up to the
 * question is that world, so keeping it spares a second run of the week (a server's every turn).
 * Weak: it goes when the suspended world does.
 */
const played = new WeakMap<World, World>();

/** Called by `advance` with the suspended world it returns and the week it played up to the question. */
export function keepPresent(suspended: World, present: World): void {
  played.set(suspended, present);
}

/** The world at `world`'s pending decision. For looking at: it must not be changed. */
export function presentWorld(world: World): World {
  if (!world.awaiting || world.done) return world;
  const kept = played.get(world);
  if (kept) return kept;
  const partial = copyWorld(world);
  const ctx: DecisionContext = { world: partial, rng: new Rng(partial.rng), decisions: partial.pending, used: new Set() };
  try {
    runWeek(ctx);
  } catch (e) {
    if (e instanceof DecisionNeeded) {
      // This world is for looking at: decisions are still applied to `world` through `step`.
      partial.awaiting = world.awaiting;
      return partial;
    }
    throw e;
  }
  // The week ran to its end without asking: the awaited decision was not this week's (cannot
  // happen with a world produced by `advance`); show the world as given.
  return world;
}
