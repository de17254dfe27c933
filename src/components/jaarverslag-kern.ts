// The jaarverslag's page of key figures and its development over the schooljaren, rendered
// with a given `document` (the PDF's server-side DOM). The figures themselves are computed
// from published cells in src/lib/jaarverslag-kerncijfers.ts; this only shows them.
import * as Plot from "@observablehq/plot";
import { getal, verschil, ONDERDRUKT, AFGESCHERMD } from "../lib/format.js";
import type { Kerncijfers, KernRij, KernWaarde } from "../lib/jaarverslag-kerncijfers.js";
import { toegankelijk } from "./toegankelijk.js";
import { el } from "./jaarverslag-weergave.js";

/** A value as printed: 1.234, 1,94 % for a percentage, ONDERDRUKT, or "–" for no figure. */
export function waardeTekst(w: KernWaarde, procent = false, decimalen = procent ? 2 : 0): string {
  if (w === null) return "–";
  if (w === ONDERDRUKT) return ONDERDRUKT;
  return getal(w, decimalen) + (procent ? " %" : "");
}

/**
 * The change as a sentence fragment: "↑ +12 (+3,4 %) t.o.v. 2023-2024", or why there is none
 * (`noot`: the mark of the footnote that gives the reason in full).
 */
export function veranderingTekst(r: KernRij, noot = ""): string {
  const vorig = r.vorigJaar;
  if (!vorig) return "geen vorig schooljaar in de gegevens";
  if (r.geenVergelijking) return `geen vergelijking met ${vorig}${noot ? ` ${noot}` : `: ${r.geenVergelijking.tekst}`}`;
  if (r.verschil === ONDERDRUKT) return `verschil met ${vorig}: ${ONDERDRUKT} (${AFGESCHERMD})`;
  if (r.verschil === null) return `geen vergelijking met ${vorig}`;
  const pijl = r.verschil > 0 ? "↑" : r.verschil < 0 ? "↓" : "=";
  const hoeveel = r.procent
    ? `${verschil(r.verschil, 2)} procentpunt`
    : `${verschil(r.verschil)}${r.relatief !== null ? ` (${verschil(r.relatief * 100, 1)} %)` : ""}`;
  return `${pijl} ${hoeveel} t.o.v. ${vorig}`;
}

/** "12,3 per 1.000 leerplichtigen (2023-2024: 11,9)"; "" without a rate. */
export function per1000Tekst(r: KernRij): string {
  if (!r.per1000 || r.per1000.nu === null) return "";
  const toen = r.vorigJaar && r.per1000.vorig !== null && !r.geenVergelijking ? ` (${r.vorigJaar}: ${waardeTekst(r.per1000.vorig, false, 1)})` : "";
  return `${waardeTekst(r.per1000.nu, false, 1)} per 1.000 ${r.per1000.naam}${toen}`;
}

export interface KernOpties { document: Document; wie: string; legenda: string; dekking?: string }

const MERKEN = ["¹", "²", "³", "⁴", "⁵"];

/** The first page: one card per key figure, with the change and the rate; each reason for no change once, below. */
export function kerncijfersElement(k: Kerncijfers, o: KernOpties): HTMLElement {
  const doc = o.document;
  const sectie = el(doc, "section", { class: "jv-kerncijfers" });
  sectie.append(el(doc, "p", { class: "samenvatting" },
    `De belangrijkste cijfers van ${o.wie} in schooljaar ${k.schooljaar}${k.vorig ? `, met de verandering ten opzichte van ${k.vorig}` : ""}. ` +
    `Alle cijfers zijn de gepubliceerde: ${o.legenda}`));
  if (o.dekking) sectie.append(el(doc, "p", { class: "jv-dekking" }, o.dekking));
  const redenen: string[] = [];
  const merk = (tekst: string) => {
    if (!redenen.includes(tekst)) redenen.push(tekst);
    return MERKEN[redenen.indexOf(tekst)] ?? `(${redenen.indexOf(tekst) + 1})`;
  };
  const kaarten = el(doc, "div", { class: "kern-kaarten" });
  for (const r of k.rijen) {
    const kaart = el(doc, "div", { class: "kern-kaart", id: `kern-${r.id}` });
    kaart.append(el(doc, "h3", {}, r.label));
    kaart.append(el(doc, "p", { class: "kern-groot" }, waardeTekst(r.nu, r.procent)));
    if (r.jaar !== k.schooljaar) kaart.append(el(doc, "p", { class: "kern-uitleg" }, `cijfer over ${r.jaar}; voor ${k.schooljaar} is er nog geen officieel cijfer`));
    kaart.append(el(doc, "p", { class: "kern-verschil" }, veranderingTekst(r, r.geenVergelijking ? merk(r.geenVergelijking.tekst) : "")));
    const p = per1000Tekst(r);
    if (p) kaart.append(el(doc, "p", { class: "kern-per1000" }, p));
    kaart.append(el(doc, "p", { class: "kern-uitleg" }, r.uitleg));
    kaarten.append(kaart);
  }
  sectie.append(kaarten);
  redenen.forEach((t, i) => sectie.append(el(doc, "p", { class: "bron" }, `${MERKEN[i] ?? `(${i + 1})`} Geen vergelijking: ${t}.`)));
  const breuken = [...new Map(k.rijen.flatMap((r) => r.breuken).map((b) => [b.id, b])).values()];
  for (const b of breuken) sectie.append(el(doc, "p", { class: "jv-breuk" }, `Breuk in de reeks (${b.naam}): ${b.uitleg}`));
  return sectie;
}

/** The development: a table of every key figure over the schooljaren, then a small chart per figure. */
export function ontwikkelingElement(k: Kerncijfers, o: KernOpties & { width: number }): HTMLElement {
  const doc = o.document;
  const sectie = el(doc, "section", { class: "jv-ontwikkeling" });
  const eerste = k.jaren[0];
  sectie.append(el(doc, "p", { class: "samenvatting" },
    k.jaren.length > 1
      ? `De kerncijfers van ${o.wie} in elk schooljaar van de gegevens, van ${eerste} tot en met ${k.schooljaar} (${k.jaren.length} schooljaren).`
      : `Er is alleen ${k.schooljaar} in de gegevens: nog geen ontwikkeling te zien.`));
  // A value after a break in its series is marked, with the break below the table.
  const breuken = [...new Map(k.rijen.flatMap((r) => Object.values(r.breukVoor).flat()).map((b) => [b.id, b])).values()];
  const tabel = el(doc, "table", { class: "cijfers ontwikkeling" });
  tabel.append(el(doc, "caption", {}, `Kerncijfers per schooljaar, ${o.wie}`));
  const kop = el(doc, "tr", {}, el(doc, "th", { scope: "col" }, "Kerncijfer"));
  // A schooljaar whose regio (or gemeente) counts other gemeenten or periods than the one before: † on its column.
  for (const j of k.jaren) kop.append(el(doc, "th", { scope: "col", class: "getal" }, `${j}${k.anderLid[j] ? " †" : ""}`));
  tabel.append(el(doc, "thead", {}, kop));
  const body = el(doc, "tbody");
  for (const r of k.rijen) {
    const tr = el(doc, "tr", {}, el(doc, "th", { scope: "row" }, r.label));
    for (const j of k.jaren) {
      const mark = r.breukVoor[j]?.length ? " *" : "";
      tr.append(el(doc, "td", {}, waardeTekst(r.reeks[j] ?? null, r.procent) + mark));
    }
    body.append(tr);
  }
  tabel.append(body);
  sectie.append(el(doc, "div", { class: "tabel-wrap" }, tabel));
  for (const b of breuken) {
    sectie.append(el(doc, "p", { class: "bron" }, `* Breuk in de reeks vóór dit schooljaar (${b.naam}): ${b.uitleg} De lijn in de grafiek stopt daar.`));
  }
  for (const j of k.jaren.filter((x) => k.anderLid[x])) {
    sectie.append(el(doc, "p", { class: "bron" }, `† ${j}: ${k.anderLid[j]}; de aantallen zijn daarom niet zonder meer te vergelijken met ${k.jaren[k.jaren.indexOf(j) - 1]}.`));
  }
  if (k.jaren.length > 1) {
    const raster = el(doc, "div", { class: "kern-grafieken" });
    const breedte = Math.floor((o.width - 2 * 12) / 3);
    for (const r of k.rijen) {
      // A line needs two published years at least.
      if (k.jaren.filter((j) => typeof r.reeks[j] === "number").length < 2) continue;
      raster.append(el(doc, "figure", { class: "kern-grafiek" }, el(doc, "figcaption", {}, r.label), TrendGrafiek(r, k.jaren, { width: breedte, document: doc })));
    }
    sectie.append(raster);
  }
  return sectie;
}

/**
 * One key figure over the schooljaren: a line that stops at a break in the series (and at
 * a suppressed year, which gets its mark instead of a point), with the break marked.
 */
export function TrendGrafiek(r: KernRij, jaren: string[], o: { width: number; document: Document }): SVGSVGElement {
  let deel = 0;
  const punten = jaren.map((j) => {
    if (r.breukVoor[j]?.length) deel++;
    const w = r.reeks[j] ?? null;
    return { j, kort: j.replace(/\b\d\d(\d\d)\b/g, "$1"), y: typeof w === "number" ? w : null, onderdrukt: w === ONDERDRUKT, deel };
  });
  const breukJaren = punten.filter((p) => r.breukVoor[p.j]?.length);
  const max = Math.max(1e-9, ...punten.map((p) => p.y ?? 0));
  const el2 = Plot.plot({
    document: o.document, width: o.width, height: 120, marginLeft: 44, marginRight: 10, marginTop: 16,
    x: { type: "point", domain: punten.map((p) => p.kort), label: null, padding: 0.3 },
    y: { grid: true, label: null, domain: [0, max * 1.15], ticks: 4, tickFormat: (d: number) => getal(d, r.procent ? 1 : 0) },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(punten, { x: "kort", y: "y", z: "deel", stroke: "#01689b", strokeWidth: 2 }),
      Plot.dot(punten.filter((p) => p.y !== null), { x: "kort", y: "y", fill: "#01689b", r: 3 }),
      Plot.text(punten.filter((p) => p.onderdrukt), { x: "kort", y: 0, text: () => ONDERDRUKT, dy: -8, fill: "currentColor" }),
      Plot.ruleX(breukJaren, { x: "kort", stroke: "#8a6d00", strokeDasharray: "4,3" }),
      Plot.text(breukJaren, { x: "kort", frameAnchor: "top", dy: -12, text: () => "breuk", fill: "#8a6d00", fontSize: 10 }),
    ],
    style: { fontSize: "10px", overflow: "visible" },
  } as Plot.PlotOptions) as unknown as SVGSVGElement;
  el2.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return toegankelijk(el2, `Lijndiagram: ${r.label} per schooljaar, ${jaren[0]} tot en met ${jaren[jaren.length - 1]}` +
    `${breukJaren.length ? "; de lijn stopt bij een breuk in de reeks" : ""}. De cijfers staan in de tabel.`);
}
