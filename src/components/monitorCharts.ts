// The charts and tables of the monitor page (src/monitor.md). Pure functions of the site
// data (src/data/monitor.json.ts, shape MonitorSite); every chart has a table with its
// numbers and a sentence that says what it shows. Suppressed counts show as ONDERDRUKT, and
// so does every figure (a funnel step, a share) that needs one of them.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { getal, procent, datum, label, maandKort, ONDERDRUKT, AFGESCHERMD } from "../lib/format.js";
import { cijferTabel } from "./dashboard.js";
import { toegankelijk } from "./toegankelijk.js";
import { BREUKEN, breukenTussen, breukTekst, segment } from "../lib/breuken.js";

/** Plot, with its inner aria-labels stripped (axe, WCAG 4.1.2); each chart has a summary and a table. */
const plot = (opties: Plot.PlotOptions, beschrijving = "Grafiek; de cijfers staan in de tabel eronder.") =>
  toegankelijk(Plot.plot(opties), beschrijving);
import { REGIO, ALLE, TOTAAL, NIEUW_IN_MONITOR, UIT_MONITOR, STAP_NAMEN, trechter, inDoelgroep, stapTekst as stapTekstMet, type MonitorSite, type TrechterStap } from "../lib/monitor.js";
import { afbreken, regelsNodig } from "../lib/afbreken.js";

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

/** A published count: the number, ONDERDRUKT when suppressed, "–" when absent. */
export function cel(n: number | null | undefined, minimumCel: number): string {
  if (n === undefined) return "–";
  if (n === null) return minimumCel > 1 ? ONDERDRUKT : "–";
  return getal(n);
}

/** A share of two published figures; ONDERDRUKT when either is suppressed, "–" when there is nothing to divide by. */
function deel(teller: { exact: boolean; min: number }, noemer: { exact: boolean; min: number } | undefined): string {
  if (!noemer) return "–";
  if (!teller.exact || !noemer.exact) return ONDERDRUKT;
  return noemer.min > 0 ? procent(teller.min / noemer.min) : "–";
}
const alsStap = (n: number | null) => ({ exact: n !== null, min: n ?? 0 });

/** A funnel step: the number, or ONDERDRUKT when one of its statuses is suppressed. */
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
  // A suppressed step gets no bar, only its mark at zero: any length would be a guess.
  const getoond = rijen.filter((r) => r.exact);
  // The step names wrap inside the left margin (a phone has no room for them on one line).
  const links = Math.min(330, Math.floor(width * 0.42));
  const perRegel = Math.max(10, Math.floor((links - 10) / 6.2));
  const rij = Math.max(36, 13 * regelsNodig(rijen.map((r) => r.naam), perRegel) + 10);
  return plot({
    width, height: 40 + rij * rijen.length, marginLeft: links, marginRight: Math.min(80, Math.floor(width * 0.2)),
    ariaLabel: "Trechter van alle jongeren in de monitor naar nergens in beeld",
    x: { label: "Jongeren", grid: true, tickFormat: (n: number) => getal(n), nice: true, ticks: Math.max(2, Math.floor((width - links) / 80)) },
    y: { label: null, domain: rijen.map((r) => r.naam), tickSize: 0, tickFormat: (n: string) => afbreken(n, perRegel) },
    marks: [
      Plot.barX(getoond, { x: "min", y: "naam", fill: (d: any) => (d.i === laatste ? STATUS_KLEUREN.NIET_IN_BEELD : "#01689b"),
        title: (d: any) => `${d.naam}: ${d.tekst}` }),
      Plot.text(rijen, { x: (d: any) => (d.exact ? d.min : 0), y: "naam", text: "tekst", dx: 6, textAnchor: "start", fill: "currentColor",
        title: (d: any) => `${d.naam}: ${d.exact ? d.tekst : AFGESCHERMD}` }),
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
      deel(s, totaal),
      s.afvallend.map(naamVan).join(", ") || "–",
    ]),
  });
}

export function trechterSamenvatting(stappen: TrechterStap[], wie: string, moment: string): string {
  const [totaal, doelgroep = totaal] = stappen;
  const eind = stappen[stappen.length - 1];
  const w = (s: TrechterStap) => (s.exact ? getal(s.min) : AFGESCHERMD);
  const aandeel = eind.exact && doelgroep.exact && doelgroep.min > 0 ? ` (${procent(eind.min / doelgroep.min)} van de doelgroep)` : "";
  const afgeschermd = stappen.filter((s) => !s.exact).length;
  return `${wie}, ${datum(moment)}: jongeren in de monitor ${w(totaal)}, in de doelgroep ${w(doelgroep)}. ` +
    `Nergens in beeld na onderwijs, startkwalificatie, werk, Doorstroompunt, zorg en participatie: ${w(eind)}${aandeel}.` +
    (afgeschermd ? ` ${afgeschermd === 1 ? "Eén stap bevat" : `${afgeschermd} stappen bevatten`} een ${AFGESCHERMD} aantal en ${afgeschermd === 1 ? "staat" : "staan"} er zonder balk, als ${ONDERDRUKT}.` : "");
}

// ---------------------------------------------------------------- breakdowns

export interface VerdelingRij { categorie: string; naam: string; tellingen: (number | null)[] | null }

/** The doelgroep of a category and its count nowhere in view, each null when suppressed. */
function doelgroepEnNib(data: MonitorSite, tellingen: (number | null)[]) {
  const doelgroep = trechterVan(data, tellingen)[1];
  return { doelgroep, nib: tellingen[data.statussen.indexOf("NIET_IN_BEELD")] };
}

/**
 * The bar segments of the categories whose doelgroep is published: one per status. A
 * category with a suppressed status in the doelgroep gets no bar at all: its shares would
 * need the hidden count, and a "rest" segment (doelgroep minus the published counts) would
 * give it back.
 */
export function verdelingPunten(data: MonitorSite, rijen: VerdelingRij[]) {
  const statussen = inDoelgroep(data.statussen);
  return rijen.flatMap((r) => {
    if (!r.tellingen) return [];
    const { doelgroep } = doelgroepEnNib(data, r.tellingen);
    if (!doelgroep.exact || doelgroep.min === 0) return [];
    return statussen.map((s) => ({ naam: r.naam, status: naamVan(s), jongeren: r.tellingen![data.statussen.indexOf(s)] as number }))
      .filter((p) => p.jongeren > 0);
  });
}

/**
 * Status of the jongeren in the doelgroep per category (groep, herkomst or gemeente), as
 * shares of the category: stacked bars; a category with a suppressed count shows ONDERDRUKT.
 */
export function VerdelingChart(data: MonitorSite, rijen: VerdelingRij[], { width }: { width: number }) {
  const statussen = inDoelgroep(data.statussen);
  const punten = verdelingPunten(data, rijen);
  const domein = statussen.map(naamVan);
  const afgeschermd = rijen.filter((r) => r.tellingen && !doelgroepEnNib(data, r.tellingen).doelgroep.exact);
  return plot({
    width, height: 50 + 30 * rijen.length, marginLeft: Math.min(190, width * 0.3),
    ariaLabel: "Status van de jongeren in de doelgroep, als deel van elke groep",
    // Fixed to 0–100 %: with every category suppressed there are no bars to set the scale. (percent: the domain is in %.)
    x: { label: "Deel van de jongeren in de doelgroep (%)", percent: true, grid: true, domain: [0, 100] },
    y: { label: null, domain: rijen.map((r) => r.naam) },
    color: { legend: true, domain: domein, range: statussen.map((s) => STATUS_KLEUREN[s]) },
    marks: [
      Plot.barX(punten, Plot.stackX({ offset: "normalize", order: domein, x: "jongeren", y: "naam", fill: "status",
        title: (d: any) => `${d.naam}\n${d.status}: ${getal(d.jongeren)}` })),
      Plot.text(afgeschermd, { x: 0, y: "naam", text: () => `${ONDERDRUKT} ${AFGESCHERMD}`, dx: 6, textAnchor: "start", fill: "currentColor",
        title: (r: VerdelingRij) => `${r.naam}: een aantal is ${AFGESCHERMD}, dus geen verdeling` }),
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
      const { doelgroep, nib } = doelgroepEnNib(data, r.tellingen);
      return [
        r.naam, stapTekst(doelgroep),
        ...statussen.map((s) => cel(r.tellingen![data.statussen.indexOf(s)], data.minimumCel)),
        deel(alsStap(nib), doelgroep),
      ];
    }),
  });
}

/** Which category has the largest share nowhere in view (among those with published figures). */
export function verdelingSamenvatting(data: MonitorSite, rijen: VerdelingRij[], wat: string): string {
  const metCijfers = rijen.filter((r) => r.tellingen);
  const delen = metCijfers.flatMap((r) => {
    const { doelgroep, nib } = doelgroepEnNib(data, r.tellingen!);
    return nib !== null && doelgroep.exact && doelgroep.min > 0 ? [{ naam: r.naam, deel: nib / doelgroep.min, nib, doelgroep: doelgroep.min }] : [];
  }).sort((a, b) => b.deel - a.deel);
  // NIET_IN_BEELD is part of the doelgroep: a suppressed one suppresses the doelgroep too.
  const weg = metCijfers.filter((r) => !doelgroepEnNib(data, r.tellingen!).doelgroep.exact).length;
  const waarom = `is een aantal ${AFGESCHERMD} (${ONDERDRUKT}): daar staat geen percentage en geen staaf`;
  if (!delen.length) return weg ? `Per ${wat}: in elke categorie ${waarom}.` : `Per ${wat} zijn er geen jongeren in de doelgroep.`;
  const hoog = delen[0];
  const laag = delen[delen.length - 1];
  return (delen.length === 1
    ? `Per ${wat}: in ${hoog.naam} is ${procent(hoog.deel)} nergens in beeld (${getal(hoog.nib)} van ${getal(hoog.doelgroep)}).`
    : `Per ${wat}: het grootste deel nergens in beeld heeft ${hoog.naam} (${getal(hoog.nib)} van ${getal(hoog.doelgroep)}, ${procent(hoog.deel)}), ` +
      `het kleinste ${laag.naam} (${procent(laag.deel)}).`) +
    (weg > 0 ? ` Bij ${weg} ${weg === 1 ? "categorie" : "categorieën"} ${waarom}.` : "");
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

/** The breaks in the series of the monitor (the target group's age limit) between two moments. */
function monitorBreuken(van: string, tot: string) {
  return BREUKEN.filter((b) => ["JIKP", "VSV"].some((g) => breukenTussen(g, van, tot).includes(b)));
}

export function OntwikkelingChart(punten: OntwikkelingPunt[], { width }: { width: number }) {
  const statussen = [...new Set(punten.map((p) => p.status))];
  // A break in the series: each status's line stops there, and a rule marks it.
  const rijen = punten.map((p) => ({ ...p, datum: new Date(p.moment), naam: naamVan(p.status), deel: `${p.status}-${segment("JIKP", p.moment)}` }));
  const momenten = punten.map((p) => p.moment).sort();
  const breuken = momenten.length ? monitorBreuken(momenten[0], momenten[momenten.length - 1]) : [];
  return plot({
    width, height: 340, marginLeft: 56,
    ariaLabel: "Ontwikkeling van de statussen over alle monitormomenten",
    x: { type: "utc", label: "Monitormoment", tickFormat: (d: Date) => maandKort(d.toISOString()), ticks: 6 },
    y: { label: "Jongeren", grid: true, zero: true, tickFormat: (n: number) => getal(n) },
    color: { legend: true, domain: statussen.map(naamVan), range: statussen.map((s) => STATUS_KLEUREN[s]) },
    marks: [
      Plot.lineY(rijen, { x: "datum", y: "jongeren", z: "deel", stroke: "naam", strokeWidth: (d: any) => (d.status === "NIET_IN_BEELD" ? 3.5 : 1.8) }),
      Plot.ruleX(breuken, { x: (b: { datum: string }) => new Date(b.datum), stroke: "#8a6d00", strokeDasharray: "4,3" }),
      Plot.text(breuken, { x: (b: { datum: string }) => new Date(b.datum), frameAnchor: "top", dx: 4, dy: 4, textAnchor: "start", text: (b: { naam: string }) => `breuk: ${b.naam}`, fill: "#8a6d00", fontSize: 10 }),
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
  const breuk = breukTekst(monitorBreuken(eerste.moment, laatste.moment), datum);
  return `${wie}: nergens in beeld waren er ${cel(eerste.nib, data.minimumCel)} op ${datum(eerste.moment)} en ` +
    `${cel(laatste.nib, data.minimumCel)} op ${datum(laatste.moment)} (${reeks.length} monitormomenten)` +
    (breuk ? `; ${breuk}: de doelgroep is daarna groter, dus de aantallen ervoor en erna zijn niet te vergelijken.` : ".");
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
