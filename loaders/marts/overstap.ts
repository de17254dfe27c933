// De overstap: where jongeren went who were in PrO, VSO, VO or mbo niveau 1 (Entree) on one
// peildatum and no longer there on the next. The pseudo_id is the same on every peildatum, so
// two snapshots of jongeren.csv side by side show it. Counted per gemeente (on the first
// peildatum), herkomst and bestemming, with the totals beside (REGIO, herkomst ALLE,
// bestemming TOTAAL) so the audit knows every sum.
//
// The export has no vmbo leerweg: VO is all of vo (vmbo-bb/kb cannot be told apart).
import type { Staging } from "../db.ts";
import { publicatie as publicatieVan, type Publicatie } from "../publish/publicatie.ts";
import { REGIO, ALLE, TOTAAL } from "../../src/lib/codes.ts";

import { HERKOMSTEN, BESTEMMINGEN, type OverstapRij } from "../../src/lib/overstap.ts";
import { productKop, type ProductKop } from "./kop.ts";

export { HERKOMSTEN, BESTEMMINGEN };

export interface Overstap extends ProductKop {
  overgangen: { van: string; naar: string }[];
  rijen: OverstapRij[];
}

/** The overstap as SQL: one row per jongere who left a herkomst between two peildata. */
export const SQL_OVERSTAP = `
  WITH peil AS (SELECT DISTINCT peildatum FROM jongeren_def),
  paren AS (SELECT peildatum AS van, lead(peildatum) OVER (ORDER BY peildatum) AS naar FROM peil),
  bron AS (
    SELECT p.van, p.naar, a.gemeente_code, a.pseudo_id,
      CASE WHEN a.onderwijssoort IN ('PRO', 'VSO', 'VO') THEN a.onderwijssoort
           WHEN a.onderwijssoort LIKE 'MBO%' AND a.mbo_niveau = 1 THEN 'MBO_1' END AS herkomst
    FROM paren p JOIN jongeren_def a ON a.peildatum = p.van WHERE p.naar IS NOT NULL
  )
  SELECT b.van, b.naar, b.gemeente_code, b.herkomst,
    CASE WHEN n.pseudo_id IS NULL THEN 'UIT_REGIO'
         WHEN n.onderwijssoort LIKE 'MBO%' THEN 'MBO_' || COALESCE(CAST(n.mbo_niveau AS VARCHAR), 'ONBEKEND')
         WHEN n.onderwijssoort = 'HO' THEN 'HO'
         WHEN n.onderwijssoort IN ('VO', 'PRO', 'VSO', 'VAVO') THEN 'VO'
         WHEN n.onderwijssoort = 'GEEN' AND n.werk THEN 'WERK'
         WHEN n.onderwijssoort = 'GEEN' THEN 'GEEN'
         ELSE 'OVERIG' END AS bestemming
  FROM bron b LEFT JOIN jongeren_def n ON n.peildatum = b.naar AND n.pseudo_id = b.pseudo_id
  WHERE b.herkomst IS NOT NULL
    AND NOT COALESCE(CASE WHEN b.herkomst = 'MBO_1' THEN n.onderwijssoort LIKE 'MBO%' AND n.mbo_niveau = 1
                          ELSE n.onderwijssoort = b.herkomst END, FALSE)`;

/**
 * Per gemeente every herkomst × bestemming, 0 where nobody went: those rows are published
 * hidden, whatever their count, so their presence says nothing. Were only the rows with
 * someone in them there, each would tell that its count is at least 1 (the audit's lower
 * bound for a breakdown published coarser is 0, loaders/publish/audit.ts).
 */
export function volGrid(rijen: OverstapRij[]): OverstapRij[] {
  const er = new Set(rijen.map((r) => `${r.van}|${r.gemeente}|${r.herkomst}|${r.bestemming}`));
  const extra: OverstapRij[] = [];
  for (const r of rijen) {
    // One per gemeente and period: its total row.
    if (r.gemeente === REGIO || r.herkomst !== ALLE || r.bestemming !== TOTAAL) continue;
    for (const herkomst of HERKOMSTEN) {
      for (const bestemming of BESTEMMINGEN) {
        if (!er.has(`${r.van}|${r.gemeente}|${herkomst}|${bestemming}`)) extra.push({ van: r.van, naar: r.naar, gemeente: r.gemeente, herkomst, bestemming, jongeren: 0 });
      }
    }
  }
  return [...rijen, ...extra];
}

/**
 * The rows the overstap publishes. Per gemeente herkomst × bestemming is too fine to protect
 * without hiding nearly all of it (and the regio's totals with it): a gemeente gets where its
 * leavers went (all herkomsten together) and how many left each herkomst; the full breakdown is
 * the regio's.
 */
export function overstapGepubliceerd(r: { gemeente?: unknown; herkomst?: unknown; bestemming?: unknown }): boolean {
  return r.gemeente === REGIO || r.herkomst === ALLE || r.bestemming === TOTAAL;
}

export async function overstap(db: Staging, opties: { minimumCel?: number; publicatie?: Publicatie } = {}): Promise<Overstap> {
  const minimumCel = opties.minimumCel ?? db.regio.publicatie.minimumCel;
  const pub = opties.publicatie ?? await publicatieVan(db, minimumCel);
  const rijen = await db.all<OverstapRij>(`
    WITH s AS (${SQL_OVERSTAP})
    SELECT van, naar, COALESCE(gemeente_code, '${REGIO}') AS gemeente, COALESCE(herkomst, '${ALLE}') AS herkomst,
      COALESCE(bestemming, '${TOTAAL}') AS bestemming, COUNT(*)::INTEGER AS jongeren
    FROM s
    GROUP BY GROUPING SETS (
      (van, naar, gemeente_code, herkomst, bestemming), (van, naar, gemeente_code, herkomst), (van, naar, gemeente_code, bestemming),
      (van, naar, gemeente_code), (van, naar, herkomst, bestemming), (van, naar, herkomst), (van, naar, bestemming), (van, naar))
    ORDER BY van, gemeente, herkomst, bestemming`);
  const gepubliceerd = pub.tabel("overstap", volGrid(rijen), {
    tellingen: ["jongeren"], sleutels: ["van", "naar", "gemeente", "herkomst", "bestemming"],
    gepubliceerd: overstapGepubliceerd,
    totalen: [{ kolom: "gemeente", totaal: REGIO }, { kolom: "herkomst", totaal: ALLE }, { kolom: "bestemming", totaal: TOTAAL }],
  });
  const overgangen = [...new Map(rijen.map((r) => [`${r.van}|${r.naar}`, { van: r.van, naar: r.naar }])).values()];
  return {
    ...productKop(db, minimumCel),
    overgangen, rijen: gepubliceerd as OverstapRij[],
  };
}
