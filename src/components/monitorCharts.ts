// The charts and tables of the monitor page (src/monitor.md). Pure functions of the site
// data (src/data/monitor.json.ts, shape MonitorSite); every chart has a table with its
// numbers and a sentence that says what it shows. Suppressed counts show as "<5".
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { getal, procent, datum, label, maandKort } from "./format.js";
import { cijferTabel } from "./dashboard.js";
import { toegankelijk } from "./toegankelijk.js";

/** Plot, with its inner aria-labels stripped (axe, WCAG 4.1.2); each chart has a summary and a table. */
const plot = (opties: Plot.PlotOptions, beschrijving = "Grafiek; de cijfers staan in de tabel eronder.") =>
  toegankelijk(Plot.plot(opties), beschrijving);
import { REGIO, ALLE, TOTAAL, NIEUW_IN_MONITOR, UIT_MONITOR, STAP_NAMEN, trechter, inDoelgroep, stapTekst as stapTekstMet, type MonitorSite, type TrechterStap } from "./monitor.js";

export { REGIO, ALLE, TOTAAL, STAP_NAMEN };

const EXTRA_LABELS: Record<string, string> = {
  [NIEUW_IN_MONITOR]: "Nieuw in monitor",
  [UIT_MONITOR]: "Uit monitor",
  [TOTAAL]: "Totaal",
  [ALLE]: "JIKP en VSV samen",
  VSO_ARBEID: "VSO arbeid", VSO_DAGBESTEDING: "VSO dagbesteding", VSO_VERVOLG: "VSO vervolgonderwijs",
  VMBO_BB: "vmbo-bb", ENTREE: "Entree", MBO2: "mbo-2", OVERIG: "Overig",
};
export function naamVan(code: string): string {
  return EXTRA_LABELS[code] ?? label(code);
}

/** A colour per status: out of the target group grey, in view blue/green, nowhere in view red. */
export const STATUS_KLEUREN: Record<string, string> = {
  UIT_DOELGROEP_LEEFTIJD: "#b4b4b4",
  UIT_DOELGROEP_VERHUISD: "#d9d9d9",
  ONDERWIJS: "#01689b",
  STARTKWALIFICATIE: "#6fa8dc",
  WERK: "#39870c",
  IN_BEELD_DOORSTROOMPUNT: "#8fcae7",
  IN_BEELD_ZORG: "#a6d48a",
  IN_BEELD_PARTICIPATIE: "#ffb612",
  NIET_IN_BEELD: "#d52b1e",
  UIT_MONITOR: "#767676",
};

export function gemeenteNaam(data: MonitorSite, code: string): string {
  return code === REGIO ? "Hele regio" : data.gemeenten.find((g) => g.code === code)?.naam ?? code;
}

/** Counts in status order for one cell of the cube, or null when the gemeente has no rows at that moment. */
export function tellingen(data: MonitorSite, moment: string, gemeente: string, groep = ALLE, herkomst = ALLE): (number | null)[] | null {
  return data.momenten.find((m) => m.moment === moment)?.statussen[gemeente]?.[groep]?.[herkomst] ?? null;
}

export function telling(data: MonitorSite, t: (number | null)[] | null, status: string): number | null | undefined {
  return t ? t[data.statussen.indexOf(status)] : undefined;
}

/** A published count: the number, "<5" when suppressed, "–" when absent. */
export function cel(n: number | null | undefined, minimumCel: number): string {
  if (n === undefined) return "–";
  if (n === null) return `<${minimumCel}`;
  return getal(n);
}

/** A funnel step: exact, or "20 à 23" / "minstens 20" when suppressed cells make it uncertain. */
export function stapTekst(s: { min: number; max: number }): string {
  return stapTekstMet(s, getal);
}

export { cijferTabel };

/** A chart's numbers, folded away under the chart. */
export function alsTabel(samenvatting: string, tabel: HTMLElement) {
  return html`<details class="als-tabel"><summary>${samenvatting}</summary>${tabel}</details>`;
}

// ---------------------------------------------------------------- funnel

export function trechterVan(data: MonitorSite, t: (number | null)[]): TrechterStap[] {
  return trechter(t, data.statussen);
}

export function TrechterChart(stappen: TrechterStap[], { width }: { width: number }) {
  const rijen = stappen.map((s, i) => ({ ...s, i, naam: STAP_NAMEN[s.stap] ?? naamVan(s.stap), tekst: stapTekst(s) }));
  const laatste = rijen.length - 1;
  return plot({
    width, height: 40 + 36 * rijen.length, marginLeft: Math.min(330, width * 0.42), marginRight: 80,
    ariaLabel: "Trechter van alle jongeren in de monitor naar nergens in beeld",
    x: { label: "Jongeren", grid: true, tickFormat: (n: number) => getal(n), nice: true },
    y: { label: null, domain: rijen.map((r) => r.naam), tickSize: 0 },
    marks: [
      // The certain part, and a lighter band for the uncertainty that suppression leaves.
      Plot.barX(rijen, { x: "min", y: "naam", fill: (d: any) => (d.i === laatste ? STATUS_KLEUREN.NIET_IN_BEELD : "#01689b") }),
      Plot.barX(rijen.filter((r) => !r.exact && r.max < Infinity), { x1: "min", x2: "max", y: "naam", fill: "#01689b", fillOpacity: 0.3 }),
      Plot.text(rijen, { x: (d: any) => (d.max < Infinity ? d.max : d.min), y: "naam", text: "tekst", dx: 6, textAnchor: "start", fill: "currentColor" }),
      Plot.ruleX([0]),
    ],
  });
}

export function trechterTabel(stappen: TrechterStap[], bijschrift: string) {
  const totaal = stappen[0];
  return cijferTabel({
    bijschrift,
    kolommen: ["Stap", "Jongeren", "Deel van alle jongeren", "Valt hierna af"],
    rijen: stappen.map((s) => [
      STAP_NAMEN[s.stap] ?? naamVan(s.stap),
      stapTekst(s),
      s.exact && totaal.exact && totaal.min > 0 ? procent(s.min / totaal.min) : "–",
      s.afvallend.map(naamVan).join(", ") || "–",
    ]),
  });
}

export function trechterSamenvatting(stappen: TrechterStap[], wie: string, moment: string): string {
  const [totaal, doelgroep] = stappen;
  const eind = stappen[stappen.length - 1];
  const deel = eind.exact && doelgroep?.exact && doelgroep.min > 0 ? ` (${procent(eind.min / doelgroep.min)} van de doelgroep)` : "";
  return `${wie}, ${datum(moment)}: ${stapTekst(totaal)} jongeren in de monitor, ${stapTekst(doelgroep ?? totaal)} in de doelgroep. ` +
    `Na onderwijs, startkwalificatie, werk, Doorstroompunt, zorg en participatie blijven er ${stapTekst(eind)} over die nergens in beeld zijn${deel}.`;
}

// ---------------------------------------------------------------- breakdowns

export interface VerdelingRij { categorie: string; naam: string; tellingen: (number | null)[] | null }

/** Label of the bar segment that stands for the suppressed counts together. */
export const NIET_GETOOND = "Kleine aantallen (niet getoond)";

/**
 * The bar segments of one category: the published statuses of the doelgroep, and one grey
 * segment for what the suppressed ones add up to: the doelgroep minus the published counts,
 * taking the lower end when suppression leaves the doelgroep a range (so a share may be a
 * little high; the table beside the chart has the published numbers).
 */
export function verdelingPunten(data: MonitorSite, rijen: VerdelingRij[]) {
  const statussen = inDoelgroep(data.statussen);
  return rijen.flatMap((r) => {
    if (!r.tellingen) return [];
    const doelgroep = trechterVan(data, r.tellingen)[1];
    if (doelgroep.min === 0) return [];
    const punten = statussen.map((s) => ({ naam: r.naam, status: naamVan(s), jongeren: r.tellingen![data.statussen.indexOf(s)] }))
      .filter((p): p is { naam: string; status: string; jongeren: number } => p.jongeren !== null && p.jongeren > 0);
    const rest = doelgroep.min - punten.reduce((a, p) => a + p.jongeren, 0);
    if (rest > 0) punten.push({ naam: r.naam, status: NIET_GETOOND, jongeren: rest });
    return punten;
  });
}

/**
 * Status of the jongeren in the doelgroep per category (groep, herkomst or gemeente), as
 * shares of the category: stacked bars, suppressed counts together in grey.
 */
export function VerdelingChart(data: MonitorSite, rijen: VerdelingRij[], { width }: { width: number }) {
  const statussen = inDoelgroep(data.statussen);
  const punten = verdelingPunten(data, rijen);
  const domein = [...statussen.map(naamVan), NIET_GETOOND];
  return plot({
    width, height: 50 + 30 * rijen.length, marginLeft: Math.min(190, width * 0.3),
    ariaLabel: "Status van de jongeren in de doelgroep, als deel van elke groep",
    x: { label: "Deel van de jongeren in de doelgroep (%)", percent: true, grid: true },
    y: { label: null, domain: rijen.map((r) => r.naam) },
    color: { legend: true, domain: domein, range: [...statussen.map((s) => STATUS_KLEUREN[s]), "#eeeeee"] },
    marks: [
      Plot.barX(punten, Plot.stackX({ offset: "normalize", order: domein, x: "jongeren", y: "naam", fill: "status",
        stroke: (d: any) => (d.status === NIET_GETOOND ? "#b4b4b4" : "none"),
        title: (d: any) => `${d.naam}\n${d.status}: ${d.status === NIET_GETOOND ? `samen ${getal(d.jongeren)}` : getal(d.jongeren)}` })),
      Plot.ruleX([0]),
    ],
  });
}

export function verdelingTabel(data: MonitorSite, rijen: VerdelingRij[], bijschrift: string, kop: string) {
  const statussen = inDoelgroep(data.statussen);
  return cijferTabel({
    bijschrift,
    kolommen: [kop, "In de doelgroep", ...statussen.map(naamVan), "Nergens in beeld (%)"],
    rijen: rijen.map((r) => {
      if (!r.tellingen) return [r.naam, "–", ...statussen.map(() => "–"), "–"];
      const stappen = trechterVan(data, r.tellingen);
      const doelgroep = stappen[1];
      const nib = r.tellingen[data.statussen.indexOf("NIET_IN_BEELD")];
      return [
        r.naam, stapTekst(doelgroep),
        ...statussen.map((s) => cel(r.tellingen![data.statussen.indexOf(s)], data.minimumCel)),
        nib !== null && doelgroep.exact && doelgroep.min > 0 ? procent(nib / doelgroep.min) : "–",
      ];
    }),
  });
}

/** Which category has the largest share nowhere in view (among those with exact figures). */
export function verdelingSamenvatting(data: MonitorSite, rijen: VerdelingRij[], wat: string): string {
  const delen = rijen.flatMap((r) => {
    if (!r.tellingen) return [];
    const doelgroep = trechterVan(data, r.tellingen)[1];
    const nib = r.tellingen[data.statussen.indexOf("NIET_IN_BEELD")];
    return nib !== null && doelgroep.exact && doelgroep.min > 0 ? [{ naam: r.naam, deel: nib / doelgroep.min, nib, doelgroep: doelgroep.min }] : [];
  }).sort((a, b) => b.deel - a.deel);
  if (!delen.length) return `Per ${wat} zijn de aantallen te klein om te tonen.`;
  const hoog = delen[0];
  const laag = delen[delen.length - 1];
  const weg = rijen.length - delen.length;
  return `Per ${wat}: het grootste deel nergens in beeld heeft ${hoog.naam} (${getal(hoog.nib)} van ${getal(hoog.doelgroep)}, ${procent(hoog.deel)}), ` +
    `het kleinste ${laag.naam} (${procent(laag.deel)}).` +
    (weg > 0 ? ` Bij ${weg} ${weg === 1 ? "categorie" : "categorieën"} zijn de aantallen te klein voor een percentage.` : "");
}

// ---------------------------------------------------------------- development

/** jongeren null = suppressed: the line breaks there instead of bridging the gap. */
export interface OntwikkelingPunt { moment: string; status: string; jongeren: number | null }

export function ontwikkeling(data: MonitorSite, gemeente: string, groep: string): OntwikkelingPunt[] {
  const statussen = inDoelgroep(data.statussen);
  return data.momenten.flatMap((m) => statussen.map((s) => {
    const t = m.statussen[gemeente]?.[groep]?.[ALLE];
    return t ? [{ moment: m.moment, status: s, jongeren: t[data.statussen.indexOf(s)] }] : [];
  }).flat());
}

export function OntwikkelingChart(punten: OntwikkelingPunt[], { width }: { width: number }) {
  const statussen = [...new Set(punten.map((p) => p.status))];
  const rijen = punten.map((p) => ({ ...p, datum: new Date(p.moment), naam: naamVan(p.status) }));
  return plot({
    width, height: 340, marginLeft: 56,
    ariaLabel: "Ontwikkeling van de statussen over alle monitormomenten",
    x: { type: "utc", label: "Monitormoment", tickFormat: (d: Date) => maandKort(d.toISOString()), ticks: 6 },
    y: { label: "Jongeren", grid: true, zero: true, tickFormat: (n: number) => getal(n) },
    color: { legend: true, domain: statussen.map(naamVan), range: statussen.map((s) => STATUS_KLEUREN[s]) },
    marks: [
      Plot.lineY(rijen, { x: "datum", y: "jongeren", stroke: "naam", strokeWidth: (d: any) => (d.status === "NIET_IN_BEELD" ? 3.5 : 1.8) }),
      Plot.dot(rijen.filter((r) => r.jongeren !== null), { x: "datum", y: "jongeren", fill: "naam", symbol: "naam", r: 3.5 }),
      Plot.tip(rijen.filter((r) => r.jongeren !== null), Plot.pointer({ x: "datum", y: "jongeren", title: (d: any) => `${d.naam}\n${datum(d.moment)}: ${getal(d.jongeren)}` })),
    ],
  });
}

export function ontwikkelingTabel(data: MonitorSite, gemeente: string, groep: string, bijschrift: string) {
  return cijferTabel({
    bijschrift,
    kolommen: ["Monitormoment", ...data.statussen.map((s) => (s === TOTAAL ? "Alle jongeren" : naamVan(s)))],
    rijen: data.momenten.map((m) => {
      const t = m.statussen[gemeente]?.[groep]?.[ALLE];
      return [datum(m.moment), ...data.statussen.map((_, i) => cel(t ? t[i] : undefined, data.minimumCel))];
    }),
  });
}

export function ontwikkelingSamenvatting(data: MonitorSite, gemeente: string, groep: string, wie: string): string {
  const reeks = data.momenten.map((m) => ({ moment: m.moment, t: m.statussen[gemeente]?.[groep]?.[ALLE] }))
    .filter((r) => r.t).map((r) => ({ moment: r.moment, nib: r.t![data.statussen.indexOf("NIET_IN_BEELD")] }));
  if (reeks.length < 2) return `Voor ${wie} is er maar één monitormoment: nog geen ontwikkeling te zien.`;
  const eerste = reeks[0];
  const laatste = reeks[reeks.length - 1];
  return `${wie}: nergens in beeld waren er ${cel(eerste.nib, data.minimumCel)} op ${datum(eerste.moment)} en ` +
    `${cel(laatste.nib, data.minimumCel)} op ${datum(laatste.moment)} (${reeks.length} monitormomenten).`;
}

// ---------------------------------------------------------------- transitions

export interface OvergangCel { van: string; naar: string; jongeren: number | null; marge: boolean }

export function overgangCellen(data: MonitorSite, moment: string, gemeente: string, groep: string): OvergangCel[] | null {
  const mat = data.momenten.find((m) => m.moment === moment)?.overgangen?.[gemeente]?.[groep];
  if (!mat) return null;
  return data.van.flatMap((van, i) => data.naar.map((naar, j) => ({
    van, naar, jongeren: mat[i][j], marge: van === TOTAAL || naar === TOTAAL,
  })));
}

/** The matrix van × naar: shaded by count, the margins (totals) unshaded, every cell with its number. */
export function OvergangMatrix(data: MonitorSite, cellen: OvergangCel[], { width }: { width: number }) {
  const binnen = cellen.filter((c) => !c.marge);
  const max = Math.max(1, ...binnen.map((c) => c.jongeren ?? 0));
  const rijen = cellen.map((c) => ({
    ...c, vanNaam: naamVan(c.van), naarNaam: naamVan(c.naar), tekst: cel(c.jongeren, data.minimumCel),
  }));
  return plot({
    width: Math.max(width, 640), height: 60 + 34 * data.van.length, marginLeft: 190, marginBottom: 110,
    ariaLabel: "Overgangen van de status op het vorige moment (rijen) naar de status nu (kolommen)",
    x: { label: "Status nu →", domain: data.naar.map(naamVan), tickRotate: -35, axis: "bottom" },
    y: { label: "Status vorig moment", domain: data.van.map(naamVan) },
    // Light to mid blue only: dark text stays readable on every shade (contrast ≥ 4,5:1).
    color: { type: "sqrt", range: ["#eff6fc", "#3f8dc4"], interpolate: "rgb", domain: [0, max], label: "Jongeren" },
    marks: [
      Plot.cell(rijen.filter((r) => !r.marge && r.jongeren !== null), { x: "naarNaam", y: "vanNaam", fill: "jongeren", inset: 0.5 }),
      Plot.cell(rijen.filter((r) => r.jongeren === null), { x: "naarNaam", y: "vanNaam", fill: "#eeeeee", inset: 0.5 }),
      Plot.cell(rijen.filter((r) => r.marge), { x: "naarNaam", y: "vanNaam", fill: "white", stroke: "#767676", inset: 0.5 }),
      Plot.text(rijen.filter((r) => !r.marge), { x: "naarNaam", y: "vanNaam", text: "tekst", fill: "#1b1b1b" }),
      Plot.text(rijen.filter((r) => r.marge), { x: "naarNaam", y: "vanNaam", text: "tekst", fill: "#1b1b1b", fontWeight: "bold" }),
    ],
  });
}

export function overgangTabel(data: MonitorSite, cellen: OvergangCel[], bijschrift: string) {
  return cijferTabel({
    bijschrift,
    kolommen: ["Vorig moment ↓ / nu →", ...data.naar.map(naamVan)],
    rijen: data.van.map((van) => [naamVan(van), ...data.naar.map((naar) =>
      cel(cellen.find((c) => c.van === van && c.naar === naar)?.jongeren, data.minimumCel))]),
  });
}

/** Where those who were nowhere in view last time are now. */
export function overgangSamenvatting(data: MonitorSite, cellen: OvergangCel[], vorig: string, moment: string): string {
  const get = (van: string, naar: string) => cellen.find((c) => c.van === van && c.naar === naar)?.jongeren;
  const n = (van: string, naar: string) => cel(get(van, naar), data.minimumCel);
  const toen = get("NIET_IN_BEELD", TOTAAL);
  if (toen === 0) return `Op ${datum(vorig)} was niemand nergens in beeld.`;
  const inBeeld = ["IN_BEELD_DOORSTROOMPUNT", "IN_BEELD_ZORG", "IN_BEELD_PARTICIPATIE"].map((s) => `${naamVan(s).toLowerCase()} ${n("NIET_IN_BEELD", s)}`).join(", ");
  return `Van de ${cel(toen, data.minimumCel)} jongeren die op ${datum(vorig)} nergens in beeld waren, zijn er op ${datum(moment)} ` +
    `${n("NIET_IN_BEELD", "ONDERWIJS")} in onderwijs, ${n("NIET_IN_BEELD", "STARTKWALIFICATIE")} met startkwalificatie, ` +
    `${n("NIET_IN_BEELD", "WERK")} aan het werk, in beeld bij een coach of hulp: ${inBeeld}; ` +
    `${n("NIET_IN_BEELD", "NIET_IN_BEELD")} nog steeds nergens in beeld, ${n("NIET_IN_BEELD", "UIT_DOELGROEP_LEEFTIJD")} te oud geworden ` +
    `en ${n("NIET_IN_BEELD", UIT_MONITOR)} niet meer in de monitor. ` +
    `Nieuw nergens in beeld: ${n(NIEUW_IN_MONITOR, "NIET_IN_BEELD")} jongeren die op ${datum(vorig)} nog niet in de monitor stonden.`;
}
