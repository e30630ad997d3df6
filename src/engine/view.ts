// What one seat may know: the only way a seat, a player's browser or an AI's explanation sees the
// world (MODEL.md section 7). Everything not copied here explicitly stays hidden.
import { canKnow } from "./log.js";
import { ageOf, leaderOf } from "./queries.js";
import type { Id, LogEntry, PlotBelief, Principal, World } from "./state.js";

export interface PrincipalView {
  id: Id;
  name: string;
  nameRu: string;
  age: number;
  alive: boolean;
  incapacitated: boolean;
  presidium: "full" | "candidate" | "none";
  secretary: boolean;
  posts: string[];
  /** The titles of `posts`, in the same order. */
  postTitles: string[];
  /** How he looks: colleagues can see who is robust and who is failing, not a medical file. */
  healthRead: "robust" | "fair" | "frail" | "incapacitated" | "dead";
  patron: Id | null;
  fate: string | null;
}

export interface SeatView {
  seat: Id;
  date: string;
  week: number;
  done: boolean;
  leader: Id;
  leaderAway: { place: string } | null;
  globals: { prestige: number; fear: number };
  principals: PrincipalView[];
  self: { traits: Record<string, number>; opinionOfLeader: number; grievances: { against: Id; cause: string; weight: number; date: string }[]; trust: Record<Id, number> };
  plotsKnown: (PlotBelief & { member: boolean; whippedCount: number | null })[];
  log: LogEntry[];
  awaiting: World["awaiting"];
}

export function viewFor(world: World, seat: Id): SeatView {
  const me = world.principals[seat];
  if (!me) throw new Error(`unknown seat "${seat}"`);
  return {
    seat,
    date: world.date,
    week: world.week,
    done: world.done,
    leader: leaderOf(world),
    leaderAway: world.leaderLocation ? { place: world.leaderLocation.place } : null,
    globals: { prestige: world.globals.prestige, fear: world.globals.fear },
    principals: world.order.map((id) => {
      const p = world.principals[id];
      return {
        id, name: p.name, nameRu: p.nameRu, age: ageOf(world, p), alive: p.alive, incapacitated: p.incapacitated, presidium: p.presidium, secretary: p.secretary,
        posts: [...p.posts], postTitles: p.posts.map((post) => world.posts[post]?.title ?? post), healthRead: healthRead(p), patron: p.patron, fate: p.fate,
      };
    }),
    self: { traits: { ...me.traits }, opinionOfLeader: me.opinionOfLeader, grievances: me.grievances.map((g) => ({ ...g })), trust: { ...me.trust } },
    plotsKnown: me.beliefs.map((b) => {
      const plot = world.plots.find((p) => p.id === b.plotId);
      const member = !!plot?.members.includes(seat);
      return { ...b, knownMembers: [...b.knownMembers], member, whippedCount: member && plot ? plot.whippedCount : null };
    }),
    // Renumbered: the global sequence numbers would reveal, by their gaps, how much happened out of sight.
    log: world.log.filter((e) => canKnow(e, seat)).map((e, i) => withoutPrivateReasons({ ...e, seq: i }, seat)),
    awaiting: world.awaiting && world.awaiting.seat === seat ? world.awaiting : null,
  };
}

function healthRead(p: Principal): PrincipalView["healthRead"] {
  if (!p.alive) return "dead";
  if (p.incapacitated) return "incapacitated";
  return p.health >= 0.8 ? "robust" : p.health >= 0.6 ? "fair" : "frail";
}

/**
 * What was said or done in private may be known to the seat, but not why the other man chose as he
 * did: only public acts (votes, speeches) and the seat's own decisions keep their reasons.
 */
function withoutPrivateReasons(entry: LogEntry, seat: Id): LogEntry {
  if (entry.audience === "public" || entry.actor === seat || !entry.options) return entry;
  const { options: _hidden, ...rest } = entry;
  return rest;
}
