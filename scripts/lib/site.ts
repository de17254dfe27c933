// The steps around Framework's own build: stage and validate the data first (so a bad
// export stops everything before anything is written), drop Framework's loader cache when
// any input changed (Framework only looks at the loader file's own date), and after the
// build fix what Framework's HTML lacks (lang="nl", zoom) and check that no record-level
// data reached dist/.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
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
