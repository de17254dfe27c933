// The steps around Framework's own build: stage and validate the data first (so a bad
// export stops everything before anything is written), drop Framework's loader cache when
// any input changed (Framework only looks at the loader file's own date), and after the
// build fix what Framework's HTML lacks (lang="nl", zoom) and check that no record-level
// data reached dist/.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { PROJECT_ROOT, type Regio } from "../../loaders/config.ts";
import { invoerHash, zorgVoorStaging } from "../../loaders/db.ts";

export const CACHE_DIR = join(PROJECT_ROOT, "src", ".observablehq", "cache");

function bestandenOnder(dir: string, uit: string[] = []): string[] {
  if (!existsSync(dir)) return uit;
  for (const naam of readdirSync(dir)) {
    if (naam === ".observablehq" || naam === "node_modules") continue;
    const pad = join(dir, naam);
    if (statSync(pad).isDirectory()) bestandenOnder(pad, uit);
    else uit.push(pad);
  }
  return uit;
}

/** Everything a loader's output depends on: the data and the code that turns it into JSON. */
export function siteInvoerHash(dataDir: string): string {
  const h = createHash("sha256");
  h.update(invoerHash(dataDir));
  for (const dir of ["loaders", "src/data", "src/components"]) {
    for (const f of bestandenOnder(join(PROJECT_ROOT, dir)).sort()) {
      h.update(relative(PROJECT_ROOT, f));
      h.update(readFileSync(f));
    }
  }
  // Texts beside the data (the coördinator's Markdown) feed loaders too.
  for (const f of bestandenOnder(dataDir).sort()) {
    const st = statSync(f);
    h.update(`${relative(dataDir, f)}\0${st.size}\0${st.mtimeMs}`);
  }
  return h.digest("hex");
}

/** Stage (validating) and clear stale loader output. Returns the log lines. */
export async function voorbereiden(dataDir: string, log: (m: string) => void, cacheDir = CACHE_DIR): Promise<void> {
  log(`Gegevens lezen en controleren uit ${dataDir}…`);
  await zorgVoorStaging(dataDir, { melding: (m) => log(`  ${m}`) });
  leegCacheBijWijziging(siteInvoerHash(dataDir), cacheDir, log);
}

/** Drops Framework's cached loader outputs when the inputs' hash differs from the last build's. */
export function leegCacheBijWijziging(hash: string, cacheDir: string, log: (m: string) => void): boolean {
  const hashFile = join(cacheDir, ".invoer-hash");
  const oud = existsSync(hashFile) ? readFileSync(hashFile, "utf8") : null;
  let geleegd = false;
  if (oud !== hash && existsSync(cacheDir)) {
    // Loader outputs mirror src/; Framework's own module caches start with "_" and stay.
    for (const naam of readdirSync(cacheDir)) {
      if (!naam.startsWith("_")) rmSync(join(cacheDir, naam), { recursive: true, force: true });
    }
    geleegd = true;
    log("Invoer gewijzigd: opgeslagen uitkomsten van de data loaders verwijderd.");
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(hashFile, hash);
  return geleegd;
}

/** Framework's HTML: lang="nl", no zoom block (WCAG 1.4.4), valid lists, Dutch labels. */
export function htmlBijwerken(html: string): string {
  return html
    .replace(/<html(?![^>]*\blang=)([^>]*)>/, '<html lang="nl"$1>')
    .replace(/<html([^>]*)\blang="[^"]*"/, '<html$1lang="nl"')
    .replace(/<meta name="viewport" content="[^"]*">/, '<meta name="viewport" content="width=device-width, initial-scale=1">')
    // A <label> may not stand directly in an <ol> (WCAG 1.3.1): move the sidebar's close button out.
    .replace(/<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$2\n  <ol>$1")
    .replace('title="Toggle sidebar"', 'title="Menu tonen of verbergen" aria-label="Menu tonen of verbergen"');
}

/**
 * Titles of the pages Framework cannot title itself (dynamic routes share one front matter):
 * "Zwolle | regio" instead of the regio name alone (WCAG 2.4.2).
 */
export function dynamischeTitels(regio: Regio): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const g of regio.gemeenten) {
    uit[`gemeente/${g.code}.html`] = `${g.naam} | ${regio.naam}`;
    uit[`overleg/${g.code}.html`] = `Bestuurlijk overleg ${g.naam} | ${regio.naam}`;
  }
  return uit;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Post-build: fix the HTML and refuse a dist/ with record-level identifiers in it. */
export function nabewerken(distDir: string, log: (m: string) => void, titels: Record<string, string> = {}): void {
  let paginas = 0;
  for (const f of bestandenOnder(distDir)) {
    if (f.endsWith(".html")) {
      let html = htmlBijwerken(readFileSync(f, "utf8"));
      const titel = titels[relative(distDir, f).replace(/\\/g, "/")];
      if (titel) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escape(titel)}</title>`);
      writeFileSync(f, html);
      paginas++;
    }
    if (/\.(json|csv|arrow|parquet|txt|html)$/.test(f)) {
      const tekst = readFileSync(f, "utf8");
      if (/pseudo_id|melding_id|traject_id|vrijstelling_id/.test(tekst)) {
        throw new Error(`${relative(distDir, f)} bevat identificerende gegevens (pseudo_id of een record-id): de site wordt niet gepubliceerd`);
      }
    }
  }
  log(`${paginas} pagina's klaar in ${relative(PROJECT_ROOT, distDir) || distDir}.`);
}

// ------------------------------------------------------------------ loaders side by side

/** A data loader of the site and where Framework keeps its output. */
export interface Loader {
  /** Relative to the project root, e.g. src/data/dashboard.json.ts. */
  bron: string;
  /** Framework's cached output, e.g. <cache>/data/dashboard.json. */
  uitvoer: string;
}

/**
 * The TypeScript data loaders in src/data (name.ext.ts; Framework runs them with node --import
 * tsx). A loader elsewhere is not run ahead: Framework still runs it itself.
 */
export function loaders(cacheDir = CACHE_DIR, srcDir = join(PROJECT_ROOT, "src")): Loader[] {
  return bestandenOnder(join(srcDir, "data"))
    .map((f) => relative(srcDir, f))
    .filter((f) => /\.[a-z0-9]+\.ts$/i.test(f) && !f.endsWith(".d.ts") && !f.includes("["))
    .sort()
    .map((f) => ({ bron: relative(PROJECT_ROOT, join(srcDir, f)), uitvoer: join(cacheDir, f.slice(0, -".ts".length)) }));
}

/**
 * Runs the loaders whose output Framework lacks, a few at a time, and puts their output where
 * Framework looks for it. Framework runs loaders one after another in one process; side by
 * side they take about the time of the slowest. Each runs exactly as Framework would run it
 * (same command, directory and environment), so the output is the same; Framework finds it
 * fresh and copies it. A loader that fails here is left to Framework, which runs it again
 * and reports the error as usual.
 */
export async function draaiLoaders(env: NodeJS.ProcessEnv, log: (m: string) => void, cacheDir = CACHE_DIR,
  tegelijk = Math.max(1, availableParallelism())): Promise<void> {
  const tijdenFile = join(cacheDir, ".loader-tijden.json");
  let tijden: Record<string, number> = {};
  try {
    tijden = JSON.parse(readFileSync(tijdenFile, "utf8"));
  } catch { /* first build */ }
  const nodig = loaders(cacheDir).filter((l) => !isVers(l))
    // Longest first (as last time), so the slowest does not start last.
    .sort((a, b) => (tijden[b.bron] ?? 0) - (tijden[a.bron] ?? 0));
  if (!nodig.length) return;
  log(`Data loaders: ${nodig.length} tegelijk met ${Math.min(tegelijk, nodig.length)}…`);
  const rij = [...nodig];
  const werker = async () => {
    for (let l = rij.shift(); l; l = rij.shift()) {
      const begin = performance.now();
      if (await draai(l, env)) tijden[l.bron] = performance.now() - begin;
    }
  };
  await Promise.all(Array.from({ length: Math.min(tegelijk, nodig.length) }, werker));
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(tijdenFile, JSON.stringify(tijden));
}

/** Fresh as Framework judges it: output at least as new as the loader. */
function isVers(l: Loader): boolean {
  if (!existsSync(l.uitvoer)) return false;
  return statSync(l.uitvoer).mtimeMs >= statSync(join(PROJECT_ROOT, l.bron)).mtimeMs;
}

function draai(l: Loader, env: NodeJS.ProcessEnv): Promise<boolean> {
  mkdirSync(dirname(l.uitvoer), { recursive: true });
  const tijdelijk = `${l.uitvoer}.${process.pid}.voor`;
  const fd = openSync(tijdelijk, "w");
  return new Promise((klaar) => {
    const p = spawn(process.execPath, ["--import", "tsx", l.bron], { cwd: PROJECT_ROOT, env, stdio: ["ignore", fd, "inherit"] });
    const einde = (gelukt: boolean) => {
      closeSync(fd);
      if (gelukt) renameSync(tijdelijk, l.uitvoer);
      else rmSync(tijdelijk, { force: true });
      klaar(gelukt);
    };
    p.on("error", () => einde(false));
    p.on("close", (code) => einde(code === 0));
  });
}

// ------------------------------------------------------------------ nothing changed

/**
 * Everything the built site depends on: the data and loader code (siteInvoerHash), every
 * page and file under src/, the Framework configuration, the build scripts, the installed
 * packages (package-lock.json), Node's version and where the site is written.
 */
export function bouwHash(dataDir: string, distDir: string): string {
  const h = createHash("sha256");
  h.update(siteInvoerHash(dataDir));
  h.update(`\0${process.version}\0${resolve(distDir)}\0${resolve(dataDir)}`);
  const bestanden = [
    ...bestandenOnder(join(PROJECT_ROOT, "src")),
    ...["observablehq.config.ts", "package.json", "package-lock.json", "scripts/build.ts", "scripts/lib/site.ts"]
      .map((f) => join(PROJECT_ROOT, f)).filter(existsSync),
  ].sort();
  for (const f of bestanden) {
    h.update(`\0${relative(PROJECT_ROOT, f)}\0`);
    h.update(readFileSync(f));
  }
  return h.digest("hex");
}

/** Every file of a built site with its size and modification time. */
function inhoud(distDir: string): Record<string, [number, number]> {
  const uit: Record<string, [number, number]> = {};
  for (const f of bestandenOnder(distDir)) {
    const st = statSync(f);
    uit[relative(distDir, f)] = [st.size, st.mtimeMs];
  }
  return uit;
}

const stempelPad = (distDir: string, cacheDir: string) =>
  join(cacheDir, `.build-${createHash("sha256").update(resolve(distDir)).digest("hex").slice(0, 16)}.json`);

/**
 * True when the site in `distDir` was built from exactly these inputs and is still as that
 * build left it (same files, sizes and times): a rebuild would write the same site.
 */
export function isActueel(hash: string, distDir: string, cacheDir = CACHE_DIR): boolean {
  const pad = stempelPad(distDir, cacheDir);
  if (!existsSync(pad) || !existsSync(distDir)) return false;
  try {
    const stempel = JSON.parse(readFileSync(pad, "utf8")) as { hash: string; bestanden: Record<string, [number, number]> };
    return stempel.hash === hash && JSON.stringify(stempel.bestanden) === JSON.stringify(inhoud(distDir));
  } catch {
    return false;
  }
}

/** Forgets the stamp (before a build: an interrupted build must not look finished). */
export function vergeetStempel(distDir: string, cacheDir = CACHE_DIR): void {
  rmSync(stempelPad(distDir, cacheDir), { force: true });
}

/** Notes that `distDir` now holds the site built from `hash`. */
export function zetStempel(hash: string, distDir: string, cacheDir = CACHE_DIR): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stempelPad(distDir, cacheDir), JSON.stringify({ hash, bestanden: inhoud(distDir) }));
}
