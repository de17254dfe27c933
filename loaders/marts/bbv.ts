// The BBV-indicatoren per gemeente and schooljaar, beside the regio (and Nederland for vsv):
// absoluut and relatief verzuim per 1.000 inwoners of 5–18, and the vsv percentage. The
// definitions are in src/lib/bbv.ts. Every count is a cell of the publication; the rates and
// their intervals are computed from the published counts only.
import type { Staging } from "../db.ts";
import { celSleutel } from "../publish/koppeling.ts";
import { publicatie as publicatieVan, type Publicatie } from "../publish/publicatie.ts";
import { REGIO, LANDELIJK } from "../../src/lib/codes.ts";
import { ledenIn } from "./jaarverslag-basis.ts";
import { OCW_CEL, sqlVsvCijfersVanRegio, type VsvCijfer } from "./ocw.ts";
import { sqlSchooljaarPeildatum } from "./dashboard.ts";
import { cijferMetInterval } from "../../src/lib/statistiek.ts";
import { BBV_INDICATOREN, BBV_LEEFTIJD, type BbvRij } from "../../src/lib/bbv.ts";
import { productKop, type ProductKop } from "./kop.ts";

export interface Bbv extends ProductKop {
  schooljaren: string[];
  rijen: BbvRij[];
}

const rond = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const totalen = [{ kolom: "gemeente", totaal: REGIO }];

function metWaarde(r: Omit<BbvRij, "waarde" | "onder" | "boven">, per: number): BbvRij {
  const uit: BbvRij = { ...r, waarde: null, onder: null, boven: null };
  if (r.teller != null && r.noemer != null && r.noemer > 0) {
    const c = cijferMetInterval(r.teller, r.noemer, per);
    Object.assign(uit, { waarde: rond(c.waarde, 2), onder: rond(c.onder, 2), boven: rond(c.boven, 2) });
  }
  if (r.teller == null || r.noemer == null) uit.onderdrukt = true;
  return uit;
}

export async function bbv(db: Staging, opties: { minimumCel?: number; publicatie?: Publicatie } = {}): Promise<Bbv> {
  const minimumCel = opties.minimumCel ?? db.regio.publicatie.minimumCel;
  const pub = opties.publicatie ?? await publicatieVan(db, minimumCel);
  const [inwoners, verzuim, vsv] = await Promise.all([
    db.all<{ gemeente: string; schooljaar: string; peildatum: string; inwoners: number }>(`
      WITH peil AS (${sqlSchooljaarPeildatum(db)})
      SELECT COALESCE(j.gemeente_code, '${REGIO}') AS gemeente, j.schooljaar, any_value(p.peildatum) AS peildatum, COUNT(*)::INTEGER AS inwoners
      FROM jongeren_def j JOIN peil p ON p.schooljaar = j.schooljaar AND p.peildatum = j.peildatum
      WHERE j.leeftijd BETWEEN ${BBV_LEEFTIJD.van} AND ${BBV_LEEFTIJD.totEnMet}
      GROUP BY GROUPING SETS ((j.schooljaar, j.gemeente_code), (j.schooljaar))
      ORDER BY j.schooljaar, gemeente`),
    db.all<{ gemeente: string; schooljaar: string; absoluut: number; relatief: number }>(`
      SELECT COALESCE(gemeente_code, '${REGIO}') AS gemeente, schooljaar,
        COUNT(DISTINCT pseudo_id) FILTER (WHERE verzuimsoort = 'ABSOLUUT')::INTEGER AS absoluut,
        COUNT(DISTINCT pseudo_id) FILTER (WHERE verzuimsoort <> 'ABSOLUUT')::INTEGER AS relatief
      FROM verzuim_def WHERE regeling = 'LEERPLICHT'
      GROUP BY GROUPING SETS ((schooljaar, gemeente_code), (schooljaar))`),
    db.all<VsvCijfer>(`
      SELECT schooljaar, niveau, code, deelnemers::INTEGER AS deelnemers, vsv::INTEGER AS vsv FROM vsv_cijfers
      WHERE ${sqlVsvCijfersVanRegio(db)}
      ORDER BY schooljaar, niveau, code`),
  ]);

  // ---------------------------------------------------------------- verzuim per 1.000 inwoners 5–18
  const noemers = pub.tabel("bbv", inwoners, {
    tellingen: ["inwoners"], sleutels: ["gemeente", "peildatum"], totalen,
    sleutel: (r) => celSleutel("bbv.inwoners_5_17", { gemeente: r.gemeente, peildatum: r.peildatum }, { gemeente: REGIO }),
  });
  const tellerRijen = inwoners.flatMap((n) => {
    const v = verzuim.find((x) => x.gemeente === n.gemeente && x.schooljaar === n.schooljaar);
    return (["ABSOLUUT", "RELATIEF"] as const).map((soort) => ({
      gemeente: n.gemeente, schooljaar: n.schooljaar, soort, leerplichtigen: v ? (soort === "ABSOLUUT" ? v.absoluut : v.relatief) : 0,
    }));
  });
  const tellers = pub.tabel("bbv.verzuim", tellerRijen, { tellingen: ["leerplichtigen"], sleutels: ["gemeente", "schooljaar", "soort"], totalen });
  const rijen: BbvRij[] = tellers.map((t) => {
    const n = noemers.find((x) => x.gemeente === t.gemeente && x.schooljaar === t.schooljaar)!;
    return metWaarde({
      gemeente: t.gemeente, schooljaar: t.schooljaar, indicator: t.soort === "ABSOLUUT" ? "ABSOLUUT_VERZUIM" : "RELATIEF_VERZUIM",
      teller: t.leerplichtigen as number | null, noemer: n.inwoners as number | null,
    }, 1000);
  });

  // ---------------------------------------------------------------- vsv %
  // Gemeente counts are the jaarverslag's "ocw" cells (same keys); the regio's and the
  // country's official figures are public and not the sum of gemeenten: not suppressed there either.
  const leden = new Map<string, string[]>();
  const lid = (sj: string, code: string) => {
    if (!leden.has(sj)) leden.set(sj, ledenIn(db, sj));
    return leden.get(sj)!.includes(code);
  };
  const gemeenteVsv = vsv.filter((r) => r.niveau === "GEMEENTE" && lid(r.schooljaar, r.code));
  const gepubliceerd = pub.tabel("ocw", gemeenteVsv.map((r) => ({ niveau: r.niveau, code: r.code, schooljaar: r.schooljaar, vsv: r.vsv })), OCW_CEL);
  gemeenteVsv.forEach((r, i) => rijen.push(metWaarde({
    gemeente: r.code, schooljaar: r.schooljaar, indicator: "VSV", teller: gepubliceerd[i].vsv as number | null, noemer: r.deelnemers,
  }, 100)));
  for (const r of vsv.filter((x) => x.niveau !== "GEMEENTE")) {
    rijen.push(metWaarde({ gemeente: r.niveau === "REGIO" ? REGIO : LANDELIJK, schooljaar: r.schooljaar, indicator: "VSV", teller: r.vsv, noemer: r.deelnemers }, 100));
  }
  const volgorde = BBV_INDICATOREN.map((d) => d.indicator);
  rijen.sort((a, b) => volgorde.indexOf(a.indicator) - volgorde.indexOf(b.indicator) || a.schooljaar.localeCompare(b.schooljaar) || a.gemeente.localeCompare(b.gemeente));
  return {
    ...productKop(db, minimumCel),
    schooljaren: [...new Set(rijen.map((r) => r.schooljaar))].sort(),
    rijen,
  };
}
