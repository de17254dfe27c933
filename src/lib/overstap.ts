// De overstap's codes, once: where jongeren come from (herkomst) and where they went
// (bestemming), in the order of the flow, with the words the site, the PDF and the Excel use.
// The mart (loaders/marts/overstap.ts) counts by them. Pure.

export const HERKOMSTEN = ["PRO", "VSO", "VO", "MBO_1"] as const;
/** In order of the flow: onderwijs first, then work, nothing, and out of sight. */
export const BESTEMMINGEN = ["MBO_1", "MBO_2", "MBO_3", "MBO_4", "MBO_ONBEKEND", "HO", "VO", "WERK", "GEEN", "OVERIG", "UIT_REGIO"] as const;

export const HERKOMST_LABEL: Record<string, string> = { PRO: "PrO", VSO: "VSO", VO: "VO (alle leerwegen)", MBO_1: "Mbo-1 (Entree)", ALLE: "Alle" };
export const BESTEMMING_LABEL: Record<string, string> = {
  MBO_1: "Mbo-1", MBO_2: "Mbo-2", MBO_3: "Mbo-3", MBO_4: "Mbo-4", MBO_ONBEKEND: "Mbo, niveau onbekend", HO: "Hbo/wo",
  VO: "Ander vo (vo, PrO, VSO, vavo)", WERK: "Werk, geen onderwijs", GEEN: "Geen onderwijs, geen werk bekend",
  OVERIG: "Overig onderwijs", UIT_REGIO: "Niet meer in de regio", TOTAAL: "Totaal",
};

/** A row of overstap.json (loaders/marts/overstap.ts), as the page reads it. */
export interface OverstapRij {
  /** The two peildata: in herkomst on `van`, no longer on `naar`. */
  van: string;
  naar: string;
  gemeente: string;
  herkomst: string;
  bestemming: string;
  jongeren: number | null;
  onderdrukt?: true;
}
