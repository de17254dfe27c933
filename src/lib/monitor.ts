// The Standaard monitor JIKP as data: the compact form in which the site receives it
// (`kubus`, `matrix`), the rows of the output contract it stands for, and the funnel from
// the whole population down to "nergens in beeld". Pure functions, shared by the mart
// (loaders/marts/monitor.ts), the command (reports/monitor.ts) and the page, so the site,
// monitor.json and monitor.xlsx show the same figures. Their only import is the mark of a
// suppressed cell (format.ts), so a suppressed funnel step reads as every suppressed cell.
//
// The status order itself is not defined here: it comes with the data (`statussen`), from
// loaders/definitions.ts.
import { ONDERDRUKT } from "./format.js";
import { REGIO, ALLE, TOTAAL } from "./codes.js";

// ALLE: total over groepen or herkomsten; TOTAAL: over statussen and the margins of the transition matrix (van/naar).
export { REGIO, ALLE, TOTAAL };
/** van: not in the monitor at the previous moment. */
export const NIEUW_IN_MONITOR = "NIEUW_IN_MONITOR";
/** naar: in the monitor at the previous moment, not at this one. */
export const UIT_MONITOR = "UIT_MONITOR";

export interface StatusRij { gemeente: string; groep: string; herkomst: string; status: string; jongeren: number | null; onderdrukt?: true }
export interface OvergangRij { gemeente: string; groep: string; van: string; naar: string; jongeren: number | null; onderdrukt?: true }

/** One monitormoment as in monitor.json (docs/uitvoer.md §3). */
export interface MonitorMoment {
  moment: string;
  vorigMoment: string | null;
  statussen: StatusRij[];
  overgangen: OvergangRij[];
}

/** Counts in status order; null = suppressed. */
export type Kubus = Record<string, Record<string, Record<string, (number | null)[]>>>;
/** Rows van × columns naar; null = suppressed. */
export type Matrix = (number | null)[][];

/** What the site loader writes (src/data/monitor.json.ts): all moments, suppressed, compact. */
export interface MonitorSite {
  regio: string;
  minimumCel: number;
  gemeenten: { code: string; naam: string }[];
  groepen: string[];
  herkomsten: string[];
  statussen: string[];
  van: string[];
  naar: string[];
  momenten: {
    moment: string;
    vorigMoment: string | null;
    /** Age from which a jongere is out of the doelgroep at this moment (23, or 27 from 2026). */
    maxLeeftijd: number;
    /** gemeente → groep → herkomst → counts in the order of `statussen`. */
    statussen: Kubus;
    /** gemeente → groep → van × naar; null for the first moment. */
    overgangen: Record<string, Record<string, Matrix>> | null;
    /** Jongeren with status NIET_IN_BEELD in the regio: how many are on the werklijst (suppressed like any count). */
    nietInBeeld: number | null;
  }[];
}

// ---------------------------------------------------------------- compact ⇄ rows

export function naarKubus(rijen: StatusRij[], statussen: string[]): Kubus {
  const k: Kubus = {};
  for (const r of rijen) {
    const g = (k[r.gemeente] ??= {});
    const gr = (g[r.groep] ??= {});
    const rij = (gr[r.herkomst] ??= statussen.map(() => 0));
    const i = statussen.indexOf(r.status);
    if (i < 0) throw new Error(`onbekende status ${r.status}`);
    rij[i] = r.jongeren;
  }
  return k;
}

export function uitKubus(k: Kubus, statussen: string[]): StatusRij[] {
  const uit: StatusRij[] = [];
  for (const [gemeente, groepen] of Object.entries(k)) {
    for (const [groep, herkomsten] of Object.entries(groepen)) {
      for (const [herkomst, tellingen] of Object.entries(herkomsten)) {
        statussen.forEach((status, i) => {
          const jongeren = tellingen[i];
          uit.push(jongeren === null
            ? { gemeente, groep, herkomst, status, jongeren, onderdrukt: true }
            : { gemeente, groep, herkomst, status, jongeren });
        });
      }
    }
  }
  return uit;
}

export function naarMatrices(rijen: OvergangRij[], van: string[], naar: string[]): Record<string, Record<string, Matrix>> {
  const m: Record<string, Record<string, Matrix>> = {};
  for (const r of rijen) {
    const g = (m[r.gemeente] ??= {});
    const mat = (g[r.groep] ??= van.map(() => naar.map(() => 0)));
    const i = van.indexOf(r.van);
    const j = naar.indexOf(r.naar);
    if (i < 0 || j < 0) throw new Error(`onbekende overgang ${r.van} → ${r.naar}`);
    mat[i][j] = r.jongeren;
  }
  return m;
}

export function uitMatrices(m: Record<string, Record<string, Matrix>>, van: string[], naar: string[]): OvergangRij[] {
  const uit: OvergangRij[] = [];
  for (const [gemeente, groepen] of Object.entries(m)) {
    for (const [groep, mat] of Object.entries(groepen)) {
      van.forEach((v, i) => naar.forEach((n, j) => {
        const jongeren = mat[i][j];
        uit.push(jongeren === null
          ? { gemeente, groep, van: v, naar: n, jongeren, onderdrukt: true }
          : { gemeente, groep, van: v, naar: n, jongeren });
      }));
    }
  }
  return uit;
}

/** One moment of the site data back in the shape of monitor.json. */
export function momentUitSite(data: MonitorSite, moment: string): MonitorMoment | null {
  const m = data.momenten.find((x) => x.moment === moment);
  if (!m) return null;
  return {
    moment: m.moment,
    vorigMoment: m.vorigMoment,
    statussen: uitKubus(m.statussen, data.statussen),
    overgangen: m.overgangen ? uitMatrices(m.overgangen, data.van, data.naar) : [],
  };
}

// ---------------------------------------------------------------- funnel

/** Names of the funnel steps of trechter(), for the page and the workbook. */
export const STAP_NAMEN: Record<string, string> = {
  TOTAAL: "Alle jongeren in de monitor",
  IN_DOELGROEP: "In de doelgroep (niet te oud, niet verhuisd)",
  ZONDER_ONDERWIJS: "Niet in onderwijs",
  ZONDER_STARTKWALIFICATIE: "Zonder startkwalificatie",
  ZONDER_WERK: "Zonder werk of Wajong",
  ZONDER_IN_BEELD_DOORSTROOMPUNT: "Niet in beeld bij het Doorstroompunt",
  ZONDER_IN_BEELD_ZORG: "Niet in beeld bij zorg",
  ZONDER_IN_BEELD_PARTICIPATIE: "Niet in beeld bij participatie = nergens in beeld",
};

/**
 * A published count as an interval: exact, or at least 1 when suppressed (a 0 is always
 * shown). Not at most minimumCel-1: secondary suppression hides larger counts too, and the
 * published table does not say which hidden count is which.
 */
export interface Interval { min: number; max: number }

export function alsInterval(n: number | null | undefined): Interval {
  if (n === null || n === undefined) return { min: 1, max: Infinity };
  return { min: n, max: n };
}

export interface TrechterStap extends Interval {
  /** The status that falls off after this step (null for the last step). */
  afvallend: string[];
  /** Short key of the step, e.g. "IN_DOELGROEP" or "ZONDER_ONDERWIJS". */
  stap: string;
  /** The step is published (min = max); otherwise it is suppressed: { min: 1, max: Infinity }. */
  exact: boolean;
}

/**
 * The funnel from the whole population to "nergens in beeld": every step removes the
 * statuses of the monitor order in turn (the two UIT_DOELGROEP statuses at once, giving the
 * doelgroep). The first step is the published TOTAAL; every later step is the sum of the
 * published statuses that remain, and is suppressed as soon as one of them is. Never the
 * total minus the statuses removed: that would give back what suppression hides (with two
 * hidden cells that add up to 2, "nergens in beeld: 1"), so a step shows no more than the
 * published cells it is made of.
 *
 * @param tellingen counts of one gemeente/groep/herkomst in the order of `statussen`
 * @param statussen the monitor order followed by TOTAAL
 */
export function trechter(tellingen: (number | null)[], statussen: string[]): TrechterStap[] {
  const volgorde = statussen.filter((s) => s !== TOTAAL);
  const cel = (s: string) => tellingen[statussen.indexOf(s)] ?? null;
  const som = (ss: string[]) => (ss.some((s) => cel(s) === null) ? null : ss.reduce((a, s) => a + cel(s)!, 0));

  // Steps: the statuses that are removed before each step.
  const uitDoelgroep = volgorde.filter((s) => s.startsWith("UIT_DOELGROEP"));
  const rest = volgorde.filter((s) => !s.startsWith("UIT_DOELGROEP"));
  const stappen: { stap: string; weg: string[] }[] = [{ stap: TOTAAL, weg: [] }];
  if (uitDoelgroep.length) stappen.push({ stap: "IN_DOELGROEP", weg: [...uitDoelgroep] });
  let weg = [...uitDoelgroep];
  // Every status except the last (NIET_IN_BEELD) removes a group; what remains at the end is that last status.
  for (const s of rest.slice(0, -1)) {
    weg = [...weg, s];
    stappen.push({ stap: `ZONDER_${s}`, weg });
  }

  return stappen.map(({ stap, weg }, k) => {
    const jongeren = stap === TOTAAL && statussen.includes(TOTAAL) ? cel(TOTAAL) : som(volgorde.filter((s) => !weg.includes(s)));
    const volgende = stappen[k + 1];
    return {
      stap,
      afvallend: volgende ? volgende.weg.filter((s) => !weg.includes(s)) : [],
      ...alsInterval(jongeren), exact: jongeren !== null,
    };
  });
}

/** A funnel step as text: "1.234", or ONDERDRUKT when one of its cells is suppressed. */
export function stapTekst(s: { min: number; max: number }, getal: (n: number) => string = String): string {
  return s.min === s.max ? getal(s.min) : ONDERDRUKT;
}

/** The statuses of jongeren in the doelgroep (not UIT_DOELGROEP_*), in order. */
export function inDoelgroep(statussen: string[]): string[] {
  return statussen.filter((s) => s !== TOTAAL && !s.startsWith("UIT_DOELGROEP"));
}
