// Charts and tables of the verdeling page. Every chart has a table with the same numbers.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { euro, getal, procent } from "../lib/format.js";
import type { Vergelijking, VerdeelRegel, VerdelingRij } from "../lib/verdeling.js";
import { toegankelijk } from "./toegankelijk.js";

const BLAUW = "#01689b";
const ORANJE = "#b4480c"; // loss: darker orange, distinguishable from blue also for colour-blind readers

/** Horizontal bars: the amount per gemeente, largest first. */
export function BedragChart(data: { naam: string; bedrag: number }[], { width }: { width: number }) {
  return toegankelijk(Plot.plot({
    width,
    height: Math.max(120, data.length * 28 + 40),
    marginLeft: 120,
    marginRight: 90,
    x: { label: "Bedrag (€)", grid: true, tickFormat: (d: number) => getal(d) },
    y: { label: null },
    marks: [
      Plot.barX(data, { x: "bedrag", y: "naam", sort: { y: "-x" }, fill: BLAUW }),
      Plot.text(data, { x: "bedrag", y: "naam", text: (d: { bedrag: number }) => euro(d.bedrag), dx: 4, textAnchor: "start" }),
      Plot.ruleX([0]),
    ],
  }), "Staafdiagram: bedrag per gemeente. De bedragen staan ook in de tabel.");
}

/**
 * The ticks of the difference axis: whole euros only (a difference of a few euros otherwise
 * gets ticks at 0,5 that read "-1 -1 -0 0 1" once rounded), and only 0 when nothing changes.
 */
export function verschilTicks(data: { verschil: number }[], width: number): number[] {
  const m = Math.max(0, ...data.map((d) => Math.abs(d.verschil)));
  if (m === 0) return [0];
  // A step of 1, 2 or 5 × 10^k euros, at least one euro, about one tick per 110 px.
  const ruw = (2 * m) / Math.max(2, Math.floor(width / 110));
  const macht = 10 ** Math.floor(Math.log10(ruw));
  const stap = Math.max(1, [1, 2, 5, 10].map((f) => f * macht).find((s) => s >= ruw)!);
  const uit: number[] = [];
  for (let t = -Math.floor(m / stap) * stap; t <= m; t += stap) uit.push(t === 0 ? 0 : t);
  return uit;
}

/** Diverging bars: gain (blue, right) or loss (orange, left) per gemeente. */
export function VerschilChart(data: Vergelijking[], { width }: { width: number }) {
  // Symmetric around 0, so gains and losses compare at a glance and "no change" shows no bars.
  const m = Math.max(1, ...data.map((d) => Math.abs(d.verschil)));
  const x = { label: "Verschil met de huidige verdeling (€)", grid: true, domain: [-m, m], ticks: verschilTicks(data, width), tickFormat: (d: number) => getal(d) };
  return toegankelijk(Plot.plot({
    width,
    height: Math.max(120, data.length * 28 + 40),
    marginLeft: 120,
    marginRight: 90,
    x,
    y: { label: null },
    color: { domain: ["meer", "minder"], range: [BLAUW, ORANJE] },
    marks: [
      Plot.barX(data, { x: "verschil", y: "naam", sort: { y: "-x" }, fill: (d: Vergelijking) => (d.verschil >= 0 ? "meer" : "minder") }),
      Plot.text(data, {
        x: "verschil", y: "naam",
        text: (d: Vergelijking) => (d.verschil > 0 ? "+" : "") + euro(d.verschil),
        dx: 4, textAnchor: "start",
        filter: (d: Vergelijking) => d.verschil >= 0,
      }),
      Plot.text(data, {
        x: "verschil", y: "naam",
        text: (d: Vergelijking) => euro(d.verschil),
        dx: -4, textAnchor: "end",
        filter: (d: Vergelijking) => d.verschil < 0,
      }),
      Plot.ruleX([0]),
    ],
  }), "Staafdiagram: verschil per gemeente met de huidige verdeling, meer naar rechts en minder naar links. De bedragen staan ook in de tabel.");
}

function plus(n: number | null, f: (x: number) => string): string {
  if (n === null) return "–";
  return (n > 0 ? "+" : "") + f(n);
}

/** The verdeling of a year as a table, with the change against the previous year. */
export function verdelingTabel(rijen: VerdelingRij[], opties: { jaar: number; vorigJaar: number | null; risicoscoreJaar: number }) {
  const totaal = rijen.reduce((a, g) => a + g.bedrag, 0);
  const vorig = opties.vorigJaar !== null;
  const vorigTotaal = vorig ? rijen.reduce((a, g) => a + (g.vorigBedrag ?? 0), 0) : null;
  const metVoet = rijen.some((g) => g.vasteVoet > 0);
  // One cell per template: htl parses several sibling <td>s outside a row unreliably.
  const koppen = [
    "Gemeente", `Risicoscore CBS ${opties.risicoscoreJaar}`, "Aandeel",
    ...(metVoet ? ["Vaste voet"] : []),
    `Bedrag ${opties.jaar}`,
    ...(vorig ? [`Bedrag ${opties.vorigJaar}`, "Verschil", "Verschil %"] : []),
  ];
  const cellen = (g: VerdelingRij) => [
    g.risicoscore === null ? "geen" : getal(g.risicoscore, 1),
    procent(g.aandeel),
    ...(metVoet ? [euro(g.vasteVoet)] : []),
    euro(g.bedrag),
    ...(vorig ? [g.vorigBedrag === null ? "deed niet mee" : euro(g.vorigBedrag), plus(g.verschil, euro), plus(g.verschilRelatief, (x) => procent(x))] : []),
  ];
  const totaalCellen = [
    "",
    procent(rijen.reduce((a, g) => a + g.aandeel, 0)),
    ...(metVoet ? [euro(rijen.reduce((a, g) => a + g.vasteVoet, 0))] : []),
    euro(totaal),
    ...(vorigTotaal !== null
      ? [euro(vorigTotaal), plus(totaal - vorigTotaal, euro), vorigTotaal ? plus((totaal - vorigTotaal) / vorigTotaal, (x) => procent(x)) : "–"]
      : []),
  ];
  return html`<div class="tabel-wrap" tabindex="0" role="region" aria-label=${`SPUK-verdeling ${opties.jaar} per gemeente`}><table class="cijfers">
<caption>SPUK-verdeling ${opties.jaar} per gemeente</caption>
<thead><tr>${koppen.map((k) => html`<th scope="col">${k}</th>`)}</tr></thead>
<tbody>${rijen.map((g) => html`<tr><th scope="row">${g.naam}</th>${cellen(g).map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">Totaal</th>${totaalCellen.map((c) => html`<td>${c}</td>`)}</tr></tfoot>
</table></div>`;
}

/** The scenario against the current verdeling as a table. */
export function scenarioTabel(v: Vergelijking[], regels: VerdeelRegel[]) {
  return html`<div class="tabel-wrap" tabindex="0" role="region" aria-label="Scenario tegenover de huidige verdeling"><table class="cijfers">
<caption>Scenario tegenover de huidige verdeling</caption>
<thead><tr>
  <th scope="col">Gemeente</th><th scope="col">Risicoscore</th><th scope="col">Aandeel</th><th scope="col">Vaste voet</th>
  <th scope="col">Nu</th><th scope="col">Scenario</th><th scope="col">Verschil</th><th scope="col">Verschil %</th>
</tr></thead>
<tbody>${v.map((g) => {
    const r = regels.find((x) => x.code === g.code);
    return html`<tr>
  <th scope="row">${g.naam}</th>
  <td>${r?.risicoscore == null ? "geen" : getal(r.risicoscore, 1)}</td>
  <td>${r ? procent(r.aandeel) : "–"}</td>
  <td>${r ? euro(r.vasteVoet) : "–"}</td>
  <td>${euro(g.was)}</td><td>${euro(g.wordt)}</td>
  <td>${plus(g.verschil, euro)}</td><td>${plus(g.verschilRelatief, (x) => procent(x))}</td>
</tr>`;
  })}</tbody>
</table></div>`;
}

/** Rows and columns of a scenario for the Excel/CSV download. */
export function scenarioExport(v: Vergelijking[], regels: VerdeelRegel[]) {
  const kolommen = [
    { sleutel: "code", kop: "Code" },
    { sleutel: "naam", kop: "Gemeente" },
    { sleutel: "risicoscore", kop: "Risicoscore", formaat: "decimaal1" as const },
    { sleutel: "aandeel", kop: "Aandeel", formaat: "procent" as const },
    { sleutel: "vasteVoet", kop: "Vaste voet (€)", formaat: "euro" as const },
    { sleutel: "was", kop: "Huidig bedrag (€)", formaat: "euro" as const },
    { sleutel: "wordt", kop: "Scenario (€)", formaat: "euro" as const },
    { sleutel: "verschil", kop: "Verschil (€)", formaat: "euro" as const },
    { sleutel: "verschilRelatief", kop: "Verschil (%)", formaat: "procent" as const },
  ];
  const rijen = [...v]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((g) => {
      const r = regels.find((x) => x.code === g.code);
      return { ...g, risicoscore: r?.risicoscore ?? null, aandeel: r?.aandeel ?? null, vasteVoet: r?.vasteVoet ?? null };
    });
  return { kolommen, rijen };
}
