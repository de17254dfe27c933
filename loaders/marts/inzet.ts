// The jaarverslag's inzet table: per gemeente (and REGIO), schooljaar and functie the fte
// (inzet.csv), the counts the leerplichtambtenaren and doorstroomcoaches carry and each
// count per fte (src/lib/inzet.ts), for every schooljaar in the data up to the report's (the
// trend).
//
// The counts are cells of the one publication. Those the jaarverslag publishes elsewhere are
// registered under the same definition and key, so they are the same cell with one fate: the
// Leerplicht meldingen of the year (lp), the trajecten of the year, the lopende and those
// teruggeleid naar onderwijs (vsv). Two are new cells: the trajecten gestart in the schooljaar
// and those running on the peildatum (the caseload); both are part of the trajecten of the year,
// which the audit is told (Koppeling.bevat). Afgesloten is all trajecten less the lopende, both
// published. Every figure per fte is computed from the published count, so a suppressed count
// has none. Fte is capacity, no count of jongeren: it is not suppressed.
import type { Staging } from "../db.ts";
import type { Rij, TotaalRelatie } from "../publish.ts";
import type { Publicatie } from "../publish/publicatie.ts";
import { celSleutel, tabelSleutel } from "../publish/koppeling.ts";
import { isLidOp } from "../config.ts";
import { RAPPORTGROEPEN, SQL_SCHOOLJAAR } from "../definitions.ts";
import { FUNCTIES } from "../schema.ts";
import { lijst } from "../sql.ts";
import { REGIO } from "../../src/lib/codes.ts";
import { dagInSchooljaar } from "../../src/lib/schooljaar.ts";
import { perFte, verschilVan, perFteKolom, INZET_MATEN } from "../../src/lib/inzet.ts";
import { ledenIn, type JaarverslagTabel } from "./jaarverslag-basis.ts";

const gemeenteTotaal: TotaalRelatie = { kolom: "gemeente", totaal: REGIO };

/** Per schooljaar and gemeente: the trajecten of the year, the lopende, teruggeleid and gestart. */
const SQL_TRAJECTEN = `
  SELECT schooljaar, gemeente_code AS gemeente, COUNT(*)::INTEGER AS trajecten,
    COUNT(*) FILTER (WHERE resultaat_in_jaar = 'LOPEND')::INTEGER AS lopend,
    COUNT(*) FILTER (WHERE resultaat_in_jaar IN (${lijst(RAPPORTGROEPEN.TERUGGELEID_NAAR_ONDERWIJS)}))::INTEGER AS teruggeleid,
    COUNT(*) FILTER (WHERE ${SQL_SCHOOLJAAR("startdatum")} = schooljaar)::INTEGER AS gestart
  FROM traject_schooljaar GROUP BY ALL`;

/** Trajecten running on a day: begun on or before it, not ended before it. */
const SQL_OPEN = (peildata: { sj: string; pd: string }[]) => `
  WITH p(schooljaar, peildatum) AS (VALUES ${peildata.map((p) => `('${p.sj}', DATE '${p.pd}')`).join(", ")})
  SELECT p.schooljaar, t.gemeente_code AS gemeente, COUNT(*)::INTEGER AS trajecten
  FROM vsv_trajecten t JOIN p ON t.startdatum <= p.peildatum AND (t.einddatum IS NULL OR t.einddatum >= p.peildatum)
  GROUP BY ALL`;

/** Sums of a source per schooljaar over the cells' gemeenten; REGIO is the sum of all its rows. */
function opRooster(cellen: { gemeente: string; schooljaar: string }[], bron: Rij[], telling: string): Rij[] {
  const som = new Map<string, number>();
  const tel = (k: string, n: number) => som.set(k, (som.get(k) ?? 0) + n);
  for (const r of bron) {
    const n = Number(r[telling] ?? 0);
    tel(`${r.schooljaar}|${r.gemeente}`, n);
    tel(`${r.schooljaar}|${REGIO}`, n);
  }
  return cellen.map((c) => ({ ...c, [telling]: som.get(`${c.schooljaar}|${c.gemeente}`) ?? 0 }));
}

const cache = new WeakMap<Staging, WeakMap<Publicatie, Map<string, Promise<Rij[]>>>>();

/** The inzet rows of every schooljaar in `jaren` (once per Staging and publication). */
export function inzetRijen(db: Staging, pub: Publicatie, jaren: string[]): Promise<Rij[]> {
  let perPub = cache.get(db);
  if (!perPub) cache.set(db, (perPub = new WeakMap()));
  let perJaren = perPub.get(pub);
  if (!perJaren) perPub.set(pub, (perJaren = new Map()));
  const sleutel = jaren.join(",");
  let p = perJaren.get(sleutel);
  if (!p) {
    perJaren.set(sleutel, (p = bereken(db, pub, jaren)));
    p.catch(() => {});
  }
  return p;
}

async function bereken(db: Staging, pub: Publicatie, jaren: string[]): Promise<Rij[]> {
  const [{ data_datum: dataDatum }] = await db.all<{ data_datum: string | null }>(`SELECT CAST(data_datum AS VARCHAR) AS data_datum FROM meta`);
  // The caseload needs the day to lie within the data: an open traject runs to the data's date.
  const peildata = jaren.map((sj) => ({ sj, pd: dagInSchooljaar(db.regio.vsvPeildatum, sj) })).filter((p) => dataDatum && p.pd <= dataDatum);
  const [fteBron, lpBron, trajectBron, openBron] = await Promise.all([
    db.all(`SELECT schooljaar, gemeente_code AS gemeente, functie, SUM(fte)::DOUBLE AS fte FROM inzet GROUP BY ALL`),
    db.all(`SELECT schooljaar, gemeente_code AS gemeente, COUNT(*)::INTEGER AS meldingen FROM verzuim_def WHERE regeling = 'LEERPLICHT' GROUP BY ALL`),
    db.all(SQL_TRAJECTEN),
    peildata.length ? db.all(SQL_OPEN(peildata)) : Promise.resolve([] as Rij[]),
  ]);
  const cellen = jaren.flatMap((sj) => [REGIO, ...ledenIn(db, sj)].map((gemeente) => ({ gemeente, schooljaar: sj })));
  // The same cells as the jaarverslag's: lp's year total, vsv's total, its lopende and its teruggeleide.
  const opties = { sleutels: ["gemeente", "schooljaar"], totalen: [gemeenteTotaal] };
  const lp = pub.tabel("lp", opRooster(cellen, lpBron, "meldingen"), { tellingen: ["meldingen"], ...opties });
  const trOpties = { tellingen: ["trajecten"], ...opties };
  const geOpties = { tellingen: ["gestart"], ...opties };
  const trajecten = pub.tabel("vsv", opRooster(cellen, trajectBron, "trajecten"), trOpties);
  const lopend = pub.tabel("vsv", opRooster(cellen, trajectBron, "lopend").map((r) => ({ ...r, groep: "LOPEND", resultaat: "LOPEND", trajecten: r.lopend })),
    { tellingen: ["trajecten"], sleutels: ["gemeente", "schooljaar", "groep", "resultaat"], totalen: [gemeenteTotaal] });
  const teruggeleid = pub.tabel("vsv", opRooster(cellen, trajectBron, "teruggeleid").map((r) => ({ ...r, groep: "TERUGGELEID_NAAR_ONDERWIJS", trajecten: r.teruggeleid })),
    { tellingen: ["trajecten"], sleutels: ["gemeente", "schooljaar", "groep"], totalen: [gemeenteTotaal] });
  const gestart = pub.tabel("vsv_gestart", opRooster(cellen, trajectBron, "gestart"), geOpties);
  // On the peildatum: only gemeenten that are members on it (the regio is theirs).
  const pdVan = new Map(peildata.map((p) => [p.sj, p.pd]));
  const lidOp = (g: string, pd: string) => g === REGIO || db.regio.gemeenten.some((x) => x.code === g && isLidOp(x, pd));
  const openCellen = cellen.filter((c) => pdVan.has(c.schooljaar) && lidOp(c.gemeente, pdVan.get(c.schooljaar)!));
  const openLeden = openBron.filter((r) => lidOp(String(r.gemeente), pdVan.get(String(r.schooljaar))!));
  const open = pub.tabel("vsv_open", opRooster(openCellen, openLeden, "trajecten").map((r) => ({ ...r, peildatum: pdVan.get(String(r.schooljaar)) })), trOpties);

  const sleutel = (r: Rij) => `${r.schooljaar}|${r.gemeente}`;
  const vind = (rows: Rij[]) => { const m = new Map(rows.map((r) => [sleutel(r), r])); return (c: Rij) => m.get(sleutel(c)); };
  const [lpVan, trVan, loVan, teVan, geVan, opVan] = [lp, trajecten, lopend, teruggeleid, gestart, open].map(vind);
  if (pub.koppeling) {
    // The trajecten of the year hold those gestart in it and those running on its peildatum: an
    // outsider knows each is at most the trajecten, and where they are equal (in the first
    // schooljaar of the export every traject began in it) sees that they are. A cell's key is
    // its gemeente and schooljaar; one the table has not (no caseload before joining) is -1.
    const k = pub.koppeling;
    const tr = tabelSleutel("vsv", trOpties);
    const delen = [
      { naam: "vsv_gestart", telling: "gestart", sleutel: tabelSleutel("vsv_gestart", geOpties) },
      { naam: "vsv_open", telling: "trajecten", sleutel: tabelSleutel("vsv_open", trOpties) },
    ];
    for (const c of cellen) {
      const geheel = k.zoek(tr(c, "trajecten"));
      for (const d of delen) {
        const deel = k.zoek(d.sleutel(c, d.telling));
        if (geheel >= 0 && deel >= 0) k.bevat(geheel, deel, celSleutel(`${d.naam}.rest`, c, { gemeente: REGIO }));
      }
    }
  }
  const fteVan = (g: string, sj: string, functie: string) => Math.round(fteBron
    .filter((r) => r.schooljaar === sj && r.functie === functie && (g === REGIO || r.gemeente === g))
    .reduce((s, r) => s + Number(r.fte), 0) * 100) / 100;

  const uit: Rij[] = [];
  for (const c of cellen) {
    for (const functie of FUNCTIES) {
      const f = fteVan(c.gemeente, c.schooljaar, functie);
      const rij: Rij = { gemeente: c.gemeente, schooljaar: c.schooljaar, functie, fte: f };
      const tellingen: Record<string, { w: unknown; onderdrukt: boolean }> = {};
      const zet = (maat: string, bron: Rij | undefined, kolom: string) => {
        tellingen[maat] = { w: bron?.[kolom], onderdrukt: Boolean(bron?.onderdrukt) };
      };
      if (functie === "LEERPLICHTAMBTENAAR") zet("meldingen", lpVan(c), "meldingen");
      if (functie === "DOORSTROOMCOACH") {
        zet("trajecten", trVan(c), "trajecten");
        const o = opVan(c);
        if (o) { rij.peildatum = o.peildatum; zet("trajecten_open", o, "trajecten"); }
        zet("trajecten_gestart", geVan(c), "gestart");
        const t = trVan(c);
        const l = loVan(c);
        tellingen.trajecten_afgesloten = { w: verschilVan(t?.trajecten, l?.trajecten), onderdrukt: Boolean(t?.onderdrukt || l?.onderdrukt) };
        zet("teruggeleid", teVan(c), "trajecten");
      }
      for (const d of INZET_MATEN) {
        const t = tellingen[d.maat];
        if (!t) continue;
        rij[d.maat] = typeof t.w === "number" ? t.w : null;
        rij[perFteKolom(d.maat)] = perFte(rij[d.maat], f);
        if (t.onderdrukt) rij.onderdrukt = true;
      }
      uit.push(rij);
    }
  }
  return uit;
}

/** Columns of the table, in the order of the definitions (src/lib/inzet.ts). */
export const INZET_KOLOMMEN = ["gemeente", "naam", "schooljaar", "functie", "fte", "peildatum",
  ...INZET_MATEN.flatMap((d) => [d.maat, perFteKolom(d.maat)])];

/** The jaarverslag's inzet table for schooljaar `sj`: its rows and those of the schooljaren before it. */
export async function inzetTabel(db: Staging, pub: Publicatie, sj: string, jaren: string[]): Promise<JaarverslagTabel> {
  const rijen = (await inzetRijen(db, pub, jaren)).filter((r) => String(r.schooljaar) <= sj);
  return {
    id: "inzet", codes: { functie: [...FUNCTIES] },
    titel: "Inzet: fte leerplichtambtenaren, doorstroomcoaches en jobhunters; meldingen, caseload en trajecten per fte, over de schooljaren",
    rijen, kolommen: INZET_KOLOMMEN,
  };
}
