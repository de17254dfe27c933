// Breaks in the series: a change of law or definition from a date on, after which a figure
// counts something else than before. Written as data, once: the definitions (the Doorstroompunt
// age limit in loaders/definitions.ts) are taken from here, and every chart, key figure and
// "t.o.v. vorig jaar" that crosses a break marks it instead of showing it as growth.

export interface Breuk {
  id: string;
  /** First day on which the new rule holds (ISO). */
  datum: string;
  /** Short name, for a label on a chart. */
  naam: string;
  /** What changed, in a sentence. */
  uitleg: string;
  /** The key figures (dashboard maten), doelgroepen and monitor groepen it breaks. */
  maten: readonly string[];
  /**
   * Where the data allow a like-with-like comparison after the break: the doelgroepen also
   * published for the part counted as before (`deel`, e.g. 18–22) and the rest.
   */
  gelijk?: { doelgroepen: readonly string[]; deel: string; rest: string; deelTekst: string; heelTekst: string };
}

/** Wet van school naar duurzaam werk: the Doorstroompunt target group runs to 27, not 23. */
export const WET_SDW = {
  ingang: "2026-01-01",
  maxLeeftijdOud: 23,
  maxLeeftijdNieuw: 27,
} as const;

export const BREUKEN: readonly Breuk[] = [
  {
    id: "wet-sdw",
    datum: WET_SDW.ingang,
    naam: "Wet van school naar duurzaam werk",
    uitleg: `Vanaf 1 januari 2026 hoort een jongere tot ${WET_SDW.maxLeeftijdNieuw} jaar bij de doelgroep van het Doorstroompunt (daarvoor tot ${WET_SDW.maxLeeftijdOud} jaar): ` +
      "cijfers van daarna tellen een grotere groep en zijn niet te vergelijken met die van daarvoor.",
    maten: ["vsv_nieuw", "vsv_oud", "vsv_benaderd", "jikp_niet_in_beeld", "VSV_NIEUW", "VSV_OUD", "JIKP", "VSV"],
    // jongeren_telling.onder_oude_grens (loaders/definitions.ts) splits the VSV'ers by the old limit.
    gelijk: {
      doelgroepen: ["VSV_NIEUW", "VSV_OUD"], deel: `18_${WET_SDW.maxLeeftijdOud - 1}`, rest: `${WET_SDW.maxLeeftijdOud}_${WET_SDW.maxLeeftijdNieuw - 1}`,
      deelTekst: `18–${WET_SDW.maxLeeftijdOud - 1} jaar, zoals vóór de wet`, heelTekst: `18–${WET_SDW.maxLeeftijdNieuw - 1} jaar`,
    },
  },
];

/** The breaks of `maat` after `van` and on or before `tot` (ISO dates): what lies between two figures. */
export function breukenTussen(maat: string, van: string, tot: string, breuken: readonly Breuk[] = BREUKEN): Breuk[] {
  return breuken.filter((b) => b.maten.includes(maat) && b.datum > van && b.datum <= tot);
}

/**
 * The breaks between a figure of schooljaar `vorig` and one of `sj` (a figure over a
 * schooljaar, or on a peildatum in it): any break after the start of `vorig` up to the end of `sj`.
 */
export function breukenTussenJaren(maat: string, vorig: string, sj: string, breuken: readonly Breuk[] = BREUKEN): Breuk[] {
  return breukenTussen(maat, `${vorig.slice(0, 4)}-08-01`, `${sj.slice(5, 9)}-07-31`, breuken);
}

/** Key figures counted on the schooljaar's peildatum (a stock), not over the schooljaar. */
export const OP_PEILDATUM = ["jongeren", "leerplichtig", "kwalificatieplichtig", "vsv_nieuw", "vsv_oud", "neet"] as const;

/**
 * The breaks between a key figure of `vorig` and of `sj`: for one on a peildatum between the
 * two peildata (when known), else between the start of `vorig` and the end of `sj`.
 */
export function breukenTussenKerncijfers(maat: string, vorig: string, sj: string, peildatum?: (sj: string) => string | null | undefined,
  breuken: readonly Breuk[] = BREUKEN): Breuk[] {
  const a = peildatum?.(vorig);
  const b = peildatum?.(sj);
  if ((OP_PEILDATUM as readonly string[]).includes(maat) && a && b) return breukenTussen(maat, a, b, breuken);
  return breukenTussenJaren(maat, vorig, sj, breuken);
}

/** "breuk in de reeks: <naam> (vanaf 1 januari 2026)" for a change that crosses them; "" when none. */
export function breukTekst(bs: readonly Breuk[], datum: (iso: string) => string): string {
  return bs.map((b) => `breuk in de reeks: ${b.naam} (vanaf ${datum(b.datum)})`).join("; ");
}

/** The segment of a date: how many breaks of `maat` lie on or before it (a line is drawn per segment). */
export function segment(maat: string, d: string, breuken: readonly Breuk[] = BREUKEN): number {
  return breuken.filter((b) => b.maten.includes(maat) && b.datum <= d).length;
}

/** The code of a doelgroep's part after a break: VSV_OUD_18_22. */
export const deelCode = (doelgroep: string, deel: string) => `${doelgroep}_${deel}`;
