// The publication layer: the only way a count leaves the project for the site or a
// public report. Counts of 1..minimumCel-1 jongeren are suppressed (primary), and where a
// published total would give a suppressed cell back by subtraction, a second cell is
// suppressed too (secondary). Zero is published: "nobody" reveals no one.

export type Rij = Record<string, unknown>;

export interface TotaalRelatie {
  /** The column whose value marks the total row, e.g. "gemeente". */
  kolom: string;
  /** The value of the total row, e.g. "REGIO" or "ALLE". */
  totaal: string;
}

export interface OnderdrukOpties {
  minimumCel: number;
  /** Count columns to suppress. */
  tellingen: string[];
  /** Key columns that identify a cell (all other columns are carried along). */
  sleutels: string[];
  /** Totals that sit beside their parts in the same table. */
  totalen?: TotaalRelatie[];
  /** Columns computed from a count, nulled with it: { jongeren: ["percentage"] }. */
  afgeleid?: Record<string, string[]>;
}

export type Gepubliceerd<T> = T & { onderdrukt?: true };

/**
 * The groups "total beside its parts" of one table. They depend only on the key columns, so
 * a table that is suppressed many times with other counts (the monitor, where cells are
 * forced hidden round after round) builds them once. Flat arrays, not objects: the monitor's
 * tables have tens of thousands of cells, and a data loader runs this code once, cold.
 */
export interface CelGroepen {
  /** Number of cells (rows) in the table. */
  cellen: number;
  /** Number of groups, in the order of the relations and, within one, of first appearance. */
  aantal: number;
  /** The members of group g are leden[start[g]] … leden[start[g + 1] - 1], in row order. */
  leden: Int32Array;
  start: Int32Array;
  /** The cell that is group g's total. */
  totaal: Int32Array;
  /** The group of cell i in relation r at groepVan[i * relaties + r], or -1. */
  groepVan: Int32Array;
  relaties: number;
  /**
   * The place in locale order of the value of group g's relation column in cell i (as text):
   * the tie-break between equal counts. Worked out once per value: comparing texts in the
   * locale's order costs more than all else in suppressing a table with many equal counts.
   */
  rang(g: number, i: number): number;
}

const plaatsenCache = new Map<string, Int32Array>();

/** The place of each text in locale order; texts the locale calls equal get the same place. */
function plaatsen(teksten: readonly string[]): Int32Array {
  // The same columns come back table after table (the monitor's moments).
  const sleutel = teksten.join("\u0000");
  const bekend = plaatsenCache.get(sleutel);
  if (bekend) return bekend;
  const volgorde = teksten.map((_t, i) => i).sort((a, b) => teksten[a].localeCompare(teksten[b]));
  const uit = new Int32Array(teksten.length);
  volgorde.forEach((i, k) => {
    const vorige = volgorde[k - 1];
    uit[i] = k > 0 && teksten[vorige].localeCompare(teksten[i]) === 0 ? uit[vorige] : k;
  });
  plaatsenCache.set(sleutel, uit);
  return uit;
}

export function celGroepen(rows: readonly object[], sleutels: string[], totalen: TotaalRelatie[] = []): CelGroepen {
  const uit = rows as readonly Rij[];
  const n = uit.length;
  // Each key value as a small number per column (a Map tells 1 from "1", as a JSON key did);
  // a group's key is then one number, the other columns' numbers in mixed radix (or, for a
  // table too wide for that, a string of them).
  const radix: number[] = [];
  const waarden: unknown[][] = [];
  const nummers = (k: string) => {
    const nummer = new Map<unknown, number>();
    const kolom = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const w = uit[i][k];
      let id = nummer.get(w);
      if (id === undefined) nummer.set(w, (id = nummer.size));
      kolom[i] = id;
    }
    radix.push(nummer.size);
    waarden.push([...nummer.keys()]);
    return kolom;
  };
  const ids = sleutels.map(nummers);
  const relaties = totalen.length;
  const groepVan = new Int32Array(n * relaties).fill(-1);
  const leden: number[] = [];
  const start: number[] = [0];
  const totaal: number[] = [];
  const relatieVan: number[] = [];
  const lokaal = new Int32Array(n);
  // The number of each total's value in its column (-1: not there), to find total cells fast.
  const totaalId = totalen.map((rel) => {
    const j = sleutels.indexOf(rel.kolom);
    if (j < 0) return -1;
    for (let i = 0; i < n; i++) if (uit[i][rel.kolom] === rel.totaal) return ids[j][i];
    return -1;
  });
  totalen.forEach((rel, r) => {
    const andere = sleutels.flatMap((k, j) => (k === rel.kolom ? [] : [j]));
    const ruimte = andere.reduce((p, j) => p * Math.max(radix[j], 1), 1);
    // The groups of this relation in order of first appearance, each cell's group, the sizes.
    // A group's key is its place in the space of the other columns' values: found in an array
    // where that space is small (it is for every table here), else in a Map.
    const rooster = ruimte <= Math.max(1 << 16, 4 * n) ? new Int32Array(ruimte).fill(-1) : null;
    const perSleutel = new Map<number | string, number>();
    const grootte: number[] = [];
    const tot: number[] = [];
    const kolom = sleutels.indexOf(rel.kolom);
    for (let i = 0; i < n; i++) {
      let key: number | string = 0;
      if (ruimte <= Number.MAX_SAFE_INTEGER) {
        for (let a = 0; a < andere.length; a++) key = key * radix[andere[a]] + ids[andere[a]][i];
      } else key = andere.map((j) => ids[j][i]).join(",");
      let g = rooster ? rooster[key as number] : perSleutel.get(key) ?? -1;
      if (g < 0) {
        g = grootte.length;
        if (rooster) rooster[key as number] = g;
        else perSleutel.set(key, g);
        grootte.push(0);
        tot.push(-1);
      }
      lokaal[i] = g;
      grootte[g]++;
      if (tot[g] < 0 && (kolom < 0 || ids[kolom][i] === totaalId[r]) && uit[i][rel.kolom] === rel.totaal) tot[g] = i;
    }
    // Only groups with a total protect anything; their members go in one flat list.
    const nummer = tot.map((t) => (t < 0 ? -1 : totaal.push(t) - 1));
    const plek: number[] = [];
    for (const [g, t] of tot.entries()) {
      if (t < 0) continue;
      plek[g] = start[start.length - 1];
      start.push(plek[g] + grootte[g]);
      relatieVan.push(r);
    }
    leden.length = start[start.length - 1];
    for (let i = 0; i < n; i++) {
      const g = lokaal[i];
      if (nummer[g] < 0) continue;
      leden[plek[g]++] = i;
      groepVan[i * relaties + r] = nummer[g];
    }
  });
  // Per relation: each cell's value of its column as a number, and each number's place in locale order.
  const perRelatie = totalen.map((rel) => {
    const j = sleutels.indexOf(rel.kolom);
    const kolom = j >= 0 ? ids[j] : nummers(rel.kolom);
    return { kolom, plaats: plaatsen(waarden[j >= 0 ? j : waarden.length - 1].map(String)) };
  });
  return {
    cellen: n, aantal: totaal.length, leden: Int32Array.from(leden), start: Int32Array.from(start), totaal: Int32Array.from(totaal),
    groepVan, relaties, rang: (g, i) => perRelatie[relatieVan[g]].plaats[perRelatie[relatieVan[g]].kolom[i]],
  };
}

/**
 * celGroepen() of a complete grid: a cell for every combination of the columns' values, in
 * order, the last column varying fastest (the monitor's tables). The groups follow from the
 * positions alone, with no key to compare; `totalen[d]` is the value of column d's total
 * (groups only along columns that have it). Zero cells are members here; as a zero is never
 * hidden nor a candidate, and a total of zero has only zero parts, the cells hidden are the
 * same as with the zeros left out.
 */
export function kubusGroepen(waarden: readonly (readonly string[])[], totalen: readonly string[]): CelGroepen {
  const n = waarden.map((w) => w.length);
  const cellen = n.reduce((a, b) => a * b, 1);
  const stap = n.map((_n, d) => n.slice(d + 1).reduce((a, b) => a * b, 1));
  const kolommen = waarden.flatMap((w, d) => (w.indexOf(totalen[d]) >= 0 ? [{ d, t: w.indexOf(totalen[d]) }] : []));
  const plaats = waarden.map(plaatsen);
  const relaties = kolommen.length;
  const groepVan = new Int32Array(cellen * relaties).fill(-1);
  const leden: number[] = [];
  const start = [0];
  const totaal: number[] = [];
  const kolomVan: number[] = [];
  kolommen.forEach(({ d, t }, r) => {
    // One group per combination of the other columns, found at its first value in column d.
    for (let basis = 0; basis < cellen; basis++) {
      if (Math.floor(basis / stap[d]) % n[d] !== 0) continue;
      for (let x = 0; x < n[d]; x++) {
        const i = basis + x * stap[d];
        groepVan[i * relaties + r] = totaal.length;
        leden.push(i);
      }
      totaal.push(basis + t * stap[d]);
      start.push(leden.length);
      kolomVan.push(d);
    }
  });
  return {
    cellen, aantal: totaal.length, leden: Int32Array.from(leden), start: Int32Array.from(start), totaal: Int32Array.from(totaal),
    groepVan, relaties, rang: (g, i) => plaats[kolomVan[g]][Math.floor(i / stap[kolomVan[g]]) % n[kolomVan[g]]],
  };
}

/**
 * Which cells to hide for one count column (`waarden`, one per cell): primary suppression of
 * 1..minimumCel-1, then secondary suppression until nothing changes. In a group "total = sum
 * of parts" a single hidden cell can be computed back from the others, be it a part (total
 * minus the rest) or the total (the sum of the parts: with two totals, a cell can be the total
 * of one group and a hidden part of another). Then the smallest other positive part is hidden
 * (ties broken by the relation's column), or, lacking one, the total. The groups are visited
 * in a fixed order and a cell hidden counts at once, so the result is the same on every run.
 */
export function teVerbergen(groepen: CelGroepen, waarden: readonly unknown[] | Float64Array, minimumCel: number): Uint8Array {
  const { cellen, aantal, leden, start, totaal, groepVan, relaties } = groepen;
  const weg = new Uint8Array(cellen);
  if (minimumCel <= 1) return weg;
  // Not a number (e.g. a count already null): never small, never a candidate. (A caller that
  // suppresses the same table many times passes the counts as numbers already, NaN for null.)
  let w: Float64Array;
  if (waarden instanceof Float64Array) w = waarden;
  else {
    w = new Float64Array(cellen);
    for (let i = 0; i < cellen; i++) w[i] = typeof waarden[i] === "number" ? (waarden[i] as number) : NaN;
  }
  // Hidden members per group, kept up to date as cells are hidden.
  const verborgen = new Int32Array(aantal);
  function verberg(i: number) {
    weg[i] = 1;
    for (let r = 0; r < relaties; r++) {
      const g = groepVan[i * relaties + r];
      if (g >= 0) verborgen[g]++;
    }
  }
  for (let i = 0; i < cellen; i++) if (w[i] > 0 && w[i] < minimumCel) verberg(i);

  let veranderd = true;
  while (veranderd) {
    veranderd = false;
    for (let g = 0; g < aantal; g++) {
      if (verborgen[g] !== 1) continue;
      // The smallest published positive part; equal counts: the first value in locale order.
      let beste = -1;
      for (let k = start[g]; k < start[g + 1]; k++) {
        const i = leden[k];
        if (i === totaal[g] || weg[i] || !(w[i] > 0)) continue;
        if (beste < 0 || w[i] < w[beste] || (w[i] === w[beste] && groepen.rang(g, i) < groepen.rang(g, beste))) beste = i;
      }
      const extra = beste >= 0 ? beste : weg[totaal[g]] ? -1 : totaal[g];
      // A hidden total beside parts that are all zero is no sum of them: nothing to protect.
      if (extra < 0) continue;
      verberg(extra);
      veranderd = true;
    }
  }
  return weg;
}

/**
 * Returns new rows in which every small count is null and the row carries
 * `onderdrukt: true`. With minimumCel ≤ 1 (internal use) rows are returned unchanged.
 */
export function onderdruk<T extends object>(rows: T[], opties: OnderdrukOpties): Gepubliceerd<T>[] {
  const { minimumCel, tellingen, sleutels, totalen = [], afgeleid = {} } = opties;
  const kopie = rows.map((r) => ({ ...r })) as Gepubliceerd<T>[];
  if (minimumCel <= 1) return kopie;
  const uit = kopie as unknown as Rij[];
  const groepen = celGroepen(uit, sleutels, totalen);
  for (const telling of tellingen) {
    const weg = teVerbergen(groepen, uit.map((r) => r[telling]), minimumCel);
    weg.forEach((w, i) => {
      if (!w) return;
      const r = uit[i];
      r[telling] = null;
      for (const a of afgeleid[telling] ?? []) r[a] = null;
      r.onderdrukt = true;
    });
  }
  return kopie;
}

/** Throws when a row still carries a record-level identifier: the last check before output. */
export function controleerGeenIds(rows: object[], bron: string): void {
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (k === "pseudo_id" || k === "id" || k.endsWith("_id")) {
        throw new Error(`${bron}: kolom ${k} mag niet gepubliceerd worden`);
      }
    }
  }
}
