// The steps around Framework's own build: stage and validate the data first (so a bad
// export stops everything before anything is written), drop Framework's loader cache when
// any input changed (Framework only looks at the loader file's own date), and after the
// build fix what Framework's HTML lacks (lang="nl", zoom) and check that no record-level
// data reached dist/.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { invoerHash, zorgVoorStaging } from "../../loaders/db.ts";

export const CACHE_DIR = join(PROJECT_ROOT, "src", ".observablehq", "cache");
const HASH_FILE = join(CACHE_DIR, ".invoer-hash");

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
export async function voorbereiden(dataDir: string, log: (m: string) => void): Promise<void> {
  log(`Gegevens lezen en controleren uit ${dataDir}…`);
  await zorgVoorStaging(dataDir, { melding: (m) => log(`  ${m}`) });
  const hash = siteInvoerHash(dataDir);
  const oud = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, "utf8") : null;
  if (oud !== hash && existsSync(CACHE_DIR)) {
    // Loader outputs mirror src/; Framework's own module caches start with "_" and stay.
    for (const naam of readdirSync(CACHE_DIR)) {
      if (!naam.startsWith("_")) rmSync(join(CACHE_DIR, naam), { recursive: true, force: true });
    }
    log("Invoer gewijzigd: opgeslagen uitkomsten van de data loaders verwijderd.");
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(HASH_FILE, hash);
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

/** Post-build: fix the HTML and refuse a dist/ with record-level identifiers in it. */
export function nabewerken(distDir: string, log: (m: string) => void): void {
  let paginas = 0;
  for (const f of bestandenOnder(distDir)) {
    if (f.endsWith(".html")) {
      writeFileSync(f, htmlBijwerken(readFileSync(f, "utf8")));
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
