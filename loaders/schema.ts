// The input contract (docs/exports.md) as data: every export, its columns,
// their types and allowed codes. The validator, the staging step and the sample
// generator all read this one description, so a code added here is accepted everywhere.

export const ONDERWIJSSOORTEN = [
  "PO", "SBO", "SO", "VO", "PRO", "VSO", "VAVO", "MBO_BOL", "MBO_BBL", "MBO_OVERIG",
  "HO", "BUITENLAND", "GEEN",
] as const;
export const GESLACHTEN = ["M", "V", "X", "O"] as const;
export const VERZUIMSOORTEN = ["WETTELIJK", "LUXE", "OVERIG", "LRV", "ABSOLUUT"] as const;
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

export type KolomType =
  | { soort: "tekst" }                       // free text, e.g. melding_id
  | { soort: "pseudo_id" }                   // opaque pseudonym; 9-digit elfproef values refused
  | { soort: "gemeente" }                    // GMnnnn listed in regio.json
  | { soort: "datum" }                       // YYYY-MM-DD or DD-MM-YYYY
  | { soort: "maand" }                       // YYYY-MM
  | { soort: "geheel"; min?: number; max?: number }
  | { soort: "decimaal"; min?: number }      // . or , as decimal mark
  | { soort: "code"; codes: readonly string[] }
  | { soort: "jn" }                          // J or N
  | { soort: "schooljaar" };                 // 2022-2023

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
}

const code = (codes: readonly string[]): KolomType => ({ soort: "code", codes });
const jn: KolomType = { soort: "jn" };
const leeftijd: Kolom = { naam: "leeftijd", type: { soort: "geheel", min: 0, max: 120 } };
const persoon: Kolom[] = [
  { naam: "pseudo_id", type: { soort: "pseudo_id" } },
  { naam: "gemeente_code", type: { soort: "gemeente" } },
];

export const EXPORTS: ExportSpec[] = [
  {
    tabel: "jongeren", bestand: "jongeren.csv", lidmaatschapDatum: "peildatum", sleutel: ["peildatum", "pseudo_id"],
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
    kolommen: [
      { naam: "melding_id", type: { soort: "tekst" }, uniek: true },
      ...persoon,
      leeftijd,
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
    kolommen: [
      { naam: "vrijstelling_id", type: { soort: "tekst" }, uniek: true },
      ...persoon,
      leeftijd,
      { naam: "artikel", type: code(ARTIKELEN) },
      { naam: "besluit", type: code(BESLUITEN) },
      { naam: "begindatum", type: { soort: "datum" } },
      { naam: "einddatum", type: { soort: "datum" }, leegToegestaan: true },
    ],
  },
  {
    tabel: "vsv_trajecten", bestand: "vsv_trajecten.csv", lidmaatschapDatum: "startdatum",
    kolommen: [
      { naam: "traject_id", type: { soort: "tekst" }, uniek: true },
      ...persoon,
      leeftijd,
      { naam: "vsv_type", type: code(VSV_TYPES) },
      { naam: "startdatum", type: { soort: "datum" } },
      { naam: "einddatum", type: { soort: "datum" }, leegToegestaan: true },
      { naam: "resultaat", type: code(VSV_RESULTATEN), leegToegestaan: true },
    ],
  },
  {
    tabel: "jikp_monitor", bestand: "jikp_monitor.csv", lidmaatschapDatum: "moment", sleutel: ["moment", "pseudo_id"],
    kolommen: [
      { naam: "moment", type: { soort: "datum" } },
      ...persoon,
      leeftijd,
      { naam: "groep", type: code(GROEPEN) },
      { naam: "herkomst", type: code(HERKOMSTEN) },
      { naam: "cohort", type: { soort: "geheel", min: 1990, max: 2100 } },
      ...["verhuisd", "ingeschreven", "startkwalificatie", "werk", "wajong",
        "in_beeld_doorstroompunt", "in_beeld_zorg", "in_beeld_participatie"].map(
        (naam): Kolom => ({ naam, type: jn }),
      ),
    ],
  },
  {
    tabel: "cbs_risicoscores", bestand: "cbs_risicoscores.csv", sleutel: ["jaar", "gemeente_code"],
    kolommen: [
      { naam: "jaar", type: { soort: "geheel", min: 1990, max: 2100 } },
      { naam: "gemeente_code", type: { soort: "gemeente" } },
      { naam: "aantal_jongeren", type: { soort: "geheel", min: 0 } },
      { naam: "risicoscore", type: { soort: "decimaal", min: 0 } },
    ],
  },
  {
    tabel: "vsv_cijfers", bestand: "vsv_cijfers.csv", sleutel: ["schooljaar", "niveau", "code"],
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
      { naam: "schooljaar", type: { soort: "schooljaar" } },
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
