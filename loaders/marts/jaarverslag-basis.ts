// What the jaarverslag's marts share: the members of a schooljaar, the table type and the cell
// of a doelgroep's jongeren (the dashboard publishes it too). Apart from jaarverslag.ts so the
// marts it brings together (inzet, duiding, BBV, overstap) and the dashboard can use them
// without importing it back.
import type { Staging } from "../db.ts";
import type { Rij } from "../publish.ts";
import { celSleutel } from "../publish/koppeling.ts";
import type { Formaat } from "../../src/lib/werkblad.ts";
import { isLidIn } from "../config.ts";
import { schooljaarStart, schooljaarEinde } from "../definitions.ts";
import { REGIO } from "../../src/lib/codes.ts";

export interface JaarverslagTabel {
  id: string;
  titel: string;
  rijen: Rij[];
  /** Column order for Excel and the PDF (not part of tabellen.json). */
  kolommen: string[];
  /** The values of each dimension on the table's grid, in order (for the site, where zero rows are left out). */
  codes?: Record<string, string[]>;
  /** Excel formats the column's key does not tell (src/lib/werkblad.ts kolomFormaat). */
  formaten?: Record<string, Formaat>;
  /** Words for a code column's codes where the general labels do not fit (src/lib/format.ts label). */
  labels?: Record<string, Record<string, string>>;
  /** Column heads the key does not tell. */
  koppen?: Record<string, string>;
}

/** Codes of the gemeenten that were a member at some moment of the schooljaar. */
export function ledenIn(db: Staging, sj: string): string[] {
  return db.regio.gemeenten.filter((g) => isLidIn(g, schooljaarStart(sj), schooljaarEinde(sj))).map((g) => g.code);
}

/** The cell of a doelgroep's jongeren in a gemeente (or REGIO) on a peildatum, as every output counts it. */
export function jongerenSleutel(doelgroep: string, gemeente: unknown, peildatum: unknown): string {
  return celSleutel(`jongeren.${doelgroep}`, { gemeente, peildatum }, { gemeente: REGIO });
}
