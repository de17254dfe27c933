// The jaarverslag's tables (docs/uitvoer.md §2), shared by `npm run jaarverslag` and the
// site's jaarverslag pages, so a number is computed one way.
//
// Every table has rows for each gemeente that was a member in the row's schooljaar plus a
// "REGIO" row, on a full grid (zeros included), and goes through onderdruk(). Where one
// count is the sum of other published counts — in the same table or in another one (the
// Leerplicht meldingen of the year in `inzet` are the sum of the verzuimsoorten, the month table adds up to
// the year) — the sum is a total row in the same suppression run, so a single suppressed
// part can never be computed back. Those helper totals are dropped from the output where the
// contract does not have them.
import type { Staging } from "../db.ts";
import { GebruikersFout } from "../errors.ts";
import { controleerGeenIds, type Rij, type TotaalRelatie } from "../publish.ts";
import { celSleutel, tabelSleutel } from "../publish/koppeling.ts";
import { publicatie as publicatieVan, type Publicatie } from "../publish/publicatie.ts";
import { vorigSchooljaar, RAPPORTGROEPEN, DOELGROEPEN, sqlDoelgroepSommen } from "../definitions.ts";
import {
  ONDERWIJSSOORTEN, VERZUIMSOORTEN, VERZUIM_RESULTATEN, HANDHAVINGEN, ARTIKELEN, VSV_RESULTATEN, VSV_TYPES,
} from "../schema.ts";
import { datum as formatDatum } from "../../src/lib/format.ts";
import { inpakken, type JvData, type JvDataKort } from "../../src/lib/jaarverslag-data.ts";
import { REGIO, TOTAAL, ALLE } from "../../src/lib/codes.ts";
import { TEKST_NAMEN } from "../../src/lib/hoofdstukken.ts";
import { SQL_VRIJGESTELD_OP, definitiesVan } from "../../src/lib/definities.ts";
import { dekking, dekkingTekst } from "../../src/lib/lidmaatschap.ts";
import { ledenIn, type JaarverslagTabel } from "./jaarverslag-basis.ts";
import { inzetTabel } from "./inzet.ts";
import { leesTeksten } from "./teksten.ts";
import { thuiszittersSql, thuiszitterSleutel, totaalSoorten, TZ_TOTAAL } from "./thuiszitters.ts";
import { productKop } from "./kop.ts";
import { SCHOOLJAAR_EXPORTS } from "../nodig.ts";
import { exportsIn, ontbrekendeHoofdstukken, tabellenVan, TABEL_VOLGORDE } from "../hoofdstukken-nodig.ts";

export { REGIO };
export { ledenIn, type JaarverslagTabel };

/** Onderwijssoorten of the leerlingen table (the issue's list; HO and GEEN are no leerlingen). */
export const LEERLING_SOORTEN = ONDERWIJSSOORTEN.filter((o) => o !== "HO" && o !== "GEEN");
/** Doorstroompunt results: the verzuim result codes, and DOORLOPEND for meldingen still running. */
export const DSP_RESULTATEN = [...VERZUIM_RESULTATEN, "DOORLOPEND"];
export const VSV_RESULTATEN_JAAR = [...VSV_RESULTATEN, "LOPEND"];
/** Luxe verzuim without a handhaving filled in. */
export const HANDHAVING_ONBEKEND = "ONBEKEND";

export interface JaarverslagOpties {
  minimumCel: number;
  gemeente?: string;
  /** The publication to take suppression from (default: the data directory's own). */
  publicatie?: Publicatie;
}

/** The cell of a doelgroep's jongeren in a gemeente (or REGIO) on a peildatum, as every output counts it. */
export function jongerenSleutel(doelgroep: string, gemeente: unknown, peildatum: unknown): string {
  return celSleutel(`jongeren.${doelgroep}`, { gemeente, peildatum }, { gemeente: REGIO });
}

/** Report groups of a VSV result: TERUGGELEID_NAAR_ONDERWIJS, ONDERWIJS_NIET_HAALBAAR, else null. */
export function rapportgroep(resultaat: string): string | null {
  for (const [groep, codes] of Object.entries(RAPPORTGROEPEN)) if (codes.includes(resultaat)) return groep;
  return null;
}

// ------------------------------------------------------------------ schooljaren and gemeenten

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const lijst = (xs: readonly string[]) => xs.map(lit).join(", ");

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

/** Checks --schooljaar and --gemeente against the data; a GebruikersFout lists what exists. */
export async function controleerKeuze(db: Staging, schooljaar: string, gemeente?: string): Promise<void> {
  const jaren = await schooljarenInData(db);
  const m = /^(\d{4})-(\d{4})$/.exec(schooljaar);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) {
    throw new GebruikersFout(`--schooljaar "${schooljaar}" is geen schooljaar; schrijf het als 2022-2023. ` +
      `Schooljaren in de gegevens: ${jaren.join(", ") || "geen"}`);
  }
  if (!jaren.includes(schooljaar)) {
    throw new GebruikersFout(`Schooljaar ${schooljaar} staat niet in de gegevens. Schooljaren in de gegevens: ${jaren.join(", ") || "geen"}`);
  }
  if (gemeente !== undefined) {
    const leden = ledenIn(db, schooljaar);
    if (!leden.includes(gemeente.toUpperCase())) {
      const namen = db.regio.gemeenten.filter((g) => leden.includes(g.code)).map((g) => `${g.code} (${g.naam})`);
      const bekend = db.regio.gemeenten.find((g) => g.code === gemeente.toUpperCase());
      throw new GebruikersFout(
        (bekend ? `Gemeente ${bekend.code} (${bekend.naam}) was in ${schooljaar} geen lid van de regio.`
          : `Gemeente "${gemeente}" staat niet in regio.json.`) +
        ` Gemeenten in ${schooljaar}: ${namen.join(", ")}`);
    }
  }
}

// ------------------------------------------------------------------ grid helpers

type Dims = [string, readonly string[]][];

/** Every combination of schooljaar × (REGIO + member gemeenten) × the dimensions. */
function cellen(db: Staging, jaren: string[], dims: (sj: string) => Dims): Rij[] {
  const uit: Rij[] = [];
  for (const sj of jaren) {
    const d = dims(sj);
    const waarden: string[] = [];
    // The first dimension varies slowest; a cell's columns are gemeente, schooljaar, the dimensions.
    const vul = (gemeente: string, i: number) => {
      if (i < d.length) {
        for (const w of d[i][1]) {
          waarden[i] = w;
          vul(gemeente, i + 1);
        }
        return;
      }
      const cel: Rij = { gemeente, schooljaar: sj };
      for (let j = 0; j < d.length; j++) cel[d[j][0]] = waarden[j];
      uit.push(cel);
    };
    for (const gemeente of [REGIO, ...ledenIn(db, sj)]) vul(gemeente, 0);
  }
  return uit;
}

/**
 * A cell's key: its values joined by a character no code contains. Cells hold text only, so
 * any other value in a source row (a null) gets a mark that keeps it from ever matching a
 * cell, as a JSON key did.
 */
const deel = (v: unknown): string => (typeof v === "string" ? v : `\u0001${String(v)}`);
function sleutel(r: Rij, kolommen: string[]): string {
  let key = deel(r[kolommen[0]]);
  for (let i = 1; i < kolommen.length; i++) key += `\u0000${deel(r[kolommen[i]])}`;
  return key;
}

/**
 * Fills an additive count into cells (a grid of cellen(), filled in place) from the
 * finest-grain rows: a cell value equal to its column's total label (REGIO, TOTAAL, ALLE)
 * matches every value of that column.
 */
function somIn(cel: Rij[], bron: Rij[], telling: string, totalen: Record<string, string>): Rij[] {
  if (cel.length === 0) return [];
  const sleutels = Object.keys(cel[0]);
  const m = sleutels.length;
  // Each column's values in the cells as small numbers, so a cell's key is one number (the
  // columns in mixed radix). A source value no cell has matches no cell (undefined).
  const nummers: Map<unknown, number>[] = [];
  const ids = new Int32Array(cel.length * m);
  for (let i = 0; i < m; i++) {
    const nummer = new Map<unknown, number>();
    for (let c = 0; c < cel.length; c++) {
      const w = cel[c][sleutels[i]];
      let id = nummer.get(w);
      if (id === undefined) nummer.set(w, (id = nummer.size));
      ids[c * m + i] = id;
    }
    nummers.push(nummer);
  }
  const factor: number[] = [];
  for (let i = m - 1, f = 1; i >= 0; f *= nummers[i].size, i--) factor[i] = f;
  // Per column: its bit in the mask below if it has a total label (0: none), and the label's number.
  const bit: number[] = [];
  let wild = 0;
  for (const k of sleutels) bit.push(totalen[k] !== undefined ? 1 << wild++ : 0);
  const totaal = sleutels.map((k, i) => nummers[i].get(totalen[k]));
  // Every source row adds to its own key and to each key with some columns replaced by
  // their total label (2^wild keys per row), so each cell is one lookup.
  const sommen = new Map<number, number>();
  const eigen: (number | undefined)[] = [];
  for (const r of bron) {
    const n = Number(r[telling] ?? 0);
    for (let i = 0; i < m; i++) eigen[i] = nummers[i].get(r[sleutels[i]]);
    maskers: for (let masker = 0; masker < 1 << wild; masker++) {
      let key = 0;
      for (let i = 0; i < m; i++) {
        const w = masker & bit[i] ? totaal[i] : eigen[i];
        if (w === undefined) continue maskers;
        key += w * factor[i];
      }
      sommen.set(key, (sommen.get(key) ?? 0) + n);
    }
  }
  for (let c = 0; c < cel.length; c++) {
    let key = 0;
    for (let i = 0; i < m; i++) key += ids[c * m + i] * factor[i];
    cel[c][telling] = sommen.get(key) ?? 0;
  }
  return cel;
}

/** Fills a non-additive count (distinct jongeren) into cells (in place) by exact key; missing is 0. */
function zoekIn(cel: Rij[], bron: Rij[], telling: string): Rij[] {
  if (cel.length === 0) return [];
  const sleutels = Object.keys(cel[0]);
  const map = new Map(bron.map((r) => [sleutel(r, sleutels), Number(r[telling] ?? 0)]));
  for (const c of cel) c[telling] = map.get(sleutel(c, sleutels)) ?? 0;
  return cel;
}

/** Lookup of a run's row by its values of `kolommen` (the first such row, as a find would give). */
function vindIn(rows: Rij[], kolommen: string[]): (key: Rij) => Rij {
  const map = new Map<string, Rij>();
  for (const r of rows) {
    const k = sleutel(r, kolommen);
    if (!map.has(k)) map.set(k, r);
  }
  return (key) => map.get(sleutel(key, kolommen))!;
}

const gemeenteTotaal: TotaalRelatie = { kolom: "gemeente", totaal: REGIO };

function maanden(sj: string): string[] {
  const start = Number(sj.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((7 + i) % 12) + 1;
    return `${m >= 8 ? start : start + 1}-${String(m).padStart(2, "0")}`;
  });
}

/** Codes in a fixed order, plus any unexpected value found in the data (so parts add up). */
function codesMet(codes: readonly string[], gevonden: unknown[]): string[] {
  const extra = [...new Set(gevonden.map(String))].filter((v) => !codes.includes(v)).sort();
  return [...codes, ...extra];
}

// ------------------------------------------------------------------ peildatum

export interface Peildatum {
  peildatum: string | null;
  /** "vsv": the regio's VSV-peildatum; "laatste": the latest peildatum in the schooljaar; "geen". */
  bron: "vsv" | "laatste" | "geen";
}

/**
 * The jongeren peildatum of a schooljaar, among its peildata (latest first): the regio's
 * vsvPeildatum if present, else the latest.
 */
function kiesPeildatum(db: Staging, sj: string, peildata: string[]): Peildatum {
  const [mm, dd] = db.regio.vsvPeildatum.split("-");
  const start = Number(sj.slice(0, 4));
  const vsv = `${Number(mm) >= 8 ? start : start + 1}-${mm}-${dd}`;
  if (peildata.includes(vsv)) return { peildatum: vsv, bron: "vsv" };
  if (peildata.length) return { peildatum: peildata[0], bron: "laatste" };
  return { peildatum: null, bron: "geen" };
}

/** The regio's peildatum in a schooljaar (its vsvPeildatum), whether or not the data has it. */
function regioPeildatum(db: Staging, sj: string): string {
  const [mm, dd] = db.regio.vsvPeildatum.split("-");
  const start = Number(sj.slice(0, 4));
  return `${Number(mm) >= 8 ? start : start + 1}-${mm}-${dd}`;
}

function peildatumTekst(p: Peildatum, db: Staging, sj: string): string {
  const [mm, dd] = db.regio.vsvPeildatum.split("-");
  const vsvDag = formatDatum(`2000-${mm}-${dd}`).replace(/ 2000$/, "");
  if (p.bron === "vsv") return `op ${formatDatum(p.peildatum)} (de VSV-peildatum)`;
  if (p.bron === "laatste") return `op ${formatDatum(p.peildatum)} (laatste peildatum in ${sj}; geen gegevens op de VSV-peildatum ${vsvDag})`;
  return `(geen peildatum in ${sj})`;
}

// ------------------------------------------------------------------ the sources

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
    SELECT schooljaar, niveau, code, deelnemers, vsv FROM vsv_cijfers
    WHERE niveau = 'LANDELIJK' OR (niveau = 'REGIO' ${db.regio.nummer !== undefined ? `AND code = ${lit(String(db.regio.nummer))}` : ""})
       OR (niveau = 'GEMEENTE' AND code IN (${lijst(db.regio.gemeenten.map((g) => g.code))}))
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
function bronnen(db: Staging) {
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
async function bron(db: Staging, naam: string, jaren?: string[]): Promise<Rij[]> {
  const b = await bronnen(db).get(naam)!;
  return jaren ? jaren.flatMap((sj) => b.perJaar.get(sj) ?? []) : b.alle;
}

// ------------------------------------------------------------------ the tables

/** Unsuppressed cells of one run plus how to suppress them. */
interface Run {
  rijen: Rij[];
  tellingen: string[];
  sleutels: string[];
  totalen: TotaalRelatie[];
  afgeleid?: Record<string, string[]>;
  /** The cell's canonical key where another table publishes the same count. */
  sleutel?: (rij: Rij, telling: string) => string;
  /** Rows published (default all): a breakdown published coarser. */
  gepubliceerd?: (rij: Rij) => boolean;
}

/** A run as published: its cells are cells of the data directory's one publication. */
function pas(pub: Publicatie, definitie: string, run: Run): Rij[] {
  return pub.tabel(definitie, run.rijen, run);
}

/**
 * The jaarverslag's tables for one schooljaar, suppressed with `minimumCel` (0 or 1: exact),
 * optionally restricted to one gemeente plus the REGIO rows.
 */
export async function jaarverslagTabellen(db: Staging, schooljaar: string, opties: JaarverslagOpties): Promise<JaarverslagTabel[]> {
  const tabellen = await tabellenZonderNamen(db, schooljaar, opties);
  // Gemeente codes are unique and GMnnnn (regio.json is checked), so never REGIO or LANDELIJK.
  const namen = new Map<unknown, string>([[REGIO, db.regio.naam], ["LANDELIJK", "Nederland"], ...db.regio.gemeenten.map((g): [string, string] => [g.code, g.naam])]);
  for (const t of tabellen) {
    // gemeente, naam, then the row's other columns in their order.
    t.rijen = t.rijen.map((r) => Object.assign({ gemeente: r.gemeente, naam: namen.get(r.gemeente) ?? String(r.gemeente) }, r));
  }
  return tabellen;
}

/** jaarverslagTabellen without the names of the gemeenten (the site has them once, in `gemeenten`). */
async function tabellenZonderNamen(db: Staging, schooljaar: string, opties: JaarverslagOpties): Promise<JaarverslagTabel[]> {
  // The sources are read while the choice is checked (once per Staging).
  bronnen(db);
  await controleerKeuze(db, schooljaar, opties.gemeente);
  const sj = schooljaar;
  const vorig = vorigSchooljaar(sj);
  const beide = [vorig, sj];
  const min = opties.minimumCel;
  const pub = opties.publicatie ?? await publicatieVan(db, min);
  const tabellen: JaarverslagTabel[] = [];
  // Only the chapters whose exports were delivered (src/lib/hoofdstukken.ts): the others publish nothing.
  const maak = tabellenVan(await exportsIn(db));

  // ---------------------------------------------------------------- leerlingen, doelgroepen
  // The schooljaar's peildata (latest first) and the counts on the one it is reported on: the
  // regio's for the REGIO rows and every gemeente that was a member on it; a gemeente that
  // joined (or left) in the year on its own first (or last) peildatum as a member
  // (src/lib/lidmaatschap.ts). The peildatum is a key column, so "REGIO = sum of gemeenten"
  // is stated for the gemeenten on the regio's peildatum only.
  const jaarRijen = await bron(db, "jongeren", [sj]);
  const peildataJaar = [...new Set(jaarRijen.map((r) => r.peildatum as string))];
  const pd = kiesPeildatum(db, sj, peildataJaar);
  const dk = dekking(db.regio.gemeenten, sj, peildataJaar, db.regio.vsvPeildatum);
  const peilVan = new Map<unknown, string | null>([[REGIO, pd.peildatum], ...dk.gemeenten.map((g): [string, string | null] => [g.code, g.peildatum])]);
  const opPeildatum = jaarRijen.filter((r) => r.peildatum === pd.peildatum);
  const opEigenPeildatum = jaarRijen.filter((r) => r.peildatum === peilVan.get(r.gemeente));
  /** Cells of REGIO filled from the regio's peildatum, those of a gemeente from its own. */
  const opPeil = (cel: Rij[], maak: (rijen: Rij[]) => Rij[], telling: string, totalen: Record<string, string> = {}) => [
    ...somIn(cel.filter((c) => c.gemeente === REGIO), maak(opPeildatum), telling, { gemeente: REGIO, ...totalen }),
    ...somIn(cel.filter((c) => c.gemeente !== REGIO), maak(opEigenPeildatum), telling, { gemeente: REGIO, ...totalen }),
  ];
  const dekkingNoot = dekkingTekst(dk);
  if (maak.has("leerlingen")) {
    // With the total of all onderwijssoorten (HO and GEEN are no leerlingen): the figure a
    // gemeente looks for first, published even where a small onderwijssoort is hidden.
    const leerlingBron = (rijen: Rij[]) => rijen.filter((r) => (LEERLING_SOORTEN as readonly unknown[]).includes(r.onderwijssoort))
      .map((r) => ({ schooljaar: sj, gemeente: r.gemeente, onderwijssoort: r.onderwijssoort, leerlingen: r.leerlingen }));
    const leerlingen = pas(pub, "jongeren", {
      rijen: opPeil(cellen(db, [sj], () => [["onderwijssoort", [TOTAAL, ...LEERLING_SOORTEN]]]), leerlingBron, "leerlingen", { onderwijssoort: TOTAAL })
        // A member on none of the year's peildata has no count on a peildatum (not 0).
        .map((r) => ({ gemeente: r.gemeente, schooljaar: r.schooljaar, peildatum: peilVan.get(r.gemeente) ?? null, onderwijssoort: r.onderwijssoort,
          leerlingen: peilVan.get(r.gemeente) ? r.leerlingen : null })),
      tellingen: ["leerlingen"], sleutels: ["gemeente", "schooljaar", "peildatum", "onderwijssoort"],
      totalen: [gemeenteTotaal, { kolom: "onderwijssoort", totaal: TOTAAL }],
      // The same jongeren as the dashboard counts on that peildatum.
      sleutel: (r) => celSleutel("jongeren.TOTAAL", { gemeente: r.gemeente, peildatum: r.peildatum, onderwijssoort: r.onderwijssoort }, { gemeente: REGIO }),
    });
    tabellen.push({
      id: "leerlingen", codes: { onderwijssoort: [...LEERLING_SOORTEN] },
      titel: `Leerlingen per onderwijssoort ${peildatumTekst(pd, db, sj)}${dekkingNoot ? `. ${dekkingNoot}` : ""}`, rijen: leerlingen,
      kolommen: ["gemeente", "naam", "schooljaar", "peildatum", "onderwijssoort", "leerlingen"],
    });

    const doelgroepBron = (rijen: Rij[]) => rijen.flatMap((r) => DOELGROEPEN.map((d) => ({ schooljaar: sj, gemeente: r.gemeente, doelgroep: d, jongeren: r[d] })));
    const doelgroepen = pas(pub, "jongeren", {
      rijen: opPeil(cellen(db, [sj], () => [["doelgroep", DOELGROEPEN]]), doelgroepBron, "jongeren")
        .map((r) => ({ gemeente: r.gemeente, schooljaar: r.schooljaar, peildatum: peilVan.get(r.gemeente) ?? null, doelgroep: r.doelgroep,
          jongeren: peilVan.get(r.gemeente) ? r.jongeren : null })),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "peildatum", "doelgroep"], totalen: [gemeenteTotaal],
      // One cell per doelgroep, gemeente and peildatum: the dashboard publishes it too.
      sleutel: (r) => jongerenSleutel(String(r.doelgroep), r.gemeente, r.peildatum),
    });
    tabellen.push({
      id: "doelgroepen", codes: { doelgroep: [...DOELGROEPEN] },
      titel: `Jongeren per doelgroep ${peildatumTekst(pd, db, sj)}${dekkingNoot ? `. ${dekkingNoot}` : ""}`, rijen: doelgroepen,
      kolommen: ["gemeente", "naam", "schooljaar", "peildatum", "doelgroep", "jongeren"],
    });
  }

  // Every table of verzuimmeldingen.csv (the chapters Verzuim, Thuiszitters and Doorstroompunt): their runs share totals.
  if (maak.has("verzuimmeldingen")) {
    // ---------------------------------------------------------------- verzuim Leerplicht
    // One run for soort × maand with their totals: the month table, the year per soort
    // (verzuimmeldingen) and the year total (inzet's meldingen per fte) share it.
    const lpBron = await bron(db, "lp", beide);
    const lp = pas(pub, "lp", {
      rijen: somIn(cellen(db, beide, (j) => [["maand", [TOTAAL, ...maanden(j)]], ["verzuimsoort", [TOTAAL, ...VERZUIMSOORTEN]]]),
        lpBron, "meldingen", { gemeente: REGIO, maand: TOTAAL, verzuimsoort: TOTAAL }),
      tellingen: ["meldingen"], sleutels: ["gemeente", "schooljaar", "maand", "verzuimsoort"],
      totalen: [gemeenteTotaal, { kolom: "maand", totaal: TOTAAL }, { kolom: "verzuimsoort", totaal: TOTAAL }],
      // Months × verzuimsoort per gemeente are mostly small counts: published for the regio;
      // per gemeente the months (all soorten) and the soorten (the whole year).
      gepubliceerd: (r) => r.gemeente === REGIO || r.maand === TOTAAL || r.verzuimsoort === TOTAAL,
    });

    // ---------------------------------------------------------------- Doorstroompunt preventief
    // Per verzuimsoort and per resultaat: two ways of splitting the same meldingen, sharing one total.
    const dspBron = await bron(db, "dsp", beide);
    const dspResultaten = codesMet(DSP_RESULTATEN, dspBron.map((r) => r.resultaat));
    const dspCellen = [
      ...cellen(db, beide, () => [["verzuimsoort", VERZUIMSOORTEN], ["resultaat", [TOTAAL]]]),
      ...cellen(db, beide, () => [["verzuimsoort", [TOTAAL]], ["resultaat", [TOTAAL, ...dspResultaten]]]),
    ];
    const dsp = pas(pub, "dsp", {
      rijen: somIn(dspCellen, dspBron, "meldingen", { gemeente: REGIO, verzuimsoort: TOTAAL, resultaat: TOTAAL }),
      tellingen: ["meldingen"], sleutels: ["gemeente", "schooljaar", "verzuimsoort", "resultaat"],
      totalen: [gemeenteTotaal, { kolom: "verzuimsoort", totaal: TOTAAL }, { kolom: "resultaat", totaal: TOTAAL }],
    });

    // ---------------------------------------------------------------- verzuimmeldingen (both years)
    const jongerenBron = await bron(db, "verzuimJongeren", beide);
    const jongeren = pas(pub, "verzuim_jongeren", {
      rijen: zoekIn(cellen(db, beide, () => [["regeling", ["LEERPLICHT", "DOORSTROOMPUNT"]], ["verzuimsoort", VERZUIMSOORTEN]]), jongerenBron, "jongeren"),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "regeling", "verzuimsoort"], totalen: [gemeenteTotaal],
    });
    // Only year totals are looked up in lp.
    const lpRij = vindIn(lp.filter((r) => r.maand === TOTAAL), ["gemeente", "schooljaar", "maand", "verzuimsoort"]);
    const dspRij = vindIn(dsp, ["gemeente", "schooljaar", "verzuimsoort", "resultaat"]);
    const verzuimmeldingen = jongeren.map((j) => {
      const m = j.regeling === "LEERPLICHT"
        ? lpRij({ gemeente: j.gemeente, schooljaar: j.schooljaar, maand: TOTAAL, verzuimsoort: j.verzuimsoort })
        : dspRij({ gemeente: j.gemeente, schooljaar: j.schooljaar, verzuimsoort: j.verzuimsoort, resultaat: TOTAAL });
      const rij: Rij = {
        gemeente: j.gemeente, schooljaar: j.schooljaar, regeling: j.regeling, verzuimsoort: j.verzuimsoort,
        meldingen: m.meldingen, jongeren: j.jongeren,
      };
      if (m.onderdrukt || j.onderdrukt) rij.onderdrukt = true;
      return rij;
    });
    tabellen.push({
      id: "verzuimmeldingen", codes: { regeling: ["LEERPLICHT", "DOORSTROOMPUNT"], verzuimsoort: [...VERZUIMSOORTEN] }, titel: "Verzuimmeldingen naar soort", rijen: verzuimmeldingen,
      kolommen: ["gemeente", "naam", "schooljaar", "regeling", "verzuimsoort", "meldingen", "jongeren"],
    });

    tabellen.push({
      id: "verzuim_per_maand", codes: { maand: maanden(sj), verzuimsoort: [TOTAAL, ...VERZUIMSOORTEN] }, titel: "Verzuimmeldingen Leerplicht per maand",
      rijen: lp.filter((r) => r.maand !== TOTAAL).map((r) => ({
        gemeente: r.gemeente, schooljaar: r.schooljaar, maand: r.maand, verzuimsoort: r.verzuimsoort, meldingen: r.meldingen,
        ...(r.onderdrukt ? { onderdrukt: true } : {}),
      })),
      kolommen: ["gemeente", "naam", "schooljaar", "maand", "verzuimsoort", "meldingen"],
    });

    // ---------------------------------------------------------------- luxe verzuim
    const luxeBron = await bron(db, "luxe", [sj]);
    const handhavingen = codesMet(HANDHAVINGEN, luxeBron.map((r) => r.handhaving));
    // The total is published in verzuimmeldingen (LUXE): a helper total row, dropped after.
    const luxe = pas(pub, "luxe", {
      rijen: somIn(cellen(db, [sj], () => [["handhaving", [TOTAAL, ...handhavingen]]]), luxeBron, "meldingen", { gemeente: REGIO, handhaving: TOTAAL }),
      tellingen: ["meldingen"], sleutels: ["gemeente", "schooljaar", "handhaving"],
      totalen: [gemeenteTotaal, { kolom: "handhaving", totaal: TOTAAL }],
      // Luxe verzuim's meldingen split by handhaving: its total is lp's LUXE cell of the year.
      sleutel: (r) => celSleutel("lp.meldingen", { gemeente: r.gemeente, schooljaar: r.schooljaar, verzuimsoort: "LUXE", handhaving: r.handhaving },
        { gemeente: REGIO, handhaving: TOTAAL }),
    }).filter((r) => r.handhaving !== TOTAAL);
    tabellen.push({
      id: "luxe_verzuim_afhandeling", codes: { handhaving: handhavingen }, titel: "Luxe verzuim: afhandeling van de meldingen", rijen: luxe,
      kolommen: ["gemeente", "naam", "schooljaar", "handhaving", "meldingen"],
    });

    // ---------------------------------------------------------------- thuiszitters
    // One row per thuiszitter (leerplichtig, under 18): in the soort the regio's definition puts
    // first when the jongere has both, counted in the gemeente and onderwijssoort of the latest
    // melding of that soort, so gemeenten add up. Both soorten are shown; the total (soort
    // TOTAAL) is the definition's: the sum of its soorten.
    const tzBron = await bron(db, "thuiszitters", [sj]);
    const tzSleutel = (r: Rij) => thuiszitterSleutel(db, r as Parameters<typeof thuiszitterSleutel>[1]);
    const tzRun = pas(pub, "thuiszitters", {
      rijen: somIn(cellen(db, [sj], () => [["soort", ["ABSOLUUT", "LRV"]], ["onderwijssoort", [TOTAAL, ...ONDERWIJSSOORTEN]]]),
        tzBron, "jongeren", { gemeente: REGIO, onderwijssoort: TOTAAL }),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "soort", "onderwijssoort"],
      totalen: [gemeenteTotaal, { kolom: "onderwijssoort", totaal: TOTAAL }], sleutel: tzSleutel,
    });
    // An outsider reads the jongeren with an absoluut (or LRV) melding in verzuimmeldingen as
    // those thuiszitters: where the two counts are equal, they are linked (Koppeling.som keeps
    // a relation only where it holds), so one cannot be hidden while the other gives it away.
    if (pub.koppeling) {
      const k = pub.koppeling;
      const vjSleutel = tabelSleutel("verzuim_jongeren", { tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "regeling", "verzuimsoort"], totalen: [gemeenteTotaal] });
      for (const r of tzRun) {
        if (r.onderwijssoort !== TOTAAL || typeof r.jongeren !== "number") continue;
        const a = k.zoek(vjSleutel({ gemeente: r.gemeente, schooljaar: sj, regeling: "LEERPLICHT", verzuimsoort: r.soort }, "jongeren"));
        const b = k.zoek(tzSleutel(r));
        if (a >= 0 && b >= 0 && a !== b) k.som(a, [b]);
      }
    }
    const inTotaal = totaalSoorten(db);
    const tzTotaal = pas(pub, "thuiszitters", {
      rijen: [
        ...tzRun.filter((r) => r.onderwijssoort === TOTAAL),
        ...somIn(cellen(db, [sj], () => [["soort", [TZ_TOTAAL]], ["onderwijssoort", [TOTAAL]]]),
          tzBron.filter((r) => inTotaal.includes(String(r.soort))), "jongeren", { gemeente: REGIO, soort: TZ_TOTAAL, onderwijssoort: TOTAAL }),
      ],
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "soort", "onderwijssoort"], sleutel: tzSleutel,
      // The total beside its soorten only where it is their sum (a definition of one soort: the same cell).
      totalen: [gemeenteTotaal, ...(inTotaal.length > 1 ? [{ kolom: "soort", totaal: TZ_TOTAAL }] : [])],
    });
    tabellen.push({
      id: "thuiszitters", codes: { soort: ["ABSOLUUT", "LRV"], onderwijssoort: [...ONDERWIJSSOORTEN] },
      titel: "Thuiszitters: absoluut verzuim en langdurig relatief verzuim (LRV)", rijen: tzRun.filter((r) => r.onderwijssoort !== TOTAAL),
      kolommen: ["gemeente", "naam", "schooljaar", "soort", "onderwijssoort", "jongeren"],
    });
    // The totals per soort and the definition's total, from the same cells (so they never give a hidden part back).
    tabellen.push({
      id: "thuiszitters_totaal", codes: { soort: ["ABSOLUUT", "LRV", TZ_TOTAAL] },
      titel: inTotaal.length > 1 ? "Thuiszitters per soort (wie beide heeft telt als absoluut verzuim); totaal: absoluut verzuim en LRV"
        : "Thuiszitters per soort (wie beide heeft telt als LRV); totaal: alleen LRV (de definitie van de regio)",
      rijen: tzTotaal.map(({ onderwijssoort: _o, ...r }) => r),
      kolommen: ["gemeente", "naam", "schooljaar", "soort", "jongeren"],
    });

    // ---------------------------------------------------------------- Doorstroompunt resultaat (this year)
    const dspJongerenBron = await bron(db, "dspJongeren", [sj]);
    const dspJongeren = pas(pub, "dsp_jongeren", {
      rijen: zoekIn(cellen(db, [sj], () => [["resultaat", dspResultaten]]), dspJongerenBron, "jongeren"),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "resultaat"], totalen: [gemeenteTotaal],
    });
    const dspResultaat = dspJongeren.map((j) => {
      const m = dspRij({ gemeente: j.gemeente, schooljaar: sj, verzuimsoort: TOTAAL, resultaat: j.resultaat });
      const rij: Rij = { gemeente: j.gemeente, schooljaar: sj, resultaat: j.resultaat, meldingen: m.meldingen, jongeren: j.jongeren };
      if (m.onderdrukt || j.onderdrukt) rij.onderdrukt = true;
      return rij;
    });
    tabellen.push({
      id: "doorstroompunt_preventief_resultaat", codes: { resultaat: dspResultaten }, titel: "Doorstroompunt preventief (18+): resultaat van de meldingen", rijen: dspResultaat,
      kolommen: ["gemeente", "naam", "schooljaar", "resultaat", "meldingen", "jongeren"],
    });
  }

  if (maak.has("vrijstellingen")) {
    // ---------------------------------------------------------------- vrijstellingen (both years)
    const vrBron = await bron(db, "vrijstellingen", beide);
    const artikelen: string[] = ARTIKELEN.filter((a) => ["5A", "5B", "5C"].includes(a) || vrBron.some((r) => r.artikel === a));
    const vrijstellingen = pas(pub, "vrijstellingen", {
      rijen: somIn(cellen(db, beide, () => [["artikel", artikelen]]), vrBron, "vrijstellingen", { gemeente: REGIO }),
      tellingen: ["vrijstellingen"], sleutels: ["gemeente", "schooljaar", "artikel"], totalen: [gemeenteTotaal],
    });
    tabellen.push({
      id: "vrijstellingen", codes: { artikel: artikelen }, titel: "Vrijstellingen afgegeven per artikel (Leerplichtwet)", rijen: vrijstellingen,
      kolommen: ["gemeente", "naam", "schooljaar", "artikel", "vrijstellingen"],
    });

    // ---------------------------------------------------------------- vrijgestelde jeugdigen op de peildatum
    // The stock beside the flow above: jongeren with a granted vrijstelling running on the
    // schooljaar's peildatum (src/lib/definities.ts), per artikel; distinct jongeren, so the
    // regio row is counted over the regio, not summed.
    const vrPeildatum = pd.peildatum ?? regioPeildatum(db, sj);
    const vrVoorraad = pas(pub, "vrijgesteld_op_peildatum", {
      rijen: zoekIn(cellen(db, [sj], () => [["artikel", artikelen]]), await db.all(`
        SELECT '${sj}' AS schooljaar, COALESCE(gemeente_code, '${REGIO}') AS gemeente, artikel, COUNT(DISTINCT pseudo_id)::INTEGER AS jongeren
        FROM vrijstellingen WHERE ${SQL_VRIJGESTELD_OP(`DATE '${vrPeildatum}'`)}
          -- Only gemeenten that are members on the peildatum: the regio row is theirs.
          AND gemeente_code IN (SELECT code FROM gemeenten WHERE (vanaf IS NULL OR vanaf <= DATE '${vrPeildatum}') AND (tot IS NULL OR tot >= DATE '${vrPeildatum}'))
        GROUP BY GROUPING SETS ((gemeente_code, artikel), (artikel))`), "jongeren")
        .map((r) => ({ ...r, peildatum: vrPeildatum })),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "artikel"], totalen: [gemeenteTotaal],
    });
    tabellen.push({
      id: "vrijgesteld_op_peildatum", codes: { artikel: artikelen },
      titel: `Vrijgestelde jeugdigen op ${formatDatum(vrPeildatum)}: toegekende vrijstelling die op de peildatum loopt, per artikel`, rijen: vrVoorraad,
      kolommen: ["gemeente", "naam", "schooljaar", "peildatum", "artikel", "jongeren"],
    });
  }

  if (maak.has("vsv_benaderd")) {
    // ---------------------------------------------------------------- VSV'ers benaderd
    // One run over a small hierarchy: result within report group within all, and NIEUW/OUD
    // beside it; the total also feeds inzet's trajecten per fte.
    const groepVan = (r: string) => rapportgroep(r) ?? (r === "LOPEND" ? "LOPEND" : "OVERIG_RESULTAAT");
    const vsvBron = (await bron(db, "vsv", [sj]))
      .map((r): Rij => ({ ...r, groep: groepVan(String(r.resultaat)) }));
    const vsvResultaten = codesMet(VSV_RESULTATEN_JAAR, vsvBron.map((r) => r.resultaat));
    const groepen = [...new Set(vsvResultaten.map(groepVan))];
    const vsvCellen = [
      ...groepen.flatMap((g) => cellen(db, [sj], () => [["vsv_type", [ALLE]], ["groep", [g]],
        ["resultaat", [TOTAAL, ...vsvResultaten.filter((r) => groepVan(r) === g)]]])),
      ...cellen(db, [sj], () => [["vsv_type", [ALLE, ...VSV_TYPES]], ["groep", [ALLE]], ["resultaat", [TOTAAL]]]),
    ];
    const vsv = pas(pub, "vsv", {
      rijen: somIn(vsvCellen, vsvBron, "trajecten", { gemeente: REGIO, vsv_type: ALLE, groep: ALLE, resultaat: TOTAAL }),
      tellingen: ["trajecten"], sleutels: ["gemeente", "schooljaar", "vsv_type", "groep", "resultaat"],
      totalen: [gemeenteTotaal, { kolom: "resultaat", totaal: TOTAAL }, { kolom: "groep", totaal: ALLE }, { kolom: "vsv_type", totaal: ALLE }],
    });

    const categorieen = ["TOTAAL", ...VSV_TYPES, ...Object.keys(RAPPORTGROEPEN)];
    const vsvJongerenBron = await bron(db, "vsvJongeren", [sj]);
    const vsvJongeren = pas(pub, "vsv_jongeren", {
      rijen: zoekIn(cellen(db, [sj], () => [["categorie", categorieen]]), vsvJongerenBron, "jongeren"),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "categorie"], totalen: [gemeenteTotaal],
    });
    const vsvRij = vindIn(vsv, ["gemeente", "schooljaar", "vsv_type", "groep", "resultaat"]);
    const vsvBenaderd = vsvJongeren.map((j) => {
      const c = String(j.categorie);
      const sleutel = c === "TOTAAL" ? { vsv_type: ALLE, groep: ALLE, resultaat: TOTAAL }
        : (VSV_TYPES as readonly string[]).includes(c) ? { vsv_type: c, groep: ALLE, resultaat: TOTAAL }
        : { vsv_type: ALLE, groep: c, resultaat: TOTAAL };
      const t = vsvRij({ gemeente: j.gemeente, schooljaar: sj, ...sleutel });
      const rij: Rij = { gemeente: j.gemeente, schooljaar: sj, categorie: c, trajecten: t.trajecten, jongeren: j.jongeren };
      if (t.onderdrukt || j.onderdrukt) rij.onderdrukt = true;
      return rij;
    });
    tabellen.push({
      id: "vsv_benaderd", codes: { categorie: categorieen }, titel: "VSV'ers benaderd door het Doorstroompunt (nieuw en oud) en rapportgroepen", rijen: vsvBenaderd,
      kolommen: ["gemeente", "naam", "schooljaar", "categorie", "trajecten", "jongeren"],
    });
    tabellen.push({
      id: "vsv_resultaat", codes: { resultaat: vsvResultaten, ...RAPPORTGROEPEN }, titel: "VSV-trajecten: resultaat in het schooljaar",
      rijen: vsv.filter((r) => r.vsv_type === ALLE && r.groep !== ALLE && r.resultaat !== TOTAAL)
        .sort((a, b) => vsvResultaten.indexOf(String(a.resultaat)) - vsvResultaten.indexOf(String(b.resultaat))).map((r) => ({
        gemeente: r.gemeente, schooljaar: r.schooljaar, resultaat: r.resultaat,
        rapportgroep: rapportgroep(String(r.resultaat)), trajecten: r.trajecten, ...(r.onderdrukt ? { onderdrukt: true } : {}),
      })),
      kolommen: ["gemeente", "naam", "schooljaar", "resultaat", "rapportgroep", "trajecten"],
    });
  }

  if (maak.has("vsv_percentage")) {
    // ---------------------------------------------------------------- official VSV percentages
    // Public OCW figures: every year in the file for the country, the regio and the gemeenten
    // that are members this schooljaar. Only primary suppression of gemeente counts: the official
    // regio figure is not the sum of its gemeenten (school and home location differ).
    const leden = ledenIn(db, sj);
    const vsvCijfers = ((await bron(db, "vsvCijfers")) as { schooljaar: string; niveau: string; code: string; deelnemers: number; vsv: number }[])
      .filter((r) => r.niveau !== "GEMEENTE" || leden.includes(r.code));
    const percentage = (vsv: number, deelnemers: number) => (deelnemers > 0 ? Math.round((vsv * 10000) / deelnemers) / 100 : null);
    const pctRij = (r: (typeof vsvCijfers)[number]): Rij => ({
      gemeente: r.niveau === "GEMEENTE" ? r.code : r.niveau === "REGIO" ? REGIO : "LANDELIJK",
      niveau: r.niveau, code: r.code, schooljaar: r.schooljaar, deelnemers: r.deelnemers, vsv: r.vsv,
      percentage: percentage(r.vsv, r.deelnemers),
    });
    const gemeentePct = pub.tabel("ocw", vsvCijfers.filter((r) => r.niveau === "GEMEENTE").map(pctRij), {
      tellingen: ["vsv"], sleutels: ["niveau", "code", "schooljaar"], afgeleid: { vsv: ["percentage"] },
    });
    tabellen.push({
      id: "vsv_percentage", titel: "Officiële VSV-percentages (OCW/DUO): gemeente, regio en Nederland",
      rijen: [...vsvCijfers.filter((r) => r.niveau !== "GEMEENTE").map(pctRij), ...gemeentePct],
      kolommen: ["gemeente", "naam", "niveau", "code", "schooljaar", "deelnemers", "vsv", "percentage"],
    });
  }

  // ---------------------------------------------------------------- duiding, BBV, overstap (loaders/marts/jaarverslag-duiding.ts)
  // Imported late: the BBV mart reads the dashboard's peildata, and the dashboard this module.
  const { duidingTabellen } = await import("./jaarverslag-duiding.ts");
  tabellen.push(...await duidingTabellen(db, pub, sj));

  if (maak.has("inzet")) {
    // ---------------------------------------------------------------- inzet (loaders/marts/inzet.ts)
    tabellen.push(await inzetTabel(db, pub, sj, await schooljarenInData(db)));
  }

  // ---------------------------------------------------------------- order, one gemeente
  // The tables in the registry's order (src/lib/hoofdstukken.ts), whatever order they were made in.
  tabellen.sort((a, b) => TABEL_VOLGORDE.indexOf(a.id) - TABEL_VOLGORDE.indexOf(b.id));
  // Place of each code in the order: REGIO, LANDELIJK, then the gemeenten of regio.json.
  const plaats = new Map([REGIO, "LANDELIJK", ...db.regio.gemeenten.map((g) => g.code)].map((code, i) => [code, i]));
  const gemeente = opties.gemeente?.toUpperCase();
  for (const t of tabellen) {
    let rijen = t.rijen;
    if (gemeente) rijen = rijen.filter((r) => r.gemeente === gemeente || r.gemeente === REGIO || r.gemeente === "LANDELIJK");
    // Stable sort: gemeente order of regio.json, the rest as built (a code not in it first).
    const perPlaats: Rij[][] = [];
    for (const r of rijen) (perPlaats[(plaats.get(String(r.gemeente)) ?? -1) + 1] ??= []).push(r);
    t.rijen = perPlaats.flat();
    controleerGeenIds(t.rijen, `jaarverslag ${t.id}`);
  }
  return tabellen;
}

/** The coördinator's text files per schooljaar (teksten/<schooljaar>/<naam>.md): the voorwoord and one per chapter. */
export { TEKST_NAMEN };
export { leesTeksten, markdownNaarHtml, type Teksten } from "./teksten.ts";

// ------------------------------------------------------------------ everything for site and PDF

/** Tables whose all-zero rows the site leaves out (a missing row of a member gemeente is 0). */
const COMPACT = new Set(["vrijgesteld_op_peildatum", "verzuimmeldingen", "verzuim_per_maand", "luxe_verzuim_afhandeling", "thuiszitters", "thuiszitters_totaal", "vrijstellingen",
  "doorstroompunt_preventief_resultaat", "vsv_resultaat", "vsv_benaderd"]);

/** Tables of every schooljaar up to the report's that the site keeps whole (official figures come later). */
const ALLE_JAREN = new Set(["vsv_percentage", "vsv_verwacht", "bbv"]);

/** Whether a row has a count other than 0. */
function nietNul(r: Rij): boolean {
  for (const k in r) {
    const v = r[k];
    if (typeof v === "number" && v !== 0 && k !== "schooljaar") return true;
  }
  return false;
}

/**
 * The jaarverslag data for the given schooljaren: tables, member gemeenten and rendered
 * texts. `compact` (the site) drops names, rows of other schooljaren and all-zero rows.
 */
export async function jaarverslagData(db: Staging, jaren: string[], opties: JaarverslagOpties & { compact?: boolean }): Promise<JvData & { meldingen: string[] }> {
  const schooljaren = await schooljarenInData(db);
  const data: JvData & { meldingen: string[] } = {
    ...productKop(db, opties.minimumCel),
    definities: definitiesVan(db.regio),
    schooljaren,
    jaren: {},
    meldingen: [],
  };
  // A partial delivery: the chapters whose exports are missing, each with the sentence in its place.
  const ontbreekt = ontbrekendeHoofdstukken(await exportsIn(db));
  if (ontbreekt.length) data.ontbreekt = ontbreekt;
  const gemeente = opties.gemeente?.toUpperCase();
  // The compact data has no names in its rows.
  const tabellenVan = opties.compact ? tabellenZonderNamen : jaarverslagTabellen;
  for (const sj of jaren) {
    // A gemeente that was no member in an earlier year (it joined later) has only the regio to compare with.
    const lid = !gemeente || ledenIn(db, sj).includes(gemeente);
    const tabellen = lid ? await tabellenVan(db, sj, opties)
      : (await tabellenVan(db, sj, { minimumCel: opties.minimumCel, publicatie: opties.publicatie }))
        .map((t) => ({ ...t, rijen: t.rijen.filter((r) => r.gemeente === REGIO || r.gemeente === "LANDELIJK") }));
    const leden = ledenIn(db, sj).filter((g) => !gemeente || g === gemeente);
    const t = leesTeksten(db.dataDir, sj, ledenIn(db, sj));
    data.meldingen.push(...t.meldingen);
    data.jaren[sj] = {
      leden,
      dekking: dekking(db.regio.gemeenten, sj, [...new Set((await bron(db, "jongeren", [sj])).map((r) => r.peildatum as string))], db.regio.vsvPeildatum),
      teksten: t.teksten,
      gemeenteTeksten: gemeente
        ? Object.fromEntries(Object.entries(t.gemeenteTeksten).filter(([g]) => g === gemeente))
        : t.gemeenteTeksten,
      tabellen: tabellen.map((tab) => ({
        id: tab.id,
        titel: tab.titel,
        codes: tab.codes,
        rijen: !opties.compact ? tab.rijen : tab.rijen
          .filter((r) => ALLE_JAREN.has(tab.id) || r.schooljaar === undefined || r.schooljaar === sj)
          .filter((r) => !COMPACT.has(tab.id) || r.onderdrukt || nietNul(r))
          // The pages do not use the month totals (they are in verzuimmeldingen).
          .filter((r) => !(tab.id === "verzuim_per_maand" && r.verzuimsoort === "TOTAAL")),
      })),
    };
  }
  return data;
}

/**
 * The site's jaarverslag data: every schooljaar in the data, suppressed as published, tables
 * packed as columns and row arrays (the pages unpack them with uitpakken()).
 */
export async function jaarverslagSite(db: Staging, opties: { publicatie?: Publicatie } = {}): Promise<JvDataKort> {
  const { meldingen: _m, ...data } = await jaarverslagData(db, await schooljarenInData(db), {
    minimumCel: db.regio.publicatie.minimumCel, compact: true, publicatie: opties.publicatie,
  });
  return {
    ...data,
    jaren: Object.fromEntries(Object.entries(data.jaren).map(([sj, j]) => [sj, { ...j, tabellen: j.tabellen.map(inpakken) }])),
  };
}
