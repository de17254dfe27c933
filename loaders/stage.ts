// Staging: every export validated, typed and written into a DuckDB file of its own; then the
// exports there are combined, with the definition views on top, into the database the marts
// read. Any finding stops the run before the combined file is put in place, so nothing
// downstream ever sees invalid data. A new delivery of one export restages that export and
// the (small) combination only (db.ts zorgVoorStaging keeps each export's file by its key).
//
// Built for national exports (20+ million rows): a valid file is read once by DuckDB, in one
// pass that stores every row typed beside how many of its values failed (typeerSql); only
// when something fails is it read again, with line numbers, to name the lines (the slow path
// is the exact one). What is stored beside an export and the views over several are in
// stage-definities.ts.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { EXPORTS, type ExportSpec } from "./schema.ts";
import type { Regio } from "./config.ts";
import { loadRegio } from "./regio.ts";
import { ValidatieFout, type Bevinding } from "./errors.ts";
import { leesKopregel, naarUtf8, regelSprongen, splitRegel, type Kop } from "./read.ts";
import {
  kolomRegel, kolomControleSql, bsnBevindingen, decimaalGebruikSql, dubbelzinnigUit,
  typeerSql, typeerTellingSql, typeerHulpkolommen, stagedNamen, toonWaarde, TOON_TEKENS, type Context,
} from "./validate.ts";
import { lit, q } from "./sql.ts";
import { rijControleSql, lidmaatschapTekst } from "./validate-rijen.ts";
import { controleerKop } from "./validate-kop.ts";
import { OPGESLAGEN_DEFINITIES, DEFINITIE_VIEWS, LAATSTE_DATUM, objectenVan, viewSql } from "./stage-definities.ts";
import { SQL_VSV_NIEUW_PEILDATA, definitiesVan } from "../src/lib/definities.ts";

/** Findings shown at most per run; the rest are counted. */
const MAX_BEVINDINGEN = 50;

export interface StageResultaat {
  meldingen: string[];
}

async function rijen(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const r = await c.runAndReadAll(sql);
  return r.getRowObjectsJS() as Record<string, unknown>[];
}

/** An export whose header passed and whose rows DuckDB could parse. */
interface Geladen {
  spec: ExportSpec;
  /** The original file (line numbers are counted in it). */
  pad: string;
  /** What DuckDB reads: the file itself or its UTF-8 copy. */
  bron: string;
  kop: Omit<Kop, "sprongen">;
  /** What the rules of this file depend on (validate.ts). */
  ctx: Context;
  /** Values failing a column rule (counted in the pass that parsed and typed every row). */
  fouten: number;
  /**
   * The export's staging file in the making (`<doel>.<pid>.tmp`): when every value passed, it
   * holds the typed table already (with the gemeenten); otherwise it is not there.
   */
  tijdelijk: string;
}

/** The export as rows of text: the contract's own rules decide what a value means, not DuckDB's sniffer. */
function csvSql(g: Pick<Geladen, "bron" | "kop">): string {
  const namen = stagedNamen(g.kop.kolommen);
  return `read_csv(${lit(g.bron)}, delim=${lit(g.kop.scheidingsteken)}, header=true, quote='"', escape='"',
        auto_detect=false,
        columns={${namen.map((n) => `${lit(n)}: 'VARCHAR'`).join(", ")}}, encoding='utf-8')`;
}

/**
 * Header checks, decoding, and one pass over every row that parses the file (a malformed row
 * is a finding), types every row into the export's own staging file (`tijdelijk`) and counts
 * the values failing their column rule (typeerSql). The file is kept only when every value
 * passed; otherwise the slow path makes it afresh, to name the failing values.
 */
async function lees(c: DuckDBConnection, spec: ExportSpec, pad: string, tijdelijk: string, werkmap: string, regio: Regio,
  vandaag: string, bevindingen: Bevinding[], meldingen: string[]): Promise<Geladen | null> {
  const kop = leesKopregel(pad);
  const kopCheck = controleerKop(spec, kop);
  bevindingen.push(...kopCheck.bevindingen);
  meldingen.push(...kopCheck.meldingen);
  if (kopCheck.bevindingen.length) return null;
  let bron = pad;
  if (kop.codering === "windows-1252") {
    bron = join(werkmap, spec.bestand);
    await naarUtf8(pad, bron);
    meldingen.push(`${spec.bestand}: gelezen als Windows-1252`);
  }
  const g: Geladen = { spec, pad, bron, kop, ctx: { regio, vandaag, kolommen: stagedNamen(kop.kolommen) }, fouten: 0, tijdelijk };
  let houden = false;
  rmSync(tijdelijk, { force: true });
  rmSync(`${tijdelijk}.wal`, { force: true });
  const instance = await DuckDBInstance.create(tijdelijk);
  const e = await instance.connect();
  try {
    await gemeentenTabel(e, regio, true);
    let telling: Record<string, unknown>;
    try {
      // Whether 1.234 is ambiguous depends on the other values of its column: a quick pass
      // first, over the small files that have decimals.
      const decimaal = decimaalGebruikSql(spec, csvSql(g));
      if (decimaal) g.ctx.dubbelzinnig = dubbelzinnigUit(spec, (await rijen(c, decimaal))[0]);
      await maakGetypt(e, g);
      [telling] = await rijen(e, typeerTellingSql(spec, q(opgeslagenTabel(spec)), g.ctx));
    } catch (fout) {
      bevindingen.push(csvFout(spec.bestand, (fout as Error).message, kop.kolommen.length, kop.scheidingsteken));
      return null;
    }
    const bsn = bsnBevindingen(spec, g.ctx, telling);
    if (bsn.length) {
      bevindingen.push(...bsn);
      return null;
    }
    g.fouten = telling.n as number;
    if (g.fouten > 0) return g;
    for (const k of typeerHulpkolommen(spec, g.ctx)) await e.run(`ALTER TABLE ${q(opgeslagenTabel(spec))} DROP COLUMN ${q(k)}`);
    houden = true;
    return g;
  } finally {
    e.closeSync();
    instance.closeSync();
    if (!houden) rmSync(tijdelijk, { force: true });
    rmSync(`${tijdelijk}.wal`, { force: true });
  }
}

/** The table an export is stored as: its own name, or the `_def` one with the stored definitions. */
const opgeslagenTabel = (spec: ExportSpec) => OPGESLAGEN_DEFINITIES[spec.tabel]?.tabel ?? spec.tabel;

/**
 * The one pass (typeerSql) stored as the export's table, with the stored definitions beside
 * the typed columns, and typeerSql's columns after them until they are read.
 */
async function maakGetypt(e: DuckDBConnection, g: Geladen): Promise<void> {
  const def = OPGESLAGEN_DEFINITIES[g.spec.tabel];
  const tabel = q(opgeslagenTabel(g.spec));
  const getypt = typeerSql(g.spec, csvSql(g), g.ctx);
  // Keeping the file's row order would make DuckDB merge and recompress the row groups its
  // threads write (it doubled the time); no query depends on the physical order.
  await e.run("SET preserve_insertion_order = false");
  try {
    await e.run(def ? `CREATE TABLE ${tabel} AS SELECT *, ${def.kolommen} FROM (${getypt})` : `CREATE TABLE ${tabel} AS ${getypt}`);
  } finally {
    await e.run("RESET preserve_insertion_order");
  }
}

/** The raw text with line numbers, to list the values that failed a column rule. */
async function laadRaw(c: DuckDBConnection, g: Geladen): Promise<string> {
  const raw = q("raw_" + g.spec.tabel);
  const s = regelSprongen(readFileSync(g.pad), g.kop.scheidingsteken, g.kop.regeleinde);
  // ORDINALITY gives each row its place in the file (header = line 1), moved down by s.
  const csv = `SELECT * FROM ${csvSql(g)} WITH ORDINALITY`;
  await c.run(s.length === 0
    ? `CREATE TABLE ${raw} AS SELECT CAST(ordinality AS INTEGER) + 1 AS __regel, * EXCLUDE (ordinality) FROM (${csv})`
    : `CREATE TABLE ${raw} AS
        WITH r AS (${csv}),
          s AS (SELECT unnest([${s.map((x) => x.vanaf).join(", ")}]) AS vanaf, unnest([${s.map((x) => x.extra).join(", ")}]) AS extra)
        SELECT CAST(r.ordinality + 1 + coalesce(s.extra, 0) AS INTEGER) AS __regel, r.* EXCLUDE (ordinality)
        FROM r ASOF LEFT JOIN s ON r.ordinality >= s.vanaf`);
  return raw;
}

/** DuckDB's CSV error as a finding: the line, the line's text and what was wrong, in Dutch. */
function csvFout(bestand: string, melding: string, velden: number, teken: string): Bevinding {
  const regel = /CSV Error on Line:\s*(\d+)/i.exec(melding);
  const origineel = /Original Line:\s?([^\r\n]*)/.exec(melding);
  const aantal = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(melding);
  const verwacht = `een regel met ${velden} velden gescheiden door "${teken}"`;
  return {
    bestand,
    regel: regel ? Number(regel[1]) : undefined,
    // DuckDB quotes a long line only in part: its length is not known here.
    waarde: origineel ? toonWaarde(origineel[1], null) : undefined,
    // Count the fields ourselves: DuckDB stops counting one past the expected number.
    verwacht: aantal ? `${verwacht} (${origineel ? splitRegel(origineel[1], teken).length : aantal[2]} gevonden)`
      : /unterminated quote/i.test(melding) ? `${verwacht}; een veld tussen aanhalingstekens (") wordt niet gesloten`
      : `${verwacht} (${melding.split("\n").find((r) => r.trim())?.trim() ?? ""})`,
  };
}

async function verzamel(c: DuckDBConnection, sql: string, bestand: string, bevindingen: Bevinding[]): Promise<void> {
  // Only the start of a long value comes back: the message quotes no more of it.
  for (const r of await rijen(c, `SELECT regel, kolom, left(waarde, ${TOON_TEKENS}) AS waarde, length(waarde)::INTEGER AS lengte, verwacht
      FROM (${sql}) ORDER BY regel, positie LIMIT ${MAX_BEVINDINGEN}`)) {
    bevindingen.push({
      bestand, regel: r.regel as number, kolom: r.kolom as string,
      waarde: r.waarde === null ? "" : toonWaarde(String(r.waarde), r.lengte as number), verwacht: r.verwacht as string,
    });
  }
}

/** Validates and types one export; returns the number of findings beyond those listed. */
async function valideerEnType(c: DuckDBConnection, g: Geladen, bevindingen: Bevinding[]): Promise<number> {
  const spec = g.spec;
  if (g.fouten > 0) {
    const voor = bevindingen.length;
    await verzamel(c, kolomControleSql(spec, await laadRaw(c, g), g.ctx, MAX_BEVINDINGEN), spec.bestand, bevindingen);
    return g.fouten - (bevindingen.length - voor);
  }
  // Every value passed: the one pass of lees() stored the typed table already.
  const casts = spec.kolommen.map((k) => `${kolomRegel(k, g.ctx).cast} AS ${q(k.naam)}`);
  const def = OPGESLAGEN_DEFINITIES[spec.tabel];
  const tabel = q(opgeslagenTabel(spec));
  if (def) await c.run(`CREATE VIEW ${q(spec.tabel)} AS SELECT ${spec.kolommen.map((k) => q(k.naam)).join(", ")} FROM ${tabel}`);
  const delen = (t: string) => rijControleSql(spec, t, g.ctx, MAX_BEVINDINGEN).join("\nUNION ALL\n");
  if (!delen(tabel)) return 0;
  // Whether any row rule fails (rowid stands in for the line); only then is the file read
  // again with its line numbers, the slow way, to name them.
  const [{ n }] = await rijen(c, `SELECT count(*)::INTEGER AS n FROM (${delen(`(SELECT rowid AS __regel, * FROM ${tabel})`)})`);
  if ((n as number) > 0) {
    const typed = q("typed_" + spec.tabel);
    await c.run(`CREATE TABLE ${typed} AS SELECT __regel, ${casts.join(", ")} FROM ${await laadRaw(c, g)}`);
    await verzamel(c, delen(typed), spec.bestand, bevindingen);
  }
  return 0;
}

/** Today in local time (ISO): what happened cannot lie after it. */
function vandaagLokaal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The regio's gemeenten with their membership, as the rules of every export read them. */
async function gemeentenTabel(c: DuckDBConnection, regio: Regio, metTekst: boolean): Promise<void> {
  await c.run(`CREATE TABLE gemeenten (code VARCHAR, naam VARCHAR, vanaf DATE, tot DATE${metTekst ? ", vanaf_tekst VARCHAR, tot_tekst VARCHAR" : ""})`);
  // One statement: each statement is a transaction of its own.
  await c.run(`INSERT INTO gemeenten VALUES ${regio.gemeenten.map((g) => `(${lit(g.code)}, ${lit(g.naam)}, ${g.vanaf ? `DATE ${lit(g.vanaf)}` : "NULL"},
      ${g.tot ? `DATE ${lit(g.tot)}` : "NULL"}${metTekst ? `, ${lit(lidmaatschapTekst(g.vanaf) ?? "")}, ${lit(lidmaatschapTekst(g.tot) ?? "")}` : ""})`).join(",\n")}`);
}

/** One export to stage: its file in the data directory and the DuckDB file it is staged into. */
export interface ExportStaging {
  spec: ExportSpec;
  pad: string;
  doel: string;
}

/**
 * Validates and stages each export into a DuckDB file of its own (`doel`), which holds nothing
 * but that export (and what is computed from it alone): so a new delivery of one export
 * restages that export only. Every rule of an export depends on that export, regio.json and
 * the day of the run only (validate.ts); what spans exports is made when they are combined.
 * An export that passes is put in place even when another fails (it is valid by itself, and
 * the next run need not stage it again); any finding throws ValidatieFout afterwards, so
 * nothing is combined from a delivery with a finding.
 */
export async function stageExports(regio: Regio, delen: ExportStaging[], opties: { vandaag?: string } = {}): Promise<StageResultaat> {
  const vandaag = opties.vandaag ?? vandaagLokaal();
  // Named after this process, so a run that is killed leaves a folder the next staging can
  // recognise as left over and remove (db.ts ruimStagingRestenOp).
  const werkmap = mkdtempSync(join(tmpdir(), `vsv-stage-${process.pid}-`));
  const bevindingen: Bevinding[] = [];
  const meldingen: string[] = [];
  let meer = 0;
  // Reading and counting only: the files are staged each into their own database below.
  const lezer = await DuckDBInstance.create(join(werkmap, "lezen.duckdb"));
  const c = await lezer.connect();
  const geladen: { g: Geladen; doel: string }[] = [];
  try {
    for (const d of delen) {
      const g = await lees(c, d.spec, d.pad, `${d.doel}.${process.pid}.tmp`, werkmap, regio, vandaag, bevindingen, meldingen);
      if (g) geladen.push({ g, doel: d.doel });
    }
    for (const { g, doel } of geladen) {
      if (bevindingen.length >= MAX_BEVINDINGEN) break;
      const voor = bevindingen.length;
      const { tijdelijk } = g;
      // With a failing value the one pass kept nothing: the slow path starts a file afresh.
      const opnieuw = g.fouten > 0;
      const instance = await DuckDBInstance.create(tijdelijk);
      const e = await instance.connect();
      let gelukt = false;
      try {
        if (opnieuw) await gemeentenTabel(e, regio, true);
        const extra = await valideerEnType(e, g, bevindingen);
        meer += extra;
        if (bevindingen.length === voor && extra === 0) {
          // The regio's choice of nieuw-VSV by the snapshots needs every peildatum of the
          // jongeren (this export alone): set once they are stored, before they are counted.
          if (g.spec.tabel === "jongeren" && definitiesVan(regio).vsvNieuw === "INGESCHREVEN_VORIGE_PEILDATUM") await e.run(SQL_VSV_NIEUW_PEILDATA);
          for (const a of OPGESLAGEN_DEFINITIES[g.spec.tabel]?.afgeleid ?? []) await e.run(`CREATE TABLE ${q(a.naam)} AS ${a.sql}`);
          await e.run("CHECKPOINT");
          gelukt = true;
        }
      } finally {
        e.closeSync();
        instance.closeSync();
        if (gelukt) renameSync(tijdelijk, doel);
        else rmSync(tijdelijk, { force: true });
        rmSync(`${tijdelijk}.wal`, { force: true });
      }
    }
    if (bevindingen.length) {
      const getoond = bevindingen.slice(0, MAX_BEVINDINGEN);
      throw new ValidatieFout(getoond, meer + bevindingen.length - getoond.length);
    }
    return { meldingen };
  } finally {
    // The exports' files that were typed but not put in place (the findings stopped it first).
    for (const { g } of geladen) {
      rmSync(g.tijdelijk, { force: true });
      rmSync(`${g.tijdelijk}.wal`, { force: true });
    }
    c.closeSync();
    lezer.closeSync();
    rmSync(werkmap, { recursive: true, force: true });
  }
}

/** A staged export to combine: its spec and its own staging file. */
export interface GestagedExport {
  spec: ExportSpec;
  doel: string;
}

/** The name under which an export's staging file is attached to the combined one. */
export const bronAlias = (spec: ExportSpec) => `bron_${spec.tabel}`;

/**
 * Combines staged exports into the database the marts read (`doel`): the gemeenten, `meta`,
 * the export tables and the definitions that span exports. `kopie` copies the exports' tables
 * in (a file that stands alone, for tests and small data); otherwise the tables are views on
 * the exports' own files, attached under `bronAlias` by whoever opens it (db.ts: the combined
 * file is small and made in well under a second, whatever the size of the exports). An export
 * that is not there has no table here: what needs it says so (loaders/nodig.ts).
 */
export async function combineer(regio: Regio, delen: GestagedExport[], doel: string, opties: { kopie: boolean }): Promise<void> {
  if (existsSync(doel)) rmSync(doel);
  const instance = await DuckDBInstance.create(doel);
  const c = await instance.connect();
  let gelukt = false;
  try {
    await gemeentenTabel(c, regio, false);
    for (const { spec, doel: bron } of delen) {
      const alias = q(bronAlias(spec));
      await c.run(`ATTACH ${lit(bron)} AS ${alias} (READ_ONLY)`);
      const { tabellen, view } = objectenVan(spec);
      for (const t of tabellen) {
        await c.run(opties.kopie ? `CREATE TABLE ${q(t)} AS SELECT * FROM ${alias}.${q(t)}` : `CREATE VIEW ${q(t)} AS SELECT * FROM ${alias}.${q(t)}`);
      }
      if (view) await c.run(opties.kopie ? viewSql(spec) : `CREATE VIEW ${q(view)} AS SELECT * FROM ${alias}.${q(view)}`);
    }
    const er = new Set(delen.map((d) => d.spec.tabel));
    const datums = Object.entries(LAATSTE_DATUM).filter(([t]) => er.has(t)).map(([t, d]) => `SELECT ${d} AS d FROM ${q(t)}`);
    // regio_json: the checked regio.json (defaults filled in), for the loaders to read back.
    await c.run(`CREATE TABLE meta AS SELECT ${lit(regio.naam)} AS regio, ${regio.publicatie.minimumCel}::INTEGER AS minimum_cel,
      ${lit(JSON.stringify(regio))} AS regio_json,
      ${datums.length ? `(SELECT max(d) FROM (${datums.join(" UNION ALL ")}))` : "NULL::DATE"} AS data_datum`);
    for (const v of DEFINITIE_VIEWS) if (er.has(v.bron)) await c.run(v.sql);
    if (opties.kopie) for (const { spec } of delen) await c.run(`DETACH ${q(bronAlias(spec))}`);
    await c.run("CHECKPOINT");
    gelukt = true;
  } finally {
    c.closeSync();
    instance.closeSync();
    if (!gelukt) {
      rmSync(doel, { force: true });
      rmSync(doel + ".wal", { force: true });
    }
  }
}

/**
 * Reads, validates and stages the data directory into one new DuckDB file at `doel` that
 * stands alone (the tables copied in). Throws ValidatieFout (nothing written) on any finding.
 * An export that is not in the directory is no finding (a partial delivery): it is left out,
 * and said in `meldingen`. `vandaag` (ISO) bounds the dates; tests fix it, otherwise it is today.
 */
export async function stage(dir: string, doel: string, opties: { vandaag?: string } = {}): Promise<StageResultaat> {
  const regio = loadRegio(dir);
  if (existsSync(doel)) rmSync(doel);
  const map = mkdtempSync(join(tmpdir(), `vsv-stage-${process.pid}-`));
  try {
    const er = EXPORTS.filter((spec) => existsSync(join(dir, spec.bestand)));
    const delen = er.map((spec) => ({ spec, pad: join(dir, spec.bestand), doel: join(map, `${spec.tabel}.duckdb`) }));
    const { meldingen } = await stageExports(regio, delen, opties);
    await combineer(regio, delen, doel, { kopie: true });
    return { meldingen: [...ontbrekendMeldingen(dir, er), ...meldingen] };
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}

/** The exports that are not in the data directory, in a sentence each. */
export function ontbrekendMeldingen(dir: string, er: ExportSpec[]): string[] {
  return EXPORTS.filter((e) => !er.includes(e))
    .map((e) => `${e.bestand} staat niet in de datamap ${dir}: wat dit bestand nodig heeft, zegt dat het ontbreekt (docs/exports.md)`);
}
