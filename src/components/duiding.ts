// Duiding on the site: observed against expected VSV as a funnel plot, a table and one
// sentence per gemeente. Pure functions of duiding.json (suppressed once, in the loader).
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { getal, ONDERDRUKT } from "../lib/format.js";
import { toegankelijk } from "./toegankelijk.js";
import { REGIO } from "../lib/codes.js";
import { cijferTabel } from "./dashboard.js";
import { trechterGrenzen, TRECHTERGRENZEN, type Oordeel } from "../lib/statistiek.js";
import type { Kolom } from "./downloads.js";
import type { VerwachtRij } from "../lib/duiding.js";

export type { VerwachtRij };

/** How each verdict is drawn: colour and shape, so it is not told by colour alone. */
const OORDELEN: Oordeel[] = ["hoger", "ongeveer gelijk", "lager"];
const KLEUREN = ["#a90061", "#01689b", "#39870c"];
const SYMBOLEN = ["triangle", "circle", "diamond"];
export const OORDEEL_TEKST: Record<Oordeel, string> = {
  hoger: "meer dan verwacht", "ongeveer gelijk": "binnen het toeval", lager: "minder dan verwacht",
};

const pct = (b: number) => `${getal(b * 100, b * 100 === Math.round(b * 100) ? 0 : 1)} %`;

export interface TrechterLijn { verwacht: number; grens: string; kant: "onder" | "boven"; waarde: number }

/**
 * The funnel's limits from `van` to `tot` expected: 95 % and 99,8 % above and below 1, on
 * points spaced evenly on a square-root scale (the limits change fastest at small counts).
 */
export function trechterLijnen(van: number, tot: number, stappen = 60): TrechterLijn[] {
  const a = Math.sqrt(Math.max(van, 0.5));
  const b = Math.sqrt(Math.max(tot, van + 1));
  const uit: TrechterLijn[] = [];
  for (let i = 0; i <= stappen; i++) {
    const e = (a + ((b - a) * i) / stappen) ** 2;
    for (const bt of TRECHTERGRENZEN) {
      const g = trechterGrenzen(e, bt);
      uit.push({ verwacht: e, grens: pct(bt), kant: "onder", waarde: g.onder }, { verwacht: e, grens: pct(bt), kant: "boven", waarde: g.boven });
    }
  }
  return uit;
}

/**
 * The funnel plot: each gemeente's observed / expected against its expected count, with the
 * 95 % and 99,8 % limits within which a ratio lies by chance alone. A gemeente outside the
 * funnel differs from what its jongeren's kenmerken predict; inside, it does not (as far as
 * one year can tell). Gemeenten whose count is suppressed are not drawn.
 */
export function Funnel(data: VerwachtRij[], { width, document: doc }: { width: number; document?: Document }) {
  const punten = data.filter((r) => r.gemeente !== REGIO && r.verhouding != null)
    .map((r) => ({ ...r, uitleg: OORDEEL_TEKST[r.oordeel!] }));
  const alleE = data.filter((r) => r.gemeente !== REGIO).map((r) => r.verwacht);
  const maxE = Math.max(10, ...alleE) * 1.1;
  const minE = Math.max(1, Math.min(...alleE, maxE) * 0.6);
  const lijnen = trechterLijnen(minE, maxE);
  const maxY = Math.min(4, Math.max(2, ...punten.map((p) => (p.verhouding as number) * 1.1)));
  const smal = width < 560;
  return toegankelijk(Plot.plot({
    // A document of its own where there is no browser (the PDF is drawn in jsdom).
    ...(doc ? { document: doc } : {}),
    width, height: smal ? 320 : 400, marginLeft: 48, marginRight: 24, marginBottom: 44,
    x: { label: smal ? "Verwacht aantal →" : "Verwacht aantal nieuwe vsv'ers →", domain: [0, maxE], tickFormat: (n: number) => getal(n), ticks: smal ? 4 : 8 },
    y: { label: "↑ Waargenomen gedeeld door verwacht", domain: [0, maxY], grid: true, tickFormat: (n: number) => getal(n, 1) },
    color: { domain: OORDELEN.map((o) => OORDEEL_TEKST[o]), range: KLEUREN, legend: true },
    symbol: { domain: OORDELEN.map((o) => OORDEEL_TEKST[o]), range: SYMBOLEN },
    clip: true,
    marks: [
      Plot.ruleY([1], { stroke: "currentColor", strokeWidth: 1 }),
      // 95 % solid, 99,8 % dashed (a dash pattern is one per mark).
      ...TRECHTERGRENZEN.map((b, i) => Plot.line(lijnen.filter((d) => d.grens === pct(b)), {
        x: "verwacht", y: "waarde", z: "kant", stroke: "#595959", strokeWidth: 1.25, strokeDasharray: i ? "5,4" : undefined,
      })),
      Plot.text(lijnen.filter((d) => d.kant === "boven" && d.verwacht === lijnen[lijnen.length - 1].verwacht), {
        x: "verwacht", y: "waarde", text: "grens", dy: -7, textAnchor: "end", fill: "#595959", fontSize: 11,
      }),
      Plot.dot(punten, { x: "verwacht", y: "verhouding", fill: "uitleg", symbol: "uitleg", r: 5, stroke: "white", strokeWidth: 0.75, className: "gemeenten" }),
      ...(smal ? [] : [Plot.text(punten, { x: "verwacht", y: "verhouding", text: "naam", dy: -10, fontSize: 11, fill: "currentColor" })]),
      Plot.tip(punten, Plot.pointer({
        x: "verwacht", y: "verhouding",
        title: (d: VerwachtRij) => `${d.naam}: ${getal(d.vsv)} waargenomen, ${getal(d.verwacht, 1)} verwacht\nverhouding ${getal(d.verhouding, 2)} (${OORDEEL_TEKST[d.oordeel!]})`,
      })),
    ],
  }), "Trechtergrafiek: per gemeente het aantal nieuwe vsv'ers gedeeld door het verwachte aantal, tegen het verwachte aantal, met de grenzen van 95 % en 99,8 % waarbinnen een verschil door toeval kan komen. De cijfers staan in de tabel onder de grafiek.");
}

const marge = (r: VerwachtRij) => (r.onder95 != null && r.boven95 != null ? `${getal(r.onder95, 2)}–${getal(r.boven95, 2)}` : "–");

/** The funnel's numbers, one row per gemeente and the regio last. */
export function verwachtTabel(data: VerwachtRij[], opties: { schooljaar: string; minimumCel: number }) {
  const rijen = data.filter((r) => r.schooljaar === opties.schooljaar)
    .sort((a, b) => Number(a.gemeente === REGIO) - Number(b.gemeente === REGIO) || a.naam.localeCompare(b.naam, "nl"));
  return cijferTabel({
    bijschrift: `Nieuwe vsv'ers waargenomen en verwacht, schooljaar ${opties.schooljaar}`,
    kolommen: ["Gemeente", "Nieuwe vsv'ers", "Verwacht (CBS)", "Waargenomen / verwacht", "Marge (95 %)", "Oordeel"],
    rijen: rijen.map((r) => [
      r.gemeente === REGIO ? `${r.naam} (som van de gemeenten)` : r.naam,
      r.vsv != null ? getal(r.vsv) : opties.minimumCel > 1 ? ONDERDRUKT : "–",
      getal(r.verwacht, 1),
      r.verhouding != null ? getal(r.verhouding, 2) : "–",
      marge(r),
      r.oordeel ? OORDEEL_TEKST[r.oordeel] : "–",
    ]),
  });
}

/** One sentence per gemeente, as a list. */
export function verwachtZinnen(data: VerwachtRij[], schooljaar: string) {
  const rijen = data.filter((r) => r.schooljaar === schooljaar && r.gemeente !== REGIO).sort((a, b) => a.naam.localeCompare(b.naam, "nl"));
  return html`<ul class="duiding-zinnen">${rijen.map((r) => html`<li>${r.zin}</li>`)}</ul>`;
}

/** Every year's rows for the downloads (CSV and Excel); ratios stay numbers (general format). */
export function verwachtDownload(data: VerwachtRij[]): { kolommen: Kolom[]; rijen: Record<string, unknown>[] } {
  return {
    kolommen: [
      { sleutel: "schooljaar", kop: "Schooljaar" }, { sleutel: "gemeente", kop: "Code" }, { sleutel: "naam", kop: "Gemeente" },
      { sleutel: "aantal_jongeren", kop: "Jongeren vo + mbo (CBS)", formaat: "geheel" },
      { sleutel: "verwacht", kop: "Verwacht aantal nieuwe vsv'ers (CBS-risicoscore)", formaat: "decimaal1" },
      { sleutel: "deelnemers", kop: "Deelnemers 1 oktober (OCW/DUO)", formaat: "geheel" },
      { sleutel: "vsv", kop: "Nieuwe vsv'ers (OCW/DUO)", formaat: "geheel" },
      { sleutel: "verhouding", kop: "Waargenomen / verwacht", formaat: "tekst" },
      { sleutel: "onder95", kop: "Marge 95 % onder", formaat: "tekst" }, { sleutel: "boven95", kop: "Marge 95 % boven", formaat: "tekst" },
      { sleutel: "oordeel", kop: "Oordeel" }, { sleutel: "zin", kop: "In woorden" },
    ],
    rijen: data.map((r) => ({
      ...r,
      vsv: r.vsv ?? (r.onderdrukt ? ONDERDRUKT : null),
      oordeel: r.oordeel ? OORDEEL_TEKST[r.oordeel] : null,
    })),
  };
}
