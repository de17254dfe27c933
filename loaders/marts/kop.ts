// What every published product (site data file, report JSON) starts with: whose it is, the
// publication's minimumCel its cells were suppressed with, and the regio's gemeenten (code and
// name; a row carries only the code). Once, for every mart.
import type { Staging } from "../db.ts";

export interface ProductKop {
  regio: string;
  minimumCel: number;
  gemeenten: { code: string; naam: string }[];
}

export function productKop(db: Pick<Staging, "regio">, minimumCel: number): ProductKop {
  return { regio: db.regio.naam, minimumCel, gemeenten: db.regio.gemeenten.map((g) => ({ code: g.code, naam: g.naam })) };
}
