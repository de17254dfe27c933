// How a published table becomes a sheet that a person can edit: the one set of rules for
// every workbook (the reports' tabellen.xlsx, monitor.xlsx and verdeling.xlsx via exceljs in
// reports/xlsx.ts, and the site's downloads in src/components/downloads.ts).
//
//  - Sheet names people can read ("Doorstroompunt prev. resultaat", not the id cut off at
//    31 characters as "doorstroompunt_preventief_resul").
//  - A code column (PROCES_VERBAAL, MBO_BOL, 3A) becomes its label, with the code in its own
//    column beside it, so a filter reads Dutch and a formula can still match the code.
//  - Dates are dates (a peildatum "2024-10-15" is a date cell shown as 15 oktober 2024), a
//    month "2023-08" is the first of that month shown as "augustus 2023".
//  - Money has a € format, a percentage is a fraction with a % format (1,82 % is stored as
//    0.0182, not as 1.82), counts have thousands separators.
//  - A first sheet "Toelichting": title, source, date of the data, definitions and the
//    legend of the suppression mark.

export type Formaat = "tekst" | "geheel" | "decimaal1" | "decimaal2" | "procent" | "euro" | "datum" | "maand";

/** Excel number formats (the format codes are locale-neutral; Dutch Excel shows 1.234 and "oktober"). */
export const NUMMER_FORMAAT: Record<Formaat, string | undefined> = {
  tekst: undefined,
  geheel: "#,##0",
  decimaal1: "#,##0.0",
  decimaal2: "#,##0.00",
  procent: "0.00%",
  euro: '"€" #,##0;-"€" #,##0',
  datum: "d mmmm yyyy",
  maand: "mmmm yyyy",
};

/** Columns whose values are codes of a code list, shown as labels with the code beside. */
export const CODE_KOLOMMEN = new Set([
  "onderwijssoort", "doelgroep", "regeling", "verzuimsoort", "handhaving", "soort", "artikel", "resultaat",
  "rapportgroep", "categorie", "niveau", "functie", "status", "groep", "herkomst", "van", "naar", "bestemming", "indicator",
]);

/** The format of a column, by its key (the keys of docs/uitvoer.md). */
export function kolomFormaat(sleutel: string): Formaat {
  const k = sleutel.toLowerCase();
  if (/^(peildatum|moment|vorig_?moment|datum|melddatum|startdatum|einddatum)$/.test(k)) return "datum";
  if (k === "maand") return "maand";
  if (/(^|_)(bedrag|vaste_?voet|rijksbijdrage|gemeentelijk|regionaal|verschil_euro)(_|$)/.test(k)) return "euro";
  if (/percentage|aandeel|relatief/.test(k)) return "procent";
  if (/fte|risicoscore|^verwacht$/.test(k)) return "decimaal1";
  // A ratio and its interval (verwacht tegen waargenomen), a rate per 1.000 or per 100 (BBV).
  if (/^(verhouding|waarde|onder|boven)(\d+)?$/.test(k)) return "decimaal2";
  return "geheel";
}

/**
 * A value as the cell holds it. Percentages in the published tables are percentage points
 * (1.82 for 1,82 %) when the key says `percentage`; `aandeel`/`relatief` are already fractions.
 */
export function celWaarde(sleutel: string, waarde: unknown, formaat: Formaat = kolomFormaat(sleutel)): unknown {
  if (waarde === null || waarde === undefined) return waarde;
  if (formaat === "datum" && typeof waarde === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(waarde);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : waarde;
  }
  if (formaat === "maand" && typeof waarde === "string") {
    const m = /^(\d{4})-(\d{2})$/.exec(waarde);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : waarde;
  }
  if (formaat === "procent" && typeof waarde === "number" && /percentage/i.test(sleutel)) return waarde / 100;
  return waarde;
}

const KLEIN = new Set(["van", "en", "per", "naar", "de", "het", "in", "op", "met"]);
const AFKORTING: Record<string, string> = { vsv: "VSV", jikp: "JIKP", lrv: "LRV", fte: "fte", mbo: "MBO", vo: "VO", po: "PO", bbv: "BBV" };

/** "doorstroompunt_preventief_resultaat" → "Doorstroompunt preventief resultaat". */
export function leesbaar(id: string): string {
  const woorden = id.split(/[_\s]+/).filter(Boolean).map((w) => AFKORTING[w.toLowerCase()] ?? w.toLowerCase());
  if (woorden.length && !AFKORTING[woorden[0].toLowerCase()]) woorden[0] = woorden[0].charAt(0).toUpperCase() + woorden[0].slice(1);
  return woorden.join(" ");
}

/**
 * A sheet name of at most 31 characters without []:*?/\ that is unique (case-insensitive)
 * in `gebruikt`. Too long: the middle words are shortened ("preventief" → "prev."), longest
 * first; if that is not enough, the whole words that fit are kept; never a word cut off halfway.
 */
export function bladNaam(tekst: string, gebruikt: Set<string>): string {
  const schoon = tekst.replace(/[[\]:*?/\\]/g, " ").replace(/'/g, "").replace(/\s+/g, " ").trim() || "Blad";
  let woorden = schoon.split(" ");
  const lengte = () => woorden.join(" ").length;
  const midden = woorden.map((w, i) => ({ w, i })).filter(({ w, i }) => i > 0 && i < woorden.length - 1 && w.length > 5 && !KLEIN.has(w))
    .sort((a, b) => b.w.length - a.w.length || a.i - b.i);
  for (const { i } of midden) {
    if (lengte() <= 31) break;
    woorden[i] = `${woorden[i].slice(0, 4)}.`;
  }
  // Still too long: the whole words that fit, from the start (not shortened ones at the end).
  if (lengte() > 31) woorden = schoon.split(" ");
  while (lengte() > 31 && woorden.length > 1) woorden = woorden.slice(0, -1);
  let naam = woorden.join(" ").slice(0, 31).trim();
  const basis = naam;
  for (let n = 2; gebruikt.has(naam.toLowerCase()); n++) {
    const achter = ` (${n})`;
    naam = basis.slice(0, 31 - achter.length).trim() + achter;
  }
  gebruikt.add(naam.toLowerCase());
  return naam;
}

export interface Toelichting {
  /** What the workbook is ("Jaarverslag 2024-2025 — Regio X"). */
  titel: string;
  /** Where the numbers come from. */
  bron: string;
  /** The date of the data: the peildatum, the monitor moment, the budget year. */
  gegevens: string;
  /** The day the workbook was made, YYYY-MM-DD. */
  opgesteld?: string;
  /** Terms and how the numbers are counted. */
  definities: { term: string; uitleg: string }[];
  /** The legend of the suppression mark, or why nothing is suppressed. */
  onderdrukking: string;
  /** Any further lines (warnings, internal use). */
  extra?: { onderwerp: string; tekst: string }[];
}

/** The rows of the Toelichting sheet, in reading order. */
export function toelichtingRijen(t: Toelichting, datumTekst: (iso: string) => string): { onderwerp: string; tekst: string }[] {
  return [
    { onderwerp: "Wat", tekst: t.titel },
    { onderwerp: "Bron", tekst: t.bron },
    { onderwerp: "Gegevens", tekst: t.gegevens },
    ...(t.opgesteld ? [{ onderwerp: "Opgesteld op", tekst: datumTekst(t.opgesteld) }] : []),
    { onderwerp: "Afgeschermde aantallen", tekst: t.onderdrukking },
    { onderwerp: "Codes", tekst: "Waar een kolom een code bevat (bijvoorbeeld PROCES_VERBAAL of 3A), staat de omschrijving in de kolom zelf en de code in de kolom ernaast." },
    ...t.definities.map((d) => ({ onderwerp: d.term, tekst: d.uitleg })),
    ...(t.extra ?? []),
  ];
}
