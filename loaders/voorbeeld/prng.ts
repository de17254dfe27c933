// A small seeded PRNG for the sample generator. Math.random() cannot be seeded, and the
// generator must give byte-identical output for the same seed and scale. Every jongere gets
// its own stream (seeded from the run seed and its index), so one jongere's draws never
// depend on how many draws another one made.

/** 32-bit hash of a string (FNV-1a followed by a murmur3 finaliser). */
export function hashTekst(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return meng(h);
}

/** murmur3 finaliser: spreads every input bit over the output. */
export function meng(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines numbers into one 32-bit seed. */
export function combineer(...delen: number[]): number {
  let h = 0x9e3779b9;
  for (const d of delen) h = meng((h ^ meng(d >>> 0)) + 0x7f4a7c15);
  return h >>> 0;
}

/** mulberry32: fast, 32-bit state, good enough for synthetic data. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  kans(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One of `opties`, with relative weights. */
  kies<T>(opties: readonly T[], gewichten: readonly number[]): T {
    let totaal = 0;
    for (const g of gewichten) totaal += g;
    let u = this.next() * totaal;
    for (let i = 0; i < opties.length; i++) {
      u -= gewichten[i];
      if (u < 0) return opties[i];
    }
    return opties[opties.length - 1];
  }

  /** Standard normal (Box–Muller). */
  normaal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with mean 1: a person's propensity (some jongeren have many meldingen). */
  factor(sigma: number): number {
    return Math.exp(sigma * this.normaal() - (sigma * sigma) / 2);
  }

  /** Poisson (Knuth; the rates used here are small). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    const grens = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > grens) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

const ID_RUIMTE = 36 ** 9; // 'p' + 9 base36 characters
const HALF = 2 ** 24;

/**
 * A keyed permutation of [0, 36^9): a 4-round Feistel network on 48 bits with cycle walking.
 * Distinct indices give distinct pseudo_ids without a lookup table (scale 30 has millions).
 */
export function pseudoId(index: number, sleutel: number): string {
  let x = index;
  do {
    let l = Math.floor(x / HALF);
    let r = x % HALF;
    for (let ronde = 0; ronde < 4; ronde++) {
      const f = combineer(sleutel, ronde, r) % HALF;
      const nl = r;
      r = (l ^ f) % HALF;
      l = nl;
    }
    x = l * HALF + r;
  } while (x >= ID_RUIMTE);
  return "p" + x.toString(36).padStart(9, "0");
}
