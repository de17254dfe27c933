// The definitions of exports.md in one place, each twice: as a TypeScript function (for
// reports, the generator and unit tests on hand-made cases) and as the SQL expression the
// staging step uses. test/unit/definitions.test.ts checks that both agree.
//
// Dates are ISO strings `YYYY-MM-DD` in TypeScript and DATE values in SQL.
import { DOELGROEPEN, type Doelgroep } from "../src/lib/codes.ts";
import { schooljaar, schooljaarEinde } from "../src/lib/schooljaar.ts";

import { WET_SDW } from "../src/lib/breuken.ts";

/**
 * Wet van school naar duurzaam werk: the Doorstroompunt age limit rises from 23 to 27. The
 * dates and ages are the break's data (src/lib/breuken.ts), so the charts mark the same break.
 */
export const WET_SDW_INGANG: string = WET_SDW.ingang;
export const MAX_LEEFTIJD_OUD: number = WET_SDW.maxLeeftijdOud;
export const MAX_LEEFTIJD_NIEUW: number = WET_SDW.maxLeeftijdNieuw;
/** NEET and the JIKP population run up to the 27th birthday. */
export const NEET_MAX = 27;
/** A VSV'er is "nieuw" when de-registered at most this many days before the peildatum. */
export const VSV_NIEUW_DAGEN = 365;

// Defined in src/lib (the pages use them too); offered here with every other definition.
export { DOELGROEPEN, type Doelgroep };
export { schooljaar, schooljaarStart, schooljaarEinde, vorigSchooljaar } from "../src/lib/schooljaar.ts";

/** Monitor order: every jongere gets the first status that applies. */
export const MONITOR_STATUSSEN = [
  "UIT_DOELGROEP_LEEFTIJD",
  "UIT_DOELGROEP_VERHUISD",
  "ONDERWIJS",
  "STARTKWALIFICATIE",
  "WERK",
  "IN_BEELD_DOORSTROOMPUNT",
  "IN_BEELD_ZORG",
  "IN_BEELD_PARTICIPATIE",
  "NIET_IN_BEELD",
] as const;
export type MonitorStatus = (typeof MONITOR_STATUSSEN)[number];

// ---------------------------------------------------------------- schooljaar

// schooljaar(), schooljaarStart/Einde() and vorigSchooljaar() are in src/lib/schooljaar.ts.

export const SQL_SCHOOLJAAR = (d: string) =>
  `(CASE WHEN month(${d}) >= 8 THEN year(${d}) ELSE year(${d}) - 1 END)::VARCHAR || '-' || ` +
  `(CASE WHEN month(${d}) >= 8 THEN year(${d}) + 1 ELSE year(${d}) END)::VARCHAR`;

// ---------------------------------------------------------------- age

/** Max age (exclusive) of the Doorstroompunt target group on a date. */
export function maxLeeftijd(datum: string): number {
  return datum >= WET_SDW_INGANG ? MAX_LEEFTIJD_NIEUW : MAX_LEEFTIJD_OUD;
}

export const SQL_MAX_LEEFTIJD = (d: string) =>
  `(CASE WHEN ${d} >= DATE '${WET_SDW_INGANG}' THEN ${MAX_LEEFTIJD_NIEUW} ELSE ${MAX_LEEFTIJD_OUD} END)`;

/**
 * Whole years on `datum` for someone born in `geboortemaand` (`YYYY-MM`), counting the
 * birthday as the first day of the birth month.
 */
export function leeftijd(geboortemaand: string, datum: string): number {
  const gj = Number(geboortemaand.slice(0, 4));
  const gm = Number(geboortemaand.slice(5, 7));
  const j = Number(datum.slice(0, 4));
  const m = Number(datum.slice(5, 7));
  return j - gj - (m < gm ? 1 : 0);
}

/** `gm` is a DATE on the first of the birth month. */
export const SQL_LEEFTIJD = (gm: string, d: string) =>
  `(year(${d}) - year(${gm}) - CASE WHEN month(${d}) < month(${gm}) THEN 1 ELSE 0 END)`;

// ---------------------------------------------------------------- leerplicht

function plusMaanden(maand: string, n: number): string {
  const j = Number(maand.slice(0, 4));
  const m = Number(maand.slice(5, 7)) - 1 + n;
  const jj = j + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12 + 1;
  return `${jj}-${String(mm).padStart(2, "0")}-01`;
}

/**
 * Leerplicht: from the first day of the month after the 5th birthday until the end of the
 * schooljaar in which the jongere turns 16.
 */
export function isLeerplichtig(geboortemaand: string, datum: string): boolean {
  const begin = plusMaanden(geboortemaand, 5 * 12 + 1);
  const einde = schooljaarEinde(schooljaar(plusMaanden(geboortemaand, 16 * 12)));
  return datum >= begin && datum <= einde;
}

/** Kwalificatieplicht: after leerplicht until 18, unless a startkwalificatie was obtained. */
export function isKwalificatieplichtig(geboortemaand: string, datum: string, startkwalificatie: boolean): boolean {
  if (startkwalificatie) return false;
  const eindeLeerplicht = schooljaarEinde(schooljaar(plusMaanden(geboortemaand, 16 * 12)));
  return datum > eindeLeerplicht && leeftijd(geboortemaand, datum) < 18;
}

const SQL_EINDE_LEERPLICHT = (gm: string) => {
  const b16 = `(${gm} + INTERVAL 16 YEAR)`;
  return `make_date(CASE WHEN month(${b16}) >= 8 THEN year(${b16}) + 1 ELSE year(${b16}) END, 7, 31)`;
};

export const SQL_LEERPLICHTIG = (gm: string, d: string) =>
  `(${d} >= CAST(${gm} + INTERVAL 61 MONTH AS DATE) AND ${d} <= ${SQL_EINDE_LEERPLICHT(gm)})`;

export const SQL_KWALIFICATIEPLICHTIG = (gm: string, d: string, sk: string) =>
  `(NOT ${sk} AND ${d} > ${SQL_EINDE_LEERPLICHT(gm)} AND ${SQL_LEEFTIJD(gm, d)} < 18)`;

// ---------------------------------------------------------------- VSV and NEET

export interface JongereOpPeildatum {
  peildatum: string;
  geboortemaand: string;
  onderwijssoort: string;
  startkwalificatie: boolean;
  laatste_uitschrijving: string | null;
  werk: boolean | null;
}

function dagenTussen(van: string, tot: string): number {
  return Math.round((Date.parse(tot) - Date.parse(van)) / 86_400_000);
}

/** The doelgroepen a jongere belongs to on the peildatum (a jongere can be in several). */
export function doelgroepen(j: JongereOpPeildatum): Doelgroep[] {
  const uit: Doelgroep[] = [];
  const lft = leeftijd(j.geboortemaand, j.peildatum);
  if (isLeerplichtig(j.geboortemaand, j.peildatum)) uit.push("LEERPLICHTIG");
  if (isKwalificatieplichtig(j.geboortemaand, j.peildatum, j.startkwalificatie)) uit.push("KWALIFICATIEPLICHTIG");
  const vsv = lft >= 18 && lft < maxLeeftijd(j.peildatum) && !j.startkwalificatie && j.onderwijssoort === "GEEN";
  if (vsv) {
    const nieuw = j.laatste_uitschrijving !== null && dagenTussen(j.laatste_uitschrijving, j.peildatum) <= VSV_NIEUW_DAGEN;
    uit.push(nieuw ? "VSV_NIEUW" : "VSV_OUD");
  }
  if (lft >= 18 && lft < NEET_MAX && j.onderwijssoort === "GEEN" && j.werk === false) uit.push("NEET");
  return uit;
}

/** SQL flags on a staged jongeren row (columns as in stage.ts). */
export const SQL_DOELGROEP_FLAGS = `
  ${SQL_LEERPLICHTIG("geboortemaand", "peildatum")} AS leerplichtig,
  ${SQL_KWALIFICATIEPLICHTIG("geboortemaand", "peildatum", "startkwalificatie")} AS kwalificatieplichtig,
  (${SQL_LEEFTIJD("geboortemaand", "peildatum")} >= 18 AND ${SQL_LEEFTIJD("geboortemaand", "peildatum")} < ${SQL_MAX_LEEFTIJD("peildatum")}
    AND NOT startkwalificatie AND onderwijssoort = 'GEEN'
    AND laatste_uitschrijving IS NOT NULL AND peildatum - laatste_uitschrijving <= ${VSV_NIEUW_DAGEN}) AS vsv_nieuw,
  (${SQL_LEEFTIJD("geboortemaand", "peildatum")} >= 18 AND ${SQL_LEEFTIJD("geboortemaand", "peildatum")} < ${SQL_MAX_LEEFTIJD("peildatum")}
    AND NOT startkwalificatie AND onderwijssoort = 'GEEN'
    AND (laatste_uitschrijving IS NULL OR peildatum - laatste_uitschrijving > ${VSV_NIEUW_DAGEN})) AS vsv_oud,
  (${SQL_LEEFTIJD("geboortemaand", "peildatum")} >= 18 AND ${SQL_LEEFTIJD("geboortemaand", "peildatum")} < ${NEET_MAX}
    AND onderwijssoort = 'GEEN' AND werk IS NOT DISTINCT FROM false) AS neet`;

/**
 * The jongeren counted per cell of all the marts group them by (staged as jongeren_telling):
 * peildatum, schooljaar, gemeente, onderwijssoort, the doelgroep flags and whether the jongere is
 * under the Doorstroompunt's old age limit (onder_oude_grens: the VSV'ers of 18–22 after the break
 * of src/lib/breuken.ts, to compare like with like). A few thousand rows
 * where jongeren_def has one per jongere per peildatum; every count of jongeren is a sum of them.
 */
export const SQL_JONGEREN_TELLING = `
  SELECT peildatum, schooljaar, gemeente_code, onderwijssoort, ${DOELGROEPEN.map((d) => d.toLowerCase()).join(", ")},
    leeftijd < ${MAX_LEEFTIJD_OUD} AS onder_oude_grens, COUNT(*)::INTEGER AS jongeren
  FROM jongeren_def GROUP BY ALL`;

/** Per doelgroep the jongeren of the rows summed, from jongeren_telling (0 where none); `alias` names the column. */
export function sqlDoelgroepSommen(alias: (d: Doelgroep) => string): string {
  return DOELGROEPEN.map((d) => `COALESCE(SUM(jongeren) FILTER (WHERE ${d.toLowerCase()}), 0)::INTEGER AS ${alias(d)}`).join(", ");
}

// ---------------------------------------------------------------- verzuim

/** < 18 at melddatum: Leerplicht; ≥ 18: Doorstroompunt (preventief). */
export function regeling(leeftijdBijMelding: number): "LEERPLICHT" | "DOORSTROOMPUNT" {
  return leeftijdBijMelding < 18 ? "LEERPLICHT" : "DOORSTROOMPUNT";
}

export const SQL_REGELING = (lft: string) => `(CASE WHEN ${lft} < 18 THEN 'LEERPLICHT' ELSE 'DOORSTROOMPUNT' END)`;

/** Doorlopend: no afsluitdatum, or one after the end of the melding's schooljaar. */
export function isDoorlopend(melddatum: string, afsluitdatum: string | null): boolean {
  return afsluitdatum === null || afsluitdatum > schooljaarEinde(schooljaar(melddatum));
}

export const SQL_DOORLOPEND = (meld: string, afsluit: string) =>
  `(${afsluit} IS NULL OR ${afsluit} > make_date(CASE WHEN month(${meld}) >= 8 THEN year(${meld}) + 1 ELSE year(${meld}) END, 7, 31))`;

/** Thuiszitters: one who has both LRV and ABSOLUUT in a schooljaar counts once, as ABSOLUUT. */
export function thuiszitterSoort(soorten: string[]): "ABSOLUUT" | "LRV" | null {
  if (soorten.includes("ABSOLUUT")) return "ABSOLUUT";
  if (soorten.includes("LRV")) return "LRV";
  return null;
}

// ---------------------------------------------------------------- VSV-trajecten

/** Every schooljaar a traject overlaps; an open traject runs until `tot` (the date of the data). */
export function trajectSchooljaren(startdatum: string, einddatum: string | null, tot: string): string[] {
  const eind = einddatum ?? tot;
  const uit: string[] = [];
  let sj = schooljaar(startdatum);
  const laatste = schooljaar(eind < startdatum ? startdatum : eind);
  for (;;) {
    uit.push(sj);
    if (sj === laatste) break;
    const s = Number(sj.slice(0, 4)) + 1;
    sj = `${s}-${s + 1}`;
  }
  return uit;
}

/** Result in a schooljaar: the resultaat when the traject ended in it, else LOPEND. */
export function trajectResultaat(sj: string, einddatum: string | null, resultaat: string | null): string {
  if (einddatum !== null && resultaat !== null && schooljaar(einddatum) === sj) return resultaat;
  return "LOPEND";
}

export const RAPPORTGROEPEN: Record<string, string[]> = {
  TERUGGELEID_NAAR_ONDERWIJS: ["ONDERWIJS_GESTART", "ONDERWIJS_AANGEMELD"],
  ONDERWIJS_NIET_HAALBAAR: ["NIET_HAALBAAR_PROFIEL", "NIET_HAALBAAR_HULPVERLENING", "NIET_HAALBAAR_UITKERING"],
};

// ---------------------------------------------------------------- monitor

/** One jongere at one monitormoment, as in jikp_monitor.csv: what monitorStatus() reads. */
export interface MonitorJongere {
  moment: string;
  leeftijd: number;
  verhuisd: boolean;
  ingeschreven: boolean;
  startkwalificatie: boolean;
  werk: boolean;
  wajong: boolean;
  in_beeld_doorstroompunt: boolean;
  in_beeld_zorg: boolean;
  in_beeld_participatie: boolean;
}

export function monitorStatus(r: MonitorJongere): MonitorStatus {
  if (r.leeftijd >= maxLeeftijd(r.moment)) return "UIT_DOELGROEP_LEEFTIJD";
  if (r.verhuisd) return "UIT_DOELGROEP_VERHUISD";
  if (r.ingeschreven) return "ONDERWIJS";
  if (r.startkwalificatie) return "STARTKWALIFICATIE";
  if (r.werk || r.wajong) return "WERK";
  if (r.in_beeld_doorstroompunt) return "IN_BEELD_DOORSTROOMPUNT";
  if (r.in_beeld_zorg) return "IN_BEELD_ZORG";
  if (r.in_beeld_participatie) return "IN_BEELD_PARTICIPATIE";
  return "NIET_IN_BEELD";
}

export const SQL_MONITOR_STATUS = `(CASE
    WHEN leeftijd >= ${SQL_MAX_LEEFTIJD("moment")} THEN 'UIT_DOELGROEP_LEEFTIJD'
    WHEN verhuisd THEN 'UIT_DOELGROEP_VERHUISD'
    WHEN ingeschreven THEN 'ONDERWIJS'
    WHEN startkwalificatie THEN 'STARTKWALIFICATIE'
    WHEN werk OR wajong THEN 'WERK'
    WHEN in_beeld_doorstroompunt THEN 'IN_BEELD_DOORSTROOMPUNT'
    WHEN in_beeld_zorg THEN 'IN_BEELD_ZORG'
    WHEN in_beeld_participatie THEN 'IN_BEELD_PARTICIPATIE'
    ELSE 'NIET_IN_BEELD' END)`;

// ---------------------------------------------------------------- BSN elfproef

/** A 9-digit number that passes the BSN elfproef is almost surely a BSN. */
export function isBsn(waarde: string): boolean {
  if (!/^\d{9}$/.test(waarde)) return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += Number(waarde[i]) * (9 - i);
  som -= Number(waarde[8]);
  return som % 11 === 0 && waarde !== "000000000";
}

export const SQL_IS_BSN = (v: string) => {
  // TRY_CAST: DuckDB does not promise to evaluate the regex test first.
  const terms = Array.from({ length: 8 }, (_, i) => `${9 - i} * TRY_CAST(substr(${v}, ${i + 1}, 1) AS INTEGER)`);
  return `(regexp_full_match(${v}, '[0-9]{9}') AND ${v} <> '000000000' AND ` +
    `COALESCE((${terms.join(" + ")} - TRY_CAST(substr(${v}, 9, 1) AS INTEGER)) % 11 = 0, false))`;
};
