// The sources of the jaarverslag's tables (loaders/marts/jaarverslag.ts): one query each over
// the staging database, read once per Staging, and the schooljaren that have data.
import type { Staging } from "../db.ts";
import type { Rij } from "../publish.ts";
import { RAPPORTGROEPEN, sqlDoelgroepSommen } from "../definitions.ts";
import { lit, lijst } from "../sql.ts";
import { SCHOOLJAAR_EXPORTS } from "../nodig.ts";
import { exportsIn } from "../hoofdstukken-nodig.ts";
import { REGIO } from "../../src/lib/codes.ts";
import { thuiszittersSql } from "./thuiszitters.ts";
import { sqlVsvCijfersVanRegio } from "./ocw.ts";

/** Luxe verzuim without a handhaving filled in. */
export const HANDHAVING_ONBEKEND = "ONBEKEND";


/** Schooljaren that have data: a peildatum, melding, vrijstelling, traject start or inzet in them. */
const schooljarenCache = new WeakMap<Staging, Promise<string[]>>();

export function schooljarenInData(db: Staging): Promise<string[]> {
  let p = schooljarenCache.get(db);
  if (!p) schooljarenCache.set(db, (p = leesSchooljaren(db)));
  return p;
}

/** Per export with dates (loaders/nodig.ts SCHOOLJAAR_EXPORTS): its schooljaren. */
const SCHOOLJAREN_SQL: Record<(typeof SCHOOLJAAR_EXPORTS)[number], string> = {
  "jongeren.csv": "SELECT schooljaar FROM jongeren_telling",
  "verzuimmeldingen.csv": "SELECT schooljaar FROM verzuim_def",
  "vrijstellingen.csv": "SELECT schooljaar FROM vrijstelling_def",
  "inzet.csv": "SELECT schooljaar FROM inzet",
  "vsv_trajecten.csv": `SELECT schooljaar FROM traject_schooljaar t
        WHERE t.startdatum BETWEEN CAST(substr(schooljaar, 1, 4) || '-08-01' AS DATE) AND CAST(substr(schooljaar, 6, 4) || '-07-31' AS DATE)`,
};

async function leesSchooljaren(db: Staging): Promise<string[]> {
  // Of the exports delivered only (a partial delivery: loaders/hoofdstukken-nodig.ts).
  const er = await exportsIn(db);
  const delen = SCHOOLJAAR_EXPORTS.filter((b) => er.has(b)).map((b) => SCHOOLJAREN_SQL[b]);
  if (!delen.length) return [];
  const rows = await db.all<{ schooljaar: string }>(`
    SELECT DISTINCT schooljaar FROM (${delen.join("\n      UNION ALL ")}) ORDER BY schooljaar`);
  return rows.map((r) => r.schooljaar);
}

/**
 * The sources of the tables: one query each over every schooljaar in the data, with a column
 * schooljaar, from which each table takes its schooljaren's rows. The site and the PDF want
 * the tables of several schooljaren, and a query per source per schooljaar cost more than all
 * the counting. Nothing in a table depends on the order of a source's rows (sums, lookups by
 * key, sorted code lists), except where an ORDER BY says so.
 */
const BRONNEN = {
  /** Every peildatum of every schooljaar: per gemeente and onderwijssoort, all jongeren and each doelgroep. */
  jongeren: () => `
      SELECT schooljaar, peildatum, gemeente_code AS gemeente, onderwijssoort, SUM(jongeren)::INTEGER AS leerlingen,
        ${sqlDoelgroepSommen((d) => d)}
      FROM jongeren_telling GROUP BY ALL ORDER BY schooljaar, peildatum DESC`,
  lp: () => `
    SELECT schooljaar, gemeente_code AS gemeente, strftime(melddatum, '%Y-%m') AS maand, verzuimsoort, COUNT(*)::INTEGER AS meldingen
    FROM verzuim_def WHERE regeling = 'LEERPLICHT' GROUP BY ALL`,
  dsp: () => `
    SELECT schooljaar, gemeente_code AS gemeente, verzuimsoort,
      CASE WHEN doorlopend THEN 'DOORLOPEND' ELSE COALESCE(resultaat, '${HANDHAVING_ONBEKEND}') END AS resultaat,
      COUNT(*)::INTEGER AS meldingen
    FROM verzuim_def WHERE regeling = 'DOORSTROOMPUNT' GROUP BY ALL`,
  verzuimJongeren: () => `
    SELECT schooljaar, COALESCE(gemeente_code, '${REGIO}') AS gemeente, regeling, verzuimsoort,
      COUNT(DISTINCT pseudo_id)::INTEGER AS jongeren
    FROM verzuim_def
    GROUP BY GROUPING SETS ((schooljaar, gemeente_code, regeling, verzuimsoort), (schooljaar, regeling, verzuimsoort))`,
  luxe: () => `
    SELECT schooljaar, gemeente_code AS gemeente, COALESCE(handhaving, '${HANDHAVING_ONBEKEND}') AS handhaving, COUNT(*)::INTEGER AS meldingen
    FROM verzuim_def WHERE regeling = 'LEERPLICHT' AND verzuimsoort = 'LUXE' GROUP BY ALL`,
  /** One row per thuiszitter, by the regio's definition (marts/thuiszitters.ts). */
  thuiszitters: (db) => thuiszittersSql(db),
  vrijstellingen: () => `
    SELECT schooljaar, gemeente_code AS gemeente, artikel, COUNT(*)::INTEGER AS vrijstellingen
    FROM vrijstelling_def WHERE besluit = 'TOEGEKEND' GROUP BY ALL`,
  dspJongeren: () => `
    WITH m AS (
      SELECT schooljaar, gemeente_code, pseudo_id,
        CASE WHEN doorlopend THEN 'DOORLOPEND' ELSE COALESCE(resultaat, '${HANDHAVING_ONBEKEND}') END AS resultaat
      FROM verzuim_def WHERE regeling = 'DOORSTROOMPUNT')
    SELECT schooljaar, COALESCE(gemeente_code, '${REGIO}') AS gemeente, resultaat,
      COUNT(DISTINCT pseudo_id)::INTEGER AS jongeren
    FROM m GROUP BY GROUPING SETS ((schooljaar, gemeente_code, resultaat), (schooljaar, resultaat))`,
  vsv: () => `
    SELECT schooljaar, gemeente_code AS gemeente, vsv_type, resultaat_in_jaar AS resultaat, COUNT(*)::INTEGER AS trajecten
    FROM traject_schooljaar GROUP BY ALL`,
  vsvJongeren: () => `
    WITH t AS (SELECT * FROM traject_schooljaar),
    c AS (
      SELECT schooljaar, gemeente_code, pseudo_id, 'TOTAAL' AS categorie FROM t
      UNION ALL SELECT schooljaar, gemeente_code, pseudo_id, vsv_type FROM t
      ${Object.entries(RAPPORTGROEPEN).map(([g, codes]) =>
        `UNION ALL SELECT schooljaar, gemeente_code, pseudo_id, ${lit(g)} FROM t WHERE resultaat_in_jaar IN (${lijst(codes)})`).join("\n")})
    SELECT schooljaar, COALESCE(gemeente_code, '${REGIO}') AS gemeente, categorie, COUNT(DISTINCT pseudo_id)::INTEGER AS jongeren
    FROM c GROUP BY GROUPING SETS ((schooljaar, gemeente_code, categorie), (schooljaar, categorie))`,
  /** Every year in the file, for the gemeenten of regio.json: each schooljaar keeps its members. */
  vsvCijfers: (db) => `
    SELECT schooljaar, niveau, code, deelnemers, vsv FROM vsv_cijfers WHERE ${sqlVsvCijfersVanRegio(db)}
    ORDER BY CASE niveau WHEN 'LANDELIJK' THEN 0 WHEN 'REGIO' THEN 1 ELSE 2 END, code, schooljaar`,
} satisfies Record<string, (db: Staging) => string>;

/** The export each source reads: the source of an export not delivered is empty (its chapters are not made). */
const BRON_EXPORT: Record<keyof typeof BRONNEN, string> = {
  jongeren: "jongeren.csv", lp: "verzuimmeldingen.csv", dsp: "verzuimmeldingen.csv", verzuimJongeren: "verzuimmeldingen.csv",
  luxe: "verzuimmeldingen.csv", thuiszitters: "verzuimmeldingen.csv", vrijstellingen: "vrijstellingen.csv",
  dspJongeren: "verzuimmeldingen.csv", vsv: "vsv_trajecten.csv", vsvJongeren: "vsv_trajecten.csv", vsvCijfers: "vsv_cijfers.csv",
};

const bronCache = new WeakMap<Staging, Map<string, Promise<{ alle: Rij[]; perJaar: Map<unknown, Rij[]> }>>>();

/**
 * Every source, read once per Staging: all asked for at once when the first table is made,
 * so DuckDB works on them side by side (each query on a connection of its own).
 */
export function bronnen(db: Staging) {
  let perNaam = bronCache.get(db);
  if (!perNaam) {
    bronCache.set(db, (perNaam = new Map()));
    const er = exportsIn(db);
    for (const [naam, sql] of Object.entries(BRONNEN)) {
      const p = er.then((e) => (e.has(BRON_EXPORT[naam as keyof typeof BRONNEN]) ? db.all(sql(db)) : []))
        .then((alle) => ({ alle, perJaar: splits(alle, "schooljaar") }));
      // A failure is reported where the source is used, not also as an unhandled rejection.
      p.catch(() => {});
      perNaam.set(naam, p);
    }
  }
  return perNaam;
}

/** Rows by their value of `kolom`, each group in the order of the rows. */
function splits(rows: Rij[], kolom: string): Map<unknown, Rij[]> {
  const uit = new Map<unknown, Rij[]>();
  for (const r of rows) {
    const groep = uit.get(r[kolom]);
    if (groep) groep.push(r);
    else uit.set(r[kolom], [r]);
  }
  return uit;
}

/** The rows of source `naam` in the given schooljaren (without: all rows, in order). */
export async function bron(db: Staging, naam: string, jaren?: string[]): Promise<Rij[]> {
  const b = await bronnen(db).get(naam)!;
  return jaren ? jaren.flatMap((sj) => b.perJaar.get(sj) ?? []) : b.alle;
}
