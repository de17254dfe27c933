// The steps around Framework's own build: stage and validate the data first (so a bad
// export stops everything before anything is written), drop Framework's loader cache when
// any input changed (Framework only looks at the loader file's own date), and after the
// build fix what Framework's HTML lacks (lang="nl", zoom, a Content-Security-Policy), check
// that no identifier of the input reached the new site (geen-ids.ts), and only then swap it in
// for dist/.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import {
  existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { PROJECT_ROOT, type Regio } from "../../loaders/config.ts";
import { invoerHash, openStaging, zorgVoorStaging } from "../../loaders/db.ts";
import { publicatie, verliesTekst } from "../../loaders/publish/publicatie.ts";
import { GebruikersFout } from "../../loaders/errors.ts";
import { leeft, ruimRestenOp } from "../../loaders/slot.ts";
import { HOOFDSTUKKEN, hoofdstukPad } from "../../src/lib/hoofdstukken.ts";
import { bestandenOnder } from "./bestanden.ts";
import { metCsp } from "./csp.ts";
import { randInvoegen, type SiteRand } from "../../loaders/site-rand.ts";

// The check that no identifier of the input reached the site, for build.ts with the other steps.
export { woordenVan, ID_KOLOMMEN, zoekIds, controleerGeenIds, type IdVondst } from "./geen-ids.ts";

export const CACHE_DIR = join(PROJECT_ROOT, "src", ".observablehq", "cache");
/** Runs a command that stops as soon as this process is gone (see there). */
export const WACHTER = join(PROJECT_ROOT, "scripts", "lib", "stop-met-ouder.mjs");


/** Everything a loader's output depends on: the data and the code that turns it into JSON. */
export function siteInvoerHash(dataDir: string): string {
  const h = createHash("sha256");
  h.update(invoerHash(dataDir));
  for (const dir of ["loaders", "src/data", "src/components", "src/lib"]) {
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

/**
 * Stage (validating), publish once, and clear stale loader output. No staging path is handed
 * on: whoever needs the staging later asks for it then (another build may clear it meanwhile).
 */
export async function voorbereiden(dataDir: string, log: (m: string) => void, cacheDir = CACHE_DIR): Promise<void> {
  log(`Gegevens lezen en controleren uit ${dataDir}…`);
  await zorgVoorStaging(dataDir, { melding: (m) => log(`  ${m}`) });
  await publicatieVoorbereiden(dataDir, log);
  leegCacheBijWijziging(siteInvoerHash(dataDir), cacheDir, log);
}

/**
 * Suppresses and audits everything the site and the public reports publish, once, before
 * any loader runs (they take the stored decision); a failed audit stops the build here.
 */
async function publicatieVoorbereiden(dataDir: string, log: (m: string) => void): Promise<void> {
  const db = await openStaging(dataDir);
  try {
    const { verlies } = await publicatie(db);
    if (verlies) log(`  ${verliesTekst(verlies)}`);
  } finally {
    db.close();
  }
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
    .replace('title="Toggle sidebar"', 'title="Menu tonen of verbergen" aria-label="Menu tonen of verbergen"')
    .replace('<input type="search" placeholder="Search">', '<input type="search" placeholder="Zoeken" aria-label="Zoeken op deze site">');
}

/**
 * Framework's search (its client _observablehq/search.*.js, minified or not) writes "no
 * results" and "12 results" in English: in Dutch, with Dutch digit grouping. Unchanged when
 * already Dutch; a Framework whose text differs is left as it is (and the unit test says so).
 */
export function zoekenBijwerken(js: string): string {
  return js
    .replace(/(["'`])<div>no results<\/div>\1/, "$1<div>geen resultaten</div>$1")
    .replace(/toLocaleString\("en-US"\)\} result\$\{([^?`]+?)\s*\?\s*""\s*:\s*"s"\}/, 'toLocaleString("nl-NL")} resulta${$1 ? "at" : "ten"}');
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
  for (const h of HOOFDSTUKKEN) uit[`${hoofdstukPad(h.id).slice(1)}.html`] = `${h.titel} | ${regio.naam}`;
  return uit;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// The Content-Security-Policy of every page (csp.ts), for build.ts and the tests with the other steps.
export { inlineScripts, cspVoor, metCsp } from "./csp.ts";

/**
 * Post-build: fix the HTML of every page, put in the head, header and footer (`rand`, when
 * Framework built without them: loaders/site-rand.ts) and give it its Content-Security-Policy.
 */
export function nabewerken(distDir: string, log: (m: string) => void, titels: Record<string, string> = {}, rand?: SiteRand): void {
  let paginas = 0;
  for (const f of bestandenOnder(distDir)) {
    if (/[\\/]_observablehq[\\/]search(\.[\w-]+)?\.js$/.test(f)) writeFileSync(f, zoekenBijwerken(readFileSync(f, "utf8")));
    if (!f.endsWith(".html")) continue;
    let html = htmlBijwerken(readFileSync(f, "utf8"));
    if (rand) html = randInvoegen(html, rand, relative(distDir, f));
    const titel = titels[relative(distDir, f).replace(/\\/g, "/")];
    if (titel) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escape(titel)}</title>`);
    writeFileSync(f, metCsp(html));
    paginas++;
  }
  log(`${paginas} pagina's nabewerkt.`);
}

// ------------------------------------------------------------------ publishing: build beside, swap in

/** Where the new site is built: beside dist/, on the same disk, so that renames swap it in. */
export function nieuweMap(distDir: string, pid = process.pid): string {
  return join(dirname(distDir), `${basename(distDir)}.nieuw-${pid}`);
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What a build that was killed left beside dist/: its half-built `dist.nieuw-<pid>`, and,
 * when it was killed between the two renames of the swap, the previous site as
 * `dist.oud-<pid>` with no dist/: that one is put back. Only of processes that are gone.
 */
export function ruimPublicatieRestenOp(distDir: string, log: (m: string) => void): void {
  const ouder = dirname(distDir);
  const naam = basename(distDir);
  if (!bestaatPad(ouder)) return; // a first build into a new folder: nothing left over
  if (bestaatPad(distDir) && !lstatSync(distDir).isDirectory() && !statSync(distDir).isDirectory()) {
    throw new GebruikersFout(`${distDir} is een bestand, geen map: daar hoort de site te komen. Verwijder of hernoem het, of kies met VSV_DIST een andere map.`);
  }
  if (!bestaatPad(distDir)) {
    const oud = readdirSync(ouder, { withFileTypes: true }).map((d) => d.name)
      .map((n) => ({ n, pid: Number(new RegExp(`^${reEscape(naam)}\\.oud-(\\d+)$`).exec(n)?.[1]) }))
      .find(({ pid }) => pid && pid !== process.pid && !leeft(pid));
    if (oud) {
      renameSync(join(ouder, oud.n), distDir);
      log(`De vorige site is teruggezet uit ${oud.n} (een build werd afgebroken terwijl hij de site verving).`);
    }
  }
  const weg = ruimRestenOp(ouder, new RegExp(`^${reEscape(naam)}\\.(nieuw|oud)-(?<pid>\\d+)$`));
  if (weg.length) log(`Resten van een afgebroken build opgeruimd: ${weg.join(", ")}.`);
}

function bestaatPad(pad: string): boolean {
  try {
    lstatSync(pad);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts the checked new site in place of dist/ with two renames (the old one aside, the new one
 * in) and then removes the old one. Until the first rename dist/ is untouched; should the second
 * fail, the old one goes back.
 */
export function wisselIn(nieuw: string, distDir: string): void {
  const oud = join(dirname(distDir), `${basename(distDir)}.oud-${process.pid}`);
  const hadOud = bestaatPad(distDir);
  if (hadOud) renameSync(distDir, oud);
  try {
    renameSync(nieuw, distDir);
  } catch (e) {
    if (hadOud) renameSync(oud, distDir);
    throw e;
  }
  if (hadOud) rmSync(oud, { recursive: true, force: true });
}

/**
 * The leftovers of killed builds in Framework's cache: our loaders' `<output>.<pid>.voor` and
 * Framework's own `<output>.<pid>` (and `.err`). Framework's module caches (`_…`) are left alone.
 */
export function ruimCacheRestenOp(cacheDir = CACHE_DIR): void {
  const loop = (dir: string, boven: boolean) => {
    ruimRestenOp(dir, /\.(?<pid>\d+)(\.voor|\.err)?$/);
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory() && !(boven && d.name.startsWith("_"))) loop(join(dir, d.name), false);
    }
  };
  if (existsSync(cacheDir)) loop(cacheDir, true);
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
 * Runs the loaders whose output Framework lacks and puts their output where Framework looks
 * for it. Framework runs loaders one after another, each in a process of its own; here they
 * run in as many processes as there are cores, several loaders one after another in each
 * (loaders-samen.ts), so starting Node with tsx and loading DuckDB is paid once per process,
 * not once per loader, and the loaders are spread over the processes by their previous times
 * (longest first, each to the process with the least work). Each runs with Framework's
 * command line options, directory and environment, and its stdout becomes its output, as
 * under Framework; Framework finds it fresh and copies it. A loader that fails here is left
 * to Framework, which runs it again and reports the error as usual.
 */
export async function draaiLoaders(env: NodeJS.ProcessEnv, log: (m: string) => void, cacheDir = CACHE_DIR,
  tegelijk = Math.max(1, availableParallelism())): Promise<void> {
  const tijdenFile = join(cacheDir, ".loader-tijden.json");
  let tijden: Record<string, number> = {};
  try {
    tijden = JSON.parse(readFileSync(tijdenFile, "utf8"));
  } catch { /* first build */ }
  const nodig = loaders(cacheDir).filter((l) => !isVers(l))
    .sort((a, b) => (tijden[b.bron] ?? 0) - (tijden[a.bron] ?? 0));
  if (!nodig.length) return;
  const n = Math.min(tegelijk, nodig.length);
  const groepen: { werk: number; loaders: Loader[] }[] = Array.from({ length: n }, () => ({ werk: 0, loaders: [] }));
  for (const l of nodig) {
    const g = groepen.reduce((a, b) => (b.werk < a.werk ? b : a));
    g.loaders.push(l);
    // Unknown times (a first build): one each in turn.
    g.werk += tijden[l.bron] ?? 1;
  }
  log(`Data loaders: ${nodig.length} in ${n} ${n === 1 ? "proces" : "processen"}…`);
  const uit = await Promise.all(groepen.map((g, i) => draaiSamen(g.loaders, env, join(cacheDir, `.loader-tijden-${i}.json.${process.pid}`))));
  for (const t of uit) Object.assign(tijden, t);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(tijdenFile, JSON.stringify(tijden));
}

/** Fresh as Framework judges it: output at least as new as the loader. */
function isVers(l: Loader): boolean {
  if (!existsSync(l.uitvoer)) return false;
  return statSync(l.uitvoer).mtimeMs >= statSync(join(PROJECT_ROOT, l.bron)).mtimeMs;
}

/** Runs `ls` one after another in one process; returns the times of those that finished. */
function draaiSamen(ls: Loader[], env: NodeJS.ProcessEnv, tijdenPad: string): Promise<Record<string, number>> {
  for (const l of ls) mkdirSync(dirname(l.uitvoer), { recursive: true });
  return new Promise((klaar) => {
    // Through stop-met-ouder.mjs (as Framework, scripts/build.ts): a killed build takes its loaders with it.
    const p = spawn(process.execPath, [WACHTER, process.execPath, "--import", "tsx", SAMEN, tijdenPad, ...ls.flatMap((l) => [l.bron, l.uitvoer])],
      { cwd: PROJECT_ROOT, env, stdio: ["pipe", "ignore", "inherit"] });
    const einde = () => {
      let t: Record<string, number> = {};
      try {
        t = JSON.parse(readFileSync(tijdenPad, "utf8"));
      } catch { /* stopped before the end: what finished is in place all the same */ }
      rmSync(tijdenPad, { force: true });
      klaar(t);
    };
    p.on("error", einde);
    p.on("close", einde);
  });
}

const SAMEN = join(PROJECT_ROOT, "scripts", "lib", "loaders-samen.ts");

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
    // reports/: the jaarverslag PDF and Excel are built with the site (scripts/lib/publicaties.ts).
    ...bestandenOnder(join(PROJECT_ROOT, "reports")),
    ...["observablehq.config.ts", "package.json", "package-lock.json", "scripts/build.ts", "scripts/lib/site.ts", "scripts/lib/loaders-samen.ts",
      "scripts/lib/geen-ids.ts", "scripts/lib/bestanden.ts", "scripts/lib/publicaties.ts", "scripts/lib/csp.ts"]
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
