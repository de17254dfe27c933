// The published cells of one data directory as ONE set of linked tables. Every count that any
// output publishes (site, jaarverslag, monitor, downloads) is a cell here, named by what it
// counts and where (its canonical key), so the same count in two outputs is one cell with one
// fate. Beside the cells: every linear relation an outsider can use, "total = sum of parts".
// Suppression and the audit work on this set only, never on one table at a time.
import { celGroepen, type Rij, type TotaalRelatie } from "../publish.ts";

/** A relation: the total's cell equals the sum of the parts' cells. */
export interface Relatie { totaal: number; delen: number[] }

export class Koppeling {
  readonly sleutels: string[] = [];
  readonly waarden: number[] = [];
  readonly relaties: Relatie[] = [];
  /** Per cell: published by more than one table (a twin): the last choice as a second cell to hide. */
  readonly gedeeld: boolean[] = [];
  /**
   * Per cell: part of a breakdown that is published coarser (never shown). It stays in its
   * relations as an unknown, so the audit sees what the published margins say of it; it may
   * be 0, and only a small count among them needs protecting. Shown by any table: published.
   */
  readonly ongepubliceerd: boolean[] = [];
  /**
   * Per cell: a difference no table shows, only there to tell the audit that one published
   * count holds another ("geheel = deel + rest", rest ≥ 0). An unknown with lower bound 0 like
   * an unpublished cell, but never one to protect: a difference of two published counts is
   * published as well (afgesloten = trajecten − lopend), so it may come out, small or not.
   */
  readonly speling: boolean[] = [];
  private readonly bron: string[] = [];
  /** Relations that were declared but do not hold on the exact counts (e.g. distinct counts). */
  nietSluitend = 0;
  private readonly index = new Map<string, number>();
  private readonly relatieSleutels = new Set<string>();

  get aantal(): number { return this.waarden.length; }

  /** A cell of a coarser breakdown that needs no protection (0, or at least minimumCel), or a difference (speling). */
  vrij(i: number, minimumCel: number): boolean {
    return this.speling[i] || (this.ongepubliceerd[i] && (this.waarden[i] === 0 || this.waarden[i] >= minimumCel));
  }

  /** The cell with this key, or -1. */
  zoek(sleutel: string): number { return this.index.get(sleutel) ?? -1; }

  /**
   * The cell of `sleutel`, made on first use. The same key must always carry the same exact
   * count: two outputs that disagree about one cell are a defect in a definition.
   */
  cel(sleutel: string, waarde: number, bron = "", ongepubliceerd = false): number {
    const bestaand = this.index.get(sleutel);
    if (bestaand !== undefined) {
      if (!ongepubliceerd) this.ongepubliceerd[bestaand] = false;
      if (this.waarden[bestaand] !== waarde) {
        throw new Error(`publicatie: cel ${sleutel} heeft twee waarden (${this.waarden[bestaand]} en ${waarde}); één definitie per cel`);
      }
      if (this.bron[bestaand] !== bron) this.gedeeld[bestaand] = true;
      return bestaand;
    }
    if (!Number.isInteger(waarde) || waarde < 0) throw new Error(`publicatie: cel ${sleutel} is geen aantal (${waarde})`);
    const id = this.waarden.length;
    this.index.set(sleutel, id);
    this.sleutels.push(sleutel);
    this.waarden.push(waarde);
    this.bron.push(bron);
    this.gedeeld.push(false);
    this.ongepubliceerd.push(ongepubliceerd);
    this.speling.push(false);
    return id;
  }

  /** The difference `rest` of `geheel` − `deel` as an unknown of its own (see `speling`): "geheel = deel + rest". */
  bevat(geheel: number, deel: number, sleutel: string): void {
    const rest = this.waarden[geheel] - this.waarden[deel];
    // Not contained after all (a definition that counts otherwise): an outsider has no such bound either.
    if (rest < 0) return;
    // Equal (no rest): an outsider who sees it over the gemeenten takes them as one count.
    if (rest === 0) { this.som(geheel, [deel]); return; }
    const r = this.cel(sleutel, rest, sleutel, true);
    this.speling[r] = true;
    this.som(geheel, [deel, r]);
  }

  /**
   * Adds "total = sum of parts" when it holds on the exact counts (an outsider may use it);
   * one that does not hold (a distinct count of jongeren over gemeenten) is no exact relation.
   */
  som(totaal: number, delen: readonly number[]): void {
    const uniek = [...new Set(delen.filter((d) => d !== totaal))].sort((a, b) => a - b);
    if (uniek.length === 0) return;
    const sleutel = `${totaal}:${uniek.join(",")}`;
    if (this.relatieSleutels.has(sleutel)) return;
    this.relatieSleutels.add(sleutel);
    let som = 0;
    for (const d of uniek) som += this.waarden[d];
    if (som !== this.waarden[totaal]) {
      this.nietSluitend++;
      return;
    }
    this.relaties.push({ totaal, delen: uniek });
  }
}

/** Per cell, the relations it is in (total or part), as flat arrays. */
export function lidVan(k: Koppeling): { start: Int32Array; rel: Int32Array } {
  const n = k.aantal;
  const tel = new Int32Array(n + 1);
  for (const r of k.relaties) {
    tel[r.totaal + 1]++;
    for (const d of r.delen) tel[d + 1]++;
  }
  for (let i = 0; i < n; i++) tel[i + 1] += tel[i];
  const start = Int32Array.from(tel);
  const rel = new Int32Array(start[n]);
  const vul = Int32Array.from(tel);
  k.relaties.forEach((r, g) => {
    rel[vul[r.totaal]++] = g;
    for (const d of r.delen) rel[vul[d]++] = g;
  });
  return { start, rel };
}

/** Values that stand for "all" in a column (REGIO, TOTAAL, ALLE): left out of a cell's key. */
export type TotaalWaarden = Record<string, string>;

/**
 * A cell's canonical key: what it counts (`definitie`) and the values of its dimensions, in
 * name order, leaving out a dimension at its total: "lp.meldingen|gemeente=GM0193|schooljaar=…"
 * is the same cell whether a table also has maand = TOTAAL or has no maand at all.
 */
export function celSleutel(definitie: string, dims: Record<string, unknown>, totalen: TotaalWaarden = {}): string {
  let uit = definitie;
  for (const k of Object.keys(dims).sort()) {
    const v = dims[k];
    if (v === undefined || (totalen[k] !== undefined && v === totalen[k])) continue;
    uit += `|${k}=${v === null ? "\u0001" : String(v)}`;
  }
  return uit;
}

export interface TabelOpties {
  tellingen: string[];
  sleutels: string[];
  totalen?: TotaalRelatie[];
  /** The key of a row's count; default: `${definitie}.${telling}` over the key columns. */
  sleutel?: (rij: Rij, telling: string) => string;
  /** Rows of a breakdown published coarser: registered as unknowns (see Koppeling.ongepubliceerd). */
  ongepubliceerd?: (rij: Rij) => boolean;
}

/** The key of a table's cell: the table's own function, or its definition over the key columns. */
export function tabelSleutel(definitie: string, opties: TabelOpties): (rij: Rij, telling: string) => string {
  if (opties.sleutel) return opties.sleutel;
  const totaalWaarden: TotaalWaarden = Object.fromEntries((opties.totalen ?? []).map((t) => [t.kolom, t.totaal]));
  return (r, telling) => celSleutel(`${definitie}.${telling}`, Object.fromEntries(opties.sleutels.map((s) => [s, r[s]])), totaalWaarden);
}

/**
 * Registers a table's cells and its "total beside parts" relations. Returns, per count
 * column, the cell of each row (-1 where the row's count is no number).
 */
export function registreerTabel(k: Koppeling, definitie: string, rijen: readonly Rij[], opties: TabelOpties): Record<string, Int32Array> {
  const { tellingen, sleutels, totalen = [] } = opties;
  const sleutel = tabelSleutel(definitie, opties);
  const groepen = totalen.length ? celGroepen(rijen, sleutels, totalen) : null;
  const uit: Record<string, Int32Array> = {};
  for (const telling of tellingen) {
    const ids = new Int32Array(rijen.length).fill(-1);
    rijen.forEach((r, i) => {
      const w = r[telling];
      if (typeof w === "number") ids[i] = k.cel(sleutel(r, telling), w, definitie, opties.ongepubliceerd?.(r) ?? false);
    });
    if (groepen) {
      for (let g = 0; g < groepen.aantal; g++) {
        const t = ids[groepen.totaal[g]];
        if (t < 0) continue;
        const delen: number[] = [];
        let compleet = true;
        for (let j = groepen.start[g]; j < groepen.start[g + 1]; j++) {
          const i = groepen.leden[j];
          if (i === groepen.totaal[g]) continue;
          if (ids[i] < 0) compleet = false;
          else delen.push(ids[i]);
        }
        if (compleet) k.som(t, delen);
      }
    }
    uit[telling] = ids;
  }
  return uit;
}
