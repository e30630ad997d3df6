// Learning (MODEL.md section 7): beliefs and norms move with what people see. A plenum that settles a
// contest teaches everyone that the Central Committee decides; force teaches the opposite and
// raises fear; harsh fates raise fear and mild ones lower it. The 1957/1964 difference is meant to
// come out of this, not out of hand-set numbers.
import { record } from "../log.js";
import { clamp, hasPower, inPlay } from "../queries.js";
import type { ContestRecord, World } from "../state.js";
import { fateLadder } from "../state.js";
import { meanBelief } from "../summary.js";

export function learnFromContest(world: World, contest: ContestRecord): void {
  const k = world.params.learning.contest;
  const before = world.globals.fear;
  // A plenum the target fought in decided; one he did not (he asked to be released, or was away or
  // ill) was asked to approve, which teaches only a ratification's lesson.
  if (contest.venue === "plenum" && contest.answer === "plenum") {
    const was = meanBelief(world);
    learnThatCcDecides(world, k.plenumLesson);
    world.trace.beliefs.push({ date: world.date, before: was, after: meanBelief(world) });
  } else if (contest.venue === "plenum") learnFromRatification(world);
  if (contest.venue === "force") {
    for (const id of world.order) {
      const p = world.principals[id];
      if (inPlay(p)) p.believesCcDecides = clamp(p.believesCcDecides - k.forceLesson * p.believesCcDecides);
    }
    world.globals.ccArbiter = clamp(world.globals.ccArbiter - k.forceLesson * world.globals.ccArbiter);
    shiftFear(world, k.forceFear);
  }
  if (contest.fates.length > 0) {
    const mean = contest.fates.reduce((s, f) => s + fateLadder.indexOf(f.fate), 0) / contest.fates.length;
    shiftFear(world, k.fearPerRung * (mean - k.fearPivot));
  }
  if (world.globals.fear !== before) {
    record(world, { type: "fear", audience: "public", text: world.globals.fear > before ? "Fear spreads through the apparatus." : "The apparatus breathes more easily.", data: { from: before, to: world.globals.fear } });
  }
}

/**
 * A plenum asked to approve what the Presidium decided (an arrest, the removal from or election to a
 * post the CC elects) teaches a little that the CC is the body that decides: the more often it is
 * asked, the harder it becomes to pass it by. Khrushchev's leadership put Beria's case (July 1953)
 * and the First Secretary's election (September 1953) before plenums; by 1957 the CC was no longer a
 * body the Presidium could ignore. A lesson a fraction of a settled contest's (plenumLesson): being
 * asked is not deciding.
 */
export function learnFromRatification(world: World): void {
  learnThatCcDecides(world, world.params.learning.contest.ratifyLesson);
}

/** Every principal in play, and the CC's standing, move `share` of the way to certainty that the CC decides. */
function learnThatCcDecides(world: World, share: number): void {
  for (const id of world.order) {
    const p = world.principals[id];
    if (inPlay(p)) p.believesCcDecides = clamp(p.believesCcDecides + share * (1 - p.believesCcDecides));
  }
  world.globals.ccArbiter = clamp(world.globals.ccArbiter + share * (1 - world.globals.ccArbiter));
}

/**
 * Fear has two sources. Above all it is fear of the organs: the level their standing sets, high while
 * their chief is an independent power in the leadership (ambitious, without restraint, with a full
 * seat), low once the organs answer to the party. So fear fell after Beria's arrest in 1953 without
 * anyone deciding it, and stays low while the KGB chairman is a client. Beside it lies the climate:
 * what men remember of how losers were treated and what the leadership has said of the terror. It
 * moves with contests' fates and with acts that raise or lower fear (shiftFear), and fades over years,
 * not weeks: in 1957, with Serov's KGB a client, losers still feared for their lives because Beria and
 * his men had been shot; by 1964 "the fear is gone". Each week fear closes part of its gap to the two
 * together.
 */
export function fearDrift(world: World): void {
  const k = world.params.learning.fear;
  world.globals.climate *= 1 - k.fade;
  const level = clamp(organsFear(world) + world.globals.climate);
  world.globals.fear = clamp(world.globals.fear + k.drift * (level - world.globals.fear));
}

/** The fear the security organs' standing sets (fearDrift): the floor, and their chief's independence. */
export function organsFear(world: World): number {
  const k = world.params.learning.fear;
  let independence = 0;
  for (const id of world.order) {
    const p = world.principals[id];
    if (!inPlay(p) || !hasPower(world, id, "security")) continue;
    const seat = p.presidium === "full" ? 1 : p.presidium === "candidate" ? k.candidateSeat : k.noSeat;
    independence = Math.max(independence, seat * p.traits.ambition * (1 - p.traits.restraint));
  }
  return k.floor + k.organs * independence;
}

/**
 * The climate a world starts with: its fear beyond what the organs' standing explains (a scenario's
 * fear is given with its reasons: the shootings of 1953-56 in june-1957). Never below nothing: a
 * scenario whose fear lies under the organs' level (october-1964; march-1953 set to a low fear while
 * Beria holds the MVD) drifts up to that level, since the organs' standing is what fear rests on,
 * whatever was felt before.
 */
export function startingClimate(world: World): number {
  return Math.max(0, world.globals.fear - organsFear(world));
}

/**
 * Fear raised or lowered by an act (a contest's fates, force, a policy, an event): at once, and in the
 * climate it drifts toward, so the change outlasts the weeks and fades as the climate does. A fall
 * takes the climate down to nothing at most; below it the organs' level holds.
 */
export function shiftFear(world: World, by: number): void {
  world.globals.fear = clamp(world.globals.fear + by);
  world.globals.climate = Math.max(0, world.globals.climate + by);
}
