// The trend explorer: a measure for a doelgroep, for chosen gemeenten and schooljaren, as a
// count or per 1.000. Every number comes from dashboard.json (suppressed once, in the
// dashboard mart); this module only selects, divides and draws.
import * as Plot from "@observablehq/plot";
import { getal, verschil, ONDERDRUKT, AFGESCHERMD } from "../lib/format.js";
import { REGIO, MATEN, cijferTabel, toegankelijk, naamVan, type Gemeente, type KerncijferRij, type MonitorRij } from "./dashboard.js";
import type { Kolom } from "./downloads.js";
import { breukenInReeks, breukenTussen, breukenTussenJaren, breukenTussenKerncijfers, kerncijferOverJaar, reeksBreukTekst, type ReeksBreuken } from "../lib/breuken.js";
import { peildatumVan, type Dekking } from "../lib/lidmaatschap.js";
import { breukMarks, puntStap } from "./breukmarkering.js";
import { rondeStap, rondeTicks, rondOnder, rondBoven, spreidLabels, trendAs } from "../lib/as.js";

export { rondeStap, rondeTicks, rondOnder, rondBoven, spreidLabels, trendAs };

/** Where a series' counts come from: a key figure, or a monitor groep at the schooljaar's last moment. */
export type Bron =
  | { soort: "kern"; maat: string }
  | { soort: "monitor"; groep: string; veld: "jongeren" | "niet_in_beeld" };

export interface Doelgroep { id: string; label: string; bron: Bron }
export interface Onderwerp { id: string; label: string; uitleg: string; doelgroepen: Doelgroep[] }

const kern = (maat: string): Bron => ({ soort: "kern", maat });

export const ONDERWERPEN: Onderwerp[] = [
  {
    id: "doelgroep", label: "Jongeren in een doelgroep", uitleg: "jongeren op de peildatum van het schooljaar",
    doelgroepen: [
      { id: "leerplichtig", label: "Leerplichtig", bron: kern("leerplichtig") },
      { id: "kwalificatieplichtig", label: "Kwalificatieplichtig", bron: kern("kwalificatieplichtig") },
      { id: "vsv_nieuw", label: "VSV nieuw (het afgelopen jaar)", bron: kern("vsv_nieuw") },
      { id: "vsv_oud", label: "VSV oud (eerder)", bron: kern("vsv_oud") },
      { id: "neet", label: "NEET (geen onderwijs, geen werk)", bron: kern("neet") },
      { id: "jongeren", label: "Alle jongeren 4–27 jaar", bron: kern("jongeren") },
    ],
  },
  {
    id: "verzuimmeldingen", label: "Verzuimmeldingen", uitleg: "verzuimmeldingen bij Leerplicht in het schooljaar",
    doelgroepen: [{ id: "verzuimmeldingen", label: "Leerplichtigen (jonger dan 18)", bron: kern("verzuimmeldingen") }],
  },
  {
    id: "thuiszitters", label: "Thuiszitters", uitleg: "leerplichtige jongeren (jonger dan 18) die in het schooljaar thuiszaten, volgens de definitie van de regio (zie Over deze cijfers)",
    doelgroepen: [{ id: "thuiszitters", label: "Leerplichtigen (jonger dan 18)", bron: kern("thuiszitters") }],
  },
  {
    id: "vsv_benaderd", label: "VSV'ers benaderd", uitleg: "trajecten van het Doorstroompunt met voortijdig schoolverlaters in het schooljaar",
    doelgroepen: [{ id: "vsv_benaderd", label: "Voortijdig schoolverlaters", bron: kern("vsv_benaderd") }],
  },
  {
    id: "niet_in_beeld", label: "Niet in beeld (monitor JIKP)", uitleg: "jongeren in de monitor die nergens in beeld zijn, laatste monitormoment van het schooljaar",
    doelgroepen: [
      { id: "alle", label: "JIKP en VSV samen", bron: kern("jikp_niet_in_beeld") },
      { id: "JIKP", label: "JIKP (kwetsbare positie)", bron: { soort: "monitor", groep: "JIKP", veld: "niet_in_beeld" } },
      { id: "VSV", label: "VSV (voortijdig schoolverlaters)", bron: { soort: "monitor", groep: "VSV", veld: "niet_in_beeld" } },
    ],
  },
  {
    id: "in_monitor", label: "In de doelgroep van de monitor JIKP", uitleg: "jongeren in de monitor die tot de doelgroep horen, laatste monitormoment van het schooljaar",
    doelgroepen: [
      { id: "JIKP", label: "JIKP (kwetsbare positie)", bron: { soort: "monitor", groep: "JIKP", veld: "jongeren" } },
      { id: "VSV", label: "VSV (voortijdig schoolverlaters)", bron: { soort: "monitor", groep: "VSV", veld: "jongeren" } },
    ],
  },
];

export function onderwerp(id: string): Onderwerp {
  return ONDERWERPEN.find((o) => o.id === id) ?? ONDERWERPEN[0];
}

export function doelgroep(o: Onderwerp, id: string): Doelgroep {
  return o.doelgroepen.find((d) => d.id === id) ?? o.doelgroepen[0];
}

/** The denominator of a series per 1.000 (a key-figure maat), or null when a rate makes no sense. */
export function noemerVan(bron: Bron): string | null {
  if (bron.soort === "monitor") return "jongeren";
  return MATEN.find((m) => m.maat === bron.maat)?.noemer ?? null;
}

export function eenheid(noemer: string | null): string {
  return noemer === "leerplichtig" ? "per 1.000 leerplichtigen" : "per 1.000 jongeren (4–27 jaar)";
}

const grootste = <T>(xs: T[], f: (x: T) => number): number | undefined => (xs.length ? Math.max(...xs.map(f)) : undefined);

export type Schaal = "per1000" | "aantal";

/** How the regio total is called in the explorer's choices, charts and tables. */
export const REGIO_NAAM = "Hele regio";

export interface Punt {
  gemeente: string;
  naam: string;
  schooljaar: string;
  /** The published count; null when suppressed or absent. */
  aantal: number | null;
  onderdrukt: boolean;
  /** No row at all: the gemeente was not a member, or the export had nothing for that year. */
  ontbreekt: boolean;
  noemer: number | null;
  per1000: number | null;
  /** The rate needs a suppressed count (the count itself or its denominator). */
  per1000Onderdrukt: boolean;
  /** What is drawn: per1000 or aantal. */
  waarde: number | null;
}

export interface TrendData {
  regio: string;
  minimumCel: number;
  gemeenten: Gemeente[];
  schooljaren: string[];
  kerncijfers: KerncijferRij[];
  monitor: MonitorRij[];
  /** What the regio rows cover per schooljaar: its peildatum, for the breaks of a figure on a peildatum. */
  dekking?: Dekking[];
}

/** The monitor's figure of a schooljaar is its last moment (as the key figure jikp_niet_in_beeld). */
function laatsteMomenten(monitor: MonitorRij[]): Map<string, string> {
  const uit = new Map<string, string>();
  for (const r of monitor) if (!uit.has(r.schooljaar) || uit.get(r.schooljaar)! < r.moment) uit.set(r.schooljaar, r.moment);
  return uit;
}

/**
 * The breaks in the chosen series over the chosen schooljaren (src/lib/breuken.ts): a key
 * figure by the cards' rule (breukenTussenKerncijfers, on the regio's peildata), a monitor
 * figure between the two schooljaren's last moments.
 */
export function reeksBreuken(data: TrendData, keuze: { onderwerp: string; doelgroep: string; schooljaren: string[] }): ReeksBreuken {
  const bron = doelgroep(onderwerp(keuze.onderwerp), keuze.doelgroep).bron;
  // The monitor's figures (jikp_niet_in_beeld too) are its last moment of the schooljaar.
  if (bron.soort === "kern" && bron.maat !== "jikp_niet_in_beeld") {
    const peil = peildatumVan(data.dekking, REGIO);
    return breukenInReeks(keuze.schooljaren, (a, b) => breukenTussenKerncijfers(bron.maat, a, b, peil), (sj) => kerncijferOverJaar(bron.maat, sj, peil));
  }
  const moment = laatsteMomenten(data.monitor);
  const maat = bron.soort === "kern" ? bron.maat : bron.groep;
  return breukenInReeks(keuze.schooljaren, (a, b) => {
    const [x, y] = [moment.get(a), moment.get(b)];
    return x && y ? breukenTussen(maat, x, y) : breukenTussenJaren(maat, a, b);
  });
}

/** The points of the chosen series, in the order gemeenten × schooljaren asked for. */
export function trendPunten(data: TrendData, keuze: {
  onderwerp: string; doelgroep: string; gemeenten: string[]; schooljaren: string[]; schaal: Schaal;
}): Punt[] {
  const bron = doelgroep(onderwerp(keuze.onderwerp), keuze.doelgroep).bron;
  const noemerMaat = noemerVan(bron);
  const kernIndex = new Map(data.kerncijfers.map((r) => [`${r.gemeente}|${r.schooljaar}|${r.maat}`, r]));
  const laatsteMoment = laatsteMomenten(data.monitor);
  const teller = (g: string, sj: string): { aantal: number | null; onderdrukt: boolean; ontbreekt: boolean } => {
    if (bron.soort === "kern") {
      const r = kernIndex.get(`${g}|${sj}|${bron.maat}`);
      return { aantal: r?.waarde ?? null, onderdrukt: !!r?.onderdrukt && r?.waarde == null, ontbreekt: !r };
    }
    const m = laatsteMoment.get(sj);
    const r = data.monitor.find((x) => x.gemeente === g && x.moment === m && x.groep === bron.groep);
    const v = r ? r[bron.veld] : null;
    return { aantal: v ?? null, onderdrukt: !!r && v == null && !!r.onderdrukt, ontbreekt: !r };
  };
  const naam = (c: string) => naamVan(data.gemeenten, c, REGIO_NAAM);
  const uit: Punt[] = [];
  for (const g of keuze.gemeenten) {
    for (const sj of keuze.schooljaren) {
      const t = teller(g, sj);
      const nr = noemerMaat ? kernIndex.get(`${g}|${sj}|${noemerMaat}`) : undefined;
      const n = nr?.waarde ?? null;
      const per1000 = t.aantal != null && n ? (t.aantal / n) * 1000 : null;
      const per1000Onderdrukt = !!noemerMaat && per1000 == null && (t.onderdrukt || (!!nr?.onderdrukt && n == null));
      uit.push({
        gemeente: g, naam: naam(g), schooljaar: sj, ...t, noemer: n, per1000, per1000Onderdrukt,
        waarde: keuze.schaal === "per1000" && noemerMaat ? per1000 : t.aantal,
      });
    }
  }
  return uit;
}

/** How a point reads in a table: 12,3 / 1.234 / ONDERDRUKT / – . */
export function puntTekst(p: Punt, schaal: Schaal, minimumCel: number): string {
  if (p.ontbreekt) return "–";
  if (schaal === "per1000") return p.per1000 != null ? getal(p.per1000, 1) : p.per1000Onderdrukt ? ONDERDRUKT : "–";
  return p.aantal != null ? getal(p.aantal) : p.onderdrukt ? ONDERDRUKT : "–";
}

/** Colours with at least 3 : 1 contrast on white (WCAG 1.4.11); the regio is drawn in black. */
export const KLEUREN = ["#007bc7", "#a90061", "#39870c", "#673327", "#ca005d", "#154273", "#94710a", "#42145f", "#d52b1e", "#777c00", "#01689b", "#5c2d91"];

function kleurVan(codes: string[]) {
  const gemeenten = codes.filter((c) => c !== REGIO);
  return (c: string) => (c === REGIO ? "#1b1b1b" : KLEUREN[gemeenten.indexOf(c) % KLEUREN.length]);
}

/** A line per gemeente over the schooljaren, with its name at the end of the line. */
export function TrendChart(punten: Punt[], { width, eenheidTekst, beschrijving, breuken }: {
  width: number; eenheidTekst: string; beschrijving: string;
  /** Breaks in the series (reeksBreuken): the lines stop there and a rule marks them. */
  breuken?: ReeksBreuken;
}) {
  const getekend = punten.filter((p) => p.waarde != null);
  const jaren = [...new Set(punten.map((p) => p.schooljaar))];
  const codes = [...new Set(punten.map((p) => p.gemeente))];
  const kleur = kleurVan(codes);
  const height = Math.max(320, codes.length * 17 + 80);
  const marginTop = breuken?.markeringen.length ? 28 : 20, marginBottom = 40;
  const { yMin, yMax } = trendAs(getekend.map((p) => p.waarde as number));
  const binnen = height - marginTop - marginBottom;
  // Last point of every line, labels moved apart in pixels and back to data units.
  const laatste = codes.map((c) => getekend.filter((p) => p.gemeente === c).at(-1)).filter((p): p is Punt => !!p);
  const naarPixel = (v: number) => marginTop + (1 - (v - yMin) / (yMax - yMin)) * binnen;
  const gespreid = spreidLabels(laatste.map((p) => naarPixel(p.waarde as number)), 15, marginTop, height - marginBottom);
  const labels = laatste.map((p, i) => ({ ...p, yLabel: yMin + (1 - (gespreid[i] - marginTop) / binnen) * (yMax - yMin) }));
  const langsteNaam = grootste(labels, (p) => p.naam.length) ?? 6;
  const breedte = Math.max(width, 300);
  const marginLeft = 56, marginRight = Math.min(breedte * 0.4, 14 + langsteNaam * 7.2);
  const stap = puntStap(jaren.length, marginLeft, breedte - marginRight, 0.2);
  return toegankelijk(Plot.plot({
    width: breedte, height, marginTop, marginBottom, marginLeft, marginRight,
    // Narrow: 2021-2022 as 21-22, so five schooljaren fit side by side.
    x: { type: "point", domain: jaren, label: "Schooljaar", padding: 0.2, tickFormat: (sj: string) => (breedte < 560 ? `${sj.slice(2, 4)}-${sj.slice(7, 9)}` : sj) },
    y: { domain: [yMin, yMax], label: yMin > 0 ? `${eenheidTekst} (de as begint bij ${getal(yMin)})` : eenheidTekst, grid: true, tickFormat: (n: number) => getal(n, yMax < 10 ? 1 : 0) },
    marks: [
      Plot.ruleY([yMin]),
      // Every point of the line, suppressed ones too, so the line breaks there instead of bridging the gap.
      // Across a break the line stops: one line per stretch.
      ...codes.map((c) => Plot.lineY(punten.filter((p) => p.gemeente === c), {
        x: "schooljaar", y: "waarde", z: (p: Punt) => breuken?.segment.get(p.schooljaar) ?? 0,
        stroke: kleur(c), strokeWidth: c === REGIO ? 3.5 : 2, strokeDasharray: c === REGIO ? "6 3" : undefined,
      })),
      ...breukMarks(breuken?.markeringen ?? [], { stap, smal: breedte < 560, jaren }),
      Plot.dot(getekend, { x: "schooljaar", y: "waarde", fill: (p: Punt) => kleur(p.gemeente), r: 3.5 }),
      Plot.text(labels, { x: "schooljaar", y: "yLabel", text: "naam", dx: 10, textAnchor: "start", fill: (p: Punt) => kleur(p.gemeente), fontWeight: 600 }),
      Plot.tip(getekend, Plot.pointer({ x: "schooljaar", y: "waarde", title: (p: Punt) => `${p.naam} ${p.schooljaar}: ${getal(p.waarde, Number.isInteger(p.waarde) ? 0 : 1)}` })),
    ],
  }), beschrijving);
}

/** Gemeenten side by side in one schooljaar, highest first, the value at every bar. */
export function VergelijkChart(punten: Punt[], { width, eenheidTekst, beschrijving, minimumCel, schaal }: {
  width: number; eenheidTekst: string; beschrijving: string; minimumCel: number; schaal: Schaal;
}) {
  const rijen = [...punten].sort((a, b) => (b.waarde ?? -1) - (a.waarde ?? -1) || a.naam.localeCompare(b.naam, "nl"));
  const max = grootste(rijen, (p) => p.waarde ?? 0) || 1;
  const langsteNaam = grootste(rijen, (p) => p.naam.length) ?? 6;
  return toegankelijk(Plot.plot({
    width: Math.max(width, 300), height: rijen.length * 30 + 50, marginLeft: Math.min(220, 12 + langsteNaam * 7.5), marginRight: 60,
    x: { domain: [0, max * 1.05], label: eenheidTekst, grid: true, tickFormat: (n: number) => getal(n, max < 10 ? 1 : 0), ticks: Math.max(2, Math.floor(width / 110)) },
    y: { domain: rijen.map((p) => p.naam), label: null },
    marks: [
      Plot.barX(rijen.filter((p) => p.waarde != null), {
        x: "waarde", y: "naam", fill: (p: Punt) => (p.gemeente === REGIO ? "#1b1b1b" : "#01689b"),
      }),
      // A suppressed value has no bar, only its mark at zero.
      Plot.text(rijen, {
        x: (p: Punt) => p.waarde ?? 0, y: "naam", dx: 6, textAnchor: "start", fill: "currentColor",
        text: (p: Punt) => puntTekst(p, schaal, minimumCel),
        title: (p: Punt) => { const t = puntTekst(p, schaal, minimumCel); return `${p.naam}: ${t === ONDERDRUKT ? AFGESCHERMD : t}`; },
      }),
      Plot.ruleX([0]),
    ],
  }), beschrijving);
}

/** The shown numbers: a row per gemeente, a column per schooljaar. */
export function trendTabel(punten: Punt[], opties: { bijschrift: string; schaal: Schaal; minimumCel: number; breuken?: ReeksBreuken }) {
  const jaren = [...new Set(punten.map((p) => p.schooljaar))];
  const codes = [...new Set(punten.map((p) => p.gemeente))];
  const breuk = opties.breuken ? reeksBreukTekst(opties.breuken) : "";
  return cijferTabel({
    bijschrift: breuk ? `${opties.bijschrift}. ${breuk}` : opties.bijschrift,
    kolommen: ["Gemeente", ...jaren],
    rijen: codes.map((c) => {
      const eigen = punten.filter((p) => p.gemeente === c);
      return [eigen[0].naam, ...jaren.map((sj) => puntTekst(eigen.find((p) => p.schooljaar === sj)!, opties.schaal, opties.minimumCel))];
    }),
  });
}

/** A few sentences on what the charts show, for whoever cannot see them. */
export function trendSamenvatting(punten: Punt[], opties: { titel: string; eenheidTekst: string; schaal: Schaal; breuken?: ReeksBreuken }): string {
  const dec = (v: number) => getal(v, opties.schaal === "per1000" ? 1 : 0);
  const jaren = [...new Set(punten.map((p) => p.schooljaar))];
  if (jaren.length === 0 || punten.length === 0) return "Kies ten minste één gemeente en één schooljaar.";
  const laatstJaar = jaren[jaren.length - 1];
  const nu = punten.filter((p) => p.schooljaar === laatstJaar && p.waarde != null && p.gemeente !== REGIO)
    .sort((a, b) => (b.waarde as number) - (a.waarde as number));
  const zinnen: string[] = [];
  // The regio's development only within its last stretch without a break: across one it counts another group.
  const stuk = (p: Punt) => opties.breuken?.segment.get(p.schooljaar) ?? 0;
  const alleRegio = punten.filter((p) => p.gemeente === REGIO && p.waarde != null);
  const regio = alleRegio.filter((p) => stuk(p) === stuk(alleRegio[alleRegio.length - 1]));
  if (nu.length >= 2) {
    zinnen.push(`${opties.titel}, ${opties.eenheidTekst}, in ${laatstJaar}: het hoogst in ${nu[0].naam} (${dec(nu[0].waarde!)}) en het laagst in ${nu[nu.length - 1].naam} (${dec(nu[nu.length - 1].waarde!)}).`);
  } else if (nu.length === 1) {
    zinnen.push(`${opties.titel}, ${opties.eenheidTekst}, in ${laatstJaar}: ${nu[0].naam} ${dec(nu[0].waarde!)}.`);
  } else {
    zinnen.push(`${opties.titel}: voor ${laatstJaar} zijn geen cijfers van de gekozen gemeenten te tonen.`);
  }
  if (regio.length >= 2) {
    const a = regio[0], b = regio[regio.length - 1];
    const d = (b.waarde as number) - (a.waarde as number);
    zinnen.push(`De hele regio ging van ${dec(a.waarde!)} in ${a.schooljaar} naar ${dec(b.waarde!)} in ${b.schooljaar} (${d === 0 ? "gelijk" : verschil(d, opties.schaal === "per1000" ? 1 : 0)}).`);
  } else if (regio.length === 1) {
    zinnen.push(`De hele regio: ${dec(regio[0].waarde!)} in ${regio[0].schooljaar}.`);
  }
  const breuk = opties.breuken ? reeksBreukTekst(opties.breuken) : "";
  if (breuk) zinnen.push(`${breuk}${regio.length < alleRegio.length ? " De ontwikkeling van de regio is daarom alleen over de schooljaren na de breuk gegeven." : ""}`);
  return zinnen.join(" ");
}

/** Long rows for the download: every shown point with its count, denominator and rate. */
export function downloadRijen(punten: Punt[], opties: { onderwerp: string; doelgroep: string; noemerLabel: string | null; minimumCel: number }): { kolommen: Kolom[]; rijen: Record<string, unknown>[] } {
  const kolommen: Kolom[] = [
    { sleutel: "gemeente", kop: "Gemeente" }, { sleutel: "code", kop: "Code" }, { sleutel: "schooljaar", kop: "Schooljaar" },
    { sleutel: "onderwerp", kop: "Onderwerp" }, { sleutel: "doelgroep", kop: "Doelgroep" },
    { sleutel: "aantal", kop: "Aantal", formaat: "geheel" },
    ...(opties.noemerLabel ? [
      { sleutel: "noemer", kop: `Noemer: ${opties.noemerLabel}`, formaat: "geheel" as const },
      { sleutel: "per1000", kop: "Per 1.000", formaat: "decimaal1" as const },
    ] : []),
  ];
  const rijen = punten.map((p) => ({
    gemeente: p.naam, code: p.gemeente === REGIO ? "" : p.gemeente, schooljaar: p.schooljaar,
    onderwerp: opties.onderwerp, doelgroep: opties.doelgroep,
    // Suppressed values stay ONDERDRUKT in the file too; absent ones stay empty.
    aantal: p.aantal ?? (p.onderdrukt ? ONDERDRUKT : null),
    noemer: p.noemer, per1000: p.per1000 != null ? Math.round(p.per1000 * 10) / 10 : p.per1000Onderdrukt ? ONDERDRUKT : null,
  }));
  return { kolommen, rijen };
}

/** "Zwolle, Kampen en 3 andere" — for titles and file names. */
export function keuzeTekst(namen: string[]): string {
  if (namen.length <= 3) return namen.length <= 1 ? (namen[0] ?? "") : `${namen.slice(0, -1).join(", ")} en ${namen.at(-1)}`;
  return `${namen.slice(0, 2).join(", ")} en ${namen.length - 2} andere`;
}

export function bestandsnaam(o: Onderwerp, d: Doelgroep, schaal: Schaal): string {
  const deel = (s: string) => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `trend-${deel(o.label)}${o.doelgroepen.length > 1 ? `-${deel(d.id)}` : ""}-${schaal === "per1000" ? "per-1000" : "aantal"}`;
}

/** Names of the chosen gemeenten without a single figure in the chosen schooljaren. */
export function zonderCijfers(punten: Punt[]): string[] {
  const namen = [...new Set(punten.map((p) => p.gemeente))];
  return namen.filter((c) => punten.filter((p) => p.gemeente === c).every((p) => p.ontbreekt))
    .map((c) => punten.find((p) => p.gemeente === c)!.naam);
}
