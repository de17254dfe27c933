// The thuiszitters, by the regio's definition (src/lib/definities.ts), as one source for the
// jaarverslag's tables and the dashboard's key figure: the key figure is the jaarverslag's
// total cell, so the two can never show one count two ways.
import type { Staging } from "../db.ts";
import { celSleutel } from "../publish/koppeling.ts";
import { REGIO, TOTAAL } from "../../src/lib/codes.ts";
import { definitiesVan, sqlThuiszitters, thuiszitterSoorten } from "../../src/lib/definities.ts";

/** The SQL of the source (per schooljaar, gemeente, soort, onderwijssoort: jongeren) for this regio. */
export function thuiszittersSql(db: Staging): string {
  return sqlThuiszitters(definitiesVan(db.regio).thuiszitters);
}

/** The soorten whose rows make up the total of the regio's definition. */
export function totaalSoorten(db: Staging): string[] {
  return thuiszitterSoorten(definitiesVan(db.regio).thuiszitters);
}

/**
 * The cell of thuiszitters in a gemeente (or REGIO), schooljaar, soort (or TOTAAL: the
 * definition's total) and onderwijssoort (or TOTAAL). A total of one soort is that soort's
 * own cell: two keys for one count could be hidden in one place and shown in the other.
 */
export function thuiszitterSleutel(db: Staging, r: { gemeente: unknown; schooljaar: unknown; soort: unknown; onderwijssoort?: unknown }): string {
  const soorten = totaalSoorten(db);
  const soort = r.soort === TOTAAL && soorten.length === 1 ? soorten[0] : r.soort;
  return celSleutel("thuiszitters.jongeren",
    { gemeente: r.gemeente, schooljaar: r.schooljaar, soort, onderwijssoort: r.onderwijssoort ?? TOTAAL },
    { gemeente: REGIO, soort: TOTAAL, onderwijssoort: TOTAAL });
}
