// Seeded random streams. The generator state lives in the world, so a run is a pure function of
// (scenario, seed, decisions); each purpose draws from its own stream so that, for example, an extra
// AI deliberation does not shift the weather.
import { xoroshiro128plus, type RandomGenerator } from "pure-rand";

export const streamNames = ["setup", "events", "health", "ai", "detection", "crisis", "ids"] as const;
export type StreamName = (typeof streamNames)[number];
export type RngState = Record<StreamName, number[]>;

/** A 32-bit mix of two integers (splitmix-style), used to derive independent seeds. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ Math.imul((b | 0) + 0x7f4a7c15, 0x85ebca6b)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export function initialRngState(seed: number): RngState {
  const state = {} as RngState;
  streamNames.forEach((name, i) => {
    state[name] = [...xoroshiro128plus(mixSeed(seed, i + 1)).getState()];
  });
  return state;
}

/** Live generators for one step; `commit` writes their states back into a (new) RngState. */
export class Rng {
  private live = new Map<StreamName, RandomGenerator>();
  constructor(private readonly saved: RngState) {}

  private gen(stream: StreamName): RandomGenerator {
    let g = this.live.get(stream);
    if (!g) {
      g = xoroshiro128plus.fromState(this.saved[stream]);
      this.live.set(stream, g);
    }
    return g;
  }

  /** Uniform in [0, 1). */
  next(stream: StreamName): number {
    return (this.gen(stream).unsafeNext() >>> 0) / 4294967296;
  }

  chance(stream: StreamName, p: number): boolean {
    return this.next(stream) < p;
  }

  int(stream: StreamName, lo: number, hi: number): number {
    return lo + Math.floor(this.next(stream) * (hi - lo + 1));
  }

  /** Standard normal via Box-Muller (one value per call keeps the stream simple to reason about). */
  normal(stream: StreamName): number {
    const u = 1 - this.next(stream);
    const v = this.next(stream);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  pick<T>(stream: StreamName, items: readonly T[]): T {
    return items[Math.floor(this.next(stream) * items.length)];
  }

  /** Index chosen with probability proportional to weight. */
  weighted(stream: StreamName, weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.next(stream) * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** An opaque identifier (eight hex digits): ids shown to players must not reveal how many exist. */
  token(stream: StreamName): string {
    return ((this.gen(stream).unsafeNext() >>> 0) + 0x100000000).toString(16).slice(1);
  }

  shuffle<T>(stream: StreamName, items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next(stream) * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  commit(): RngState {
    const out = { ...this.saved };
    for (const [name, g] of this.live) out[name] = [...g.getState()];
    return out;
  }
}
