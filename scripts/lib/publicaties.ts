// The regio's jaarverslag as files on the site: for every schooljaar in the data the PDF and
// the Excel, made by the same code as `npm run jaarverslag` (reports/jaarverslag.ts) from the
// same publication layer, and written into the new site before it is swapped in, so the
// site and its downloads are published together or not at all.
//
// The site's last check looks for identifiers in every file; a PDF or xlsx cannot be read
// word for word, so each file is checked by the text it was made from: the PDF by the HTML
// Chromium printed, the workbook by the values of all its cells.
//
// What it costs (issue 17): the schooljaren are made side by side in ONE Chromium (a page
// each), and a PDF whose input is the same as a previous build's (the document's data, the
// date on its cover, the code that renders and prints it) is taken from the cache instead of
// printed again. The build starts this as soon as the data are published, beside the data
// loaders and Framework, and writes the files into the new site after Framework's build.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { openStaging } from "../../loaders/db.ts";
import { ruimRestenOp } from "../../loaders/slot.ts";
import { schooljarenInData } from "../../loaders/marts/jaarverslag.ts";
import { tekort } from "../../loaders/nodig.ts";
import { maakJaarverslag, vandaag } from "../../reports/jaarverslag.ts";
import type { GedruktJaarverslag, PdfInvoer } from "../../reports/pdf.ts";
import { bestandenOnder } from "./bestanden.ts";

import { JAARVERSLAG_MAP as MAP, jaarverslagPdfNaam as pdfNaam, jaarverslagXlsxNaam as xlsxNaam } from "../../src/lib/bestanden.ts";

/** Every value of a workbook as text, one per line. */
export async function werkboekTekst(xlsx: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const delen: string[] = [];
  for (const ws of wb.worksheets) {
    delen.push(ws.name);
    ws.eachRow((rij) => rij.eachCell((cel) => { if (cel.value !== null && cel.value !== undefined) delen.push(String(cel.text ?? cel.value)); }));
  }
  return delen.join("\n");
}

/** The jaarverslag files for the site: contents by path relative to the site, and the text to check each by. */
export interface Jaarverslagen {
  bestanden: Map<string, Buffer>;
  bekend: Map<string, string>;
}

/** Where printed PDFs are kept between builds: in Framework's cache ("_": kept when loader outputs are cleared; a cold build has none). */
export const PDF_CACHE = (cacheDir: string) => join(cacheDir, "_jaarverslag-pdf");

/** The code a printed PDF depends on: rendering (reports/, src/components, src/lib), the packages and Chromium itself. */
async function drukCodeHash(): Promise<string> {
  const { CHROMIUM } = await import("../../reports/chromium-pad.ts");
  const h = createHash("sha256");
  for (const dir of ["reports", "src/components", "src/lib"]) {
    for (const f of bestandenOnder(join(PROJECT_ROOT, dir)).sort()) {
      h.update(`\0${relative(PROJECT_ROOT, f)}\0`);
      h.update(readFileSync(f));
    }
  }
  const lock = join(PROJECT_ROOT, "package-lock.json");
  if (existsSync(lock)) h.update(readFileSync(lock));
  try {
    const st = statSync(CHROMIUM);
    h.update(`\0${CHROMIUM}\0${st.size}\0${st.mtimeMs}`);
  } catch { /* Chromium missing: printing says so */ }
  h.update(process.version);
  return h.digest("hex");
}

/**
 * A printer for maakJaarverslag: in the shared Chromium, through the cache when `cacheDir` is
 * given. The key is the whole input of the PDF (its data, the schooljaar and gemeente, the
 * cover's date, intern) with the code: the same key prints the same document.
 */
function drukker(browser: () => Promise<Browser>, cacheDir: string | null): (invoer: PdfInvoer) => Promise<GedruktJaarverslag> {
  let code: Promise<string> | null = null;
  // Loaded on the first PDF to print: the server-side DOM takes seconds to load.
  const druk = async (invoer: PdfInvoer) => (await import("../../reports/pdf.ts")).drukJaarverslag(invoer, await browser());
  return async (invoer) => {
    if (!cacheDir) return druk(invoer);
    const sleutel = createHash("sha256").update(await (code ??= drukCodeHash())).update("\0").update(JSON.stringify(invoer)).digest("hex").slice(0, 32);
    const pdfPad = join(cacheDir, `${sleutel}.pdf`);
    const htmlPad = join(cacheDir, `${sleutel}.html`);
    if (existsSync(pdfPad) && existsSync(htmlPad)) {
      try {
        const uit = { pdf: readFileSync(pdfPad), html: readFileSync(htmlPad, "utf8") };
        const nu = new Date();
        utimesSync(pdfPad, nu, nu);
        return uit;
      } catch { /* removed meanwhile: print it */ }
    }
    const gedrukt = await druk(invoer);
    mkdirSync(cacheDir, { recursive: true });
    // The HTML last: an entry counts only when both are there, each written whole.
    for (const [pad, inhoud] of [[pdfPad, gedrukt.pdf], [htmlPad, gedrukt.html]] as const) {
      const tijdelijk = `${pad}.${process.pid}.tmp`;
      writeFileSync(tijdelijk, inhoud);
      renameSync(tijdelijk, pad);
    }
    return gedrukt;
  };
}

/**
 * Entries of the PDF cache unused for a day go (other data directories' builds share the
 * cache), and what a killed build was writing.
 */
function ruimPdfCacheOp(cacheDir: string): void {
  if (!existsSync(cacheDir)) return;
  ruimRestenOp(cacheDir, /\.(?<pid>\d+)\.tmp$/);
  const grens = Date.now() - 24 * 3600_000;
  for (const f of readdirSync(cacheDir)) {
    const pad = join(cacheDir, f);
    try {
      if (statSync(pad).mtimeMs < grens) rmSync(pad, { force: true });
    } catch { /* gone meanwhile */ }
  }
}

/**
 * The regio's jaarverslag PDF and Excel of every schooljaar, made side by side (as many at a
 * time as there are cores) in one Chromium. With `cacheDir`, PDFs printed before from the same
 * input are reused.
 */
export async function maakJaarverslagen(dataDir: string, log: (m: string) => void, o: { cacheDir?: string } = {}): Promise<Jaarverslagen> {
  const uit: Jaarverslagen = { bestanden: new Map(), bekend: new Map() };
  const db = await openStaging(dataDir);
  let browser: Promise<Browser> | null = null;
  try {
    // A partial delivery from which no chapter can be made: no files (its pages say what is
    // missing). With some chapters the files are made, the others saying what they need.
    const mist = await tekort(db, "jaarverslag");
    if (mist.length) {
      log(`Geen jaarverslag als PDF en Excel: ${mist.join(", ")} ontbreekt.`);
      return uit;
    }
    const jaren = await schooljarenInData(db);
    const opgesteld = vandaag();
    // Started on the first PDF that is not in the cache.
    const start = () => (browser ??= import("../../reports/chromium.ts").then((m) => m.startChromium()));
    const druk = drukker(start, o.cacheDir ?? null);
    if (o.cacheDir) ruimPdfCacheOp(o.cacheDir);
    const per = new Map<string, { pdf: Buffer; xlsx: Buffer; pdfBron: string }>();
    const rij = [...jaren];
    const werker = async () => {
      for (let sj = rij.shift(); sj; sj = rij.shift()) {
        log(`Jaarverslag ${sj} (PDF en Excel) voor de site…`);
        per.set(sj, await maakJaarverslag(db, sj, { opgesteld, druk }));
      }
    };
    const werkers = Array.from({ length: Math.min(jaren.length, Math.max(1, availableParallelism())) }, werker);
    // Every worker finishes (or fails) before the staging and Chromium are closed.
    const klaar = await Promise.allSettled(werkers);
    const fout = klaar.find((k) => k.status === "rejected");
    if (fout) throw (fout as PromiseRejectedResult).reason;
    // In the order of the schooljaren, whatever order they were made in.
    for (const sj of jaren) {
      const b = per.get(sj)!;
      const pdf = `${MAP}/${pdfNaam(sj)}`;
      const xlsx = `${MAP}/${xlsxNaam(sj)}`;
      uit.bestanden.set(pdf, b.pdf);
      uit.bestanden.set(xlsx, b.xlsx);
      uit.bekend.set(pdf, b.pdfBron);
      uit.bekend.set(xlsx, await werkboekTekst(b.xlsx));
    }
  } finally {
    db.close();
    if (browser) await (await (browser as Promise<Browser>).catch(() => null))?.close();
  }
  return uit;
}

/** Writes the files into the site; returns, per file (relative to the site), the text to check it by. */
export function schrijfJaarverslagen(siteDir: string, j: Jaarverslagen): Map<string, string> {
  if (j.bestanden.size) mkdirSync(join(siteDir, MAP), { recursive: true });
  for (const [pad, inhoud] of j.bestanden) writeFileSync(join(siteDir, pad), inhoud);
  return j.bekend;
}

/**
 * Writes the regio's jaarverslag PDF and Excel of every schooljaar into `siteDir`; returns,
 * per file (relative to the site), the text to check it by.
 */
export async function jaarverslagenInSite(siteDir: string, dataDir: string, log: (m: string) => void, o: { cacheDir?: string } = {}): Promise<Map<string, string>> {
  return schrijfJaarverslagen(siteDir, await maakJaarverslagen(dataDir, log, o));
}
