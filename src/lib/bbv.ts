// The BBV-indicatoren for onderwijs (Besluit begroting en verantwoording): what gemeenten
// report in their begroting, as WaarStaatJeGemeente defines them. One definition each, shown
// beside the figures on the site and in the download. Pure.

export type BbvIndicator = "ABSOLUUT_VERZUIM" | "RELATIEF_VERZUIM" | "VSV";

/**
 * Inwoners "van 5–18 jaar": from 5 up to their 18th birthday (5 to 17 years old on the
 * peildatum), the ages of the leerplicht and the kwalificatieplicht.
 */
export const BBV_LEEFTIJD = { van: 5, totEnMet: 17 } as const;

export interface BbvDefinitie {
  indicator: BbvIndicator;
  label: string;
  eenheid: string;
  /** Per how many the value is given (1.000 or 100 = a percentage). */
  per: number;
  definitie: string;
  /** How this site counts it from the exports. */
  telling: string;
}

export const BBV_INDICATOREN: BbvDefinitie[] = [
  {
    indicator: "ABSOLUUT_VERZUIM", label: "Absoluut verzuim", eenheid: "per 1.000 inwoners van 5–18 jaar", per: 1000,
    definitie: "Het aantal leerplichtigen dat niet staat ingeschreven op een school, per 1.000 inwoners van 5 tot 18 jaar.",
    telling: "Verschillende jongeren jonger dan 18 met een melding absoluut verzuim (ABSOLUUT) in het schooljaar, gedeeld door de inwoners van 5 tot en met 17 jaar op de peildatum van het schooljaar (uit de DUO-levering), maal 1.000.",
  },
  {
    indicator: "RELATIEF_VERZUIM", label: "Relatief verzuim", eenheid: "per 1.000 inwoners van 5–18 jaar", per: 1000,
    definitie: "Het aantal leerplichtigen dat wel staat ingeschreven op een school, maar ongeoorloofd afwezig is, per 1.000 inwoners van 5 tot 18 jaar.",
    telling: "Verschillende jongeren jonger dan 18 met een melding van relatief verzuim (wettelijk, luxe, overig of langdurig relatief verzuim) in het schooljaar, gedeeld door de inwoners van 5 tot en met 17 jaar op de peildatum, maal 1.000.",
  },
  {
    indicator: "VSV", label: "Voortijdig schoolverlaters", eenheid: "% van de deelnemers", per: 100,
    definitie: "Het percentage van het totaal aantal leerlingen (12–23 jaar) dat voortijdig, dat wil zeggen zonder startkwalificatie, het onderwijs verlaat.",
    telling: "De officiële cijfers van OCW/DUO (vsv_cijfers.csv): nieuwe vsv'ers gedeeld door de deelnemers aan vo en mbo op 1 oktober, maal 100; voor de regio het officiële cijfer van de RMC-regio.",
  },
];

/** A row of bbv.json (loaders/marts/bbv.ts), as the page reads it. */
export interface BbvRij {
  /** GMnnnn, REGIO or LANDELIJK (vsv only). */
  gemeente: string;
  schooljaar: string;
  indicator: BbvIndicator;
  /** Leerplichtigen with verzuim, or nieuwe vsv'ers (null: suppressed). */
  teller: number | null;
  /** Inwoners of 5–18 on the peildatum, or deelnemers on 1 oktober (null: suppressed). */
  noemer: number | null;
  /** Per 1.000 or per 100, with the exact 95 % interval of the count; null without both counts. */
  waarde: number | null;
  onder: number | null;
  boven: number | null;
  onderdrukt?: true;
}
