// De overstap on the site: where jongeren went who left PrO, VSO, VO or mbo-1 between two
// peildata, as stacked bars (shares) and a table with the numbers. Pure functions of
// overstap.json (suppressed once, in the loader).
import * as Plot from "@observablehq/plot";
import { getal, datum, ONDERDRUKT } from "../lib/format.js";
import { toegankelijk } from "./toegankelijk.js";
import { cijferTabel } from "./dashboard.js";
import type { OverstapRij } from "../lib/overstap.js";
import { REGIO, ALLE, TOTAAL } from "../lib/codes.js";

export type { OverstapRij };

import { HERKOMSTEN, BESTEMMINGEN, HERKOMST_LABEL, BESTEMMING_LABEL } from "../lib/overstap.js";

export { HERKOMSTEN, BESTEMMINGEN, HERKOMST_LABEL, BESTEMMING_LABEL };
// Mbo in blues, hbo/wo green, werk ochre, nothing and out of sight in reds and greys.
const KLEUREN = ["#9ecae1", "#6baed6", "#3182bd", "#08519c", "#c6dbef", "#39870c", "#8e7cc3", "#b38f00", "#a90061", "#bdbdbd", "#595959"];

const vind = (rows: OverstapRij[], o: { gemeente: string; van: string }, h: string, b: string) =>
  rows.find((r) => r.gemeente === o.gemeente && r.van === o.van && r.herkomst === h && r.bestemming === b);

/** A count as published: the number, 0 where no row (nobody went there), • when suppressed. */
function aantalTekst(r: OverstapRij | undefined, minimumCel: number): string {
  if (!r) return "0";
  if (r.jongeren == null) return minimumCel > 1 ? ONDERDRUKT : "–";
  return getal(r.jongeren);
}

/**
 * The bars that can be drawn as shares: all herkomsten together (ALLE) first, then each
 * herkomst; each with its total published and not 0, and at least one destination published
 * (per gemeente only ALLE has them: a bar of nothing but "afgeschermd" says nothing).
 */
export function volledigeHerkomsten(rows: OverstapRij[], o: { gemeente: string; van: string }): string[] {
  return [ALLE, ...HERKOMSTEN].filter((h) => {
    const totaal = vind(rows, o, h, TOTAAL);
    return totaal?.jongeren != null && totaal.jongeren > 0 && BESTEMMINGEN.some((b) => vind(rows, o, h, b)?.jongeren != null);
  });
}

/** The bar's name: ALLE is every herkomst together. */
const balkLabel = (h: string) => (h === ALLE ? "Alle opleidingen" : HERKOMST_LABEL[h]);

/**
 * Where the page starts: the latest period in which the regio's published destinations cover
 * at least half of its leavers (a half year may be nearly all small, hidden counts).
 */
export function laatsteGetoond<T extends { van: string }>(rows: OverstapRij[], overgangen: T[]): T | undefined {
  const met = overgangen.filter((o) => {
    const totaal = vind(rows, { gemeente: REGIO, van: o.van }, ALLE, TOTAAL)?.jongeren;
    const getoond = BESTEMMINGEN.reduce((s, b) => s + (vind(rows, { gemeente: REGIO, van: o.van }, ALLE, b)?.jongeren ?? 0), 0);
    return totaal != null && totaal > 0 && getoond >= totaal / 2;
  });
  return met.length ? met[met.length - 1] : overgangen[overgangen.length - 1];
}

const AFGESCHERMD_LABEL = "Afgeschermd (samen)";

/**
 * Per herkomst a bar of 100 %: the share of each bestemming among those who left it. The
 * suppressed parts together are one grey segment, the total less the published parts: that
 * difference anyone can compute from the published cells, so it gives nothing away. A herkomst
 * whose total is suppressed is left out; the table has all its numbers.
 */
export function OverstapBalken(rows: OverstapRij[], { width, gemeente, van }: { width: number; gemeente: string; van: string }) {
  const o = { gemeente, van };
  const herkomsten = volledigeHerkomsten(rows, o);
  const data = herkomsten.flatMap((h) => {
    const totaal = vind(rows, o, h, TOTAAL)!.jongeren as number;
    const delen = BESTEMMINGEN.map((b) => ({ herkomst: balkLabel(h), bestemming: BESTEMMING_LABEL[b], jongeren: vind(rows, o, h, b)?.jongeren ?? 0, totaal }));
    const verborgen = BESTEMMINGEN.some((b) => vind(rows, o, h, b)?.jongeren === null);
    const rest = totaal - delen.reduce((s, d) => s + (d.jongeren ?? 0), 0);
    return [...delen, ...(verborgen && rest > 0 ? [{ herkomst: balkLabel(h), bestemming: AFGESCHERMD_LABEL, jongeren: rest, totaal }] : [])];
  }).filter((d) => d.jongeren > 0);
  const domein = [...BESTEMMINGEN.map((b) => BESTEMMING_LABEL[b]), AFGESCHERMD_LABEL];
  const stapel = { offset: "normalize", order: domein, x: "jongeren", y: "herkomst", z: "bestemming" };
  return toegankelijk(Plot.plot({
    width, height: 60 + 44 * Math.max(1, herkomsten.length), marginLeft: width < 560 ? 124 : 140, marginRight: 16,
    x: { label: "Aandeel van wie de opleiding verliet (%) →", percent: true, domain: [0, 100], tickFormat: (n: number) => getal(n) },
    y: { label: null, domain: herkomsten.map((h) => balkLabel(h)) },
    color: { domain: domein, range: [...KLEUREN, "#e0e0e0"], legend: true, columns: width < 560 ? 1 : 3 } as any,
    marks: [
      Plot.barX(data, Plot.stackX({ ...stapel, fill: "bestemming", stroke: "white" } as any)),
      Plot.tip(data, Plot.pointer(Plot.stackX({
        ...stapel,
        title: (d: any) => `${d.herkomst} → ${d.bestemming}: ${getal(d.jongeren)} van ${getal(d.totaal)} (${getal((100 * d.jongeren) / d.totaal, 0)} %)`,
      } as any))),
    ],
  }), `Gestapelde staafgrafiek: per opleiding het aandeel van de jongeren dat die opleiding verliet tussen ${datum(van)} en de volgende peildatum, naar waar ze heen gingen; afgeschermde aantallen samen in grijs. De aantallen staan in de tabel onder de grafiek.`);
}

/** The numbers: one row per bestemming, a column per herkomst and all together. */
export function overstapTabel(rows: OverstapRij[], opties: { gemeente: string; van: string; naar: string; naam: string; minimumCel: number }) {
  const o = { gemeente: opties.gemeente, van: opties.van };
  const kolommen = [...HERKOMSTEN, ALLE];
  return cijferTabel({
    bijschrift: `${opties.naam}: jongeren die tussen ${datum(opties.van)} en ${datum(opties.naar)} hun opleiding verlieten, naar bestemming`,
    kolommen: ["Bestemming", ...kolommen.map((h) => HERKOMST_LABEL[h])],
    rijen: [...BESTEMMINGEN, TOTAAL].map((b) => [BESTEMMING_LABEL[b], ...kolommen.map((h) => aantalTekst(vind(rows, o, h, b), opties.minimumCel))]),
  });
}
