// The official VSV figures (vsv_cijfers, OCW/DUO) as the marts read and publish them, once:
// which rows are the regio's, and the cell "ocw" (a gemeente's VSV'ers in a schooljaar) that
// the jaarverslag's percentages, the BBV-indicatoren and the duiding all publish: one cell,
// so it is suppressed the same way wherever it stands.
import type { Staging } from "../db.ts";
import type { TabelPublicatie } from "../publish/publicatie.ts";
import { lit, lijst } from "../sql.ts";

/** A row of vsv_cijfers. */
export interface VsvCijfer { schooljaar: string; niveau: string; code: string; deelnemers: number; vsv: number }

/** The rows of vsv_cijfers that are the regio's: the country, the regio (by its nummer, when regio.json has one) and its gemeenten. */
export function sqlVsvCijfersVanRegio(db: Staging): string {
  return `niveau = 'LANDELIJK' OR (niveau = 'REGIO' ${db.regio.nummer !== undefined ? `AND code = ${lit(String(db.regio.nummer))}` : ""})
       OR (niveau = 'GEMEENTE' AND code IN (${lijst(db.regio.gemeenten.map((g) => g.code)) || "NULL"}))`;
}

/** How the cell "ocw" is published (rows with niveau GEMEENTE, code, schooljaar and vsv). */
export const OCW_CEL: TabelPublicatie = { tellingen: ["vsv"], sleutels: ["niveau", "code", "schooljaar"] };
