// The jaarverslag's blocks as HTML: a <figure> per block, the tables, the coördinator's texts.
// Rendering takes a `document` so it runs in the browser and, with a server-side DOM, in Node
// (the PDF). The chapters themselves are made in jaarverslag.ts.
import { REGIO, type JvData } from "../lib/jaarverslag-data.js";
import { fmt, type Blok, type Keuze, type Weergave } from "./jaarverslag-blok.js";

// ------------------------------------------------------------------ rendering

/** The regio and its suppression limit, for what a download says about itself. */
export interface Uitgave { regio: string; minimumCel: number; gemeenteNaam?: string }

export interface RenderOpties {
  width: number;
  document?: Document;
  /** Site: download buttons under every chart and table (browser only). */
  downloads?: (blok: Blok, figuur: Element, c: Keuze, uitgave?: Uitgave) => Element | null;
  /** Whose numbers these are (for the Toelichting of a download); set by hoofdstukElement. */
  uitgave?: Uitgave;
  /** Show the chart's table inside <details> (site) or always open (PDF). */
  tabelInDetails?: boolean;
}

export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, ...kinderen: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kinderen) if (k !== null && k !== undefined) e.append(k);
  return e;
}

export function tabelElement(t: Weergave, doc: Document, caption?: string): HTMLTableElement {
  const tabel = el(doc, "table", { class: "cijfers" });
  if (caption) tabel.append(el(doc, "caption", {}, caption));
  const kop = el(doc, "tr");
  t.kolommen.forEach((k, i) => kop.append(el(doc, "th", { scope: "col", ...(i === 0 ? {} : { class: k.tekst ? "tekst" : "getal" }) }, k.kop)));
  tabel.append(el(doc, "thead", {}, kop));
  const body = el(doc, "tbody");
  for (const r of t.rijen) {
    const tr = el(doc, "tr");
    t.kolommen.forEach((k, i) => {
      const v = r[k.sleutel];
      tr.append(i === 0 ? el(doc, "th", { scope: "row" }, String(v ?? "")) : el(doc, "td", k.tekst ? { class: "tekst" } : {}, fmt(v ?? null, k.decimalen ?? 0, k.eenheid ?? "")));
    });
    body.append(tr);
  }
  tabel.append(body);
  return tabel;
}

export function tekstVan(data: JvData, keuze: Keuze, naam: string): string | null {
  const jaar = data.jaren[keuze.schooljaar];
  if (!jaar) return null;
  return jaar.gemeenteTeksten[keuze.gemeente]?.[naam] ?? jaar.teksten[naam] ?? null;
}

/** One block as a <figure>: title, summary, chart, the chart's numbers, downloads. */
export function blokElement(blok: Blok, keuze: Keuze, o: RenderOpties): HTMLElement {
  const doc = o.document ?? document;
  const fig = el(doc, "figure", { class: "jv-blok", id: `blok-${blok.id}` });
  fig.append(el(doc, "h3", {}, blok.titel));
  fig.append(el(doc, "p", { class: "samenvatting" }, blok.samenvatting));
  const svg = blok.grafiek ? blok.grafiek(o.width, doc) : null;
  if (svg) fig.append(el(doc, "div", { class: "jv-grafiek" }, svg));
  // Scrolls on narrow screens: focusable and named, so keyboard users can scroll it (WCAG 2.1.1).
  // A block that only says why there are no figures has no table.
  if (!blok.tabel.rijen.length && !svg) return fig;
  const bijschrift = svg ? `Cijfers bij de grafiek: ${blok.titel}` : blok.titel;
  const tabel = el(doc, "div", { class: "tabel-wrap", tabindex: "0", role: "region", "aria-label": bijschrift }, tabelElement(blok.tabel, doc, bijschrift));
  if (svg && o.tabelInDetails) {
    fig.append(el(doc, "details", { class: "als-tabel" }, el(doc, "summary", {}, "Bekijk de cijfers van deze grafiek als tabel"), tabel));
  } else {
    fig.append(tabel);
  }
  if (blok.toelichting) fig.append(el(doc, "p", { class: "bron" }, blok.toelichting));
  const knoppen = o.downloads?.(blok, fig, keuze, o.uitgave);
  if (knoppen) fig.append(knoppen);
  return fig;
}

/** Which (schooljaar, gemeente) choices exist: gemeente must be a member in that schooljaar. */
export function gemeentenIn(data: JvData, schooljaar: string): string[] {
  return [REGIO, ...(data.jaren[schooljaar]?.leden ?? [])];
}
