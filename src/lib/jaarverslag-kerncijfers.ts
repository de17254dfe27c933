// The jaarverslag's key figures: one line per figure with its value in every schooljaar of
// the data up to the chosen one, the change against the previous schooljaar and, where there
// is a sensible denominator, the rate per 1.000. Everything is read from the PUBLISHED cells
// of the jaarverslag's tables (JvData, already suppressed by loaders/publish/): a figure is a
// published cell, or the sum of published cells when no total is published (then ONDERDRUKT
// as soon as one part is). A change or rate that would need a suppressed cell is ONDERDRUKT,
// never computed; across a break in the series (breuken.ts) or between unlike memberships
// (lidmaatschap.ts) there is no change, but the reason.
import { ONDERDRUKT } from "./format.js";
import { TOTAAL } from "./codes.js";
import { REGIO, type JvData, type Rij } from "./jaarverslag-data.js";
import { breukenTussenJaren, type Breuk } from "./breuken.js";
import { nietVergelijkbaar } from "./lidmaatschap.js";
import { vorigSchooljaar } from "./schooljaar.js";

/** A published value: a number, ONDERDRUKT (suppressed or needs a suppressed cell) or null (no figure). */
export type KernWaarde = number | typeof ONDERDRUKT | null;

export interface KernDefinitie {
  id: string;
  label: string;
  /** What is counted, in a sentence fragment (under the label). */
  uitleg: string;
  /** Per 1.000 of which key figure (its id), and how to call them. */
  per1000?: { noemer: string; naam: string };
  /** The measure's name in BREUKEN.maten: a break there stops the comparison. */
  breukMaat?: string;
  /** A percentage: the change in procentpunten, two decimals. */
  procent?: true;
  /**
   * An official figure published later (OCW/DUO): without one for this schooljaar the latest
   * schooljaar that has one is shown; the regio's membership does not change it.
   */
  officieel?: true;
  /** The value of a gemeente (or REGIO) in a schooljaar, from published cells. */
  waarde: (l: Lezer, gemeente: string, sj: string) => KernWaarde;
}

const inJaar = (r: Rij, sj: string) => r.schooljaar === undefined || r.schooljaar === sj;
const past = (r: Rij, filter: Rij) => Object.entries(filter).every(([k, v]) => r[k] === v);

/** Reads published cells of one schooljaar's tables. */
export class Lezer {
  constructor(readonly data: JvData) {}

  /** Rows of table `id` in schooljaar `sj`'s data (a table of both years has the previous year's rows too). */
  rijen(id: string, sj: string): Rij[] {
    return this.data.jaren[sj]?.tabellen.find((t) => t.id === id)?.rijen ?? [];
  }

  /** Whether schooljaar `sj`'s data has table `id` (a chapter whose export was not delivered has none). */
  heeft(id: string, sj: string): boolean {
    return this.data.jaren[sj]?.tabellen.some((t) => t.id === id) ?? false;
  }

  /** Whether gemeente is counted in sj (REGIO always; a gemeente that was a member). */
  telt(gemeente: string, sj: string): boolean {
    return gemeente === REGIO || (this.data.jaren[sj]?.leden ?? []).includes(gemeente);
  }

  /**
   * One published cell: the number, ONDERDRUKT, or null. The site's tables leave out rows of
   * zeros, so a missing row of a counted gemeente is 0 (`nulAlsOntbreekt`).
   */
  cel(id: string, sj: string, filter: Rij, kolom: string, nulAlsOntbreekt = true): KernWaarde {
    if (!this.data.jaren[sj] || !this.telt(String(filter.gemeente), sj)) return null;
    const r = this.rijen(id, sj).find((x) => inJaar(x, sj) && past(x, filter));
    if (!r) return nulAlsOntbreekt && this.data.jaren[sj].tabellen.some((t) => t.id === id) ? 0 : null;
    const v = r[kolom];
    if (typeof v === "number") return v;
    return v === null && r.onderdrukt ? ONDERDRUKT : null;
  }

  /** The sum of the published cells of every row matching `filter` (ONDERDRUKT if any part is). */
  som(id: string, sj: string, filter: Rij, kolom: string): KernWaarde {
    if (!this.data.jaren[sj] || !this.telt(String(filter.gemeente), sj)) return null;
    const rijen = this.rijen(id, sj).filter((x) => inJaar(x, sj) && past(x, filter));
    return somVan(rijen.map((r) => (typeof r[kolom] === "number" ? r[kolom] as number : r[kolom] === null && r.onderdrukt ? ONDERDRUKT : null)));
  }
}

/** Sum of published values: ONDERDRUKT if one is, null if there are none, else the sum. */
export function somVan(waarden: readonly KernWaarde[]): KernWaarde {
  if (waarden.some((w) => w === ONDERDRUKT)) return ONDERDRUKT;
  const getallen = waarden.filter((w): w is number => typeof w === "number");
  return getallen.length ? getallen.reduce((s, w) => s + w, 0) : null;
}

/** The first value that is a number, else ONDERDRUKT if one is, else null: two published ways to one total. */
export function eersteBekende(waarden: readonly KernWaarde[]): KernWaarde {
  return waarden.find((w) => typeof w === "number") ?? (waarden.includes(ONDERDRUKT) ? ONDERDRUKT : null);
}

/** Change from `toen` to `nu`: ONDERDRUKT if either is suppressed, null without both. */
export function verandering(nu: KernWaarde, toen: KernWaarde): { verschil: KernWaarde; relatief: number | null } {
  if (nu === ONDERDRUKT || toen === ONDERDRUKT) return { verschil: ONDERDRUKT, relatief: null };
  if (nu === null || toen === null) return { verschil: null, relatief: null };
  return { verschil: nu - toen, relatief: toen !== 0 ? (nu - toen) / toen : null };
}

/** Per 1.000 of the denominator: ONDERDRUKT if either is suppressed, null without both or with a denominator of 0. */
export function per1000(teller: KernWaarde, noemer: KernWaarde): KernWaarde {
  if (teller === ONDERDRUKT || noemer === ONDERDRUKT) return ONDERDRUKT;
  if (teller === null || noemer === null || noemer === 0) return null;
  return (teller / noemer) * 1000;
}

/** The key figures of the jaarverslag, in the order of the page. */
export const KERN_DEFINITIES: readonly KernDefinitie[] = [
  { id: "leerlingen", label: "Leerlingen", uitleg: "ingeschreven leerlingen op de peildatum, alle onderwijssoorten",
    waarde: (l, g, sj) => l.cel("leerlingen", sj, { gemeente: g, onderwijssoort: TOTAAL }, "leerlingen") },
  { id: "leerplichtig", label: "Leerplichtige jongeren", uitleg: "leerplichtig op de peildatum",
    waarde: (l, g, sj) => l.cel("doelgroepen", sj, { gemeente: g, doelgroep: "LEERPLICHTIG" }, "jongeren") },
  { id: "verzuimmeldingen", label: "Verzuimmeldingen Leerplicht", uitleg: "meldingen van jongeren onder de 18 in het schooljaar, alle soorten",
    per1000: { noemer: "leerplichtig", naam: "leerplichtigen" },
    // The year total of the Leerplicht meldingen is published once, beside the fte (inzet);
    // without inzet.csv (a partial delivery) it is the sum of the published verzuimsoorten.
    waarde: (l, g, sj) => (l.heeft("inzet", sj)
      ? l.cel("inzet", sj, { gemeente: g, functie: "LEERPLICHTAMBTENAAR" }, "meldingen", false)
      : l.som("verzuimmeldingen", sj, { gemeente: g, regeling: "LEERPLICHT" }, "meldingen")) },
  { id: "thuiszitters", label: "Thuiszitters", uitleg: "leerplichtige jongeren die thuiszaten, volgens de definitie van de regio",
    per1000: { noemer: "leerplichtig", naam: "leerplichtigen" },
    waarde: (l, g, sj) => l.cel("thuiszitters_totaal", sj, { gemeente: g, soort: TOTAAL }, "jongeren") },
  { id: "vrijstellingen", label: "Vrijstellingen", uitleg: "", per1000: { noemer: "leerplichtig", naam: "leerplichtigen" },
    // The regio's definition (regio.json definities.vrijgestelden) says which is the key figure.
    waarde: (l, g, sj) => (l.data.definities?.vrijgestelden === "ACTIEF_OP_PEILDATUM"
      ? l.som("vrijgesteld_op_peildatum", sj, { gemeente: g }, "jongeren")
      : l.som("vrijstellingen", sj, { gemeente: g }, "vrijstellingen")) },
  { id: "doorstroompunt", label: "Meldingen Doorstroompunt preventief (18+)", uitleg: "verzuimmeldingen van jongeren van 18 jaar en ouder in het schooljaar",
    // Published twice as parts of one total (per verzuimsoort and per resultaat): either sum is that total.
    waarde: (l, g, sj) => eersteBekende([
      l.som("verzuimmeldingen", sj, { gemeente: g, regeling: "DOORSTROOMPUNT" }, "meldingen"),
      l.som("doorstroompunt_preventief_resultaat", sj, { gemeente: g }, "meldingen"),
    ]) },
  { id: "vsv_benaderd", label: "VSV'ers benaderd", uitleg: "voortijdig schoolverlaters die het Doorstroompunt benaderde (jongeren)", breukMaat: "vsv_benaderd",
    waarde: (l, g, sj) => l.cel("vsv_benaderd", sj, { gemeente: g, categorie: TOTAAL }, "jongeren") },
  { id: "vsv_trajecten", label: "Trajecten met VSV'ers", uitleg: "trajecten van het Doorstroompunt die in het schooljaar liepen", breukMaat: "vsv_benaderd",
    waarde: (l, g, sj) => l.cel("vsv_benaderd", sj, { gemeente: g, categorie: TOTAAL }, "trajecten") },
  { id: "vsv_percentage", label: "VSV-percentage", uitleg: "officieel cijfer van OCW/DUO: nieuwe voortijdig schoolverlaters als percentage van de deelnemers",
    procent: true, officieel: true,
    waarde: (l, g, sj) => {
      // Every year's data has the whole series of the file: this schooljaar's own row.
      const r = l.rijen("vsv_percentage", sj).find((x) => x.gemeente === g && x.schooljaar === sj);
      if (!r) return null;
      return typeof r.percentage === "number" ? r.percentage : r.onderdrukt ? ONDERDRUKT : null;
    } },
];

export interface KernRij {
  id: string;
  label: string;
  uitleg: string;
  procent: boolean;
  /** Schooljaar → value, for every schooljaar of the series (oldest first). */
  reeks: Record<string, KernWaarde>;
  /** The schooljaar of `nu`: the chosen one, or for an official figure not yet published the latest with one. */
  jaar: string;
  /** The schooljaar `vorig` is of (the one before `jaar`), null when the data have none. */
  vorigJaar: string | null;
  nu: KernWaarde;
  vorig: KernWaarde;
  verschil: KernWaarde;
  relatief: number | null;
  /** Why there is no change although both years have a figure: a break in the series, or another membership. */
  geenVergelijking: { soort: "breuk" | "lid"; tekst: string } | null;
  /** The breaks between the previous schooljaar and this one. */
  breuken: Breuk[];
  per1000: { nu: KernWaarde; vorig: KernWaarde; naam: string } | null;
  /** Per schooljaar of the series: the breaks between it and the year before it. */
  breukVoor: Record<string, Breuk[]>;
}

export interface Kerncijfers {
  schooljaar: string;
  vorig: string | null;
  gemeente: string;
  /** The schooljaren of the series: every one in the data up to the chosen one. */
  jaren: string[];
  /** Per schooljaar of the series: why its figures compare unlike with the year before (membership), or null. */
  anderLid: Record<string, string | null>;
  rijen: KernRij[];
}

/** "breuk in de reeks: <naam> (vanaf 1 januari 2026)" for each break. */
function breukZin(bs: readonly Breuk[], datum: (iso: string) => string): string {
  return bs.map((b) => `breuk in de reeks: ${b.naam} (vanaf ${datum(b.datum)})`).join("; ");
}

/**
 * The key figures of a gemeente (or REGIO) in schooljaar `sj`, with the series over every
 * schooljaar of `data` up to it. `datum` formats the date of a break ("1 januari 2026").
 */
export function kerncijfers(data: JvData, sj: string, gemeente: string, datum: (iso: string) => string,
  definities: readonly KernDefinitie[] = KERN_DEFINITIES): Kerncijfers {
  const l = new Lezer(data);
  const jaren = data.schooljaren.filter((j) => j <= sj && data.jaren[j]);
  const dekkingen = jaren.map((j) => data.jaren[j].dekking).filter((d) => d !== undefined);
  const vorigIn = (j: string) => (jaren.includes(vorigSchooljaar(j)) ? vorigSchooljaar(j) : null);
  const anderLid = Object.fromEntries(jaren.map((j) => [j, vorigIn(j) ? nietVergelijkbaar(dekkingen, gemeente, j, vorigIn(j)!) : null]));
  const rijen = definities.map((d): KernRij => {
    const reeks = Object.fromEntries(jaren.map((j) => [j, d.waarde(l, gemeente, j)]));
    // An official figure not yet published for sj: the latest schooljaar that has one.
    const jaar = d.officieel && reeks[sj] === null ? [...jaren].reverse().find((j) => reeks[j] !== null) ?? sj : sj;
    const vorigJaar = vorigIn(jaar);
    const nu = reeks[jaar] ?? null;
    const toen = vorigJaar ? reeks[vorigJaar] ?? null : null;
    const breuken = vorigJaar && d.breukMaat ? breukenTussenJaren(d.breukMaat, vorigJaar, jaar) : [];
    const breukVoor = Object.fromEntries(jaren.map((j, i) => [j, i > 0 && d.breukMaat ? breukenTussenJaren(d.breukMaat, jaren[i - 1], j) : []]));
    const lid = d.officieel ? null : anderLid[jaar] ?? null;
    const reden = breuken.length ? { soort: "breuk" as const, tekst: breukZin(breuken, datum) } : lid ? { soort: "lid" as const, tekst: lid } : null;
    const ruw = verandering(nu, toen);
    // Unlike compared (a break, another membership): no change at all, but the reason.
    const vergelijkbaar = !reden || toen === null || nu === null;
    const noemer = d.per1000 ? definities.find((x) => x.id === d.per1000!.noemer) : undefined;
    return {
      id: d.id, label: d.label, procent: Boolean(d.procent),
      uitleg: d.id === "vrijstellingen"
        ? (data.definities?.vrijgestelden === "ACTIEF_OP_PEILDATUM" ? "jeugdigen met een lopende vrijstelling op de peildatum (de definitie van de regio)" : "vrijstellingen van de leerplicht afgegeven in het schooljaar")
        : d.uitleg,
      reeks, jaar, vorigJaar, nu, vorig: toen,
      verschil: vergelijkbaar ? ruw.verschil : null,
      relatief: vergelijkbaar && !d.procent ? ruw.relatief : null,
      geenVergelijking: vergelijkbaar ? null : reden,
      breuken,
      per1000: d.per1000 && noemer ? {
        naam: d.per1000.naam,
        nu: per1000(nu, noemer.waarde(l, gemeente, jaar)),
        vorig: vorigJaar ? per1000(toen, noemer.waarde(l, gemeente, vorigJaar)) : null,
      } : null,
      breukVoor,
    };
  });
  const v = vorigIn(sj);
  return { schooljaar: sj, vorig: v, gemeente, jaren, anderLid, rijen };
}
