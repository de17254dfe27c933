// The jaarverslag pages' browser side: download buttons for every chart (SVG, PNG) and every
// table (CSV, Excel), the schooljaar/gemeente choice kept across chapter pages, and print
// support (the chart tables open when printing). Browser only.
import { xlsx, csv, downloadKnop, bewaar, type Kolom as XlsxKolom, type Toelichting } from "./downloads.js";
import { REGIO, gemeentenIn, type Blok, type JvData, type Keuze, type Uitgave, type Waarde } from "./jaarverslag.js";
import { onderdruktLegenda } from "../lib/format.js";
import { jaarverslagPdfNaam, jaarverslagXlsxNaam, vanJaarverslagPagina } from "../lib/bestanden.js";

function bestandsnaam(keuze: Keuze, blok: Blok, ext: string): string {
  const wie = keuze.gemeente === REGIO ? "regio" : keuze.gemeente;
  return `jaarverslag-${keuze.schooljaar}-${wie}-${blok.id}.${ext}`;
}

function svgTekst(svg: SVGSVGElement): string {
  const kloon = svg.cloneNode(true) as SVGSVGElement;
  kloon.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // A standalone file has no page around it: give it its size and a white background.
  const { width, height } = svg.getBoundingClientRect();
  kloon.setAttribute("width", String(Math.round(width)));
  kloon.setAttribute("height", String(Math.round(height)));
  kloon.style.background = "white";
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(kloon);
}

async function naarPng(svg: SVGSVGElement): Promise<Blob> {
  const tekst = svgTekst(svg);
  const { width, height } = svg.getBoundingClientRect();
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(tekst);
  await img.decode();
  const schaal = 2; // sharp enough for a report or a slide
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * schaal);
  canvas.height = Math.round(height * schaal);
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG maken mislukt"))), "image/png"));
}

/** Values as they are published: numbers stay numbers, a suppressed value is ONDERDRUKT. */
function exportKolommen(blok: Blok): XlsxKolom[] {
  return blok.tabel.kolommen.map((k, i) => ({
    sleutel: k.sleutel,
    kop: k.kop,
    formaat: i === 0 ? "tekst" : k.decimalen === 1 ? "decimaal1" : k.decimalen ? "tekst" : "geheel",
  }));
}

function exportRijen(blok: Blok): Record<string, Waarde>[] {
  return blok.tabel.rijen;
}

/** What the Excel of one block says about itself on its first sheet. */
export function blokToelichting(blok: Blok, keuze: Keuze, uitgave?: Uitgave): Toelichting {
  const wie = uitgave ? (uitgave.gemeenteNaam ? `gemeente ${uitgave.gemeenteNaam}, ${uitgave.regio}` : uitgave.regio) : "";
  return {
    titel: `${blok.titel} — jaarverslag ${keuze.schooljaar}${wie ? `, ${wie}` : ""}`,
    bron: "Het jaarverslag Leerplicht en Doorstroompunt op de website van de regio: de exports van de regio en de officiële VSV-cijfers van OCW/DUO, één keer berekend en afgeschermd zoals in het PDF-jaarverslag.",
    gegevens: `Schooljaar ${keuze.schooljaar} (1 augustus tot en met 31 juli)${blok.toelichting ? `. ${blok.toelichting}` : ""}`,
    definities: [{ term: "Samenvatting", uitleg: blok.samenvatting }],
    onderdrukking: uitgave && uitgave.minimumCel > 1 ? onderdruktLegenda(uitgave.minimumCel) : "Geen aantallen afgeschermd.",
  };
}

/** The buttons under one block; used as RenderOpties.downloads. */
export function downloads(blok: Blok, figuur: Element, keuze: Keuze, uitgave?: Uitgave): Element {
  const div = document.createElement("div");
  div.className = "jv-downloads";
  div.setAttribute("role", "group");
  div.setAttribute("aria-label", `Downloads: ${blok.titel}`);
  const svg = figuur.querySelector(".jv-grafiek svg") as SVGSVGElement | null;
  if (svg) {
    div.append(downloadKnop("Grafiek als SVG", bestandsnaam(keuze, blok, "svg"), "image/svg+xml", () => svgTekst(svg)));
    const png = document.createElement("button");
    png.type = "button";
    png.textContent = "Grafiek als PNG";
    png.addEventListener("click", async () => bewaar(await naarPng(svg), bestandsnaam(keuze, blok, "png")));
    div.append(png);
  }
  div.append(downloadKnop("Tabel als CSV", bestandsnaam(keuze, blok, "csv"), "text/csv;charset=utf-8",
    () => csv(exportKolommen(blok), exportRijen(blok))));
  div.append(downloadKnop("Tabel als Excel", bestandsnaam(keuze, blok, "xlsx"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    () => xlsx([{ naam: blok.titel, titel: blok.titel, kolommen: exportKolommen(blok), rijen: exportRijen(blok) }], { toelichting: blokToelichting(blok, keuze, uitgave) })));
  return div;
}

// ------------------------------------------------------------------ the published files

/**
 * Links to the regio's jaarverslag PDF and Excel of every schooljaar, newest first: the build
 * makes them with the site (scripts/lib/publicaties.ts). For the jaarverslag start page.
 */
export function publicatieLinks(data: JvData): HTMLElement {
  const ul = document.createElement("ul");
  ul.className = "jv-bestanden";
  for (const sj of [...data.schooljaren].reverse()) {
    const li = document.createElement("li");
    const link = (href: string, tekst: string, label: string) => {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = tekst;
      a.setAttribute("aria-label", label);
      a.setAttribute("download", "");
      return a;
    };
    const b = document.createElement("strong");
    b.textContent = sj;
    li.append(b, ": ",
      link(vanJaarverslagPagina(jaarverslagPdfNaam(sj)), "jaarverslag (PDF)", `Jaarverslag ${sj} van ${data.regio} als PDF`), " en ",
      link(vanJaarverslagPagina(jaarverslagXlsxNaam(sj)), "tabellen (Excel)", `Tabellen van het jaarverslag ${sj} als Excel`));
    ul.append(li);
  }
  return ul;
}

// ------------------------------------------------------------------ the choice across pages

const SLEUTEL = "jaarverslag-keuze";

/** The choice to start with: the URL (?schooljaar=&gemeente=), else this session's, else the latest year and the regio. */
export function beginKeuze(data: JvData): Keuze {
  const url = new URLSearchParams(location.search);
  let bewaard: Partial<Keuze> = {};
  try { bewaard = JSON.parse(sessionStorage.getItem(SLEUTEL) ?? "{}"); } catch { /* no storage: start fresh */ }
  const laatste = data.schooljaren[data.schooljaren.length - 1];
  const schooljaar = [url.get("schooljaar"), bewaard.schooljaar].find((s) => s && data.jaren[s]) ?? laatste;
  const gemeente = [url.get("gemeente"), bewaard.gemeente].find((g) => g && gemeentenIn(data, schooljaar).includes(g)) ?? REGIO;
  return { schooljaar, gemeente };
}

/** Remembers the choice for the other chapter pages and puts it in the URL (for sharing a link). */
export function bewaarKeuze(keuze: Keuze): void {
  try { sessionStorage.setItem(SLEUTEL, JSON.stringify(keuze)); } catch { /* private mode: fine */ }
  const url = new URL(location.href);
  url.searchParams.set("schooljaar", keuze.schooljaar);
  url.searchParams.set("gemeente", keuze.gemeente);
  history.replaceState(history.state, "", url);
}

/** Link to another chapter page keeping the choice. */
export function hoofdstukLink(pad: string, keuze: Keuze): string {
  return `${pad}?schooljaar=${encodeURIComponent(keuze.schooljaar)}&gemeente=${encodeURIComponent(keuze.gemeente)}`;
}

// ------------------------------------------------------------------ print and style

let klaar = false;

/** Once per page: the small styles of these pages and opening the chart tables for printing. */
export function jaarverslagPagina(): void {
  if (klaar) return;
  klaar = true;
  const style = document.createElement("style");
  style.textContent = `
    .jv-downloads { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.3rem 0 1.8rem; }
    .jv-downloads button { font: inherit; font-size: 0.85rem; padding: 0.2rem 0.6rem; border: 1px solid var(--accent, #01689b);
      color: var(--accent, #01689b); background: #fff; border-radius: 3px; cursor: pointer; }
    .jv-downloads button:hover { background: var(--accent-licht, #e5f0f9); }
    figure.jv-blok { margin: 1.5rem 0 0; max-width: none; }
    .jv-grafiek svg { max-width: 100%; height: auto; }
    .jv-tekst { max-width: 48rem; }
    .jv-beeld { max-width: 100%; height: auto; display: block; margin: .75rem 0; }
    @media print {
      .jv-downloads, .jv-volgende { display: none !important; }
      figure.jv-blok { break-inside: avoid; }
    }`;
  document.head.append(style);
  // Closed <details> do not print their content: open the chart tables while printing.
  const geopend: HTMLDetailsElement[] = [];
  addEventListener("beforeprint", () => {
    for (const d of Array.from(document.querySelectorAll<HTMLDetailsElement>("details.als-tabel"))) {
      if (!d.open) { d.open = true; geopend.push(d); }
    }
  });
  addEventListener("afterprint", () => { for (const d of geopend.splice(0)) d.open = false; });
}
