// The error a save is refused with; its message is meant for the player.

/** Why a save cannot be used; the message is meant for the player. */
export class SaveError extends Error {}
