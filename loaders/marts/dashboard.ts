// The regional dashboard and the gemeente pages: the doelgroepen per gemeente and
// peildatum, JIKP in the monitor per moment, and key figures per schooljaar. Every count
// leaves through onderdruk(), with the regio total beside its gemeenten.
import type { Staging } from "../db.ts";
import { controleerGeenIds } from "../publish.ts";
import { celSleutel } from "../publish/koppeling.ts";
import { publicatie as publicatieVan, type Publicatie } from "../publish/publicatie.ts";
import { jongerenSleutel } from "./jaarverslag-basis.ts";
import { DOELGROEPEN, schooljaar, sqlDoelgroepSommen } from "../definitions.ts";
import { thuiszittersSql, thuiszitterSleutel, totaalSoorten } from "./thuiszitters.ts";
import { dekking, type Dekking } from "../../src/lib/lidmaatschap.ts";
import { BREUKEN, deelCode } from "../../src/lib/breuken.ts";
import { monitorSite, type MonitorSite } from "./monitor.ts";
import { monitorDelen, peildatumDelen, trajectDelen } from "./gelijk.ts";
import { REGIO, TOTAAL } from "../../src/lib/codes.ts";
import type { DoelgroepRij, MonitorRij, KerncijferRij, Dashboard } from "../../src/lib/dashboard-data.ts";

export { REGIO };

/** The measures of the key-figure cards, in display order. */
export const KERNCIJFERS = [
  "jongeren", "leerplichtig", "kwalificatieplichtig", "verzuimmeldingen", "thuiszitters",
  "vsv_nieuw", "vsv_oud", "neet", "vsv_benaderd", "jikp_niet_in_beeld",
] as const;

export type { DoelgroepRij, MonitorRij, KerncijferRij, Dashboard };

/** The totals in SQL: each gemeente row, and a REGIO row over the same records (GROUPING SETS). */
const metRegio = (kolom: string) => `COALESCE(${kolom}, '${REGIO}')`;

export async function dashboard(db: Staging, opties: { minimumCel?: number; publicatie?: Publicatie } = {}): Promise<Dashboard> {
  const minimumCel = opties.minimumCel ?? db.regio.publicatie.minimumCel;
  const pub = opties.publicatie ?? await publicatieVan(db, minimumCel);
  // The queries are independent: asked for at once, DuckDB works on them side by side while
  // the monitor's suppression runs. Monitor figures come from the monitor mart, already
  // suppressed there: the same cell on two pages must be suppressed the same way, or
  // comparing them could give a small count back.
  const [[meta], breed, site, kernEnDekking] = await Promise.all([
    db.all<{ data_datum: string }>(`SELECT data_datum FROM meta`),
    db.all<Record<string, any>>(`
      SELECT ${metRegio("gemeente_code")} AS gemeente, peildatum, any_value(schooljaar) AS schooljaar,
        SUM(jongeren)::INTEGER AS totaal, ${sqlDoelgroepSommen((d) => d.toLowerCase())}
      FROM jongeren_telling GROUP BY GROUPING SETS ((gemeente_code, peildatum), (peildatum))
      ORDER BY peildatum, gemeente`),
    monitorSite(db, { minimumCel, publicatie: pub }),
    kerncijfers(db),
  ]);
  const kern = kernEnDekking.rijen;
  const doelgroepRijen: DoelgroepRij[] = breed.flatMap((r) =>
    [TOTAAL, ...DOELGROEPEN].map((d) => ({
      gemeente: r.gemeente, peildatum: r.peildatum, schooljaar: r.schooljaar, doelgroep: d,
      jongeren: r[d === TOTAAL ? "totaal" : d.toLowerCase()],
    })));

  const monitorRijen = monitorUitSite(site);
  const nietInBeeld = nietInBeeldPerSchooljaar(site);
  const gelijk = await leeftijdsDelen(db, pub);
  const sleutelsD = ["gemeente", "peildatum", "doelgroep"];
  const totalen = [{ kolom: "gemeente", totaal: REGIO }];
  const doelgroepen = [...pub.tabel("jongeren", doelgroepRijen, {
    tellingen: ["jongeren"], sleutels: sleutelsD, totalen, sleutel: (r) => jongerenSleutel(String(r.doelgroep), r.gemeente, r.peildatum),
  }), ...gelijk];
  const kernPub = pub.tabel("kern", kern, { tellingen: ["waarde"], sleutels: ["gemeente", "schooljaar", "maat"], totalen, sleutel: (r) => kernSleutel(db, r) });
  const uit: Dashboard = {
    regio: db.regio.naam,
    dataDatum: meta.data_datum,
    minimumCel,
    gemeenten: db.regio.gemeenten.map((g) => ({ code: g.code, naam: g.naam, vanaf: g.vanaf ?? null, tot: g.tot ?? null })),
    schooljaren: [...new Set(kern.map((r) => r.schooljaar))].sort(),
    dekking: kernEnDekking.dekking,
    doelgroepen,
    monitor: monitorRijen,
    kerncijfers: [
      ...kernPub.map(({ peildatum: _p, ...r }) => r),
      ...nietInBeeld.rijen,
      // Like with like across a break (loaders/marts/gelijk.ts): the part counted as before it.
      ...peildatumDelen(kernPub, gelijk),
      ...await trajectDelen(db, pub, kernPub),
      ...await monitorDelen(db, pub, nietInBeeld.rijen, nietInBeeld.laatste),
    ],
  };
  controleerGeenIds([...uit.doelgroepen, ...uit.monitor, ...uit.kerncijfers], "dashboard");
  return uit;
}

/** The schooljaar's peildatum (schooljaar, peildatum): on the regio's vsvPeildatum if present, else the latest. */
export function sqlSchooljaarPeildatum(db: Staging): string {
  const [maand, dag] = db.regio.vsvPeildatum.split("-").map(Number);
  return `SELECT schooljaar, COALESCE(max(peildatum) FILTER (WHERE month(peildatum) = ${maand} AND day(peildatum) = ${dag}), max(peildatum)) AS peildatum
      FROM (SELECT DISTINCT schooljaar, peildatum FROM jongeren_telling) GROUP BY schooljaar`;
}

/**
 * Key figures per schooljaar, for every gemeente that was a member in it and the regio
 * (src/lib/lidmaatschap.ts). Population measures are taken on a peildatum: the regio's (its
 * vsvPeildatum if present, else the latest in the year), for a gemeente that was no member on
 * it its own first (or last) peildatum as a member; the regio row covers the gemeenten counted
 * on the regio's peildatum. Measures over the schooljaar count each gemeente for its
 * membership; the regio row is their sum.
 */
async function kerncijfers(db: Staging): Promise<{ rijen: (KerncijferRij & { peildatum: string | null })[]; dekking: Dekking[] }> {
  const peil = await db.all<{ schooljaar: string; peildatum: string }>(`SELECT DISTINCT schooljaar, peildatum FROM jongeren_telling ORDER BY 1, 2`);
  const peildata = peil.map((p) => p.peildatum);
  const jaren = [...new Set(peil.map((p) => p.schooljaar))];
  const dekkingen = jaren.map((sj) => dekking(db.regio.gemeenten, sj, peildata, db.regio.vsvPeildatum));
  const keuze = dekkingen.flatMap((d) => [
    { schooljaar: d.schooljaar, gemeente: REGIO, peildatum: d.peildatum },
    ...d.gemeenten.map((g) => ({ schooljaar: d.schooljaar, gemeente: g.code, peildatum: g.peildatum })),
  ]);
  if (!keuze.length) return { rijen: [], dekking: [] };
  const lit = (v: string | null) => (v === null ? "NULL::DATE" : `DATE '${v}'`);
  const doelgroepen = DOELGROEPEN.map((d) => d.toLowerCase());
  const rijen = await db.all<KerncijferRij & { peildatum: string | null }>(`
    WITH keuze(schooljaar, gemeente, peildatum) AS (VALUES ${keuze.map((k) => `('${k.schooljaar}', '${k.gemeente}', ${lit(k.peildatum)})`).join(", ")}),
    populatie AS (
      SELECT k.schooljaar, k.gemeente, SUM(j.jongeren)::INTEGER AS jongeren, ${sqlDoelgroepSommen((d) => d.toLowerCase())}
      FROM keuze k JOIN jongeren_telling j ON j.peildatum = k.peildatum AND (k.gemeente = '${REGIO}' OR j.gemeente_code = k.gemeente)
      GROUP BY k.schooljaar, k.gemeente
    ),
    verzuim AS (
      SELECT schooljaar, ${metRegio("gemeente_code")} AS gemeente,
        COUNT(*) FILTER (WHERE regeling = 'LEERPLICHT')::INTEGER AS verzuimmeldingen
      FROM verzuim_def GROUP BY GROUPING SETS ((schooljaar, gemeente_code), (schooljaar))
    ),
    -- The jaarverslag's thuiszitters (the regio's definition): its total over the soorten of the definition.
    tz AS (
      SELECT schooljaar, ${metRegio("gemeente")} AS gemeente,
        COALESCE(SUM(jongeren) FILTER (WHERE soort IN (${totaalSoorten(db).map((x) => `'${x}'`).join(", ")})), 0)::INTEGER AS thuiszitters
      FROM (${thuiszittersSql(db)}) GROUP BY GROUPING SETS ((schooljaar, gemeente), (schooljaar))
    ),
    trajecten AS (
      SELECT schooljaar, ${metRegio("gemeente_code")} AS gemeente, COUNT(DISTINCT traject_id)::INTEGER AS vsv_benaderd
      FROM traject_schooljaar GROUP BY GROUPING SETS ((schooljaar, gemeente_code), (schooljaar))
    ),
    breed AS (
      -- Population null where the gemeente has no peildatum as a member in the year.
      SELECT k.schooljaar, k.gemeente, k.peildatum, ${["jongeren", ...doelgroepen].map((c) => `p.${c}`).join(", ")},
        COALESCE(v.verzuimmeldingen, 0) AS verzuimmeldingen, COALESCE(tz.thuiszitters, 0) AS thuiszitters,
        COALESCE(t.vsv_benaderd, 0) AS vsv_benaderd
      FROM keuze k
      LEFT JOIN populatie p ON p.schooljaar = k.schooljaar AND p.gemeente = k.gemeente
      LEFT JOIN verzuim v ON v.schooljaar = k.schooljaar AND v.gemeente = k.gemeente
      LEFT JOIN tz ON tz.schooljaar = k.schooljaar AND tz.gemeente = k.gemeente
      LEFT JOIN trajecten t ON t.schooljaar = k.schooljaar AND t.gemeente = k.gemeente
    )
    SELECT gemeente, schooljaar, maat, waarde, peildatum FROM breed
    UNPIVOT INCLUDE NULLS (waarde FOR maat IN (jongeren, leerplichtig, kwalificatieplichtig, verzuimmeldingen, thuiszitters,
      vsv_nieuw, vsv_oud, neet, vsv_benaderd))
    ORDER BY schooljaar, gemeente, maat`);
  return { rijen, dekking: dekkingen };
}

/**
 * Like with like after a break in the series (src/lib/breuken.ts): on the peildata after it,
 * the doelgroepen it touches also as the part counted as before (VSV_OUD_18_22) and the rest
 * (VSV_OUD_23_26), each a cell beside the whole (the same cell as the doelgroep's), so the
 * suppression sees "whole = part + rest" and no small rest can be had by subtraction.
 */
async function leeftijdsDelen(db: Staging, pub: Publicatie): Promise<DoelgroepRij[]> {
  const uit: DoelgroepRij[] = [];
  for (const b of BREUKEN) {
    if (!b.gelijk) continue;
    const g = b.gelijk;
    const rijen = await db.all<Record<string, any>>(`
      SELECT ${metRegio("gemeente_code")} AS gemeente, peildatum, any_value(schooljaar) AS schooljaar,
        ${g.doelgroepen.map((d) => `COALESCE(SUM(jongeren) FILTER (WHERE ${d.toLowerCase()}), 0)::INTEGER AS "${d}",
          COALESCE(SUM(jongeren) FILTER (WHERE ${d.toLowerCase()} AND onder_oude_grens), 0)::INTEGER AS "${deelCode(d, g.deel)}"`).join(", ")}
      FROM jongeren_telling WHERE peildatum >= DATE '${b.datum}'
      GROUP BY GROUPING SETS ((gemeente_code, peildatum), (peildatum)) ORDER BY peildatum, gemeente`);
    const cellen = rijen.flatMap((r) => g.doelgroepen.flatMap((d) => [
      { gemeente: r.gemeente, peildatum: r.peildatum, schooljaar: r.schooljaar, doelgroep: d, leeftijden: "ALLE", jongeren: r[d] as number },
      { gemeente: r.gemeente, peildatum: r.peildatum, schooljaar: r.schooljaar, doelgroep: d, leeftijden: g.deel, jongeren: r[deelCode(d, g.deel)] as number },
      { gemeente: r.gemeente, peildatum: r.peildatum, schooljaar: r.schooljaar, doelgroep: d, leeftijden: g.rest, jongeren: (r[d] as number) - (r[deelCode(d, g.deel)] as number) },
    ]));
    const gepubliceerd = pub.tabel("jongeren", cellen, {
      tellingen: ["jongeren"], sleutels: ["gemeente", "peildatum", "doelgroep", "leeftijden"],
      totalen: [{ kolom: "gemeente", totaal: REGIO }, { kolom: "leeftijden", totaal: "ALLE" }],
      sleutel: (r) => celSleutel(`jongeren.${String(r.doelgroep)}`, { gemeente: r.gemeente, peildatum: r.peildatum, leeftijden: r.leeftijden },
        { gemeente: REGIO, leeftijden: "ALLE" }),
    });
    for (const r of gepubliceerd) {
      if (r.leeftijden === "ALLE") continue;
      const { leeftijden, doelgroep, ...rest } = r;
      uit.push({ ...rest, doelgroep: deelCode(doelgroep, leeftijden) } as DoelgroepRij);
    }
  }
  return uit;
}

/**
 * The cell of a key figure: the same cell as the jaarverslag's where it counts the same (the
 * doelgroepen on the schooljaar's peildatum, Leerplicht meldingen, VSV-trajecten), so the
 * two can never show one count two ways.
 */
function kernSleutel(db: Staging, r: Record<string, unknown>): string {
  const maat = String(r.maat);
  const gemeente = r.gemeente;
  if (maat === "verzuimmeldingen") return celSleutel("lp.meldingen", { gemeente, schooljaar: r.schooljaar }, { gemeente: REGIO });
  if (maat === "vsv_benaderd") return celSleutel("vsv.trajecten", { gemeente, schooljaar: r.schooljaar }, { gemeente: REGIO });
  if (maat === "thuiszitters") return thuiszitterSleutel(db, { gemeente, schooljaar: r.schooljaar, soort: TOTAAL });
  return jongerenSleutel(maat === "jongeren" ? "TOTAAL" : maat.toUpperCase(), gemeente, r.peildatum);
}

/** Everyone in the monitor and those nowhere in view, per gemeente, moment and groep. */
function monitorUitSite(site: MonitorSite): MonitorRij[] {
  const iTotaal = site.statussen.indexOf("TOTAAL");
  const iNiet = site.statussen.indexOf("NIET_IN_BEELD");
  const uit: MonitorRij[] = [];
  for (const m of site.momenten) {
    for (const [gemeente, groepen] of Object.entries(m.statussen)) {
      for (const groep of ["JIKP", "VSV"]) {
        const rij = groepen[groep]?.ALLE;
        if (!rij) continue;
        const r: MonitorRij = { gemeente, moment: m.moment, schooljaar: schooljaar(m.moment), groep, jongeren: rij[iTotaal], niet_in_beeld: rij[iNiet] };
        if (r.jongeren === null || r.niet_in_beeld === null) r.onderdrukt = true;
        uit.push(r);
      }
    }
  }
  return uit.sort((a, b) => a.moment.localeCompare(b.moment) || a.groep.localeCompare(b.groep) || a.gemeente.localeCompare(b.gemeente));
}

/**
 * Key figure "niet in beeld": the latest moment of each schooljaar, JIKP and VSV together —
 * the monitor page's own (suppressed) cell, not a sum of two suppressed ones.
 */
function nietInBeeldPerSchooljaar(site: MonitorSite): { rijen: KerncijferRij[]; laatste: Map<string, string> } {
  const iNiet = site.statussen.indexOf("NIET_IN_BEELD");
  const laatste = new Map<string, MonitorSite["momenten"][number]>();
  for (const m of site.momenten) {
    const sj = schooljaar(m.moment);
    if (!laatste.has(sj) || laatste.get(sj)!.moment < m.moment) laatste.set(sj, m);
  }
  const uit: KerncijferRij[] = [];
  for (const [sj, m] of laatste) {
    for (const [gemeente, groepen] of Object.entries(m.statussen)) {
      const waarde = groepen.ALLE?.ALLE?.[iNiet];
      if (waarde === undefined) continue;
      uit.push(waarde === null ? { gemeente, schooljaar: sj, maat: "jikp_niet_in_beeld", waarde, onderdrukt: true }
        : { gemeente, schooljaar: sj, maat: "jikp_niet_in_beeld", waarde });
    }
  }
  return { rijen: uit, laatste: new Map([...laatste].map(([sj, m]) => [sj, m.moment])) };
}
