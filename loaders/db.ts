// Opening the staged data. Each export is staged into a file of its own, named after a key of
// that export (its file, regio.json and the code that reads them: exportSleutel), under
// .staging/exports/; the database the marts read, named after a hash of all inputs, is small:
// views on those files, which are attached when it is opened. So a new delivery of one export
// restages that export only, and an unchanged delivery is read in milliseconds. Loaders open
// it read-only, so many can run at once.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { PROJECT_ROOT, DEFAULT_DATA_DIR, dataDir, type Regio } from "./config.ts";
import { EXPORTS } from "./schema.ts";
import { GebruikersFout } from "./errors.ts";
import { metSlot, ruimDoodSlotOp, ruimRestenOp } from "./slot.ts";
import { rijenVan } from "./duckdb-rijen.ts";
import { lit, q } from "./sql.ts";

export { rijenVan };

export const STAGING_DIR = join(PROJECT_ROOT, ".staging");
/** Each export's own staging file: `<tabel>-<exportSleutel>.duckdb`. */
export const EXPORT_STAGING_DIR = join(STAGING_DIR, "exports");

/**
 * Code whose change changes what staging produces: stage.ts and every project file it imports
 * (test/unit/importgraaf.test.ts checks the list against the imports).
 */
export const STAGING_CODE = [
  "loaders/config.ts", "loaders/definitions.ts", "loaders/errors.ts", "loaders/read.ts", "loaders/regio.ts", "loaders/schema.ts",
  "loaders/sql.ts", "loaders/stage-definities.ts", "loaders/stage.ts", "loaders/validate-kop.ts", "loaders/validate-rijen.ts", "loaders/validate.ts",
  "src/lib/breuken.ts", "src/lib/codes.ts", "src/lib/definities.ts", "src/lib/format.ts", "src/lib/schooljaar.ts",
];

/** Hash of the data directory (names, sizes, modification times) and of the staging code. */
export function invoerHash(dir: string): string {
  const h = createHash("sha256");
  h.update(resolve(dir));
  for (const naam of readdirSync(dir).sort()) {
    const pad = join(dir, naam);
    const st = statSync(pad);
    if (st.isFile()) h.update(`\0${naam}\0${st.size}\0${st.mtimeMs}`);
  }
  h.update(codeHash());
  return h.digest("hex").slice(0, 20);
}

let code: string | null = null;
function codeHash(): string {
  if (code === null) {
    const h = createHash("sha256");
    for (const f of STAGING_CODE) h.update(readFileSync(join(PROJECT_ROOT, f)));
    code = h.digest("hex");
  }
  return code;
}

/**
 * The key of one export's staging: the file (path, size, modification time, as invoerHash),
 * regio.json (its rules check every export: gemeenten, membership) and the staging code. Not
 * the other exports: no rule spans two exports (validate.ts), what does is made when they are
 * combined.
 */
export function exportSleutel(dir: string, bestand: string): string {
  const h = createHash("sha256");
  const pad = resolve(dir, bestand);
  const st = statSync(pad);
  h.update(`${pad}\0${st.size}\0${st.mtimeMs}\0`);
  h.update(readFileSync(join(dir, "regio.json")));
  h.update(codeHash());
  return h.digest("hex").slice(0, 20);
}

/** Where the export's staging file for these inputs is (whether or not it is there yet). */
export function exportStagingPad(dir: string, bestand: string): string {
  const spec = EXPORTS.find((e) => e.bestand === bestand)!;
  return join(EXPORT_STAGING_DIR, `${spec.tabel}-${exportSleutel(dir, bestand)}.duckdb`);
}

/**
 * Every staging file of these inputs: the combined one, its list of sources and each
 * delivered export's own file (whether or not they are there). Removing them all makes the
 * next staging a cold one (npm run bench).
 */
export function stagingBestanden(dir: string): string[] {
  const doel = join(STAGING_DIR, `${invoerHash(dir)}.duckdb`);
  return [doel, bronnenPad(doel), ...EXPORTS.filter((e) => existsSync(join(dir, e.bestand))).map((e) => exportStagingPad(dir, e.bestand))];
}

/** The exports' staging files a combined staging file reads: `<hash>.bronnen.json` beside it. */
interface Bronnen {
  bronnen: { alias: string; pad: string }[];
}
const bronnenPad = (staging: string) => staging.replace(/\.duckdb$/, ".bronnen.json");

function leesBronnen(staging: string): Bronnen | null {
  try {
    return JSON.parse(readFileSync(bronnenPad(staging), "utf8")) as Bronnen;
  } catch {
    return null;
  }
}

/** Whether the staging file and every export file it reads are there. */
function compleet(staging: string): boolean {
  const b = leesBronnen(staging);
  return existsSync(staging) && b !== null && b.bronnen.every((x) => existsSync(x.pad));
}

/**
 * Attaches the exports' staging files that a combined staging file's views read (read-only).
 * Whoever opens a staging file with DuckDB itself calls this; openStaging does. A file that
 * stands alone (stage.ts `stage`, the tests) has none.
 */
export async function koppelBronnen(c: DuckDBConnection, staging: string): Promise<void> {
  for (const b of leesBronnen(staging)?.bronnen ?? []) {
    await c.run(`ATTACH ${lit(b.pad)} AS ${q(b.alias)} (READ_ONLY)`);
  }
}

/** The tables and views of the staged data (unqualified names, as the marts query them). */
export async function stagedTabellen(db: Pick<Staging, "all">): Promise<Set<string>> {
  const r = await db.all<{ naam: string }>(
    `SELECT table_name AS naam FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main'`);
  return new Set(r.map((x) => x.naam));
}

/**
 * The data directory must be a directory, and regio.json and the exports in it files: a
 * missing folder, a dangling link or a link to a folder where a file belongs is named here,
 * with its path, instead of as the operating system's error halfway (reading a folder reports
 * no path). A missing export is no mistake (a partial delivery: loaders/nodig.ts). The shipped
 * sample's folder (data/) may be missing: it is generated on first use.
 */
export function controleerDataMap(dir: string): void {
  const soort = (pad: string) => {
    try {
      return statSync(pad).isDirectory() ? "map" : "bestand";
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      try {
        lstatSync(pad);
        return "losse snelkoppeling";
      } catch {
        return null;
      }
    }
  };
  const map = soort(dir);
  if (map === null && resolve(dir) === DEFAULT_DATA_DIR) return;
  if (map !== "map") {
    throw new GebruikersFout(map === "bestand"
      ? `De datamap ${dir} is een bestand, geen map. Geef met --data de map met regio.json en de exports (docs/exports.md).`
      : `De datamap ${dir} bestaat niet${map ? " (het is een snelkoppeling naar iets dat niet meer bestaat)" : ""}. ` +
        "Geef met --data de map met regio.json en de exports (docs/exports.md).");
  }
  for (const naam of ["regio.json", ...EXPORTS.map((e) => e.bestand)]) {
    const pad = join(dir, naam);
    const s = soort(pad);
    if (s === "map") throw new GebruikersFout(`${pad} is een map (of een snelkoppeling naar een map); daar hoort het bestand ${naam}. Zet het bestand zelf in de datamap.`);
    if (s === "losse snelkoppeling") throw new GebruikersFout(`${pad} is een snelkoppeling naar iets dat niet meer bestaat. Zet het bestand ${naam} zelf in de datamap.`);
  }
}

export interface Staging {
  dataDir: string;
  regio: Regio;
  /** Rows as plain objects: BIGINT → number, DATE → 'YYYY-MM-DD'. */
  all<T = Record<string, any>>(sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]>;
  close(): void;
}

/**
 * Leftovers of a staging that was killed: its half-written DuckDB files (`<hash>.duckdb.<pid>.tmp`
 * and an export's `exports/<tabel>-<key>.duckdb.<pid>.tmp`, with their `.wal`), its work folder
 * in the system's temp directory (`vsv-stage-<pid>-…`, see stage.ts) and lock files of the
 * version before the locks were directories. Only those of processes that no longer run: a
 * staging that is still going keeps its files.
 */
export function ruimStagingRestenOp(melding?: (m: string) => void): void {
  // A fresh clone has no staging folder yet: nothing left over.
  if (!existsSync(STAGING_DIR)) return;
  const weg = [
    ...ruimRestenOp(STAGING_DIR, /^[0-9a-f]+\.(duckdb|bronnen\.json)\.(?<pid>\d+)\.tmp(\.wal)?$/),
    ...ruimRestenOp(EXPORT_STAGING_DIR, /^[a-z_]+-[0-9a-f]+\.duckdb\.(?<pid>\d+)\.tmp(\.wal)?$/).map((n) => `exports/${n}`),
    ...ruimRestenOp(tmpdir(), /^vsv-stage-(?<pid>\d+)-/),
  ];
  for (const naam of readdirSync(STAGING_DIR)) {
    const pad = join(STAGING_DIR, naam);
    // The old lock was a plain file; the lock is now a directory named .slot.
    if (naam.endsWith(".duckdb.lock") && statSync(pad).isFile()) {
      rmSync(pad, { force: true });
      weg.push(naam);
    } else if (naam.endsWith(".duckdb.slot") && ruimDoodSlotOp(pad)) {
      weg.push(naam);
    }
  }
  if (weg.length) melding?.(`Resten van een afgebroken verwerking opgeruimd: ${weg.join(", ")}.`);
}

/** What zorgVoorStaging did: which exports it staged anew (empty: all were staged before). */
export interface StagingVerslag {
  pad: string;
  opnieuw: string[];
}

/**
 * Makes sure the staging file for the current inputs exists and returns its path. Several
 * processes may ask at once (Framework runs loaders in parallel): one stages under a lock,
 * the others wait for it, and say so. Only the exports whose own key changed are staged
 * (validated, typed) again; the rest is taken from their staging files.
 */
export async function zorgVoorStaging(dir: string = dataDir(), opties: StagingOpties = {}): Promise<string> {
  return (await zorgVoorStagingVerslag(dir, opties)).pad;
}

export interface StagingOpties {
  melding?: (m: string) => void;
  /**
   * Only these exports (file names), for a command that needs no more (the verdeling: only
   * cbs_risicoscores.csv, so a finding in another export does not stop it). Never for what
   * publishes suppressed figures: the publication is one linked set over every export there.
   */
  alleen?: readonly string[];
}

/** The combined staging's name: the inputs' hash, or of the chosen exports only. */
function stagingHash(dir: string, alleen: readonly string[] | undefined): string {
  const hash = invoerHash(dir);
  return alleen ? createHash("sha256").update(`${hash}\0${[...alleen].sort().join("\0")}`).digest("hex").slice(0, 20) : hash;
}

export async function zorgVoorStagingVerslag(dir: string = dataDir(), opties: StagingOpties = {}): Promise<StagingVerslag> {
  controleerDataMap(dir);
  await zorgVoorVoorbeelddata(dir, opties.melding);
  mkdirSync(EXPORT_STAGING_DIR, { recursive: true });
  const hash = stagingHash(dir, opties.alleen);
  const doel = join(STAGING_DIR, `${hash}.duckdb`);
  const verslag: StagingVerslag = { pad: doel, opnieuw: [] };
  if (compleet(doel)) return verslag;
  await metSlot(`${doel}.slot`, { wat: `de gegevens uit ${dir} klaarzetten`, melding: opties.melding, klaar: () => compleet(doel) }, async () => {
    // Holding the lock: no other staging of these inputs runs, and those of others are
    // recognised by their process id.
    ruimStagingRestenOp(opties.melding);
    // Imported here: reading and checking the exports is only needed when they changed.
    const [{ stageExports, combineer, bronAlias, ontbrekendMeldingen }, { loadRegio }] = await Promise.all([
      import("./stage.ts"), import("./regio.ts"),
    ]);
    const regio = loadRegio(dir);
    const er = EXPORTS.filter((spec) => (!opties.alleen || opties.alleen.includes(spec.bestand)) && existsSync(join(dir, spec.bestand)));
    if (!opties.alleen) for (const m of ontbrekendMeldingen(dir, er)) opties.melding?.(m);
    const delen = er.map((spec) => ({ spec, pad: join(dir, spec.bestand), doel: exportStagingPad(dir, spec.bestand) }));
    const nieuw = delen.filter((d) => !existsSync(d.doel));
    verslag.opnieuw = nieuw.map((d) => d.spec.bestand);
    if (nieuw.length < delen.length && nieuw.length) {
      opties.melding?.(`Opnieuw gecontroleerd: ${verslag.opnieuw.join(", ")}; de andere exports zijn ongewijzigd.`);
    }
    const { meldingen } = await stageExports(regio, nieuw);
    for (const m of meldingen) opties.melding?.(m);
    const tijdelijk = `${doel}.${process.pid}.tmp`;
    await combineer(regio, delen, tijdelijk, { kopie: false });
    // The list of sources first: a staging file is used only when its list is there too.
    const bronnen: Bronnen = { bronnen: delen.map((d) => ({ alias: bronAlias(d.spec), pad: d.doel })) };
    const lijst = `${bronnenPad(doel)}.${process.pid}.tmp`;
    writeFileSync(lijst, JSON.stringify(bronnen));
    renameSync(lijst, bronnenPad(doel));
    renameSync(tijdelijk, doel);
    opruimen(hash);
  });
  return verslag;
}

/**
 * The shipped sample is generated, not committed (it is tens of MB): on first use of the
 * default data directory the deterministic generator writes it, so a fresh clone's
 * `npm run build` shows the site without a separate step. Other directories are never touched.
 */
export async function zorgVoorVoorbeelddata(dir: string, melding?: (m: string) => void): Promise<void> {
  if (resolve(dir) !== DEFAULT_DATA_DIR) return;
  const compleet = () => ["regio.json", ...EXPORTS.map((e) => e.bestand)].every((f) => existsSync(join(dir, f)));
  if (compleet()) return;
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, ".genereren.lock"), { force: true }); // the lock file of the version before
  await metSlot(join(dir, ".genereren.slot"), { wat: "de voorbeelddata genereren", melding, klaar: compleet }, async () => {
    melding?.("Voorbeelddata (IJssel-Vecht) worden eenmalig gegenereerd in data/…");
    const { genereer } = await import("./voorbeeld/genereer.ts");
    await genereer({ out: dir });
  });
}

/**
 * Keeps the staging directory small: old staging files of other inputs go, and the exports'
 * files that no kept staging file reads (unless just made: another data directory's staging
 * may be combining them right now).
 */
function opruimen(houd: string): void {
  const bestanden = readdirSync(STAGING_DIR)
    .filter((f) => f.endsWith(".duckdb") && !f.startsWith(houd))
    .map((f) => ({ f, t: statSync(join(STAGING_DIR, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  // Keep a few: tests and the sample may alternate between data directories. And those made
  // in the last half hour: a build of another data directory may still be reading one.
  const kort = Date.now() - 30 * 60_000;
  for (const { f } of bestanden.slice(8).filter((b) => b.t < kort)) {
    rmSync(join(STAGING_DIR, f), { force: true });
    rmSync(bronnenPad(join(STAGING_DIR, f)), { force: true });
  }
  const gebruikt = new Set<string>();
  for (const f of readdirSync(STAGING_DIR).filter((n) => n.endsWith(".duckdb"))) {
    for (const b of leesBronnen(join(STAGING_DIR, f))?.bronnen ?? []) gebruikt.add(b.pad);
  }
  const grens = Date.now() - 10 * 60_000;
  for (const f of readdirSync(EXPORT_STAGING_DIR).filter((n) => n.endsWith(".duckdb"))) {
    const pad = join(EXPORT_STAGING_DIR, f);
    try {
      if (!gebruikt.has(pad) && statSync(pad).mtimeMs < grens) rmSync(pad, { force: true });
    } catch {
      // Removed meanwhile by another staging's clearing up.
    }
  }
}

export async function openStaging(dir: string = dataDir(), opties: Pick<StagingOpties, "alleen"> = {}): Promise<Staging> {
  const pad = await zorgVoorStaging(dir, { ...opties, melding: (m) => process.stderr.write(`${m}\n`) });
  const instance = await DuckDBInstance.create(pad, { access_mode: "READ_ONLY" });
  const c: DuckDBConnection = await instance.connect();
  await koppelBronnen(c, pad);
  // regio.json as checked when it was staged (its file is part of the staging hash).
  const [{ regio_json }] = rijenVan<{ regio_json: string }>(await c.runAndReadAll(`SELECT regio_json FROM meta`));
  const regio: Regio = JSON.parse(regio_json);
  // A connection runs one query at a time: queries asked for at once (Promise.all in a mart)
  // each get a connection of their own, so DuckDB works on them side by side while
  // JavaScript goes on with what has come back.
  const vrij = [c];
  const alle = [c];
  return {
    dataDir: dir,
    regio,
    async all<T>(sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]> {
      let v = vrij.pop();
      if (!v) alle.push((v = await instance.connect()));
      try {
        return rijenVan<T>(await v.runAndReadAll(sql, params as never));
      } finally {
        vrij.push(v);
      }
    },
    close() {
      for (const v of alle) v.closeSync();
      instance.closeSync();
    },
  };
}
