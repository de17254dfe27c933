// A break in the series on a chart over schooljaren (a point scale): a dashed rule where it
// lies, between two schooljaren or on the one that straddles it, with a short Dutch label.
// The breaks themselves are src/lib/breuken.ts's; this only draws them.
import * as Plot from "@observablehq/plot";
import type { ReeksMarkering } from "../lib/breuken.js";

export const BREUK_KLEUR = "#8a6d00";

/**
 * The distance in pixels between two schooljaren on a point scale over [links, rechts]
 * with Plot's padding (align 0.5), so a rule can stand half-way between two of them.
 */
export function puntStap(aantal: number, links: number, rechts: number, padding: number): number {
  return (rechts - links) / Math.max(1, aantal - 1 + 2 * padding);
}

/**
 * The marks of the breaks: a rule and its label ("breuk" when narrow, else with the law's
 * name), the label towards the middle of the chart so it stays inside it.
 */
export function breukMarks(markeringen: readonly ReeksMarkering[], o: { stap: number; smal: boolean; jaren: readonly string[] }): Plot.Markish[] {
  const tekst = (m: ReeksMarkering) => (o.smal ? "breuk" : `breuk: ${m.breuk.naam}`);
  const rechts = (m: ReeksMarkering) => o.jaren.indexOf(m.schooljaar) - (m.ervoor ? 0.5 : 0) > (o.jaren.length - 1) / 2;
  return [false, true].flatMap((ervoor) => [false, true].flatMap((r) => {
    const ms = markeringen.filter((m) => m.ervoor === ervoor && rechts(m) === r);
    if (!ms.length) return [];
    const dx = ervoor ? -o.stap / 2 : 0;
    return [
      Plot.ruleX(ms, { x: "schooljaar", dx, stroke: BREUK_KLEUR, strokeDasharray: "4,3", strokeWidth: 1.5 }),
      Plot.text(ms, { x: "schooljaar", dx: dx + (r ? -4 : 4), frameAnchor: "top", dy: -12, textAnchor: r ? "end" : "start", text: tekst, fill: BREUK_KLEUR, fontSize: 11 }),
    ];
  }));
}
