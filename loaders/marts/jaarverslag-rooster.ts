// The grid every jaarverslag table is counted on (loaders/marts/jaarverslag.ts): every
// combination of schooljaar, REGIO plus the member gemeenten and the table's dimensions,
// zeros included, filled from a source's rows; and how a run of cells is published.
import type { Staging } from "../db.ts";
import type { Rij, TotaalRelatie } from "../publish.ts";
import type { Publicatie } from "../publish/publicatie.ts";
import { REGIO } from "../../src/lib/codes.ts";
import { ledenIn } from "./jaarverslag-basis.ts";

export type Dims = [string, readonly string[]][];

/** Every combination of schooljaar × (REGIO + member gemeenten) × the dimensions. */
export function cellen(db: Staging, jaren: string[], dims: (sj: string) => Dims): Rij[] {
  const uit: Rij[] = [];
  for (const sj of jaren) {
    const d = dims(sj);
    const waarden: string[] = [];
    // The first dimension varies slowest; a cell's columns are gemeente, schooljaar, the dimensions.
    const vul = (gemeente: string, i: number) => {
      if (i < d.length) {
        for (const w of d[i][1]) {
          waarden[i] = w;
          vul(gemeente, i + 1);
        }
        return;
      }
      const cel: Rij = { gemeente, schooljaar: sj };
      for (let j = 0; j < d.length; j++) cel[d[j][0]] = waarden[j];
      uit.push(cel);
    };
    for (const gemeente of [REGIO, ...ledenIn(db, sj)]) vul(gemeente, 0);
  }
  return uit;
}

/**
 * A cell's key: its values joined by a character no code contains. Cells hold text only, so
 * any other value in a source row (a null) gets a mark that keeps it from ever matching a
 * cell, as a JSON key did.
 */
const deel = (v: unknown): string => (typeof v === "string" ? v : `\u0001${String(v)}`);
function sleutel(r: Rij, kolommen: string[]): string {
  let key = deel(r[kolommen[0]]);
  for (let i = 1; i < kolommen.length; i++) key += `\u0000${deel(r[kolommen[i]])}`;
  return key;
}

/**
 * Fills an additive count into cells (a grid of cellen(), filled in place) from the
 * finest-grain rows: a cell value equal to its column's total label (REGIO, TOTAAL, ALLE)
 * matches every value of that column.
 */
export function somIn(cel: Rij[], bron: Rij[], telling: string, totalen: Record<string, string>): Rij[] {
  if (cel.length === 0) return [];
  const sleutels = Object.keys(cel[0]);
  const m = sleutels.length;
  // Each column's values in the cells as small numbers, so a cell's key is one number (the
  // columns in mixed radix). A source value no cell has matches no cell (undefined).
  const nummers: Map<unknown, number>[] = [];
  const ids = new Int32Array(cel.length * m);
  for (let i = 0; i < m; i++) {
    const nummer = new Map<unknown, number>();
    for (let c = 0; c < cel.length; c++) {
      const w = cel[c][sleutels[i]];
      let id = nummer.get(w);
      if (id === undefined) nummer.set(w, (id = nummer.size));
      ids[c * m + i] = id;
    }
    nummers.push(nummer);
  }
  const factor: number[] = [];
  for (let i = m - 1, f = 1; i >= 0; f *= nummers[i].size, i--) factor[i] = f;
  // Per column: its bit in the mask below if it has a total label (0: none), and the label's number.
  const bit: number[] = [];
  let wild = 0;
  for (const k of sleutels) bit.push(totalen[k] !== undefined ? 1 << wild++ : 0);
  const totaal = sleutels.map((k, i) => nummers[i].get(totalen[k]));
  // Every source row adds to its own key and to each key with some columns replaced by
  // their total label (2^wild keys per row), so each cell is one lookup.
  const sommen = new Map<number, number>();
  const eigen: (number | undefined)[] = [];
  for (const r of bron) {
    const n = Number(r[telling] ?? 0);
    for (let i = 0; i < m; i++) eigen[i] = nummers[i].get(r[sleutels[i]]);
    maskers: for (let masker = 0; masker < 1 << wild; masker++) {
      let key = 0;
      for (let i = 0; i < m; i++) {
        const w = masker & bit[i] ? totaal[i] : eigen[i];
        if (w === undefined) continue maskers;
        key += w * factor[i];
      }
      sommen.set(key, (sommen.get(key) ?? 0) + n);
    }
  }
  for (let c = 0; c < cel.length; c++) {
    let key = 0;
    for (let i = 0; i < m; i++) key += ids[c * m + i] * factor[i];
    cel[c][telling] = sommen.get(key) ?? 0;
  }
  return cel;
}

/** Fills a non-additive count (distinct jongeren) into cells (in place) by exact key; missing is 0. */
export function zoekIn(cel: Rij[], bron: Rij[], telling: string): Rij[] {
  if (cel.length === 0) return [];
  const sleutels = Object.keys(cel[0]);
  const map = new Map(bron.map((r) => [sleutel(r, sleutels), Number(r[telling] ?? 0)]));
  for (const c of cel) c[telling] = map.get(sleutel(c, sleutels)) ?? 0;
  return cel;
}

/** Lookup of a run's row by its values of `kolommen` (the first such row, as a find would give). */
export function vindIn(rows: Rij[], kolommen: string[]): (key: Rij) => Rij {
  const map = new Map<string, Rij>();
  for (const r of rows) {
    const k = sleutel(r, kolommen);
    if (!map.has(k)) map.set(k, r);
  }
  return (key) => map.get(sleutel(key, kolommen))!;
}

export const gemeenteTotaal: TotaalRelatie = { kolom: "gemeente", totaal: REGIO };

/** Codes in a fixed order, plus any unexpected value found in the data (so parts add up). */
export function codesMet(codes: readonly string[], gevonden: unknown[]): string[] {
  const extra = [...new Set(gevonden.map(String))].filter((v) => !codes.includes(v)).sort();
  return [...codes, ...extra];
}

/** Unsuppressed cells of one run plus how to suppress them. */
export interface Run {
  rijen: Rij[];
  tellingen: string[];
  sleutels: string[];
  totalen: TotaalRelatie[];
  afgeleid?: Record<string, string[]>;
  /** The cell's canonical key where another table publishes the same count. */
  sleutel?: (rij: Rij, telling: string) => string;
  /** Rows published (default all): a breakdown published coarser. */
  gepubliceerd?: (rij: Rij) => boolean;
}

/** A run as published: its cells are cells of the data directory's one publication. */
export function pas(pub: Publicatie, definitie: string, run: Run): Rij[] {
  return pub.tabel(definitie, run.rijen, run);
}
