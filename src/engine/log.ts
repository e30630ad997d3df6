import type { Id, LogEntry, World } from "./state.js";

export type NewEntry = Omit<LogEntry, "seq" | "date">;

export function record(world: World, entry: NewEntry): LogEntry {
  const full: LogEntry = { seq: world.log.length, date: world.date, ...entry };
  if (Array.isArray(full.audience)) full.audience = [...new Set(full.audience)].sort();
  world.log.push(full);
  return full;
}

export function canKnow(entry: LogEntry, seat: Id): boolean {
  return entry.audience === "public" || entry.audience.includes(seat);
}

export function nameOf(world: World, id: Id): string {
  const p = world.principals[id];
  if (p) return p.name.split(" ").slice(-1)[0];
  return id;
}
