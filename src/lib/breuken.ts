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
  gelijk?: {
    doelgroepen: readonly string[];
    /** The key figures also published as that part (vsv_benaderd_18_22), from the schooljaar before the break on. */
    kerncijfers: readonly string[];
    /** The part counts the ages below this one (the old limit). */
    onder: number;
    deel: string; rest: string; deelTekst: string; heelTekst: string;
  };
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
      doelgroepen: ["VSV_NIEUW", "VSV_OUD"], kerncijfers: ["vsv_nieuw", "vsv_oud", "vsv_benaderd", "jikp_niet_in_beeld"], onder: WET_SDW.maxLeeftijdOud, deel: `18_${WET_SDW.maxLeeftijdOud - 1}`, rest: `${WET_SDW.maxLeeftijdOud}_${WET_SDW.maxLeeftijdNieuw - 1}`,
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

/** Whether a key figure of `sj` counts over the whole schooljaar (not on a known peildatum). */
export function kerncijferOverJaar(maat: string, sj: string, peildatum?: (sj: string) => string | null | undefined): boolean {
  return !((OP_PEILDATUM as readonly string[]).includes(maat) && peildatum?.(sj));
}

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

/** Where a break lies in a series over schooljaren: between `schooljaar` and the one before, or in it. */
export interface ReeksMarkering {
  breuk: Breuk;
  schooljaar: string;
  /** true: between the schooljaar before and this one; false: this schooljaar lies across it (its figure counts both rules). */
  ervoor: boolean;
}

export interface ReeksBreuken {
  /** Per schooljaar its stretch without a break (a line is drawn per stretch). */
  segment: Map<string, number>;
  markeringen: ReeksMarkering[];
}

/**
 * The breaks in a series of schooljaren (in order), with `tussen` the rule for two figures
 * (breukenTussenKerncijfers for a key figure, breukenTussen on the monitor's moments). A break
 * that lies between a year and the one before and also between it and the one after lies in
 * that year: a figure over a schooljaar that straddles it compares with neither neighbour.
 */
export function breukenInReeks(jaren: readonly string[], tussen: (vorig: string, sj: string) => readonly Breuk[],
  /** Whether the figure of a schooljaar counts over the whole schooljaar (a flow): a break in it lies in that year. */
  overJaar: (sj: string) => boolean = () => false): ReeksBreuken {
  const segment = new Map<string, number>();
  const paren = new Map<string, { breuk: Breuk; i: number[] }>();
  jaren.forEach((sj, i) => {
    if (i === 0) { segment.set(sj, 0); return; }
    const bs = tussen(jaren[i - 1], sj);
    segment.set(sj, segment.get(jaren[i - 1])! + bs.length);
    for (const b of bs) {
      if (!paren.has(b.id)) paren.set(b.id, { breuk: b, i: [] });
      paren.get(b.id)!.i.push(i);
    }
  });
  const binnen = (b: Breuk, sj: string | undefined) => !!sj && overJaar(sj) && b.datum > `${sj.slice(0, 4)}-08-01` && b.datum <= `${sj.slice(5, 9)}-07-31`;
  const markeringen = [...paren.values()].map(({ breuk, i }) => {
    if (i.length >= 2 && i[1] === i[0] + 1) return { breuk, schooljaar: jaren[i[0]], ervoor: false };
    // Only one neighbour in the series: the year that holds the break still straddles it.
    if (binnen(breuk, jaren[i[0]])) return { breuk, schooljaar: jaren[i[0]], ervoor: false };
    if (binnen(breuk, jaren[i[0] - 1])) return { breuk, schooljaar: jaren[i[0] - 1], ervoor: false };
    return { breuk, schooljaar: jaren[i[0]], ervoor: true };
  });
  return { segment, markeringen };
}

/** The sentence on a series' breaks, where they lie and what changed: "" without one. */
export function reeksBreukTekst(r: ReeksBreuken): string {
  const jaren = [...r.segment.keys()];
  return r.markeringen.map((m) => `Breuk in de reeks (${m.breuk.naam}) ` +
    (m.ervoor ? `tussen ${jaren[jaren.indexOf(m.schooljaar) - 1]} en ${m.schooljaar}` : `in ${m.schooljaar}, dat deels voor en deels na de wijziging telt`) +
    `: ${m.breuk.uitleg}`).join(" ");
}
