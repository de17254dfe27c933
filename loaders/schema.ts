// The input contract (docs/exports.md) as data: every export, its columns,
// their types and allowed codes. The validator, the staging step and the sample
// generator all read this one description, so a code added here is accepted everywhere.
import { VERZUIMSOORTEN } from "../src/lib/codes.ts";

export const ONDERWIJSSOORTEN = [
  "PO", "SBO", "SO", "VO", "PRO", "VSO", "VAVO", "MBO_BOL", "MBO_BBL", "MBO_OVERIG",
  "HO", "BUITENLAND", "GEEN",
] as const;
export const GESLACHTEN = ["M", "V", "X", "O"] as const;
// Shared with the pages (the jaarverslag's verzuim chapter), so defined in src/lib.
export { VERZUIMSOORTEN };
export const VERZUIM_RESULTATEN = [
  "IN_ONDERWIJS", "TERUG_NAAR_SCHOOL", "UITGESCHREVEN", "VERHUISD", "ZORG", "VRIJSTELLING", "OVERIG",
] as const;
export const HANDHAVINGEN = ["GEEN", "GEOORLOOFD", "WAARSCHUWING", "PROCES_VERBAAL", "HALT"] as const;
export const ARTIKELEN = ["3A", "5A", "5B", "5C", "11", "15"] as const;
export const BESLUITEN = ["TOEGEKEND", "AFGEWEZEN", "INGETROKKEN"] as const;
export const VSV_TYPES = ["NIEUW", "OUD"] as const;
export const VSV_RESULTATEN = [
  "ONDERWIJS_GESTART", "ONDERWIJS_AANGEMELD", "STARTKWALIFICATIE", "WERK", "WERKZOEKEND",
  "NIET_HAALBAAR_PROFIEL", "NIET_HAALBAAR_HULPVERLENING", "NIET_HAALBAAR_UITKERING",
  "INBURGERING", "BUITEN_DOELGROEP", "GEEN_BEHOEFTE", "NIET_BEREIKT",
] as const;
export const GROEPEN = ["JIKP", "VSV"] as const;
export const HERKOMSTEN = [
  "PRO", "VSO_ARBEID", "VSO_DAGBESTEDING", "VSO_VERVOLG", "VMBO_BB", "ENTREE", "MBO2", "OVERIG",
] as const;
export const NIVEAUS = ["LANDELIJK", "REGIO", "GEMEENTE"] as const;
export const FUNCTIES = ["LEERPLICHTAMBTENAAR", "DOORSTROOMCOACH", "JOBHUNTER"] as const;

/** Direct identifiers: a file with one of these columns is refused as a whole. */
export const VERBODEN_KOLOMMEN = [
  "bsn", "burgerservicenummer", "onderwijsnummer", "naam", "voornaam", "achternaam", "roepnaam",
  "geboortedatum", "adres", "straat", "huisnummer", "postcode", "telefoon", "email",
] as const;

/**
 * A column (of any name) of which more than this share of the filled values are 9-digit numbers
 * passing the BSN elfproef holds burgerservicenummers: the file is refused as a whole. A random
 * 9-digit number passes the elfproef 1 time in 11, so a column of other numbers stays far below.
 */
export const BSN_KOLOM_AANDEEL = 0.5;

/** No date in an export lies before 1 January of this year: the data of a regio begin long after. */
export const EERSTE_JAAR = 1990;

/** The contract's jongere: 4 up to and including 27 years old on the date a row is about. */
export const JONGERE_LEEFTIJD = { min: 4, max: 27 } as const;

/**
 * Plausibility of a date-like column (datum, schooljaar, jaartal): not before EERSTE_JAAR and
 * not after the day of the run plus `naVandaag` whole years. An export records what has
 * happened, so the default is 0: a date after today is a typing error (2099 for 2029). Only
 * what is planned may lie ahead, such as the einddatum of a vrijstelling.
 */
export interface Tijdgrens {
  naVandaag?: number;
}

export type KolomType =
  | { soort: "tekst" }                       // free text, e.g. melding_id
  | { soort: "pseudo_id" }                   // opaque pseudonym; 9-digit elfproef values refused
  | { soort: "gemeente" }                    // GMnnnn listed in regio.json
  | ({ soort: "datum" } & Tijdgrens)        // YYYY-MM-DD or DD-MM-YYYY
  | { soort: "maand" }                       // YYYY-MM; bounded through ExportSpec.leeftijdUit
  | { soort: "geheel"; min?: number; max?: number; jaartal?: Jaartal }
  | { soort: "decimaal"; min?: number }      // . or , as decimal mark
  | { soort: "code"; codes: readonly string[] }
  | { soort: "jn" }                          // J or N
  | ({ soort: "schooljaar" } & Tijdgrens);  // 2022-2023; stands for its 1 August

/** A whole number that is a year and stands for one day of it (MM-DD), bounded as a date is. */
export interface Jaartal extends Tijdgrens {
  dag: string;
}

export interface Kolom {
  naam: string;
  type: KolomType;
  /** Empty allowed (means "not applicable / still open / unknown"). */
  leegToegestaan?: boolean;
  /** Values must be unique within the file. */
  uniek?: boolean;
}

export interface ExportSpec {
  /** Staged table name, also the file name without .csv. */
  tabel: string;
  bestand: string;
  kolommen: Kolom[];
  /** The date column whose value must fall in the gemeente's membership of the regio. */
  lidmaatschapDatum?: string;
  /** Columns that together identify a row: a second row with the same values is refused. */
  sleutel?: string[];
  /** Rules between two columns of one row (see Vergelijking). */
  vergelijkingen?: Vergelijking[];
  /** The age from a birth month at a date (definitions.ts: SQL_LEEFTIJD) lies within bounds. */
  leeftijdUit?: { geboortemaand: string; op: string; min: number; max: number };
}

/**
 * On one row, `kolom` is at least (`minstens`) or at most (`hoogstens`) column `ander`: dates
 * by the day they stand for (a jaartal by its `dag`), numbers by value. Empty values pass.
 * `waarom` is told to the user with the finding.
 */
export interface Vergelijking {
  kolom: string;
  minstens?: string;
  hoogstens?: string;
  waarom?: string;
}

const code = (codes: readonly string[]): KolomType => ({ soort: "code", codes });
const jn: KolomType = { soort: "jn" };
/** `leeftijd` in whole years; the bounds per export are the ages the export can be about. */
const leeftijd = (min: number, max: number): Kolom => ({ naam: "leeftijd", type: { soort: "geheel", min, max } });
const persoon: Kolom[] = [
  { naam: "pseudo_id", type: { soort: "pseudo_id" } },
  { naam: "gemeente_code", type: { soort: "gemeente" } },
];

export const EXPORTS: ExportSpec[] = [
  {
    tabel: "jongeren", bestand: "jongeren.csv", lidmaatschapDatum: "peildatum", sleutel: ["peildatum", "pseudo_id"],
    leeftijdUit: { geboortemaand: "geboortemaand", op: "peildatum", ...JONGERE_LEEFTIJD },
    kolommen: [
      { naam: "peildatum", type: { soort: "datum" } },
      ...persoon,
      { naam: "geboortemaand", type: { soort: "maand" } },
      { naam: "geslacht", type: code(GESLACHTEN) },
      { naam: "onderwijssoort", type: code(ONDERWIJSSOORTEN) },
      { naam: "mbo_niveau", type: { soort: "geheel", min: 1, max: 4 }, leegToegestaan: true },
      { naam: "startkwalificatie", type: jn },
      { naam: "laatste_uitschrijving", type: { soort: "datum" }, leegToegestaan: true },
      { naam: "werk", type: jn, leegToegestaan: true },
    ],
  },
  {
    tabel: "verzuimmeldingen", bestand: "verzuimmeldingen.csv", lidmaatschapDatum: "melddatum",
    vergelijkingen: [{ kolom: "afsluitdatum", minstens: "melddatum" }],
    kolommen: [
      { naam: "melding_id", type: { soort: "tekst" }, uniek: true },
      ...persoon,
      // From 4, not 5: a school may also report the absence of an enrolled 4-year-old.
      leeftijd(JONGERE_LEEFTIJD.min, JONGERE_LEEFTIJD.max),
      { naam: "onderwijssoort", type: code(ONDERWIJSSOORTEN) },
      { naam: "verzuimsoort", type: code(VERZUIMSOORTEN) },
      { naam: "melddatum", type: { soort: "datum" } },
      { naam: "afsluitdatum", type: { soort: "datum" }, leegToegestaan: true },
      { naam: "resultaat", type: code(VERZUIM_RESULTATEN), leegToegestaan: true },
      { naam: "handhaving", type: code(HANDHAVINGEN), leegToegestaan: true },
    ],
  },
  {
    tabel: "vrijstellingen", bestand: "vrijstellingen.csv", lidmaatschapDatum: "begindatum",
    vergelijkingen: [{ kolom: "einddatum", minstens: "begindatum" }],
    kolommen: [
      { naam: "vrijstelling_id", type: { soort: "tekst" }, uniek: true },
      ...persoon,
      // A vrijstelling van de leerplicht: before 18, when the plicht ends. From 4: one granted for a
      // schooljaar may begin on 1 August before the 5th birthday.
      leeftijd(JONGERE_LEEFTIJD.min, 17),
      { naam: "artikel", type: code(ARTIKELEN) },
      { naam: "besluit", type: code(BESLUITEN) },
      // Planned: a besluit may start next schooljaar, and run until the end of the leerplicht
      // (for a 5-year-old 13 years on).
      { naam: "begindatum", type: { soort: "datum", naVandaag: 1 } },
      { naam: "einddatum", type: { soort: "datum", naVandaag: 15 }, leegToegestaan: true },
    ],
  },
  {
    tabel: "vsv_trajecten", bestand: "vsv_trajecten.csv", lidmaatschapDatum: "startdatum",
    vergelijkingen: [{ kolom: "einddatum", minstens: "startdatum" }],
    kolommen: [
      { naam: "traject_id", type: { soort: "tekst" }, uniek: true },
      ...persoon,
      leeftijd(JONGERE_LEEFTIJD.min, JONGERE_LEEFTIJD.max),
      { naam: "vsv_type", type: code(VSV_TYPES) },
      { naam: "startdatum", type: { soort: "datum" } },
      { naam: "einddatum", type: { soort: "datum" }, leegToegestaan: true },
      { naam: "resultaat", type: code(VSV_RESULTATEN), leegToegestaan: true },
    ],
  },
  {
    tabel: "jikp_monitor", bestand: "jikp_monitor.csv", lidmaatschapDatum: "moment", sleutel: ["moment", "pseudo_id"],
    vergelijkingen: [{ kolom: "cohort", hoogstens: "moment", waarom: "de jongere komt op 1 oktober van het cohortjaar in de monitor" }],
    kolommen: [
      { naam: "moment", type: { soort: "datum" } },
      ...persoon,
      leeftijd(JONGERE_LEEFTIJD.min, JONGERE_LEEFTIJD.max),
      { naam: "groep", type: code(GROEPEN) },
      { naam: "herkomst", type: code(HERKOMSTEN) },
      { naam: "cohort", type: { soort: "geheel", jaartal: { dag: "10-01" } } },
      ...["verhuisd", "ingeschreven", "startkwalificatie", "werk", "wajong",
        "in_beeld_doorstroompunt", "in_beeld_zorg", "in_beeld_participatie"].map(
        (naam): Kolom => ({ naam, type: jn }),
      ),
    ],
  },
  {
    tabel: "cbs_risicoscores", bestand: "cbs_risicoscores.csv", sleutel: ["jaar", "gemeente_code"],
    vergelijkingen: [{ kolom: "risicoscore", hoogstens: "aantal_jongeren", waarom: "de risicoscore is een som van kansen, één per jongere" }],
    kolommen: [
      // The CBS cohort: the pupils of 1 October of that year.
      { naam: "jaar", type: { soort: "geheel", jaartal: { dag: "10-01" } } },
      { naam: "gemeente_code", type: { soort: "gemeente" } },
      { naam: "aantal_jongeren", type: { soort: "geheel", min: 0 } },
      { naam: "risicoscore", type: { soort: "decimaal", min: 0 } },
    ],
  },
  {
    tabel: "vsv_cijfers", bestand: "vsv_cijfers.csv", sleutel: ["schooljaar", "niveau", "code"],
    vergelijkingen: [{ kolom: "vsv", hoogstens: "deelnemers", waarom: "de voortijdig schoolverlaters komen uit de deelnemers" }],
    kolommen: [
      { naam: "schooljaar", type: { soort: "schooljaar" } },
      { naam: "niveau", type: code(NIVEAUS) },
      // GMnnnn, the regio number or NL depending on niveau: checked as a cross-column rule.
      { naam: "code", type: { soort: "tekst" } },
      { naam: "deelnemers", type: { soort: "geheel", min: 0 } },
      { naam: "vsv", type: { soort: "geheel", min: 0 } },
    ],
  },
  {
    tabel: "inzet", bestand: "inzet.csv", sleutel: ["schooljaar", "gemeente_code", "functie"],
    kolommen: [
      // Planned capacity: the next schooljaar may be in it.
      { naam: "schooljaar", type: { soort: "schooljaar", naVandaag: 1 } },
      { naam: "gemeente_code", type: { soort: "gemeente" } },
      { naam: "functie", type: code(FUNCTIES) },
      { naam: "fte", type: { soort: "decimaal", min: 0 } },
    ],
  },
];

export function exportSpec(tabel: string): ExportSpec {
  const spec = EXPORTS.find((e) => e.tabel === tabel);
  if (!spec) throw new Error(`Onbekende export: ${tabel}`);
  return spec;
}
