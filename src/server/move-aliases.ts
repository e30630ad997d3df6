// The engine names each move `m-` and eight hex digits drawn from the seeded generator's "ids"
// stream. A seat that saw one such id could search the 2^32 seeds for the one whose stream starts
// with it and re-run the whole game offline; the order of the ids would also tell how many moves came
// before. So no engine id leaves the server: in everything a seat is sent, each one is replaced by an
// alias, `m-` and twelve hex digits of HMAC-SHA256(the game's secret, id), the same for the whole
// game (a seat can still tell one move from another), and unrelated to the seed or to any other
// game. Aliases coming back in an action are turned into the engine's ids before the engine sees them.
import { createHmac, randomBytes } from "node:crypto";
import { HttpError } from "./http-errors.js";

/** An engine move id wherever it stands in a text (not inside a longer word or alias). */
export const ENGINE_MOVE_ID = /(?<![A-Za-z0-9])m-[0-9a-f]{8}(?![A-Za-z0-9])/g;
/** An alias as sent to seats: longer than an engine id, so neither can be taken for the other. */
export const MOVE_ALIAS = /(?<![A-Za-z0-9])m-[0-9a-f]{12}(?![A-Za-z0-9])/g;

const ALIAS_HEX_DIGITS = 12;

/** A new game's secret: 32 random bytes, as text (it is stored with the game, never sent). */
export function newAliasSecret(): string {
  return randomBytes(32).toString("base64url");
}

export class MoveAliases {
  private readonly key: Buffer;
  private readonly cache = new Map<string, string>();

  /** `secret`: the game's, as stored with it (never sent). */
  constructor(readonly secret: string) {
    this.key = Buffer.from(secret, "base64url");
    if (this.key.length < 16) throw new Error("a game's alias secret must hold at least 16 bytes");
  }

  /** The alias of one engine id. */
  alias(engineId: string): string {
    let alias = this.cache.get(engineId);
    if (alias === undefined) {
      alias = `m-${createHmac("sha256", this.key).update(engineId).digest("hex").slice(0, ALIAS_HEX_DIGITS)}`;
      this.cache.set(engineId, alias);
    }
    return alias;
  }

  /** A text with every engine move id in it replaced by its alias. */
  text(text: string): string {
    return text.replace(ENGINE_MOVE_ID, (id) => this.alias(id));
  }

  /**
   * A JSON value as JSON text, with every engine move id in it (in any string, as a value or a key,
   * at any depth) replaced by its alias. Done on the JSON text, so no field can be missed; the text
   * is what is sent.
   */
  json(value: unknown): string {
    return this.text(JSON.stringify(value));
  }

  /**
   * An action's field with each alias in it turned back into the engine's id. `moves`: the ids of
   * every move of the game (the engine never forgets one). An alias of no move of this game, or an
   * engine id sent as it is (a seat is never given one), is refused with 400.
   */
  resolve(text: string, moves: readonly string[]): string {
    const engineIds = text.match(ENGINE_MOVE_ID);
    if (engineIds) throw unknownMove(engineIds[0]);
    if (!MOVE_ALIAS.test(text)) return text;
    MOVE_ALIAS.lastIndex = 0;
    const byAlias = new Map(moves.map((id) => [this.alias(id), id]));
    return text.replace(MOVE_ALIAS, (alias) => {
      const id = byAlias.get(alias);
      if (id === undefined) throw unknownMove(alias);
      return id;
    });
  }
}

function unknownMove(id: string): HttpError {
  return new HttpError(400, "unknown-move", `"${id}" names no move of this game: answer with the ids of the question as this game's last response gave them (reload to see where the game stands)`);
}
