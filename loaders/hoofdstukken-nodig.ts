// Which chapters of the jaarverslag can be computed from a delivery (issue 13). A regio rarely
// has all eight exports at once: each chapter lists its own (src/lib/hoofdstukken.ts, the one
// registry), only the chapters whose exports are all there are computed, and every other
// chapter says, in Dutch, which export it needs — on its site page, in the PDF, as a sheet of
// tabellen.xlsx and in tabellen.json (`ontbreekt`). Nothing else stops: only a delivery from
// which no chapter with figures can be made gives no jaarverslag (loaders/nodig.ts kanMaken).
import { HOOFDSTUKKEN, type HoofdstukId } from "../src/lib/hoofdstukken.ts";
import { EXPORTS } from "./schema.ts";
import { aanwezig, ontbreektZin } from "./nodig.ts";
import type { Staging } from "./db.ts";
import type { JvOntbreekt } from "../src/lib/jaarverslag-data.ts";

/** A chapter that is not computed, what it needs and lacks (in the contract's order), and the sentence its place shows. */
export type HoofdstukOntbreekt = JvOntbreekt<HoofdstukId>;

const exportsVan = (id: HoofdstukId): readonly string[] => HOOFDSTUKKEN.find((h) => h.id === id)!.exports;

/** The exports chapter `id` needs that are not among `er`, in the contract's order (none: it can be made). */
export function ontbrekendVoor(id: HoofdstukId, er: ReadonlySet<string>): string[] {
  const nodig = exportsVan(id);
  return EXPORTS.map((e) => e.bestand).filter((b) => nodig.includes(b) && !er.has(b));
}

/** Whether chapter `id` is computed from the exports `er`. */
export function kanHoofdstuk(id: HoofdstukId, er: ReadonlySet<string>): boolean {
  return ontbrekendVoor(id, er).length === 0;
}

/** The sentence in a missing chapter's place. */
export function hoofdstukOntbreektTekst(titel: string, bestanden: readonly string[]): string {
  return ontbreektZin(`het hoofdstuk ${titel}`, bestanden);
}

/** Every chapter that cannot be computed from `er`, in the jaarverslag's order. */
export function ontbrekendeHoofdstukken(er: ReadonlySet<string>): HoofdstukOntbreekt[] {
  return HOOFDSTUKKEN.flatMap((h) => {
    const bestanden = ontbrekendVoor(h.id, er);
    return bestanden.length ? [{ hoofdstuk: h.id, titel: h.titel, bestanden, tekst: hoofdstukOntbreektTekst(h.titel, bestanden) }] : [];
  });
}

/** The tables (tabellen.json ids) of the chapters computed from `er`; a table shared by two chapters needs one of them. */
export function tabellenVan(er: ReadonlySet<string>): Set<string> {
  return new Set(HOOFDSTUKKEN.filter((h) => kanHoofdstuk(h.id, er)).flatMap((h) => [...h.tabellen]));
}

/** Every table of the registry in the order of the outputs (a chapter's, the chapters in order). */
export const TABEL_VOLGORDE: readonly string[] = [...new Set(HOOFDSTUKKEN.flatMap((h) => [...h.tabellen]))];

const cache = new WeakMap<Staging, Promise<Set<string>>>();

/** The exports staged in `db` (once per Staging: the marts ask per table and per schooljaar). */
export function exportsIn(db: Staging): Promise<Set<string>> {
  let p = cache.get(db);
  if (!p) cache.set(db, (p = aanwezig(db)));
  return p;
}
