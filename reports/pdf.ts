// The jaarverslag as a printable A4 PDF: an HTML document built from the same chapter blocks
// as the site (src/components/jaarverslag.ts) with a server-side DOM, printed by Chromium.
// Nothing in the HTML comes from another host: charts are inline SVG, styles are inline.
//
// The table of contents needs page numbers Chromium cannot compute (no target-counter), so
// the document is printed twice: the contents link to every part, Chromium writes those link
// targets as named destinations into the PDF, and the first print's destinations give the
// page numbers for the second.
// @ts-expect-error jsdom ships without type declarations (@types/jsdom is not installed)
import { JSDOM } from "jsdom";
import type { Browser } from "playwright-core";
import { startChromium } from "./chromium.ts";
import { datum, onderdruktLegenda } from "../src/lib/format.ts";
import { definitiesInWoorden } from "../src/lib/definities.ts";
import { noot } from "../src/lib/lidmaatschap.ts";
import { kerncijfers } from "../src/lib/jaarverslag-kerncijfers.ts";
import type { MonitorSite } from "../src/lib/monitor.ts";
import { kerncijfersElement, ontwikkelingElement } from "../src/components/jaarverslag-kern.ts";
import { monitorElement, monitorMomenten } from "../src/components/jaarverslag-monitor.ts";
import {
  HOOFDSTUKKEN, REGIO, hoofdstukElement, tekstVan, blokken, heeftInhoud, type JvData, type Keuze,
} from "../src/components/jaarverslag.ts";

/** Chart width in CSS pixels: A4 (210 mm) minus the margins (2 × 16 mm) at 96 dpi. */
const BREEDTE = 660;

export interface PdfInvoer {
  data: JvData;
  keuze: Keuze;
  /** ISO date of the cover's "Opgesteld op". */
  opgesteld: string;
  intern: boolean;
  /** The monitor JIKP as the site publishes it (suppressed); without it no chapter Monitor JIKP. */
  monitor?: MonitorSite | null;
}

const STIJL = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { font-family: "Liberation Sans", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1b1b1b; }
body { margin: 0; }
h1, h2, h3, h4 { color: #01689b; line-height: 1.2; }
h2 { font-size: 18pt; margin: 0 0 8pt; border-bottom: 2px solid #01689b; padding-bottom: 4pt; }
h3 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
h4, h5, h6 { font-size: 10.5pt; margin: 10pt 0 3pt; }
p { margin: 0 0 6pt; line-height: 1.4; }
.deel { break-before: page; }
.deel:first-child { break-before: auto; }
.voorblad { height: 250mm; display: flex; flex-direction: column; justify-content: space-between; }
.voorblad .band { background: #01689b; color: #fff; padding: 24mm 10mm 12mm; }
.voorblad .band h1 { color: #fff; font-size: 28pt; margin: 0 0 6pt; }
.voorblad .band p { font-size: 14pt; margin: 0; }
.voorblad .regio { font-size: 16pt; font-weight: 700; margin-top: 10mm; color: #01689b; }
.voorblad .onder { font-size: 10pt; color: #454545; }
.voorblad .intern { border: 2px solid #a90061; color: #a90061; padding: 4pt 8pt; font-weight: 700; display: inline-block; margin-top: 6pt; }
.inhoud ol { list-style: none; padding: 0; margin: 12pt 0; }
.inhoud li { display: flex; align-items: baseline; font-size: 12pt; padding: 4pt 0; border-bottom: 1px dotted #999; }
.inhoud li .titel { flex: 1; color: inherit; text-decoration: none; }
.inhoud li .nr { width: 2.2em; color: #01689b; font-weight: 700; }
.inhoud li .pagina { min-width: 3em; text-align: right; font-variant-numeric: tabular-nums; }
/* A block's title and summary stay with its chart (no caption alone at the foot of a page);
   the table may go on the next page, whole (and with its caption) where it fits on one. A
   block as a whole may break, or a chapter's first page would hold only its heading. */
figure.jv-blok { margin: 0 0 10pt; }
h2, .jv-dekking, .jv-breuk, figure.jv-blok > h3, figure.jv-blok > .samenvatting { break-after: avoid-page; }
.tabel-wrap, .samenvatting { break-inside: avoid-page; }
/* A block of only a table is short: whole, title and all. */
figure.jv-blok:not(:has(.jv-grafiek)) { break-inside: avoid-page; }
figure.jv-blok > .bron { break-before: avoid-page; }
.jv-beeld { max-width: 100%; max-height: 110mm; height: auto; display: block; margin: 6pt 0; break-inside: avoid; }
svg text { font-family: inherit; }
.jv-grafiek { break-inside: avoid; margin: 4pt 0; }
.jv-grafiek svg { max-width: 100%; height: auto; }
.samenvatting { color: #333; }
.bron { font-size: 8.5pt; color: #454545; }
.jv-tekst { margin-bottom: 8pt; }
table.cijfers { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4pt 0 6pt; font-variant-numeric: tabular-nums; }
table.cijfers caption { text-align: left; font-weight: 700; font-size: 9pt; padding: 2pt 0; caption-side: top; }
table.cijfers th, table.cijfers td { border-bottom: 1px solid #d0d0d0; padding: 2pt 4pt; }
table.cijfers thead { display: table-header-group; }
table.cijfers thead th { text-align: right; vertical-align: bottom; border-bottom: 1.5px solid #1b1b1b; }
table.cijfers thead th:first-child, table.cijfers tbody th { text-align: left; font-weight: normal; }
table.cijfers tbody th { min-width: 6.5em; }
table.cijfers td { text-align: right; }
table.cijfers td.tekst, table.cijfers thead th.tekst { text-align: left; }
table.cijfers tr { break-inside: avoid; }
dl.definities dt { font-weight: 700; margin-top: 6pt; }
dl.definities dd { margin: 0 0 0 0; }
.kern-kaarten { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; margin: 8pt 0; }
.kern-kaart { border: 1px solid #c8c8c8; border-top: 3px solid #01689b; padding: 5pt 6pt; break-inside: avoid; }
.kern-kaart h3 { font-size: 9.5pt; margin: 0 0 2pt; }
.kern-kaart p { margin: 0 0 2pt; line-height: 1.25; }
.kern-groot { font-size: 18pt; font-weight: 700; color: #1b1b1b; font-variant-numeric: tabular-nums; }
.kern-verschil, .kern-per1000 { font-size: 8.5pt; }
.kern-uitleg { font-size: 7.5pt; color: #454545; }
.jv-breuk, .jv-dekking { font-size: 8.5pt; border-left: 3px solid #8a6d00; padding-left: 6pt; }
.jv-ontbreekt { border-left: 3px solid #8a6d00; padding: 4pt 0 4pt 8pt; margin: 6pt 0; }
.kern-grafieken { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 4pt 12px; margin-top: 8pt; }
figure.kern-grafiek { margin: 0; break-inside: avoid; }
figure.kern-grafiek figcaption { font-weight: 700; font-size: 9pt; color: #01689b; }
figure.kern-grafiek svg { max-width: 100%; height: auto; }
`;

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface Deel { id: string; titel: string; inInhoud: boolean }

/** The document's parts in order: cover, contents, voorwoord (if written), chapters. */
export function delen(invoer: PdfInvoer): Deel[] {
  const { data, keuze } = invoer;
  const uit: Deel[] = [{ id: "voorblad", titel: "Voorblad", inInhoud: false }, { id: "inhoud", titel: "Inhoud", inInhoud: false }];
  // The key figures first, then their development over the schooljaren (when there are several).
  uit.push({ id: "kerncijfers", titel: "Kerncijfers", inInhoud: true });
  if (kernVan(invoer).jaren.length > 1) uit.push({ id: "ontwikkeling", titel: "Ontwikkeling over de schooljaren", inInhoud: true });
  if (tekstVan(data, keuze, "voorwoord")) uit.push({ id: "voorwoord", titel: "Voorwoord", inInhoud: true });
  // The monitor JIKP: a chapter of the PDF only (the site has its own page), before the text-only chapters.
  const monitor = invoer.monitor && monitorMomenten(invoer.monitor, keuze.schooljaar).inJaar.length
    ? { id: "monitor", titel: "Monitor JIKP", inInhoud: true } : null;
  for (const h of HOOFDSTUKKEN) {
    if (monitor && "alleenTekst" in h && h.alleenTekst && !uit.includes(monitor)) uit.push(monitor);
    // A text-only chapter (Verhalen) without text is left out of the PDF.
    if (!heeftInhoud(data, h.id, keuze)) continue;
    uit.push({ id: h.id, titel: h.titel, inInhoud: true });
  }
  if (monitor && !uit.includes(monitor)) uit.push(monitor);
  // The definitions in force (the regio's own choices in regio.json), so a reader can compare.
  if (data.definities) uit.push({ id: "definities", titel: "Definities", inInhoud: true });
  return uit;
}

/** Parts without a number in the contents: they come before the chapters. */
const ONGENUMMERD = ["voorwoord", "kerncijfers", "ontwikkeling"];

/** The key figures of the chosen gemeente (or regio) and schooljaar, from the published cells. */
function kernVan(invoer: PdfInvoer) {
  return kerncijfers(invoer.data, invoer.keuze.schooljaar, invoer.keuze.gemeente, datum);
}

/** The whole jaarverslag as one HTML document (pages numbered later, in the contents). */
export function jaarverslagHtml(invoer: PdfInvoer, paginas: Record<string, number> = {}): string {
  const { data, keuze, intern } = invoer;
  const dom = new JSDOM("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body></body></html>");
  const doc = dom.window.document;
  const gemeente = keuze.gemeente === REGIO ? null : data.gemeenten.find((g) => g.code === keuze.gemeente)?.naam ?? keuze.gemeente;
  doc.title = `Jaarverslag ${gemeente ?? data.regio} ${keuze.schooljaar}`;
  const style = doc.createElement("style");
  style.textContent = STIJL;
  doc.head.append(style);

  const d = delen(invoer);
  const body = doc.body;
  const deel = (id: string) => {
    const s = doc.createElement("div");
    s.className = "deel";
    s.id = `deel-${id}`;
    body.append(s);
    return s;
  };

  const voorblad = deel("voorblad");
  voorblad.innerHTML = `<div class="voorblad"><div>
      <div class="band"><h1>Jaarverslag Leerplicht &amp; Doorstroompunt</h1><p>Schooljaar ${escape(keuze.schooljaar)}</p></div>
      <p class="regio">${escape(data.regio)}</p>
      ${gemeente ? `<p style="font-size:14pt;margin-top:4pt">Gemeente ${escape(gemeente)}</p>` : ""}
      ${intern ? `<p class="intern">Interne versie: exacte aantallen, niet publiceren</p>` : ""}
    </div>
    <div class="onder"><p>Opgesteld op ${escape(datum(invoer.opgesteld))}</p>
      <p>${intern ? "Alle aantallen zijn exact." : `Zodat niemand herkenbaar is, zijn kleine aantallen afgeschermd. ${escape(onderdruktLegenda(data.minimumCel))}`}</p></div></div>`;

  const inhoud = deel("inhoud");
  let nr = 0;
  inhoud.innerHTML = `<div class="inhoud"><h2>Inhoud</h2><ol>${d.filter((x) => x.inInhoud).map((x) => {
    const n = ONGENUMMERD.includes(x.id) ? "" : String(++nr);
    return `<li><span class="nr">${n}</span><a class="titel" href="#deel-${x.id}">${escape(x.titel)}</a><span class="pagina">${paginas[x.id] ?? "000"}</span></li>`;
  }).join("")}</ol></div>`;

  nr = 0;
  for (const x of d) {
    if (x.id === "voorblad" || x.id === "inhoud") continue;
    const s = deel(x.id);
    if (x.id === "voorwoord") {
      s.innerHTML = `<h2>Voorwoord</h2><div class="jv-tekst">${tekstVan(data, keuze, "voorwoord")}</div>`;
      continue;
    }
    if (x.id === "kerncijfers" || x.id === "ontwikkeling") {
      const k = kernVan(invoer);
      const wie = gemeente ?? "de regio";
      const opties = { document: doc as unknown as Document, wie, legenda: intern ? "exacte aantallen (interne versie)." : onderdruktLegenda(data.minimumCel),
        dekking: noot(data.jaren[keuze.schooljaar]?.dekking ? [data.jaren[keuze.schooljaar].dekking!] : [], keuze.gemeente, keuze.schooljaar) };
      s.innerHTML = `<h2>${x.id === "kerncijfers" ? `Kerncijfers ${escape(keuze.schooljaar)}` : "Ontwikkeling over de schooljaren"}</h2>`;
      s.append(x.id === "kerncijfers" ? kerncijfersElement(k, opties) : ontwikkelingElement(k, { ...opties, width: BREEDTE }));
      continue;
    }
    if (x.id === "monitor" && invoer.monitor) {
      s.innerHTML = `<h2>${++nr}. Monitor JIKP</h2>`;
      const naam = (c: string) => data.gemeenten.find((g) => g.code === c)?.naam ?? c;
      s.append(monitorElement(invoer.monitor, keuze, { width: BREEDTE, document: doc as unknown as Document, naam }));
      continue;
    }
    if (x.id === "definities" && data.definities) {
      s.innerHTML = `<h2>${++nr}. Definities</h2><p>De cijfers in dit jaarverslag zijn geteld met deze definities (gekozen door de regio in regio.json; de andere zijn de landelijke).</p>` +
        `<dl class="definities">${definitiesInWoorden(data.definities).map(([term, tekst]) => `<dt>${escape(term)}</dt><dd>${escape(tekst)}</dd>`).join("")}</dl>`;
      continue;
    }
    const h2 = doc.createElement("h2");
    h2.textContent = `${++nr}. ${x.titel}`;
    s.append(h2);
    s.append(hoofdstukElement(data, x.id as (typeof HOOFDSTUKKEN)[number]["id"], keuze, { width: BREEDTE, document: doc as unknown as Document }));
  }
  return dom.serialize();
}

/**
 * Page number (1-based) of every named destination in a Chromium PDF: the /Dests dictionary
 * maps a name to a page object, the page tree (/Pages, /Kids, possibly nested) gives its order.
 */
export function bestemmingsPaginas(pdf: Buffer): Record<string, number> {
  const s = pdf.toString("latin1");
  const obj = new Map<number, string>();
  for (const m of s.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?)endobj/g)) obj.set(Number(m[1]), m[2]);
  const isPages = (t: string | undefined) => t !== undefined && /\/Type\s*\/Pages\b/.test(t);
  const root = [...obj.entries()].find(([, t]) => isPages(t) && !/\/Parent\s/.test(t));
  const volgorde: number[] = [];
  const loop = (t: string) => {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(t)?.[1] ?? "";
    for (const k of kids.matchAll(/(\d+) 0 R/g)) {
      const n = Number(k[1]);
      if (isPages(obj.get(n))) loop(obj.get(n)!);
      else volgorde.push(n);
    }
  };
  if (root) loop(root[1]);
  const destsRef = /\/Dests\s+(\d+) 0 R/.exec(s);
  const dests = destsRef ? obj.get(Number(destsRef[1])) ?? "" : "";
  const uit: Record<string, number> = {};
  for (const m of dests.matchAll(/\/([A-Za-z0-9_.-]+)\s*\[\s*(\d+) 0 R/g)) uit[m[1]] = volgorde.indexOf(Number(m[2])) + 1;
  return uit;
}

/** A printed jaarverslag and the HTML its final print was made from (for the site's check on identifiers). */
export interface GedruktJaarverslag { pdf: Buffer; html: string }

/** Prints the jaarverslag: count pages per part, fill in the contents, print the whole. */
export async function jaarverslagPdf(invoer: PdfInvoer): Promise<Buffer> {
  return (await drukJaarverslag(invoer)).pdf;
}

/**
 * As jaarverslagPdf, in `browser` when given (several PDFs in one Chromium, side by side, each
 * in a page of its own), else in a Chromium of its own. Also returns the printed HTML.
 */
export async function drukJaarverslag(invoer: PdfInvoer, browser?: Browser): Promise<GedruktJaarverslag> {
  const eigen = browser ? null : await startChromium();
  const page = await (browser ?? eigen!).newPage();
  try {
    // Nothing may be fetched: the document is self-contained.
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    const gemeente = invoer.keuze.gemeente === REGIO ? "" : ` — ${invoer.data.gemeenten.find((g) => g.code === invoer.keuze.gemeente)?.naam ?? ""}`;
    const voet = `<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between;color:#555;font-family:sans-serif">
      <span>Jaarverslag ${escape(invoer.data.regio)}${escape(gemeente)} ${escape(invoer.keuze.schooljaar)}</span>
      <span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`;
    const print = () => page.pdf({
      format: "A4", printBackground: true, displayHeaderFooter: true,
      headerTemplate: "<span></span>", footerTemplate: voet, preferCSSPageSize: true,
      // Accessible like the site: tagged (structure, reading order, the document's lang="nl"
      // and title) and with bookmarks from the headings.
      tagged: true, outline: true,
    });

    const html = metPaginas(invoer);
    await page.setContent(html({}), { waitUntil: "load" });
    const bestemmingen = bestemmingsPaginas(await print());
    const paginas: Record<string, number> = {};
    for (const x of delen(invoer)) if (bestemmingen[`deel-${x.id}`]) paginas[x.id] = bestemmingen[`deel-${x.id}`];
    const definitief = html(paginas);
    await page.setContent(definitief, { waitUntil: "load" });
    return { pdf: await print(), html: definitief };
  } finally {
    await page.close();
    if (eigen) await eigen.close();
  }
}

/**
 * jaarverslagHtml for given page numbers, rendered once: the charts in the server-side DOM
 * are most of its cost, and the two prints differ in the contents' page numbers only. The
 * document is made with a marker where each number goes and the numbers are put in its text;
 * should the contents ever not show the markers, it is rendered again for each print.
 */
function metPaginas(invoer: PdfInvoer): (paginas: Record<string, number>) => string {
  const merk = (id: string) => `@@pagina-${id}@@`;
  const d = delen(invoer).filter((x) => x.inInhoud);
  const sjabloon = jaarverslagHtml(invoer, Object.fromEntries(d.map((x) => [x.id, merk(x.id)])) as unknown as Record<string, number>);
  if (!d.every((x) => sjabloon.includes(merk(x.id)))) return (paginas) => jaarverslagHtml(invoer, paginas);
  return (paginas) => sjabloon.replace(/@@pagina-([^@<>]+)@@/g, (_m, id: string) => String(paginas[id] ?? "000"));
}

/** Block count per chapter, for tests and progress lines. */
export function telBlokken(data: JvData, keuze: Keuze): number {
  return HOOFDSTUKKEN.reduce((n, h) => n + blokken(data, h.id, keuze).length, 0);
}
