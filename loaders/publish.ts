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

function isKlein(v: unknown, min: number): boolean {
  return typeof v === "number" && v > 0 && v < min;
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

  // The groups "total beside its parts" depend only on the keys: build them once, not on every
  // pass of the loop below (they are the bulk of the work on large tables).
  const groepenPerRelatie = totalen.map((rel) => {
    const andere = sleutels.filter((k) => k !== rel.kolom);
    const groepen = new Map<string, number[]>();
    uit.forEach((r, i) => {
      const key = JSON.stringify(andere.map((k) => r[k]));
      let g = groepen.get(key);
      if (!g) groepen.set(key, (g = []));
      g.push(i);
    });
    return { rel, groepen: [...groepen.values()].map((leden) => ({ leden, totaal: leden.find((i) => uit[i][rel.kolom] === rel.totaal) }))
      .filter((g) => g.totaal !== undefined) as { leden: number[]; totaal: number }[] };
  });

  for (const telling of tellingen) {
    // Primary suppression.
    const weg = new Set<number>();
    uit.forEach((r, i) => { if (isKlein(r[telling], minimumCel)) weg.add(i); });

    // Secondary suppression until nothing changes: in a group "total = sum of parts" a single
    // suppressed cell can be computed back from the others, be it a part (total minus the
    // rest) or the total (the sum of the parts: with two totals, a cell can be the total of
    // one group and a hidden part of another). Hide the smallest other part (or, lacking
    // one, the total).
    let veranderd = true;
    while (veranderd) {
      veranderd = false;
      for (const { rel, groepen } of groepenPerRelatie) {
        for (const { leden, totaal } of groepen) {
          let verborgen = 0;
          for (const i of leden) if (weg.has(i)) verborgen++;
          if (verborgen !== 1) continue;
          const delen = leden.filter((i) => i !== totaal);
          const kandidaten = delen
            .filter((i) => !weg.has(i) && typeof uit[i][telling] === "number" && (uit[i][telling] as number) > 0)
            .sort((a, b) => (uit[a][telling] as number) - (uit[b][telling] as number) ||
              String(uit[a][rel.kolom]).localeCompare(String(uit[b][rel.kolom])));
          const extra = kandidaten.length > 0 ? kandidaten[0] : weg.has(totaal) ? undefined : totaal;
          // A hidden total beside parts that are all zero is no sum of them: nothing to protect.
          if (extra === undefined) continue;
          weg.add(extra);
          veranderd = true;
        }
      }
    }

    for (const i of weg) {
      const r = uit[i] as Rij;
      r[telling] = null;
      for (const a of afgeleid[telling] ?? []) r[a] = null;
      r.onderdrukt = true;
    }
  }
  return kopie;
}

/** Throws when a row still carries a record-level identifier: the last check before output. */
export function controleerGeenIds(rows: object[], bron: string): void {
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (k === "pseudo_id" || k.endsWith("_id")) {
        throw new Error(`${bron}: kolom ${k} mag niet gepubliceerd worden`);
      }
    }
  }
}
