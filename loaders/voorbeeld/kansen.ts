// The sample's calendar (peildata, monitormomenten, schooljaren) and the weights and chances
// the generator (genereer.ts) draws the meldingen, vrijstellingen and their outcomes from.
import { VERZUIMSOORTEN } from "../schema.ts";
import { dag, iso } from "./datum.ts";
import type { Segment } from "./populatie.ts";

/**
 * Schooljaren 2021-2022 .. 2025-2026: the DUO peildatum 15 October (the VSV peildatum), plus the
 * latest levering of 15 March 2026, the first after the Wet SDW and Olst-Wijhe's joining.
 * A 15 March peildatum in every year would double jongeren.csv (see HALFJAARLIJKS).
 */
const HALFJAARLIJKS = false;
export const PEILDATA: number[] = [];
for (let j = 2021; j <= 2025; j++) {
  PEILDATA.push(dag(j, 10, 15));
  if (HALFJAARLIJKS || j === 2025) PEILDATA.push(dag(j + 1, 3, 15));
}
/** Peildata on which leerplichtigen and the doelgroep are counted for the inzet. */
export const OKTOBER = PEILDATA.map((d) => iso(d).slice(5) === "10-15");
/** Monitor moments: 1 February and 1 October, and 1 May 2026 (after the Wet SDW). */
export const MOMENTEN = [
  dag(2022, 2, 1), dag(2022, 10, 1), dag(2023, 2, 1), dag(2023, 10, 1), dag(2024, 2, 1),
  dag(2024, 10, 1), dag(2025, 2, 1), dag(2025, 10, 1), dag(2026, 2, 1), dag(2026, 5, 1),
];
export const SCHOOLJAREN = [2021, 2022, 2023, 2024, 2025];
export const INGESCHREVEN = (s: string) => s !== "GEEN" && s !== "BUITENLAND";
export const MBO = (s: string) => s === "MBO_BOL" || s === "MBO_BBL" || s === "MBO_OVERIG";

/** Month weights August..July: few meldingen in the summer, peaks in autumn and spring. */
export const MAANDEN_VERZUIM = [0.15, 1.0, 1.15, 1.3, 0.85, 1.15, 1.05, 1.3, 1.0, 0.95, 1.05, 0.3];
/** Luxeverzuim: around the holidays and above all in the weeks before the summer. */
export const MAANDEN_LUXE = [0.05, 0.4, 1.1, 0.4, 1.2, 0.35, 0.9, 0.45, 0.9, 1.0, 2.4, 2.2];

export type VerzuimSoort = (typeof VERZUIMSOORTEN)[number];
export const VERZUIM_MAX = 0.2;

/** Expected meldingen per leerling per schooljaar (all soorten except ABSOLUUT). */
export function verzuimKans(s: Segment, lft: number, plus18: boolean): number {
  if (plus18) return 0.13;
  switch (s.soort) {
    case "PO": return lft < 8 ? 0.014 : 0.022;
    case "SBO": return 0.045;
    case "SO": return 0.03;
    case "VO": return lft < 14 ? 0.036 : lft < 16 ? 0.062 : 0.075;
    case "PRO": return 0.085;
    case "VSO": return 0.06;
    case "VAVO": return 0.08;
    case "HO": return 0;
    default: return MBO(s.soort) ? 0.11 : 0;
  }
}

/** Split over WETTELIJK, LUXE, OVERIG, LRV by school type. */
export function verzuimSplit(s: Segment, lft: number, plus18: boolean): number[] {
  if (plus18) return [70, 0, 30, 0];
  switch (s.soort) {
    case "PO": return [30, 48, 17, 5];
    case "SBO": case "SO": case "PRO": case "VSO": return [45, 12, 25, 18];
    case "VO": return lft < 16 ? [54, 19, 19, 8] : [65, 8, 19, 8];
    default: return [66, 2, 22, 10];
  }
}

export const RESULTATEN = ["IN_ONDERWIJS", "TERUG_NAAR_SCHOOL", "UITGESCHREVEN", "VERHUISD", "ZORG", "VRIJSTELLING", "OVERIG"] as const;
export const RESULTAAT_GEWICHT: Record<string, number[]> = {
  WETTELIJK: [50, 28, 5, 3, 8, 1, 5],
  LUXE: [40, 55, 0, 0, 0, 0, 5],
  OVERIG: [55, 15, 0, 0, 20, 0, 10],
  LRV: [15, 30, 8, 0, 30, 10, 7],
  PLUS18: [45, 20, 25, 0, 5, 0, 5],
};
export const HANDHAVINGEN = ["", "GEEN", "GEOORLOOFD", "WAARSCHUWING", "PROCES_VERBAAL", "HALT"] as const;
export const HANDHAVING_GEWICHT: Record<string, number[]> = {
  WETTELIJK: [10, 55, 0, 18, 7, 10],
  LUXE: [5, 5, 15, 35, 40, 0],
  OVERIG: [55, 40, 0, 5, 0, 0],
  LRV: [40, 55, 0, 0, 5, 0],
  ABSOLUUT: [30, 50, 0, 10, 10, 0],
  PLUS18: [70, 30, 0, 0, 0, 0],
};
export const DUUR_MEDIAAN: Record<string, number> = { WETTELIJK: 35, LUXE: 18, OVERIG: 28, LRV: 120 };

export const OMSCHRIJVING: Record<string, string> = {
  "3A": "§ 3a; vijfjarige, ten hoogste vijf uur per week",
  "5A": "§ 5 onder a; lichamelijke of psychische ongeschiktheid",
  "5B": "§ 5 onder b; bedenkingen tegen de richting van het onderwijs",
  "5C": "§ 5 onder c; ingeschreven bij een school in het buitenland (Duitsland/België)",
  "11": "§ 11; gewichtige omstandigheden, één of meer dagen",
  "15": "§ 15; vervangende leerplicht / ander onderwijs",
};
