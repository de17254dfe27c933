// The jaarverslag's data as the site receives it: the tables (rows per gemeente), their packed
// wire format (inpakken/uitpakken) and the types. Apart from the chapters' rendering in
// jaarverslag.ts, so the data loader (loaders/marts/jaarverslag.ts) imports no charts.

import { REGIO } from "./codes.js";
import type { Definities } from "./definities.js";
import type { Dekking } from "./lidmaatschap.js";

export { REGIO };

export type Rij = Record<string, unknown>;
export interface JvTabel {
  id: string;
  titel: string;
  rijen: Rij[];
  /** The values of each dimension on the table's grid (the site leaves out all-zero rows). */
  codes?: Record<string, string[]>;
}
export interface JvJaar {
  /** Member gemeenten in this schooljaar (a missing row of a member means 0). */
  leden: string[];
  /** What the regio rows cover: each member's period and peildatum (src/lib/lidmaatschap.ts). */
  dekking?: Dekking;
  tabellen: JvTabel[];
  /** The coördinator's texts as HTML, per name (voorwoord, verzuim, …). */
  teksten: Record<string, string>;
  /** Per gemeente: texts that replace the regio's text in that gemeente's jaarverslag. */
  gemeenteTeksten: Record<string, Record<string, string>>;
}
/** A chapter that was not computed because an export it needs was not delivered (loaders/hoofdstukken-nodig.ts). */
export interface JvOntbreekt<H extends string = string> {
  hoofdstuk: H;
  titel: string;
  /** The chapter's exports that are missing. */
  bestanden: string[];
  /** The sentence shown in the chapter's place (site, PDF, Excel, JSON). */
  tekst: string;
}
export interface JvData {
  regio: string;
  /** Only with a partial delivery: the chapters that are not computed, in the jaarverslag's order. */
  ontbreekt?: JvOntbreekt[];
  /** The regio's definitions in force (regio.json "definities", defaults filled in). */
  definities?: Definities;
  minimumCel: number;
  gemeenten: { code: string; naam: string }[];
  /** Schooljaren with data, oldest first. */
  schooljaren: string[];
  jaren: Record<string, JvJaar>;
}

// ------------------------------------------------------------------ the site's wire format

/** A table as the site loads it: columns once, rows as arrays, constant columns apart. */
export interface JvTabelKort {
  id: string;
  titel: string;
  codes?: Record<string, string[]>;
  /** Columns with the same value in every row (schooljaar, peildatum). */
  vast: Rij;
  kolommen: string[];
  rijen: unknown[][];
}

export function inpakken(t: JvTabel): JvTabelKort {
  const alle: string[] = [];
  for (const r of t.rijen) for (const k of Object.keys(r)) if (!alle.includes(k)) alle.push(k);
  const vast: Rij = {};
  for (const k of alle) {
    if (k === "onderdrukt" || t.rijen.length === 0) continue;
    const v = t.rijen[0][k];
    if (v !== undefined && t.rijen.every((r) => r[k] === v)) vast[k] = v;
  }
  const kolommen = alle.filter((k) => !(k in vast));
  return { id: t.id, titel: t.titel, codes: t.codes, vast, kolommen, rijen: t.rijen.map((r) => kolommen.map((k) => r[k] ?? null)) };
}

function uitpakkenTabel(t: JvTabel | JvTabelKort): JvTabel {
  if (!("kolommen" in t)) return t;
  return {
    id: t.id, titel: t.titel, codes: t.codes,
    rijen: t.rijen.map((waarden) => {
      const r: Rij = { ...t.vast };
      t.kolommen.forEach((k, i) => {
        if (k === "onderdrukt") { if (waarden[i]) r.onderdrukt = true; } else r[k] = waarden[i];
      });
      return r;
    }),
  };
}

export type JvDataKort = Omit<JvData, "jaren"> & { jaren: Record<string, Omit<JvJaar, "tabellen"> & { tabellen: (JvTabel | JvTabelKort)[] }> };

/** The site's data as loaded (FileAttachment(…).json()) back to row objects. */
export function uitpakken(data: JvDataKort): JvData {
  return {
    ...data,
    jaren: Object.fromEntries(Object.entries(data.jaren).map(([sj, j]) => [sj, { ...j, tabellen: j.tabellen.map(uitpakkenTabel) }])),
  };
}
