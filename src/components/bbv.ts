// The BBV-indicatoren on the site: per gemeente beside the regio (and Nederland for vsv) over
// the schooljaren, with the 95 % marge, the definition and a download. Pure functions of
// bbv.json (suppressed once, in the loader).
import * as Plot from "@observablehq/plot";
import { getal, ONDERDRUKT } from "../lib/format.js";
import { toegankelijk } from "./toegankelijk.js";
import { REGIO, LANDELIJK } from "../lib/codes.js";
import { cijferTabel } from "./dashboard.js";
import { tovRegio } from "../lib/vergelijk.js";
import { BBV_INDICATOREN, type BbvIndicator, type BbvRij } from "../lib/bbv.js";
import type { Kolom } from "./downloads.js";

export { LANDELIJK, type BbvRij };

const definitie = (indicator: BbvIndicator) => BBV_INDICATOREN.find((d) => d.indicator === indicator)!;
const zoek = (rows: BbvRij[], g: string, sj: string, ind: BbvIndicator) => rows.find((r) => r.gemeente === g && r.schooljaar === sj && r.indicator === ind);
const decimalen = (ind: BbvIndicator) => (ind === "VSV" ? 2 : 1);

/** A value as text: the number, • when it needs a suppressed count, – when there is none. */
export function bbvTekst(r: BbvRij | undefined, minimumCel: number): string {
  if (!r) return "–";
  if (r.waarde == null) return r.onderdrukt && minimumCel > 1 ? ONDERDRUKT : "–";
  return getal(r.waarde, decimalen(r.indicator));
}

/** The schooljaren that have this indicator. */
export function bbvJaren(rows: BbvRij[], indicator: BbvIndicator): string[] {
  return [...new Set(rows.filter((r) => r.indicator === indicator).map((r) => r.schooljaar))].sort();
}

/** The gemeente beside the regio (and Nederland) over the schooljaren, each point with its marge. */
export function BbvTrend(rows: BbvRij[], { width, gemeente, indicator, naam, regio }: {
  width: number; gemeente: string; indicator: BbvIndicator; naam: string; regio: string;
}) {
  const d = definitie(indicator);
  const jaren = bbvJaren(rows, indicator);
  const wie = [[gemeente, naam], [REGIO, regio], ...(indicator === "VSV" ? [[LANDELIJK, "Nederland"]] : [])] as [string, string][];
  const reeks = jaren.flatMap((sj) => wie.map(([code, n]) => {
    const r = zoek(rows, code, sj, indicator);
    return { schooljaar: sj, wie: n, waarde: r?.waarde ?? null, onder: r?.onder ?? null, boven: r?.boven ?? null };
  }));
  const punten = reeks.filter((p) => p.waarde != null);
  const kleuren = ["#01689b", "#8a6d00", "#595959"].slice(0, wie.length);
  const dec = decimalen(indicator);
  return toegankelijk(Plot.plot({
    width, height: 260, marginLeft: 56, marginRight: width < 560 ? 80 : 110,
    x: { type: "point", label: "Schooljaar", domain: jaren, tickFormat: (sj: string) => (width < 560 ? sj.slice(2, 4) + "-" + sj.slice(7) : sj) },
    y: { label: d.eenheid, grid: true, zero: true, tickFormat: (n: number) => getal(n, indicator === "VSV" ? 1 : 0) },
    color: { domain: wie.map(([, n]) => n), range: kleuren },
    marks: [
      ...wie.map(([, n], i) => Plot.ruleX(punten.filter((p) => p.wie === n && p.onder != null), {
        x: "schooljaar", y1: "onder", y2: "boven", stroke: "wie", strokeWidth: 2, strokeOpacity: 0.5, dx: (i - (wie.length - 1) / 2) * 6, className: "marge",
      })),
      Plot.lineY(reeks, { x: "schooljaar", y: "waarde", stroke: "wie", strokeWidth: 2 }),
      Plot.dot(punten, { x: "schooljaar", y: "waarde", fill: "wie", symbol: "wie", r: 4 }),
      Plot.text(punten, Plot.selectLast({ x: "schooljaar", y: "waarde", z: "wie", text: "wie", dx: 8, textAnchor: "start", fill: "currentColor" })),
      Plot.tip(punten, Plot.pointer({
        x: "schooljaar", y: "waarde",
        title: (p: any) => `${p.wie} ${p.schooljaar}: ${getal(p.waarde, dec)}${p.onder != null ? ` (marge ${getal(p.onder, dec)}–${getal(p.boven, dec)})` : ""}`,
      })),
    ],
  }), `Lijngrafiek: ${d.label} ${d.eenheid}, ${wie.map(([, n]) => n).join(", ")}, per schooljaar, met bij elk punt de marge waarbinnen het cijfer door toeval kan liggen (95 %). De cijfers staan in de tabel onder de grafiek.`);
}

/** The chart's numbers; for verzuim also the gemeente against the rest of the regio. */
export function bbvTabel(rows: BbvRij[], opties: { gemeente: string; indicator: BbvIndicator; naam: string; minimumCel: number }) {
  const { gemeente, indicator, naam, minimumCel } = opties;
  const d = definitie(indicator);
  const vsv = indicator === "VSV";
  const marge = (r: BbvRij | undefined) => (r?.onder != null && r.boven != null
    ? `${getal(r.onder, decimalen(indicator))}–${getal(r.boven, decimalen(indicator))}` : "–");
  return cijferTabel({
    bijschrift: `${d.label} ${d.eenheid}: ${naam}, de regio${vsv ? " en Nederland" : ""}, met de marge (95 %)`,
    kolommen: ["Schooljaar", naam, "Marge", "Regio", ...(vsv ? ["Nederland"] : [`${naam} tegenover de rest van de regio`])],
    rijen: bbvJaren(rows, indicator).map((sj) => {
      const eigen = zoek(rows, gemeente, sj, indicator);
      const regio = zoek(rows, REGIO, sj, indicator);
      const laatste = vsv ? bbvTekst(zoek(rows, LANDELIJK, sj, indicator), minimumCel)
        : tovRegio({ aantal: eigen?.teller, noemer: eigen?.noemer }, { aantal: regio?.teller, noemer: regio?.noemer }) ?? "–";
      return [sj, bbvTekst(eigen, minimumCel), marge(eigen), bbvTekst(regio, minimumCel), laatste];
    }),
  });
}

/** All rows for the download, with names and the definitions. */
export function bbvDownload(rows: BbvRij[], naam: (code: string) => string): { kolommen: Kolom[]; rijen: Record<string, unknown>[] } {
  return {
    kolommen: [
      { sleutel: "indicator", kop: "Indicator" }, { sleutel: "eenheid", kop: "Eenheid" }, { sleutel: "schooljaar", kop: "Schooljaar" },
      { sleutel: "gemeente", kop: "Code" }, { sleutel: "naam", kop: "Gemeente" },
      { sleutel: "teller", kop: "Teller", formaat: "geheel" }, { sleutel: "noemer", kop: "Noemer", formaat: "geheel" },
      { sleutel: "waarde", kop: "Waarde" }, { sleutel: "onder", kop: "Marge 95 % onder" }, { sleutel: "boven", kop: "Marge 95 % boven" },
      { sleutel: "definitie", kop: "Definitie" },
    ],
    rijen: rows.map((r) => {
      const d = definitie(r.indicator);
      const mark = (v: number | null) => v ?? (r.onderdrukt ? ONDERDRUKT : null);
      return {
        indicator: d.label, eenheid: d.eenheid, schooljaar: r.schooljaar, gemeente: r.gemeente, naam: naam(r.gemeente),
        teller: mark(r.teller), noemer: mark(r.noemer), waarde: mark(r.waarde), onder: r.onder, boven: r.boven, definitie: d.definitie,
      };
    }),
  };
}
