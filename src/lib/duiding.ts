// What the figures mean, in plain Dutch (taalniveau B1): one sentence per gemeente that a
// wethouder can read without knowing what a confidence interval is. Pure: the mart writes the
// sentences (from published cells only), the page and the reports show them.
import type { Oordeel } from "./statistiek.js";

const heel = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });

/** An expected count as people say it: whole, "minder dan 1" below one. */
export function verwachtTekst(verwacht: number): string {
  return verwacht < 0.5 ? "minder dan 1" : heel.format(Math.round(verwacht));
}

export interface VerwachtZin {
  naam: string;
  schooljaar: string;
  /** Observed nieuwe vsv'ers as published; null when suppressed. */
  waargenomen: number | null;
  verwacht: number;
  oordeel: Oordeel | null;
}

const vsvers = (n: number) => (n === 1 ? "nieuwe vsv'er" : "nieuwe vsv'ers");

/**
 * "Kampen had 31 nieuwe vsv'ers; gezien de kenmerken van zijn jongeren waren er 27 verwacht.
 * Dat verschil valt binnen het toeval." A suppressed count is said to be afgeschermd, and then
 * nothing is compared: the expected count alone gives nothing away.
 */
export function verwachtZin(z: VerwachtZin): string {
  const verwacht = `gezien de kenmerken van zijn jongeren ${Math.round(z.verwacht) === 1 && z.verwacht >= 0.5 ? "was er" : "waren er"} ${verwachtTekst(z.verwacht)} verwacht`;
  if (z.waargenomen == null || z.oordeel == null) {
    return `Het aantal nieuwe vsv'ers van ${z.naam} in ${z.schooljaar} is afgeschermd om de privacy te beschermen; ${verwacht}. Een vergelijking is daarom niet te maken.`;
  }
  const slot = z.oordeel === "hoger" ? "Dat zijn er meer dan door toeval te verklaren is."
    : z.oordeel === "lager" ? "Dat zijn er minder dan door toeval te verklaren is."
    : z.waargenomen === Math.round(z.verwacht) ? "Dat is zoveel als verwacht."
    : "Dat verschil valt binnen het toeval.";
  return `${z.naam} had in ${z.schooljaar} ${heel.format(z.waargenomen)} ${vsvers(z.waargenomen)}; ${verwacht}. ${slot}`;
}

export interface OordelenTelling {
  /** The gemeenten compared (with a published count or not). */
  gemeenten: number;
  jaar: string;
  hoger: number;
  lager: number;
  gelijk: number;
  /** Gemeenten whose count is suppressed: no verdict. */
  afgeschermd: number;
}

/** A count in a sentence: "geen" for 0 (never "0 meer nieuwe vsv'ers"), else the number. */
const telwoord = (n: number) => (n === 0 ? "geen" : heel.format(n));

/**
 * The regio's verdicts counted: "Van de 12 gemeenten hadden er in 2023-2024 3 meer nieuwe
 * vsv'ers dan verwacht, 1 minder, en bij 8 viel het verschil binnen het toeval." A count of 0
 * is "geen" ("geen enkele" where it stands alone), one takes the singular.
 */
export function oordelenZin(t: OordelenTelling): string {
  const had = t.hoger > 1 ? "hadden" : "had";
  return `Van de ${heel.format(t.gemeenten)} ${t.gemeenten === 1 ? "gemeente" : "gemeenten"} ${had} er in ${t.jaar} ${telwoord(t.hoger)} meer nieuwe vsv'ers dan verwacht, ` +
    `${telwoord(t.lager)} minder, en bij ${t.gelijk === 0 ? "geen enkele" : heel.format(t.gelijk)} viel het verschil binnen het toeval` +
    `${t.afgeschermd ? `; van ${heel.format(t.afgeschermd)} is het aantal afgeschermd` : ""}.`;
}

/** A row of duiding.json's `verwacht` (loaders/marts/duiding.ts), as the page reads it. */
export interface VerwachtRij {
  gemeente: string;
  naam: string;
  /** Cohortjaar of the CBS table; the schooljaar starts on 1 oktober of it. */
  jaar: number;
  schooljaar: string;
  /** CBS: vo-leerlingen + mbo-studenten in the gemeente. */
  aantal_jongeren: number;
  /** CBS risicoscore: the expected number of nieuwe vsv'ers (1 decimal). */
  verwacht: number;
  /** OCW/DUO: deelnemers on 1 oktober and nieuwe vsv'ers (null: suppressed). */
  deelnemers: number | null;
  vsv: number | null;
  /** vsv / verwacht with its exact 95 % and 99,8 % intervals; null when vsv is suppressed. */
  verhouding: number | null;
  onder95: number | null;
  boven95: number | null;
  onder998: number | null;
  boven998: number | null;
  oordeel: Oordeel | null;
  zin: string;
  onderdrukt?: true;
}
