/**
 * A seeded PRNG (mulberry32). Its whole state is one 32-bit integer kept in the game state, so a game
 * is reproducible from its seed and the log alone. The state never leaves the server.
 */

/** Returns a float in [0, 1) and the next RNG state. */
export function nextRandom(rng: number): [value: number, next: number] {
  const next = (rng + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Turns any seed (a number or a string) into an initial RNG state. */
export function seedToRng(seed: number | string): number {
  const text = String(seed);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h | 0;
}

/** A small mutable generator for code that draws many numbers in one step (e.g. a chamber vote). */
export class Rng {
  state: number;
  constructor(state: number) {
    this.state = state;
  }
  next(): number {
    const [v, s] = nextRandom(this.state);
    this.state = s;
    return v;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("pick from an empty list");
    return item;
  }
}
