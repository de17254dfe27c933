// Charts of the jaarverslag: pure functions of their data, drawn with Plot so they look the
// same on the site and in the PDF (where `document` is a server-side DOM). They need no
// colour legend: every bar and line carries its label in the SVG itself, so a downloaded
// SVG or PNG stands on its own. A suppressed value gets no bar and no point, only its mark
// ONDERDRUKT where the bar would start, with "afgeschermd" as its tooltip.
import * as Plot from "@observablehq/plot";
import { toegankelijk } from "./toegankelijk.js";
import { getal, ONDERDRUKT, AFGESCHERMD } from "../lib/format.js";
import { afbreken, regelsNodig } from "../lib/afbreken.js";

/** One bar or point: a category, an optional series (e.g. schooljaar), a value or suppressed. */
export interface Punt {
  categorie: string;
  serie?: string;
  waarde: number | null;
  onderdrukt?: boolean;
}

export interface GrafiekOpties {
  width: number;
  document?: Document;
  /** Number format of the value labels. */
  decimalen?: number;
  eenheid?: string;
  /** Description for screen readers (aria-label of the SVG). */
  beschrijving: string;
}

const KLEUREN = ["#01689b", "#e17000", "#39870c", "#a90061", "#8fcae7", "#ffb612", "#42145f", "#94710a"];

/** Tick values for a count axis from 0 to max: whole numbers only when counting. */
function ticks(max: number, decimalen: number, aantal = 6): number[] {
  const ruw = max / aantal;
  const macht = 10 ** Math.floor(Math.log10(ruw || 1));
  let stap = [1, 2, 2.5, 5, 10].map((f) => f * macht).find((st) => st >= ruw) ?? 10 * macht;
  if (decimalen === 0) stap = Math.max(1, Math.round(stap));
  const uit: number[] = [];
  for (let t = 0; t <= max + stap * 1e-9; t += stap) uit.push(Math.round(t * 1e6) / 1e6);
  if (uit[uit.length - 1] < max) uit.push(Math.round((uit[uit.length - 1] + stap) * 1e6) / 1e6);
  return uit;
}

/**
 * Margins that leave the bars at least 40 % of the width: at 390 px a long label and a value
 * label together would otherwise be wider than the chart (and the bars' width negative).
 */
export function marges(width: number, links: number, rechts: number): { links: number; rechts: number } {
  return { links: Math.min(links, Math.floor(width * 0.38)), rechts: Math.min(rechts, Math.floor(width * 0.22)) };
}

/** Pixels per character of an 11 px label. */
export const TEKEN = 6.2;

/**
 * The value axis of horizontal bars whose value label stands after the bar: it runs far
 * enough that the longest label ends inside the chart (the bars keep at least 30 % of the
 * width), with no more ticks than their labels have room for (at 390 px "60.000" six times
 * ran together).
 */
export function staafAs(data: { x: number; label: string }[], binnen: number, rechts: number, decimalen: number): number[] {
  // A label that fits in the right margin needs nothing more than its bar (ruimte = binnen).
  const ruimte = (label: string) => Math.min(binnen, Math.max(binnen * 0.3, binnen + rechts - label.length * TEKEN - 4));
  const nodig = Math.max(1, ...data.map((d) => (d.x * binnen) / ruimte(d.label)));
  const breedsteTick = (getal(nodig, decimalen).length + 1) * TEKEN + 10;
  return ticks(nodig, decimalen, Math.max(2, Math.min(6, Math.floor(binnen / breedsteTick))));
}

function tekst(p: Punt, o: GrafiekOpties): string {
  if (p.onderdrukt) return ONDERDRUKT;
  if (p.waarde === null) return "";
  return getal(p.waarde, o.decimalen ?? 0) + (o.eenheid ?? "");
}

function naarSvg(el: Element, o: GrafiekOpties): SVGSVGElement {
  const svg = (el.tagName.toLowerCase() === "svg" ? el : el.querySelector("svg")) as SVGSVGElement;
  toegankelijk(svg, o.beschrijving);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return svg;
}

/**
 * Horizontal bars per category; with series, grouped bars (one row per series within each
 * category, labelled on the axis, so no legend is needed).
 */
export function StaafGrafiek(punten: Punt[], o: GrafiekOpties): SVGSVGElement {
  const categorieen = [...new Set(punten.map((p) => p.categorie))];
  const series = [...new Set(punten.map((p) => p.serie ?? ""))];
  const gegroepeerd = series.length > 1 || series[0] !== "";
  // Grouped bars say their series in the value label ("2022-2023: 8"), so no legend is needed.
  // Grouped bars name their series once, in the first category ("Absoluut: 0" nine times
  // says nothing); below it the same colours in the same order, with the value only.
  const eerste = categorieen[0];
  const data = punten.map((p) => {
    const serie = p.serie ?? "";
    const w = tekst(p, o);
    return {
      ...p, serie, x: p.waarde ?? 0, label: gegroepeerd && p.categorie === eerste ? `${serie}: ${w || "–"}` : w || (gegroepeerd ? "–" : ""),
      titel: `${p.categorie}${gegroepeerd ? `, ${serie}` : ""}: ${p.onderdrukt ? AFGESCHERMD : w || "–"}`,
    };
  });
  const langsteLabel = Math.max(...data.map((d) => d.label.length));
  const kleur = (s: string) => KLEUREN[Math.max(0, series.indexOf(s)) % KLEUREN.length];
  const m = marges(o.width, Math.min(240, 14 + Math.max(...categorieen.map((c) => c.length)) * TEKEN), Math.min(160, 12 + langsteLabel * TEKEN));
  const perRegel = Math.max(8, Math.floor((m.links - 14) / TEKEN));
  const regels = regelsNodig(categorieen, perRegel);
  const rijHoogte = gegroepeerd ? 17 : Math.max(22, 13 * regels + 6);
  const catHoogte = gegroepeerd ? Math.max(rijHoogte * series.length + 8, 13 * regels + 8) : rijHoogte;
  const el = Plot.plot({
    document: o.document,
    width: o.width,
    height: 36 + catHoogte * categorieen.length,
    marginLeft: m.links,
    marginRight: m.rechts,
    x: (() => {
      const t = staafAs(data, o.width - m.links - m.rechts, m.rechts, o.decimalen ?? 0);
      return { grid: true, label: null, domain: [0, t[t.length - 1]], ticks: t, tickFormat: (d: number) => getal(d, Number.isInteger(d) ? 0 : 1) };
    })(),
    y: gegroepeerd ? { axis: null, domain: series } : { label: null, domain: categorieen, tickFormat: (c: string) => afbreken(c, perRegel) },
    fy: gegroepeerd ? { label: null, domain: categorieen, padding: 0.2, axis: "left", tickFormat: (c: string) => afbreken(c, perRegel) } : undefined,
    marks: [
      Plot.barX(data.filter((d) => d.waarde !== null), {
        x: "x", y: gegroepeerd ? "serie" : "categorie", fy: gegroepeerd ? "categorie" : undefined,
        fill: (d: { serie: string }) => (gegroepeerd ? kleur(d.serie) : KLEUREN[0]), title: "titel",
      }),
      Plot.text(data, {
        x: "x", y: gegroepeerd ? "serie" : "categorie", fy: gegroepeerd ? "categorie" : undefined,
        text: "label", textAnchor: "start", dx: 4, title: "titel", fill: "currentColor",
      }),
      Plot.ruleX([0]),
    ],
    style: { fontSize: "11px", overflow: "visible" },
  } as Plot.PlotOptions);
  return naarSvg(el, o);
}

export interface Lijn {
  lijn: string;
  x: string;
  waarde: number | null;
  onderdrukt?: boolean;
}

/** Lines over an ordinal x (schooljaren), with the legend drawn inside the SVG. */
export function LijnGrafiek(lijnen: Lijn[], o: GrafiekOpties & { xLabels?: (x: string) => string; yLabel?: string }): SVGSVGElement {
  const namen = [...new Set(lijnen.map((l) => l.lijn))];
  const xs = [...new Set(lijnen.map((l) => l.x))];
  const data = lijnen.map((l) => ({ ...l, y: l.waarde }));
  const max = Math.max(1e-9, ...data.map((d) => d.y ?? 0));
  const t = ticks(max, o.decimalen ?? 0, 5);
  const kleur = (n: string) => KLEUREN[namen.indexOf(n) % KLEUREN.length];
  const legenda = namen.map((n, i) => ({ n, dy: 6 + 16 * i }));
  const el = Plot.plot({
    document: o.document,
    width: o.width,
    height: Math.max(220, Math.min(300, o.width * 0.42)) + 16 * namen.length,
    marginTop: 20 + 16 * namen.length,
    marginRight: 24,
    marginLeft: 48,
    x: {
      type: "point", domain: xs, label: null, padding: 0.3,
      // Narrow: "21-22" instead of "2021-2022", so the labels of five or more years do not touch.
      tickFormat: o.xLabels ?? ((x: string) => ((o.width - 72) / Math.max(1, xs.length) < 64 ? x.replace(/\b\d\d(\d\d)\b/g, "$1") : x)),
    },
    y: { grid: true, label: null, domain: [0, t[t.length - 1]], ticks: t, tickFormat: (d: number) => getal(d, o.decimalen ?? 0) },
    marks: [
      Plot.ruleY([0]),
      Plot.line(data, { x: "x", y: "y", z: "lijn", stroke: (d: { lijn: string }) => kleur(d.lijn), strokeWidth: 2 }),
      Plot.dot(data, { x: "x", y: "y", fill: (d: { lijn: string }) => kleur(d.lijn), r: 2.5 }),
      // The legend is part of the SVG, so a downloaded chart keeps it.
      ...legenda.map(({ n, dy }) => Plot.dot([n], { frameAnchor: "top-left", dx: 4, dy: dy - 16 * namen.length - 14, fill: kleur(n), r: 4 })),
      ...legenda.map(({ n, dy }) => Plot.text([n], {
        frameAnchor: "top-left", dx: 12, dy: dy - 16 * namen.length - 14, text: (d: string) => d, textAnchor: "start", fill: "currentColor",
      })),
      ...(o.yLabel ? [Plot.text([o.yLabel], { frameAnchor: "top-right", dy: -16 * namen.length - 8, text: (d: string) => d, textAnchor: "end", fill: "currentColor" })] : []),
    ],
    style: { fontSize: "11px", overflow: "visible" },
  } as Plot.PlotOptions);
  return naarSvg(el, o);
}

/**
 * Small multiples: one row of monthly bars per series (verzuimsoort), on one shared scale,
 * so the seasonal pattern (the luxe peak before summer) shows without a legend.
 */
export function MaandGrafiek(lijnen: Lijn[], o: GrafiekOpties & { xLabels?: (x: string) => string }): SVGSVGElement {
  const namen = [...new Set(lijnen.map((l) => l.lijn))];
  const xs = [...new Set(lijnen.map((l) => l.x))];
  const data = lijnen.map((l) => ({
    ...l, y: l.waarde ?? 0, label: l.onderdrukt ? ONDERDRUKT : l.waarde ? getal(l.waarde) : "",
    titel: `${l.lijn}, ${(o.xLabels ?? ((x: string) => x))(l.x)}: ${l.onderdrukt ? AFGESCHERMD : getal(l.waarde ?? 0)}`,
  }));
  const max = Math.max(1, ...data.map((d) => d.y));
  // Narrow (a phone): the series' names above their row instead of beside it, so the months
  // get the whole width; month labels shortened and, if still too close, every other one.
  const smal = o.width < 560;
  const links = smal ? 10 : Math.min(200, 14 + Math.max(...namen.map((n) => n.length)) * TEKEN);
  const perMaand = (o.width - links - 10) / Math.max(1, xs.length);
  const maandLabel = o.xLabels ?? ((x: string) => x);
  const elke = perMaand < 24 ? 2 : 1;
  const el = Plot.plot({
    document: o.document,
    width: o.width,
    height: 40 + (smal ? 80 : 64) * namen.length + (smal ? 18 : 0),
    // Room above the first row for its name.
    ...(smal ? { marginTop: 24 } : {}),
    marginLeft: links,
    marginRight: 10,
    x: {
      domain: xs, label: null, padding: 0.15,
      tickFormat: (x: string, i: number) => (i % elke ? "" : perMaand < 52 ? maandLabel(x).split(" ")[0] : maandLabel(x)),
    },
    y: { axis: null, domain: [0, max * 1.35] },
    fy: { domain: namen, label: null, axis: smal ? null : "left", padding: smal ? 0.3 : 0.15 },
    marks: [
      ...(smal ? [Plot.text(namen, { fy: (n: string) => n, text: (n: string) => n, frameAnchor: "top-left", dy: -12, fontWeight: 600, fill: "currentColor", textAnchor: "start" })] : []),
      Plot.ruleY([0], { stroke: "#bbb" }),
      Plot.barY(data.filter((d) => d.waarde !== null), { x: "x", y: "y", fy: "lijn", fill: (d: { lijn: string }) => KLEUREN[namen.indexOf(d.lijn) % KLEUREN.length], title: "titel" }),
      // Value labels only where they fit beside each other.
      Plot.text(data, { x: "x", y: "y", fy: "lijn", text: (d: { label: string }) => (perMaand < 22 ? "" : d.label), dy: -7, fill: "currentColor", title: "titel", fontSize: perMaand < 30 ? 9 : 11 }),
    ],
    style: { fontSize: "11px", overflow: "visible" },
  } as Plot.PlotOptions);
  return naarSvg(el, o);
}
