// Duiding: observed against expected VSV. The CBS risicoscore of a gemeente is the sum of the
// individual VSV probabilities of its vo- and mbo-deelnemers on 1 oktober of `jaar`: the
// expected number of nieuwe vsv'ers in schooljaar `jaar`-`jaar+1`. The observed number is the
// official count of that schooljaar (vsv_cijfers.csv, niveau GEMEENTE): the same population
// (deelnemers on 1 oktober, by woongemeente) and the same definition as the CBS model. The
// regio's own count of nieuwe vsv'ers (jongeren.csv, per peildatum) counts differently and is
// not used here.
//
// The observed counts are cells of the publication (the same cells as the jaarverslag's
// official VSV percentages, "ocw"); the ratio, its interval, the verdict and the sentence are
// computed from the PUBLISHED count only, so a suppressed count has none of them.
import type { Staging } from "../db.ts";
import { publicatie as publicatieVan, type Publicatie } from "../publish/publicatie.ts";
import { lijst } from "../sql.ts";
import { OCW_CEL } from "./ocw.ts";
import { REGIO } from "../../src/lib/codes.ts";
import { ledenIn } from "./jaarverslag-basis.ts";
import { poissonInterval, TRECHTERGRENZEN, type Oordeel } from "../../src/lib/statistiek.ts";
import { verwachtZin, type VerwachtRij } from "../../src/lib/duiding.ts";
import { productKop, type ProductKop } from "./kop.ts";

export interface Duiding extends ProductKop {
  /** The schooljaren with both a risicoscore and an official count, oldest first. */
  schooljaren: string[];
  verwacht: VerwachtRij[];
}

const rond = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Ratio, intervals, verdict: from a published count only. */
function afgeleid(vsv: number | null, verwacht: number) {
  if (vsv == null || !(verwacht > 0)) {
    return { verhouding: null, onder95: null, boven95: null, onder998: null, boven998: null, oordeel: null };
  }
  const [b95, b998] = TRECHTERGRENZEN;
  const i95 = poissonInterval(vsv, b95);
  const i998 = poissonInterval(vsv, b998);
  const oordeel: Oordeel = i95.onder > verwacht ? "hoger" : i95.boven < verwacht ? "lager" : "ongeveer gelijk";
  return {
    verhouding: rond(vsv / verwacht, 3), onder95: rond(i95.onder / verwacht, 3), boven95: rond(i95.boven / verwacht, 3),
    onder998: rond(i998.onder / verwacht, 3), boven998: rond(i998.boven / verwacht, 3), oordeel,
  };
}

export async function duiding(db: Staging, opties: { minimumCel?: number; publicatie?: Publicatie } = {}): Promise<Duiding> {
  const minimumCel = opties.minimumCel ?? db.regio.publicatie.minimumCel;
  const pub = opties.publicatie ?? await publicatieVan(db, minimumCel);
  const codes = db.regio.gemeenten.map((g) => g.code);
  const bron = await db.all<{ jaar: number; schooljaar: string; gemeente: string; aantal_jongeren: number; risicoscore: number; deelnemers: number; vsv: number }>(`
    SELECT r.jaar::INTEGER AS jaar, v.schooljaar, r.gemeente_code AS gemeente, r.aantal_jongeren::INTEGER AS aantal_jongeren,
           r.risicoscore::DOUBLE AS risicoscore, v.deelnemers::INTEGER AS deelnemers, v.vsv::INTEGER AS vsv
    FROM cbs_risicoscores r
    JOIN vsv_cijfers v ON v.niveau = 'GEMEENTE' AND v.code = r.gemeente_code
      AND v.schooljaar = CAST(r.jaar AS VARCHAR) || '-' || CAST(r.jaar + 1 AS VARCHAR)
    WHERE r.gemeente_code IN (${lijst(codes) || "NULL"})
    ORDER BY r.jaar, r.gemeente_code`);
  // A gemeente counts in a schooljaar it was a member in, as in the jaarverslag.
  const leden = new Map<string, Set<string>>();
  const isLid = (sj: string, code: string) => {
    if (!leden.has(sj)) leden.set(sj, new Set(ledenIn(db, sj)));
    return leden.get(sj)!.has(code);
  };
  const rijen = bron.filter((r) => isLid(r.schooljaar, r.gemeente));
  // The same cells as the jaarverslag's official percentages (definitie "ocw", same keys).
  const gepubliceerd = pub.tabel("ocw", rijen.map((r) => ({ niveau: "GEMEENTE", code: r.gemeente, schooljaar: r.schooljaar, vsv: r.vsv })), OCW_CEL);
  const naam = (code: string) => db.regio.gemeenten.find((g) => g.code === code)?.naam ?? code;
  const verwacht: VerwachtRij[] = rijen.map((r, i) => {
    const vsv = gepubliceerd[i].vsv as number | null;
    const verw = rond(r.risicoscore, 1);
    const a = afgeleid(vsv, r.risicoscore);
    return {
      gemeente: r.gemeente, naam: naam(r.gemeente), jaar: r.jaar, schooljaar: r.schooljaar,
      aantal_jongeren: r.aantal_jongeren, verwacht: verw, deelnemers: r.deelnemers, vsv, ...a,
      zin: verwachtZin({ naam: naam(r.gemeente), schooljaar: r.schooljaar, waargenomen: vsv, verwacht: r.risicoscore, oordeel: a.oordeel }),
      ...(vsv == null ? { onderdrukt: true as const } : {}),
    };
  });
  // The regio: the sum of its gemeenten, only when every gemeente's count is published (a sum
  // of published cells gives nothing away; with one cell hidden it would need that cell).
  const schooljaren = [...new Set(verwacht.map((r) => r.schooljaar))].sort();
  for (const sj of schooljaren) {
    const deel = verwacht.filter((r) => r.schooljaar === sj);
    const e = rijen.filter((r) => r.schooljaar === sj).reduce((s, r) => s + r.risicoscore, 0);
    const alle = deel.every((r) => r.vsv != null);
    const vsv = alle ? deel.reduce((s, r) => s + (r.vsv as number), 0) : null;
    const a = afgeleid(vsv, e);
    verwacht.push({
      gemeente: REGIO, naam: db.regio.naam, jaar: deel[0].jaar, schooljaar: sj,
      aantal_jongeren: deel.reduce((s, r) => s + r.aantal_jongeren, 0), verwacht: rond(e, 1),
      deelnemers: deel.reduce((s, r) => s + (r.deelnemers ?? 0), 0), vsv, ...a,
      zin: verwachtZin({ naam: db.regio.naam, schooljaar: sj, waargenomen: vsv, verwacht: e, oordeel: a.oordeel }),
      ...(vsv == null ? { onderdrukt: true as const } : {}),
    });
  }
  return {
    ...productKop(db, minimumCel),
    schooljaren, verwacht,
  };
}
