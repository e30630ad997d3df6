// What a seat is sent: its view of the game as it stands (viewFor on the world at the pending
// decision), estimates worked out from that view, what each option of its question would bring (with
// its own odds), its goals, and the public outcome and the seed once the game is over. Nothing else
// from the world leaves the server, and no engine move id: each is sent as the game's alias of it
// (move-aliases.ts), since the engine's ids are drawn from the seeded generator.
import { canKnow, publicOutcome, seatEstimates, viewFor, type World } from "../engine/index.js";
// The seat's own readings beyond the engine's index (they are the player's, not the rules').
import { goalsOf, optionOutcomes, speechProse } from "../engine/player.js";
import type { SeatResponse } from "./api-types.js";
import type { GameService, LiveGame } from "./games.js";

/**
 * The seat's response (a SeatResponse) as the JSON text sent. `since`: how many log entries the
 * client already holds; only the rest are sent.
 */
export function seatResponseJson(games: GameService, game: LiveGame, seat: string, since = 0): string {
  const world = games.present(game);
  const response: SeatResponse = {
    game: {
      id: game.id,
      scenario: game.scenarioId,
      ...(world.done ? { seed: game.seed } : {}),
      whatIfs: [...game.whatIfs],
      settings: game.settings.map((s) => ({ ...s })),
      seat,
      humanSeats: [...game.humanSeats],
      decisions: game.decisions.length,
      autosave: game.autosave,
    },
    ...seatWorldResponse(world, seat, since, game.turnFrom),
  };
  return game.aliases.json(response);
}

/**
 * Everything in a seat's response that comes from the world (`world`: as it stands at the pending
 * decision), before the engine's move ids are replaced by aliases. Also used by the secrecy tests,
 * which check it for every character at every week of scripted games. `turnFrom`: the length of the
 * world's log when the last decision was asked (LiveGame.turnFrom; null before any), told to the seat
 * as the length of its own log then (its whole log before any decision: no turn has brought news).
 */
export function seatWorldResponse(world: World, seat: string, since = 0, turnFrom: number | null = null): Omit<SeatResponse, "game"> {
  const { log, ...view } = viewFor(world, seat);
  const from = Math.min(Math.max(0, since), log.length);
  let seatTurnFrom = turnFrom === null ? log.length : 0;
  for (let i = 0; i < (turnFrom ?? 0); i++) if (canKnow(world.log[i], seat)) seatTurnFrom++;
  const speeches = Object.fromEntries(Object.entries(speechProse(world, seat)).filter(([i]) => Number(i) >= from));
  return {
    view: { ...view, log: log.slice(from), logFrom: from, logLength: log.length, turnFrom: seatTurnFrom },
    estimates: seatEstimates(world, seat),
    outcomes: optionOutcomes(world, seat),
    goals: goalsOf(world, seat),
    speeches,
    outcome: world.done ? publicOutcome(world) : null,
  };
}
