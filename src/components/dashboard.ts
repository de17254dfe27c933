// Components of the dashboard and the gemeente pages: key-figure cards, trend charts and
// the tables that carry every chart's numbers (for screen readers, and for whoever wants
// the figures). Pure functions of their data, as in Framework's examples.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { getal, aantal, verschil, datum, label, maandKort, ONDERDRUKT } from "../lib/format.js";
import { toegankelijk } from "./toegankelijk.js";
import { REGIO } from "../lib/codes.js";
import { vorigSchooljaar } from "../lib/schooljaar.js";
import type { Gemeente, DoelgroepRij, KerncijferRij, MonitorRij } from "../lib/dashboard-data.js";
import { cijferMetInterval, type Cijfer } from "../lib/statistiek.js";
import { tovRegio, tovRegioTekst } from "../lib/vergelijk.js";
import { nietVergelijkbaar, noot, peildatumVan, type Dekking } from "../lib/lidmaatschap.js";
import { BREUKEN, breukenInReeks, breukenTussen, breukenTussenKerncijfers, breukTekst, deelCode, kerncijferOverJaar, reeksBreukTekst, segment } from "../lib/breuken.js";
import { breukMarks, puntStap } from "./breukmarkering.js";

export { toegankelijk };

export { REGIO };

export type { Gemeente, DoelgroepRij, KerncijferRij, MonitorRij };

/** The key figures, how people call them, and what they are counted per 1.000 of. */
export const MATEN: { maat: string; label: string; uitleg: string; noemer: string | null }[] = [
  { maat: "jongeren", label: "Jongeren 4–27 jaar", uitleg: "inwoners van 4 tot en met 27 jaar op de peildatum", noemer: null },
  { maat: "leerplichtig", label: "Leerplichtig", uitleg: "leerplichtige jongeren op de peildatum", noemer: "jongeren" },
  { maat: "kwalificatieplichtig", label: "Kwalificatieplichtig", uitleg: "kwalificatieplichtige jongeren op de peildatum", noemer: "jongeren" },
  { maat: "verzuimmeldingen", label: "Verzuimmeldingen", uitleg: "verzuimmeldingen Leerplicht (jonger dan 18) in het schooljaar", noemer: "leerplichtig" },
  { maat: "thuiszitters", label: "Thuiszitters", uitleg: "leerplichtige jongeren (jonger dan 18) die in het schooljaar thuiszaten, volgens de definitie van de regio (zie Over deze cijfers)", noemer: "leerplichtig" },
  { maat: "vsv_nieuw", label: "VSV nieuw", uitleg: "nieuwe voortijdig schoolverlaters op de peildatum", noemer: "jongeren" },
  { maat: "vsv_oud", label: "VSV oud", uitleg: "oud-voortijdig schoolverlaters op de peildatum", noemer: "jongeren" },
  { maat: "neet", label: "NEET", uitleg: "18–27 jaar, geen onderwijs en geen werk", noemer: "jongeren" },
  { maat: "vsv_benaderd", label: "VSV'ers benaderd", uitleg: "trajecten van het Doorstroompunt met VSV'ers in het schooljaar", noemer: "jongeren" },
  { maat: "jikp_niet_in_beeld", label: "Niet in beeld (monitor)", uitleg: "jongeren in de monitor JIKP die nergens in beeld zijn, laatste moment van het schooljaar", noemer: "jongeren" },
];

export function naamVan(gemeenten: Gemeente[], code: string, regio = "Regio"): string {
  return code === REGIO ? regio : gemeenten.find((g) => g.code === code)?.naam ?? code;
}

/** The schooljaar before (src/lib/schooljaar.ts); "" without a schooljaar, for page texts. */
export function vorigJaar(sj: string | null): string {
  return sj ? vorigSchooljaar(sj) : "";
}

function zoek(rows: KerncijferRij[], gemeente: string, schooljaar: string, maat: string): KerncijferRij | undefined {
  return rows.find((r) => r.gemeente === gemeente && r.schooljaar === schooljaar && r.maat === maat);
}

/** Suppressed: the row is there, its value is not. */
const isOnderdrukt = (r: { onderdrukt?: true; waarde: number | null } | undefined) => !!r?.onderdrukt && r.waarde == null;

/** Value per 1.000 of its denominator, or null when either is unknown or suppressed. */
export function per1000(rows: KerncijferRij[], gemeente: string, schooljaar: string, maat: string): number | null {
  const m = MATEN.find((x) => x.maat === maat);
  if (!m?.noemer) return null;
  const teller = zoek(rows, gemeente, schooljaar, maat)?.waarde;
  const noemer = zoek(rows, gemeente, schooljaar, m.noemer)?.waarde;
  if (teller == null || !noemer) return null;
  return (teller / noemer) * 1000;
}

/**
 * The rate per 1.000 with its 95 % interval (exact, for the count), or null as per1000. The
 * interval says how much the rate could differ by chance alone in a population this size.
 */
export function per1000Interval(rows: KerncijferRij[], gemeente: string, schooljaar: string, maat: string): Cijfer | null {
  const m = MATEN.find((x) => x.maat === maat);
  if (!m?.noemer) return null;
  const teller = zoek(rows, gemeente, schooljaar, maat)?.waarde;
  const noemer = zoek(rows, gemeente, schooljaar, m.noemer)?.waarde;
  if (teller == null || !noemer || !Number.isInteger(teller)) return null;
  return cijferMetInterval(teller, noemer);
}

/** A gemeente's rate against the rest of the regio: "hoger", "lager", "ongeveer gelijk" (within chance), or null. */
export function per1000TovRegio(rows: KerncijferRij[], gemeente: string, schooljaar: string, maat: string) {
  const noemer = MATEN.find((x) => x.maat === maat)?.noemer;
  if (!noemer || gemeente === REGIO) return null;
  const telling = (g: string) => ({ aantal: zoek(rows, g, schooljaar, maat)?.waarde, noemer: zoek(rows, g, schooljaar, noemer)?.waarde });
  return tovRegio(telling(gemeente), telling(REGIO));
}

/** The rate per 1.000 needs a suppressed count (its own or its denominator): it is suppressed too. */
export function per1000Onderdrukt(rows: KerncijferRij[], gemeente: string, schooljaar: string, maat: string): boolean {
  const noemer = MATEN.find((x) => x.maat === maat)?.noemer;
  return !!noemer && [maat, noemer].some((m) => isOnderdrukt(zoek(rows, gemeente, schooljaar, m)));
}

/** The rate per 1.000 as text: "12,3", ONDERDRUKT when it needs a suppressed count, "–" when there is none. */
export function per1000Tekst(rows: KerncijferRij[], gemeente: string, schooljaar: string, maat: string): string {
  const v = per1000(rows, gemeente, schooljaar, maat);
  return v != null ? getal(v, 1) : per1000Onderdrukt(rows, gemeente, schooljaar, maat) ? ONDERDRUKT : "–";
}

/** A count as published: the number, ONDERDRUKT when suppressed, "–" when absent. */
export function cel(r: { onderdrukt?: true } | undefined, waarde: number | null | undefined, minimumCel: number): string {
  if (!r) return "–";
  if (waarde == null) return r.onderdrukt && minimumCel > 1 ? ONDERDRUKT : "–";
  return getal(waarde);
}

/** The key-figure cards of one gemeente (or the regio) in one schooljaar, with the change. */
export function kerncijferKaarten(rows: KerncijferRij[], opties: {
  gemeente: string; schooljaar: string; minimumCel: number; vergelijk?: string; naamVergelijk?: string;
  /** What the regio rows cover per schooljaar (membership): a note, and no change where the years are unlike. */
  dekking?: Dekking[];
}) {
  const { gemeente, schooljaar, minimumCel, vergelijk } = opties;
  const vorig = vorigJaar(schooljaar);
  const anders = nietVergelijkbaar(opties.dekking, gemeente, schooljaar, vorig);
  const lid = noot(opties.dekking, gemeente, schooljaar);
  const kaarten = html`<div class="kaarten">${MATEN.map((m) => {
    const nu = zoek(rows, gemeente, schooljaar, m.maat);
    const toen = zoek(rows, gemeente, vorig, m.maat);
    // A change across a break in the series would show a new definition as growth.
    const bs = breukenTussenKerncijfers(m.maat, vorig, schooljaar, peildatumVan(opties.dekking, gemeente));
    const breuk = breukTekst(bs, datum);
    const ongelijk = anders ?? (toen && breuk ? breuk : null);
    // Like with like across the break where the data allow: the part counted as before it, in both years.
    const gelijk = !anders && toen ? bs.find((b) => b.gelijk?.kerncijfers.includes(m.maat))?.gelijk : undefined;
    const delta = nu?.waarde != null && toen?.waarde != null && !ongelijk ? nu.waarde - toen.waarde : null;
    const pct = delta != null && toen?.waarde ? delta / toen.waarde : null;
    const richting = delta == null ? "" : delta > 0 ? "↑ hoger" : delta < 0 ? "↓ lager" : "= gelijk";
    const eigen = per1000Tekst(rows, gemeente, schooljaar, m.maat);
    const ander = vergelijk ? per1000Tekst(rows, vergelijk, schooljaar, m.maat) : "–";
    const oordeel = vergelijk === REGIO ? per1000TovRegio(rows, gemeente, schooljaar, m.maat) : null;
    return html`<div class="kaart">
      <h3>${m.label}</h3>
      <p class="groot">${cel(nu, nu?.waarde, minimumCel)}</p>
      <p class="verschil">${delta == null
        // A change with a suppressed year would need that year's count: it is suppressed too.
        ? html`<span>${ongelijk ? `geen vergelijking met ${vorig}: ${ongelijk}` : isOnderdrukt(nu) || isOnderdrukt(toen) ? `verschil met ${vorig}: ${ONDERDRUKT}` : `geen vergelijking met ${vorig}`}</span>`
        : html`<span>${richting}: ${verschil(delta)}${pct != null ? ` (${verschil(pct * 100, 1)} %)` : ""} t.o.v. ${vorig}</span>`}</p>
      ${gelijk ? gelijkRegel(rows, { gemeente, schooljaar, vorig, maat: m.maat, minimumCel, deel: gelijk.deel, tekst: gelijk.deelTekst }) : ""}
      ${m.noemer && eigen !== "–" ? html`<p class="per1000">${eigen} per 1.000 ${m.noemer === "leerplichtig" ? "leerplichtigen" : "jongeren"}${
        ander !== "–" ? html`<br><span>${opties.naamVergelijk ?? "regio"}: ${ander}${oordeel ? ` — ${tovRegioTekst(oordeel)}` : ""}</span>` : ""}</p>` : ""}
      <p class="uitleg">${m.uitleg}</p>
    </div>`;
  })}</div>`;
  // Membership for part of the year (or a regio whose gemeenten changed): the note above the cards.
  return lid ? html`<div class="kaarten-met-noot"><p class="lid-noot">${lid}</p>${kaarten}</div>` : kaarten;
}

/**
 * A key figure's part counted as before a break (published cells, loaders/marts/gelijk.ts)
 * and its change: "Gelijk geteld (18–22 jaar, zoals vóór de wet): 900, ↑ hoger: +20 (+2,3 %) t.o.v. 2024-2025".
 */
export function gelijkRegel(rows: KerncijferRij[], o: { gemeente: string; schooljaar: string; vorig: string; maat: string; minimumCel: number; deel: string; tekst: string }) {
  const code = deelCode(o.maat, o.deel);
  const nu = zoek(rows, o.gemeente, o.schooljaar, code);
  const toen = zoek(rows, o.gemeente, o.vorig, code);
  if (!nu || !toen) return "";
  const delta = nu.waarde != null && toen.waarde != null ? nu.waarde - toen.waarde : null;
  const pct = delta != null && toen.waarde ? delta / toen.waarde : null;
  const richting = delta == null ? "" : delta > 0 ? "↑ hoger" : delta < 0 ? "↓ lager" : "= gelijk";
  return html`<p class="gelijk">Gelijk geteld (${o.tekst}): ${cel(nu, nu.waarde, o.minimumCel)}${delta != null
    ? `, ${richting}: ${verschil(delta)}${pct != null ? ` (${verschil(pct * 100, 1)} %)` : ""} t.o.v. ${getal(toen.waarde)} in ${o.vorig}`
    : `; verschil met ${o.vorig}: ${ONDERDRUKT}`}</p>`;
}

/**
 * Doelgroepen over the peildata of one gemeente (or the regio): one small chart per
 * doelgroep, each with its own scale, so a group of 600 is not flattened by one of 50.000.
 */
export function DoelgroepTrend(data: DoelgroepRij[], { width, gemeente, doelgroepen }: { width: number; gemeente: string; doelgroepen: string[] }) {
  const kolommen = width > 900 ? 3 : width > 560 ? 2 : 1;
  const breedte = Math.floor((width - (kolommen - 1) * 16) / kolommen);
  const grafieken = doelgroepen.map((d) => {
    // Suppressed peildata stay in the line, so it breaks there instead of bridging the gap.
    const reeks = data.filter((r) => r.gemeente === gemeente && r.doelgroep === d)
      .map((r) => ({ ...r, datum: new Date(r.peildatum), deel: segment(d, r.peildatum) }));
    const rijen = reeks.filter((r) => r.jongeren != null);
    // A break in the series: the line stops there, and a rule says what changed.
    const breuken = reeks.length ? breukenTussen(d, reeks[0].peildatum, reeks[reeks.length - 1].peildatum) : [];
    // Like with like: the part counted as before the break, dashed, on from the last point before it.
    const gelijkDeel = breuken.find((b) => b.gelijk?.doelgroepen.includes(d))?.gelijk?.deel;
    const voortgezet = gelijkDeel ? [
      ...rijen.filter((r) => r.deel === 0).slice(-1),
      ...data.filter((r) => r.gemeente === gemeente && r.doelgroep === deelCode(d, gelijkDeel) && r.jongeren != null).map((r) => ({ ...r, datum: new Date(r.peildatum) })),
    ] : [];
    const grafiek = toegankelijk(Plot.plot({
      width: breedte, height: 180, marginLeft: 52, marginTop: 28, marginRight: 16,
      title: label(d),
      x: { type: "utc", label: null, tickFormat: (t: Date) => maandKort(t.toISOString()), ticks: 3 },
      y: { label: null, grid: true, zero: true, tickFormat: (n: number) => getal(n), ticks: 4 },
      marks: [
        Plot.lineY(reeks, { x: "datum", y: "jongeren", z: "deel", stroke: "#01689b", strokeWidth: 2 }),
        Plot.dot(rijen, { x: "datum", y: "jongeren", fill: "#01689b", r: 3 }),
        Plot.ruleX(breuken, { x: (b: { datum: string }) => new Date(b.datum), stroke: "#8a6d00", strokeDasharray: "4,3" }),
        Plot.text(breuken, { x: (b: { datum: string }) => new Date(b.datum), frameAnchor: "top", dy: -14, text: () => "breuk", fill: "#8a6d00", fontSize: 10 }),
        ...(voortgezet.length > 1 ? [Plot.lineY(voortgezet, { x: "datum", y: "jongeren", stroke: "#01689b", strokeDasharray: "3,3", strokeWidth: 1.5 })] : []),
        Plot.tip(rijen, Plot.pointer({ x: "datum", y: "jongeren", title: (r: any) => `${label(d)}\n${datum(r.peildatum)}: ${getal(r.jongeren)}` })),
      ],
    }), `Lijngrafiek ${label(d)} per peildatum.${breuken.length ? ` ${breuken.map((b) => b.uitleg).join(" ")}` : ""}${
      voortgezet.length > 1 ? " De gestippelde lijn telt na de breuk zoals ervoor (tot de oude leeftijdsgrens)." : ""} De cijfers staan in de tabel onder de grafieken.`);
    return grafiek;
  });
  return html`<div class="klein-veelvoud" style="display:grid;grid-template-columns:repeat(${kolommen}, 1fr);gap:16px">${grafieken}</div>`;
}


/** JIKP and VSV'ers in the monitor (in the target group) per monitormoment. */
export function MonitorTrend(data: MonitorRij[], { width, gemeente }: { width: number; gemeente: string }) {
  // Suppressed moments stay in the lines, so a line breaks there instead of bridging the gap.
  const reeks = data.filter((d) => d.gemeente === gemeente)
    .map((d) => ({ ...d, datum: new Date(d.moment), naam: label(d.groep), deel: `${d.groep}-${segment(d.groep, d.moment)}` }));
  const rijen = reeks.filter((d) => d.jongeren != null);
  const momenten = reeks.map((d) => d.moment).sort();
  const breuken = momenten.length ? BREUKEN.filter((b) => ["JIKP", "VSV"].some((g) => breukenTussen(g, momenten[0], momenten[momenten.length - 1]).includes(b))) : [];
  return toegankelijk(Plot.plot({
    width, height: 260, marginLeft: 56, marginRight: 60,
    x: { type: "utc", label: "Monitormoment", tickFormat: (d: Date) => maandKort(d.toISOString()), ticks: 6 },
    y: { label: "Jongeren in de monitor", grid: true, zero: true, tickFormat: (n: number) => getal(n) },
    color: { domain: ["JIKP", "VSV"], range: ["#01689b", "#8a6d00"] },
    marks: [
      Plot.lineY(reeks, { x: "datum", y: "jongeren", z: "deel", stroke: "naam", strokeWidth: 2 }),
      Plot.ruleX(breuken, { x: (b: { datum: string }) => new Date(b.datum), stroke: "#8a6d00", strokeDasharray: "4,3" }),
      Plot.text(breuken, { x: (b: { datum: string }) => new Date(b.datum), frameAnchor: "top", dy: 4, dx: 4, textAnchor: "start", text: (b: { naam: string }) => `breuk: ${b.naam}`, fill: "#8a6d00", fontSize: 10 }),
      Plot.dot(rijen, { x: "datum", y: "jongeren", fill: "naam", symbol: "naam", r: 4 }),
      Plot.text(rijen, Plot.selectLast({ x: "datum", y: "jongeren", z: "naam", text: "naam", dx: 8, textAnchor: "start", fill: "currentColor" })),
      Plot.tip(rijen, Plot.pointer({ x: "datum", y: "jongeren", title: (d: any) => `${d.naam}, ${datum(d.moment)}: ${getal(d.jongeren)}` })),
    ],
  }), `Lijngrafiek: jongeren in een kwetsbare positie (JIKP) en VSV'ers in de monitor per monitormoment.${breuken.length ? ` ${breuken.map((b) => b.uitleg).join(" ")}` : ""} De cijfers staan in de tabel onder de grafiek.`);
}

export function monitorTabel(data: MonitorRij[], opties: { gemeente: string; naam: string; minimumCel: number }) {
  const rijen = data.filter((d) => d.gemeente === opties.gemeente).sort((a, b) => a.moment.localeCompare(b.moment) || a.groep.localeCompare(b.groep));
  return cijferTabel({
    bijschrift: `Monitor JIKP ${opties.naam}: jongeren in de monitor en niet in beeld`,
    kolommen: ["Monitormoment", "Groep", "In de monitor", "Niet in beeld"],
    rijen: rijen.map((r) => [datum(r.moment), label(r.groep), cel(r, r.jongeren, opties.minimumCel), cel(r, r.niet_in_beeld, opties.minimumCel)]),
  });
}

/**
 * A gemeente's rate per 1.000 beside the regio's, over the schooljaren, each point with its
 * 95 % interval as a vertical bar: where the bars of the gemeente and the regio overlap
 * much, a difference may be chance.
 */
export function VergelijkTrend(rows: KerncijferRij[], { width, gemeente, maat, naam, regio, dekking }: {
  width: number; gemeente: string; maat: string; naam: string; regio: string; dekking?: Dekking[];
}) {
  const jaren = [...new Set(rows.map((r) => r.schooljaar))].sort();
  // A break in the series: the lines stop there and a rule marks it (the cards' rule, on the regio's peildata).
  const breuken = kerncijferBreuken(maat, jaren, dekking);
  const marginLeft = 56, marginRight = 110;
  // A year without a rate stays in the line, so it breaks there instead of bridging the gap.
  const reeks = jaren.flatMap((sj) => [
    { schooljaar: sj, wie: naam, waarde: per1000(rows, gemeente, sj, maat), marge: per1000Interval(rows, gemeente, sj, maat) },
    { schooljaar: sj, wie: regio, waarde: per1000(rows, REGIO, sj, maat), marge: per1000Interval(rows, REGIO, sj, maat) },
  ]);
  const punten = reeks.filter((p) => p.waarde != null);
  const marges = punten.filter((p) => p.marge).map((p) => ({ ...p, onder: p.marge!.onder, boven: p.marge!.boven }));
  const margeTekst = (d: any) => (d.marge ? ` (marge ${getal(d.marge.onder, 1)}–${getal(d.marge.boven, 1)})` : "");
  return toegankelijk(Plot.plot({
    width, height: 260, marginLeft, marginRight, marginTop: breuken.markeringen.length ? 28 : 20,
    // Narrow: 2021-2022 as 21-22, so the schooljaren fit side by side (as the trend explorer).
    x: { type: "point", label: "Schooljaar", domain: jaren, tickFormat: (sj: string) => (width < 560 ? `${sj.slice(2, 4)}-${sj.slice(7, 9)}` : sj) },
    y: { label: "Per 1.000", grid: true, zero: true, tickFormat: (n: number) => getal(n, 0) },
    color: { domain: [naam, regio], range: ["#01689b", "#8a6d00"] },
    marks: [
      // The two bars of one year side by side, so the regio's does not hide the gemeente's.
      ...[naam, regio].map((wie, i) => Plot.ruleX(marges.filter((d) => d.wie === wie), {
        x: "schooljaar", y1: "onder", y2: "boven", stroke: "wie", strokeWidth: 2, strokeOpacity: 0.5, dx: i ? 4 : -4, className: "marge",
      })),
      Plot.lineY(reeks, { x: "schooljaar", y: "waarde", stroke: "wie", z: (d: any) => `${d.wie}-${breuken.segment.get(d.schooljaar)}`, strokeWidth: 2 }),
      ...breukMarks(breuken.markeringen, { stap: puntStap(jaren.length, marginLeft, width - marginRight, 0.5), smal: width < 560, jaren }),
      Plot.dot(punten, { x: "schooljaar", y: "waarde", fill: "wie", symbol: "wie", r: 4 }),
      Plot.text(punten, Plot.selectLast({ x: "schooljaar", y: "waarde", z: "wie", text: "wie", dx: 8, textAnchor: "start", fill: "currentColor" })),
      Plot.tip(punten, Plot.pointer({ x: "schooljaar", y: "waarde", title: (d: any) => `${d.wie} ${d.schooljaar}: ${getal(d.waarde, 1)} per 1.000${margeTekst(d)}` })),
    ],
  }), `Lijngrafiek: ${naam} en ${regio} per 1.000, per schooljaar, met bij elk punt de marge waarbinnen het cijfer door toeval kan liggen (95 %).${
    breuken.markeringen.length ? ` ${reeksBreukTekst(breuken)}` : ""} De cijfers staan in de tabel onder de grafiek.`);
}

/** The breaks in a key figure's series over schooljaren, by the cards' rule (breukenTussenKerncijfers) on the regio's peildata. */
export function kerncijferBreuken(maat: string, jaren: readonly string[], dekking?: Dekking[]) {
  const peil = peildatumVan(dekking, REGIO);
  return breukenInReeks(jaren, (a, b) => breukenTussenKerncijfers(maat, a, b, peil), (sj) => kerncijferOverJaar(maat, sj, peil));
}

/** VergelijkTrend's numbers: the rate with its marge, the regio's, and the difference in words. */
export function vergelijkTrendTabel(rows: KerncijferRij[], opties: { gemeente: string; maat: string; naam: string; schooljaren: string[]; dekking?: Dekking[] }) {
  const { gemeente, maat, naam } = opties;
  const breuk = reeksBreukTekst(kerncijferBreuken(maat, opties.schooljaren, opties.dekking));
  const marge = (g: string, sj: string) => {
    const c = per1000Interval(rows, g, sj, maat);
    return c ? `${getal(c.onder, 1)}–${getal(c.boven, 1)}` : "–";
  };
  return cijferTabel({
    bijschrift: `${MATEN.find((m) => m.maat === maat)?.label ?? maat} per 1.000, ${naam} en de regio, met de marge waarbinnen het cijfer door toeval kan liggen (95 %)${breuk ? `. ${breuk}` : ""}`,
    kolommen: ["Schooljaar", naam, "Marge", "Regio", `${naam} tegenover de rest van de regio`],
    rijen: opties.schooljaren.map((sj) => {
      const o = per1000TovRegio(rows, gemeente, sj, maat);
      return [sj, per1000Tekst(rows, gemeente, sj, maat), marge(gemeente, sj), per1000Tekst(rows, REGIO, sj, maat), o ?? "–"];
    }),
  });
}

/** An accessible table: caption, header cells with scope, numbers right-aligned. */
export function cijferTabel(opties: { bijschrift: string; kolommen: string[]; rijen: (string | number)[][]; kopKolom?: boolean }) {
  // The wrapper scrolls on narrow screens: focusable and named so keyboard users can scroll it.
  return html`<div class="tabel-wrap" tabindex="0" role="region" aria-label=${opties.bijschrift}><table class="cijfers">
    <caption>${opties.bijschrift}</caption>
    <thead><tr>${opties.kolommen.map((k) => html`<th scope="col">${k}</th>`)}</tr></thead>
    <tbody>${opties.rijen.map((r) => html`<tr>${r.map((v, i) =>
      i === 0 && opties.kopKolom !== false ? html`<th scope="row">${v}</th>` : html`<td>${v}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}

/** A chart's numbers, folded away under the chart. */
export function alsTabel(samenvatting: string, tabel: HTMLElement) {
  return html`<details class="als-tabel"><summary>${samenvatting}</summary>${tabel}</details>`;
}

/** The doelgroepen of one gemeente per peildatum as a table. */
export function doelgroepTabel(data: DoelgroepRij[], opties: { gemeente: string; doelgroepen: string[]; minimumCel: number; naam: string }) {
  const peildata = [...new Set(data.filter((d) => d.gemeente === opties.gemeente).map((d) => d.peildatum))].sort();
  return cijferTabel({
    bijschrift: `Doelgroepen ${opties.naam} per peildatum`,
    kolommen: ["Peildatum", ...opties.doelgroepen.map(label)],
    rijen: peildata.map((p) => [datum(p), ...opties.doelgroepen.map((d) => {
      const r = data.find((x) => x.gemeente === opties.gemeente && x.peildatum === p && x.doelgroep === d);
      return cel(r, r?.jongeren, opties.minimumCel);
    })]),
  });
}

/** All gemeenten and the regio side by side for one schooljaar. */
export function vergelijkTabel(rows: KerncijferRij[], opties: {
  schooljaar: string; gemeenten: Gemeente[]; regio: string; minimumCel: number; per1000?: boolean; dekking?: Dekking[];
}) {
  const d = opties.dekking?.find((x) => x.schooljaar === opties.schooljaar);
  // A gemeente that was a member for part of the year, or is counted on another peildatum, is marked; the caption says why.
  const deels = (c: string) => {
    const g = d?.gemeenten.find((x) => x.code === c);
    return g && (!g.heelJaar || g.peildatum !== d!.peildatum) ? " *" : "";
  };
  const uitleg = d ? noot(opties.dekking, REGIO, opties.schooljaar) : "";
  const codes = [...opties.gemeenten.map((g) => g.code).filter((c) => rows.some((r) => r.gemeente === c && r.schooljaar === opties.schooljaar)), REGIO];
  const maten = opties.per1000 ? MATEN.filter((m) => m.noemer) : MATEN;
  return cijferTabel({
    bijschrift: `Kerncijfers per gemeente, schooljaar ${opties.schooljaar}${opties.per1000 ? " (per 1.000)" : ""}${uitleg ? `. * ${uitleg}` : ""}`,
    kolommen: ["Gemeente", ...maten.map((m) => m.label)],
    rijen: codes.map((c) => [naamVan(opties.gemeenten, c, opties.regio) + (c === REGIO && uitleg ? " *" : deels(c)), ...maten.map((m) => {
      if (opties.per1000) return per1000Tekst(rows, c, opties.schooljaar, m.maat);
      const r = zoek(rows, c, opties.schooljaar, m.maat);
      return cel(r, r?.waarde, opties.minimumCel);
    })]),
  });
}

/**
 * The sentences under the doelgroep charts of one gemeente (or the regio): one per doelgroep,
 * or one sentence in all when there are fewer than two peildata to show a development (a
 * gemeente that joined recently), saying why.
 */
export function trendSamenvattingen(data: DoelgroepRij[], gemeente: string, naam: string, doelgroepen: string[], lid?: Gemeente): string {
  const peildata = [...new Set(data.filter((d) => d.gemeente === gemeente && d.jongeren != null).map((d) => d.peildatum))].sort();
  if (peildata.length < 2) {
    const sinds = lid?.vanaf && peildata.length && lid.vanaf > (data.map((d) => d.peildatum).sort()[0] ?? "") ? ` ${naam} is lid vanaf ${datum(lid.vanaf)}.` : "";
    return peildata.length
      ? `Voor ${naam} is er één peildatum (${datum(peildata[0])}): een ontwikkeling is er nog niet te tonen.${sinds}`
      : `Voor ${naam} zijn er geen gepubliceerde aantallen op een peildatum.`;
  }
  return doelgroepen.map((d) => trendSamenvatting(data, gemeente, naam, d)).join(" ");
}

/** A sentence that says what the trend chart shows, for those who cannot see it. */
export function trendSamenvatting(data: DoelgroepRij[], gemeente: string, naam: string, doelgroep: string): string {
  const rijen = data.filter((d) => d.gemeente === gemeente && d.doelgroep === doelgroep && d.jongeren != null)
    .sort((a, b) => a.peildatum.localeCompare(b.peildatum));
  if (rijen.length < 2) return `Voor ${naam} zijn te weinig peildata om een ontwikkeling te tonen.`;
  // Only within the last stretch without a break: across one the count is of another group.
  const laatste = rijen[rijen.length - 1];
  const deel = rijen.filter((r) => segment(doelgroep, r.peildatum) === segment(doelgroep, laatste.peildatum));
  const breuk = breukTekst(breukenTussen(doelgroep, rijen[0].peildatum, laatste.peildatum), datum);
  const eerste = deel[0];
  if (breuk && deel.length < 2) {
    const ervoor = rijen[rijen.length - 2];
    // Like with like where the data allow: the part counted as before the break, beside the whole.
    const b = breukenTussen(doelgroep, ervoor.peildatum, laatste.peildatum).find((x) => x.gelijk?.doelgroepen.includes(doelgroep));
    const gelijk = b?.gelijk ? data.find((r) => r.gemeente === gemeente && r.peildatum === laatste.peildatum && r.doelgroep === deelCode(doelgroep, b.gelijk!.deel)) : undefined;
    if (b?.gelijk && gelijk?.jongeren != null) {
      const v = gelijk.jongeren - (ervoor.jongeren as number);
      return `${label(doelgroep)} in ${naam}: ${getal(laatste.jongeren)} op ${datum(laatste.peildatum)} (${b.gelijk.heelTekst}; ${breuk}). ` +
        `Geteld als vóór de wet (${b.gelijk.deelTekst}): ${getal(gelijk.jongeren)} op ${datum(laatste.peildatum)} tegen ${getal(ervoor.jongeren)} op ${datum(ervoor.peildatum)} (${v >= 0 ? "+" : ""}${getal(v)}).`;
    }
    return `${label(doelgroep)} in ${naam}: ${getal(laatste.jongeren)} op ${datum(laatste.peildatum)}; ${breuk}, dus niet te vergelijken met ${getal(ervoor.jongeren)} op ${datum(ervoor.peildatum)}.`;
  }
  const d = (laatste.jongeren as number) - (eerste.jongeren as number);
  return `${label(doelgroep)} in ${naam}: ${getal(eerste.jongeren)} op ${datum(eerste.peildatum)} en ${getal(laatste.jongeren)} op ${datum(laatste.peildatum)} (${d >= 0 ? "+" : ""}${getal(d)})${breuk ? ` (${breuk}: eerdere peildata tellen een andere groep)` : ""}.`;
}

export { aantal };
