// Small, valid data directories for tests: hand-made rows with known answers, written to a
// temp dir, with any file replaced (or left out) per test. Shared by the unit tests of
// reading, validation, definitions and the marts.
//
//   const dir = maakDataMap({ "jongeren.csv": csv("jongeren.csv", ["2025-10-01;j1;GM0100;…"]) });
//   const fout = await verwachtFout(dir);          // ValidatieFout, nothing left behind
//   const db = await stageDb(dir); await db.all("SELECT …"); db.close();
//   const db = await stageDb(dir, { vandaag: "2030-01-01" });  // rows with dates after today
//   const db = await openMartStaging(dir);         // as the marts open it; close() clears its cache files
//   afterAll(ruimDataMappenOp);
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { DuckDBInstance } from "@duckdb/node-api";
import { stage } from "../../loaders/stage.ts";
import { ValidatieFout } from "../../loaders/errors.ts";
import { rijenVan, openStaging, invoerHash, STAGING_DIR, type Staging } from "../../loaders/db.ts";

export const CSV_BESTANDEN = [
  "jongeren.csv", "verzuimmeldingen.csv", "vrijstellingen.csv", "vsv_trajecten.csv", "jikp_monitor.csv",
  "cbs_risicoscores.csv", "vsv_cijfers.csv", "inzet.csv",
] as const;
export type CsvBestand = (typeof CSV_BESTANDEN)[number];
export type Bestand = CsvBestand | "regio.json";

/**
 * The default regio: three gemeenten, one of which (GM0300) joins on 2026-01-01 and one
 * (GM0400) leaves after 2024-12-31, so membership rules can be tested. Regio number 99.
 */
export const STANDAARD_REGIO = {
  naam: "Testregio",
  nummer: "99",
  contactgemeente: "GM0100",
  vsvPeildatum: "10-01",
  gemeenten: [
    { code: "GM0100", naam: "Alfastad", vanaf: "2020-01-01" },
    { code: "GM0200", naam: "Bèta-dorp", vanaf: "2020-01-01" },
    { code: "GM0300", naam: "Gammaveen", vanaf: "2026-01-01" },
    { code: "GM0400", naam: "Deltahoven", vanaf: "2020-01-01", tot: "2024-12-31" },
  ],
  budget: [],
  publicatie: { minimumCel: 5 },
};

/** Header line of each export (`;` delimited, the contract's column order). */
export const KOP: Record<CsvBestand, string> = {
  "jongeren.csv": "peildatum;pseudo_id;gemeente_code;geboortemaand;geslacht;onderwijssoort;mbo_niveau;startkwalificatie;laatste_uitschrijving;werk",
  "verzuimmeldingen.csv": "melding_id;pseudo_id;gemeente_code;leeftijd;onderwijssoort;verzuimsoort;melddatum;afsluitdatum;resultaat;handhaving",
  "vrijstellingen.csv": "vrijstelling_id;pseudo_id;gemeente_code;leeftijd;artikel;besluit;begindatum;einddatum",
  "vsv_trajecten.csv": "traject_id;pseudo_id;gemeente_code;leeftijd;vsv_type;startdatum;einddatum;resultaat",
  "jikp_monitor.csv": "moment;pseudo_id;gemeente_code;leeftijd;groep;herkomst;cohort;verhuisd;ingeschreven;startkwalificatie;werk;wajong;in_beeld_doorstroompunt;in_beeld_zorg;in_beeld_participatie",
  "cbs_risicoscores.csv": "jaar;gemeente_code;aantal_jongeren;risicoscore",
  "vsv_cijfers.csv": "schooljaar;niveau;code;deelnemers;vsv",
  "inzet.csv": "schooljaar;gemeente_code;functie;fte",
};

/**
 * The default data rows (valid). Data rows start on line 2, so the row at index i is on
 * line i + 2 and a row appended with `metRegels` is on line STANDAARD_RIJEN[b].length + 2.
 * The latest date in them (meta.data_datum) is 2026-02-01.
 */
export const STANDAARD_RIJEN: Record<CsvBestand, string[]> = {
  "jongeren.csv": [
    "2025-10-01;j001;GM0100;2014-03;V;PO;;N;;",
    "2025-10-01;j002;GM0200;2005-06;M;GEEN;;N;2025-02-01;N",
    "2025-10-01;j003;GM0200;2008-11;X;MBO_BOL;2;N;;J",
  ],
  "verzuimmeldingen.csv": [
    "M1;j001;GM0100;11;PO;LUXE;2025-06-30;2025-07-10;TERUG_NAAR_SCHOOL;WAARSCHUWING",
    "M2;j003;GM0200;16;MBO_BOL;WETTELIJK;2025-10-02;;;",
  ],
  "vrijstellingen.csv": [
    "V1;j004;GM0100;6;5A;TOEGEKEND;2025-09-01;2026-07-31",
  ],
  "vsv_trajecten.csv": [
    "T1;j002;GM0200;20;NIEUW;2025-03-01;2025-09-30;ONDERWIJS_GESTART",
  ],
  "jikp_monitor.csv": [
    "2026-02-01;j005;GM0100;19;JIKP;PRO;2023;N;N;N;J;N;N;N;N",
  ],
  "cbs_risicoscores.csv": [
    "2022;GM0100;1000;12.5",
    "2022;GM0200;400;6.1",
  ],
  "vsv_cijfers.csv": [
    "2023-2024;LANDELIJK;NL;1010000;22725",
    "2023-2024;REGIO;99;3000;60",
    "2023-2024;GEMEENTE;GM0100;1500;30",
  ],
  "inzet.csv": [
    "2025-2026;GM0100;LEERPLICHTAMBTENAAR;1.5",
  ],
};

/**
 * One valid row per export as column → value: `rij(bestand, { kolom: "waarde" })` builds a
 * row from it with some values changed, so a test states only what matters to it.
 */
export const BASIS: Record<CsvBestand, Record<string, string>> = {
  "jongeren.csv": {
    peildatum: "2025-10-01", pseudo_id: "jb1", gemeente_code: "GM0100", geboortemaand: "2005-06", geslacht: "M",
    onderwijssoort: "GEEN", mbo_niveau: "", startkwalificatie: "N", laatste_uitschrijving: "2025-02-01", werk: "N",
  },
  "verzuimmeldingen.csv": {
    melding_id: "MB1", pseudo_id: "jb1", gemeente_code: "GM0100", leeftijd: "14", onderwijssoort: "VO",
    verzuimsoort: "WETTELIJK", melddatum: "2025-10-02", afsluitdatum: "", resultaat: "", handhaving: "",
  },
  "vrijstellingen.csv": {
    vrijstelling_id: "VB1", pseudo_id: "jb1", gemeente_code: "GM0100", leeftijd: "6", artikel: "5A",
    besluit: "TOEGEKEND", begindatum: "2025-09-01", einddatum: "",
  },
  "vsv_trajecten.csv": {
    traject_id: "TB1", pseudo_id: "jb1", gemeente_code: "GM0100", leeftijd: "20", vsv_type: "NIEUW",
    startdatum: "2025-03-01", einddatum: "", resultaat: "",
  },
  "jikp_monitor.csv": {
    moment: "2026-02-01", pseudo_id: "jb1", gemeente_code: "GM0100", leeftijd: "19", groep: "JIKP", herkomst: "PRO",
    cohort: "2023", verhuisd: "N", ingeschreven: "N", startkwalificatie: "N", werk: "N", wajong: "N",
    in_beeld_doorstroompunt: "N", in_beeld_zorg: "N", in_beeld_participatie: "N",
  },
  "cbs_risicoscores.csv": { jaar: "2023", gemeente_code: "GM0100", aantal_jongeren: "900", risicoscore: "10.0" },
  "vsv_cijfers.csv": { schooljaar: "2024-2025", niveau: "GEMEENTE", code: "GM0200", deelnemers: "800", vsv: "12" },
  "inzet.csv": { schooljaar: "2024-2025", gemeente_code: "GM0200", functie: "DOORSTROOMCOACH", fte: "0.8" },
};

/** A row of `bestand` in header order: BASIS with `wijzig` applied; values with the delimiter or a quote are quoted. */
export function rij(bestand: CsvBestand, wijzig: Record<string, string> = {}, scheidingsteken = ";"): string {
  const waarden = { ...BASIS[bestand], ...wijzig };
  return KOP[bestand].split(";").map((k) => {
    const v = waarden[k] ?? "";
    return v.includes(scheidingsteken) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(scheidingsteken);
}

/** A whole file: the export's header and exactly these rows (LF line ends, final newline). */
export function csv(bestand: CsvBestand, rijen: string[], kop: string = KOP[bestand]): string {
  return [kop, ...rijen].join("\n") + "\n";
}

/** The default file with these rows appended (they get lines STANDAARD_RIJEN[b].length + 2, …). */
export function metRegels(bestand: CsvBestand, ...rijen: string[]): string {
  return csv(bestand, [...STANDAARD_RIJEN[bestand], ...rijen]);
}

/** Line number of the n-th (0-based) row appended by `metRegels`. */
export function regelNa(bestand: CsvBestand, n = 0): number {
  return STANDAARD_RIJEN[bestand].length + 2 + n;
}

const gemaakt: string[] = [];

/**
 * Writes a small valid data directory (regio.json and the eight exports) into a new temp
 * dir and returns its path. `overrides` replaces a file's content (string or raw bytes,
 * e.g. Windows-1252 from iconv-lite) or, with `null`, leaves the file out. `regio` replaces
 * the whole regio.json object (an override of "regio.json" wins over it). Remove the dirs
 * with `ruimDataMappenOp()` (e.g. in afterAll).
 */
export function maakDataMap(
  overrides: Partial<Record<Bestand, string | Buffer | null>> = {},
  regio: object = STANDAARD_REGIO,
): string {
  const dir = mkdtempSync(join(tmpdir(), "vsv-test-data-"));
  gemaakt.push(dir);
  const inhoud: Record<string, string | Buffer | null> = { "regio.json": JSON.stringify(regio, null, 2) };
  for (const b of CSV_BESTANDEN) inhoud[b] = csv(b, STANDAARD_RIJEN[b]);
  Object.assign(inhoud, overrides);
  for (const [naam, tekst] of Object.entries(inhoud)) {
    if (tekst !== null && tekst !== undefined) writeFileSync(join(dir, naam), tekst);
  }
  return dir;
}

/** A new empty temp directory, removed with the others by `ruimDataMappenOp()`. */
export function tijdelijkeMap(voorvoegsel = "vsv-test-"): string {
  const d = mkdtempSync(join(tmpdir(), voorvoegsel));
  gemaakt.push(d);
  return d;
}

/** The id of a process that has ended (not reused within a test, in practice): a dead lock holder. */
export function dodePid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

/** Removes every directory made by maakDataMap / stage helpers in this test file. */
export function ruimDataMappenOp(): void {
  for (const d of gemaakt.splice(0)) rmSync(d, { recursive: true, force: true });
}

function tijdelijkPad(): string {
  const d = mkdtempSync(join(tmpdir(), "vsv-test-stage-"));
  gemaakt.push(d);
  return join(d, "staging.duckdb");
}

/** Options passed on to stage(): `vandaag` (ISO) fixes "today", which bounds the dates (default: today). */
export type StageOpties = Parameters<typeof stage>[2];

/**
 * Stages `dir` and expects it to be refused: returns the ValidatieFout (or other
 * GebruikersFout) and checks that nothing was left at the target. Fails the test when
 * staging succeeds.
 */
export async function verwachtFout(dir: string, opties: StageOpties = {}): Promise<ValidatieFout> {
  const doel = tijdelijkPad();
  try {
    await stage(dir, doel, opties);
  } catch (e) {
    if (existsSync(doel) || existsSync(doel + ".wal")) throw new Error(`stage() liet ${doel} achter na een fout`);
    return e as ValidatieFout;
  }
  throw new Error(`stage(${dir}) had geweigerd moeten worden, maar slaagde`);
}

export interface TestDb {
  meldingen: string[];
  /** Read as db.ts reads (rijenVan): BIGINT → number, DATE → 'YYYY-MM-DD'. */
  all<T = Record<string, any>>(sql: string): Promise<T[]>;
  close(): void;
}

/**
 * Stages `dir` into a temp DuckDB file (not the project's .staging cache) and opens it
 * read-only. Throws what stage() throws. Pass `{ vandaag }` when the rows hold dates after
 * today (a grid running into the future).
 */
export async function stageDb(dir: string, opties: StageOpties = {}): Promise<TestDb> {
  const doel = tijdelijkPad();
  const { meldingen } = await stage(dir, doel, opties);
  const instance = await DuckDBInstance.create(doel, { access_mode: "READ_ONLY" });
  const c = await instance.connect();
  return {
    meldingen,
    async all<T>(sql: string) {
      return rijenVan<T>(await c.runAndReadAll(sql));
    },
    close() {
      c.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Opens `dir` as the marts and loaders do (openStaging: the project's .staging cache, and the
 * publication's stored decision there), so a mart is tested the way it runs. close() also
 * removes this directory's files from that cache: a test's data directory is made once.
 */
export async function openMartStaging(dir: string): Promise<Staging> {
  const db = await openStaging(dir);
  return {
    ...db,
    close() {
      db.close();
      const h = invoerHash(dir);
      for (const f of readdirSync(STAGING_DIR).filter((n) => n.startsWith(h))) rmSync(join(STAGING_DIR, f), { force: true });
    },
  };
}
