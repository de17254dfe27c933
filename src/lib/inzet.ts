// Inzet: what the leerplichtambtenaren and doorstroomcoaches of a gemeente carry, per fte.
// One definition per figure, used by the mart (loaders/marts/inzet.ts), the jaarverslag's
// chapter (site and PDF) and the Excel. Pure.
//
// A figure per fte is derived: it is computed from a PUBLISHED count only. A suppressed count
// (null) gives no ratio, and neither does a gemeente without fte for the function.

export type InzetFunctie = "LEERPLICHTAMBTENAAR" | "DOORSTROOMCOACH";

/** The counts of the inzet table that have a figure per fte, each with its function. */
export type InzetMaat = "meldingen" | "trajecten" | "trajecten_open" | "trajecten_gestart" | "trajecten_afgesloten" | "teruggeleid";

export interface InzetDefinitie {
  maat: InzetMaat;
  functie: InzetFunctie;
  /** The count, as a column head. */
  label: string;
  /** The figure per fte, as a column head. */
  perFteLabel: string;
  /** How it is counted, in a sentence. */
  uitleg: string;
}

export const INZET_MATEN: readonly InzetDefinitie[] = [
  {
    maat: "meldingen", functie: "LEERPLICHTAMBTENAAR", label: "Verzuimmeldingen Leerplicht", perFteLabel: "Meldingen per fte leerplicht",
    uitleg: "Verzuimmeldingen van jongeren onder de 18 in het schooljaar, gedeeld door de fte leerplichtambtenaar.",
  },
  {
    maat: "trajecten_open", functie: "DOORSTROOMCOACH", label: "Lopende trajecten op de peildatum", perFteLabel: "Caseload (lopend per fte)",
    uitleg: "Trajecten met VSV'ers die op de peildatum liepen (begonnen, en niet vóór de peildatum afgesloten), gedeeld door de fte doorstroomcoach: de caseload.",
  },
  {
    maat: "trajecten", functie: "DOORSTROOMCOACH", label: "Trajecten in het schooljaar", perFteLabel: "Trajecten per fte",
    uitleg: "Alle trajecten met VSV'ers die in het schooljaar liepen, gedeeld door de fte doorstroomcoach.",
  },
  {
    maat: "trajecten_gestart", functie: "DOORSTROOMCOACH", label: "Trajecten gestart", perFteLabel: "Gestart per fte",
    uitleg: "Trajecten met een startdatum in het schooljaar, gedeeld door de fte doorstroomcoach.",
  },
  {
    maat: "trajecten_afgesloten", functie: "DOORSTROOMCOACH", label: "Trajecten afgesloten", perFteLabel: "Afgesloten per fte",
    uitleg: "Trajecten die in het schooljaar met een resultaat zijn afgesloten (alle trajecten min de lopende), gedeeld door de fte doorstroomcoach.",
  },
  {
    maat: "teruggeleid", functie: "DOORSTROOMCOACH", label: "Teruggeleid naar onderwijs", perFteLabel: "Teruggeleid per fte",
    uitleg: "Trajecten die in het schooljaar afgesloten zijn met de jongere terug in het onderwijs (onderwijs gestart of aangemeld), gedeeld door de fte doorstroomcoach.",
  },
];

/** The definition of a figure. */
export function inzetMaat(maat: InzetMaat): InzetDefinitie {
  return INZET_MATEN.find((d) => d.maat === maat)!;
}

/** The column of a figure per fte in the inzet table: `meldingen_per_fte`, … */
export const perFteKolom = (maat: InzetMaat): string => `${maat}_per_fte`;

/**
 * A published count per fte, to one decimal. Null when the count is not a number (suppressed
 * or absent) or there is no fte (0 or none): no ratio from a hidden count, none from nothing.
 */
export function perFte(aantal: unknown, fte: unknown): number | null {
  if (typeof aantal !== "number" || !Number.isFinite(aantal) || typeof fte !== "number" || !(fte > 0)) return null;
  return Math.round((aantal / fte) * 10) / 10;
}

/**
 * A count that is the difference of two published counts (afgesloten = all trajecten less
 * the lopende). Null unless both are published: a hidden part gives no difference.
 */
export function verschilVan(totaal: unknown, deel: unknown): number | null {
  if (typeof totaal !== "number" || typeof deel !== "number") return null;
  return totaal - deel;
}
