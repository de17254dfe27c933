// Dutch formatting, shared by pages (imported as ./lib/format.js) and reports.
// 1.234.567, € 1.423.884, 12,3 %, 15 oktober 2026.

const MAANDEN = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
];
const MAANDEN_KORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

// Made on first use: creating a number format loads locale data (~15 ms), which a module that
// only imports datum() (a data loader) need not pay.
const formatters = new Map<number, Intl.NumberFormat>();

/** A whole number with dots for thousands: 1.234.567. */
export function getal(n: number | null | undefined, decimalen = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  // One formatter per number of decimals: making one costs far more than formatting with it.
  let nf = formatters.get(decimalen);
  if (!nf) {
    nf = new Intl.NumberFormat("nl-NL", {
      minimumFractionDigits: decimalen, maximumFractionDigits: decimalen, useGrouping: "always",
    } as unknown as Intl.NumberFormatOptions);
    formatters.set(decimalen, nf);
  }
  return nf.format(n);
}

/** € 1.423.884 (whole euros unless decimals are asked for). */
export function euro(n: number | null | undefined, decimalen = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  const teken = n < 0 ? "-" : "";
  return `${teken}€ ${getal(Math.abs(n), decimalen)}`;
}

/** 12,3 % from a fraction 0.123. */
export function procent(fractie: number | null | undefined, decimalen = 1): string {
  if (fractie === null || fractie === undefined || Number.isNaN(fractie)) return "–";
  return `${getal(fractie * 100, decimalen)} %`;
}

/** +12 / -3 / 0, for changes. */
export function verschil(n: number | null | undefined, decimalen = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  return (n > 0 ? "+" : n < 0 ? "-" : "") + getal(Math.abs(n), decimalen);
}

/** 15 oktober 2026 from `2026-10-15`. */
export function datum(iso: string | null | undefined): string {
  if (!iso) return "–";
  const [j, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${d} ${MAANDEN[m - 1]} ${j}`;
}

/** okt 2026 from `2026-10-15`. */
export function maandKort(iso: string): string {
  const [j, m] = iso.slice(0, 7).split("-").map(Number);
  return `${MAANDEN_KORT[m - 1]} ${j}`;
}

export function maandNaam(maand: number): string {
  return MAANDEN[maand - 1];
}

/**
 * The one mark of a suppressed cell, wherever it appears: site, PDF, Excel and CSV. Not "<5":
 * a cell hidden so that a small count cannot be computed back (secondary suppression) may
 * well be 11, and a figure derived from a hidden cell is hidden too. JSON keeps `null` with
 * `"onderdrukt": true`.
 */
export const ONDERDRUKT = "•";

/** What a suppressed value is called in words: tooltips, sentences, chart descriptions. */
export const AFGESCHERMD = "afgeschermd";

/** The legend of ONDERDRUKT as one sentence, for every page, report and sheet that can show it. */
export function onderdruktLegenda(minimumCel: number): string {
  return `${ONDERDRUKT} = ${AFGESCHERMD}: een klein aantal (minder dan ${minimumCel}), of een aantal waaruit zo'n klein aantal terug te rekenen is.`;
}

/** A published count: a number, or ONDERDRUKT when suppressed (nothing is suppressed when minimumCel ≤ 1). */
export function aantal(n: number | null | undefined, minimumCel = 5, onderdrukt = false): string {
  if (onderdrukt || n === null || n === undefined) return minimumCel > 1 ? ONDERDRUKT : "–";
  return getal(n);
}

/** Codes as people read them: PROCES_VERBAAL → Proces-verbaal, MBO_BOL → MBO BOL. */
const LABELS: Record<string, string> = {
  LEERPLICHTIG: "Leerplichtig", KWALIFICATIEPLICHTIG: "Kwalificatieplichtig",
  VSV_NIEUW: "VSV nieuw", VSV_OUD: "VSV oud", NEET: "NEET", JIKP: "JIKP", VSV: "VSV",
  WETTELIJK: "Wettelijk verzuim", LUXE: "Luxe verzuim", OVERIG: "Overig", LRV: "Langdurig relatief verzuim",
  ABSOLUUT: "Absoluut verzuim", LEERPLICHT: "Leerplicht", DOORSTROOMPUNT: "Doorstroompunt",
  PO: "PO", SBO: "SBO", SO: "SO", VO: "VO", PRO: "PrO", VSO: "VSO", VAVO: "VAVO",
  MBO_BOL: "MBO BOL", MBO_BBL: "MBO BBL", MBO_OVERIG: "MBO overig", HO: "HO", BUITENLAND: "Buitenland", GEEN: "Geen onderwijs",
  GEOORLOOFD: "Geoorloofd", WAARSCHUWING: "Waarschuwing", PROCES_VERBAAL: "Proces-verbaal", HALT: "Halt",
  REGIO: "Regio", LANDELIJK: "Nederland", GEMEENTE: "Gemeente", LOPEND: "Lopend", DOORLOPEND: "Doorlopend",
  NIET_IN_BEELD: "Niet in beeld", UIT_DOELGROEP_LEEFTIJD: "Uit doelgroep (leeftijd)",
  UIT_DOELGROEP_VERHUISD: "Uit doelgroep (verhuisd)", ONDERWIJS: "Onderwijs", STARTKWALIFICATIE: "Startkwalificatie",
  WERK: "Werk", IN_BEELD_DOORSTROOMPUNT: "In beeld Doorstroompunt", IN_BEELD_ZORG: "In beeld zorg",
  IN_BEELD_PARTICIPATIE: "In beeld participatie",
  LEERPLICHTAMBTENAAR: "Leerplichtambtenaar", DOORSTROOMCOACH: "Doorstroomcoach", JOBHUNTER: "Jobhunter",
};

export function label(code: string): string {
  if (LABELS[code]) return LABELS[code];
  const s = code.replace(/_/g, " ").toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
