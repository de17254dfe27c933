// The map of the regio's gemeenten for one key figure per 1.000: a schematic tile map (tiles
// from regio.json or laid out alphabetically by the loader), or the regio's own boundaries
// when it put grenzen.geojson in the data directory. Every tile or area carries its value as
// text, so nothing is told by colour alone, and the numbers are in a table beside it.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { getal, ONDERDRUKT, AFGESCHERMD } from "../lib/format.js";
import { REGIO, MATEN, per1000, per1000Onderdrukt, toegankelijk, type KerncijferRij } from "./dashboard.js";
import { rondeTicks } from "../lib/as.js";
import { isLidInSchooljaar } from "../lib/schooljaar.js";

import type { KaartGemeente, Grenzen } from "../lib/site-info.js";

export interface KaartWaarde {
  code: string;
  naam: string;
  x: number;
  y: number;
  /** Member of the regio in (part of) the schooljaar. */
  lid: boolean;
  aantal: number | null;
  /** The rate needs a suppressed count (the count itself or its denominator). */
  onderdrukt: boolean;
  per1000: number | null;
  /** The value as printed on the map: "12,3", ONDERDRUKT, "geen lid", "–". */
  tekst: string;
}


export function kaartWaarden(kern: KerncijferRij[], gemeenten: KaartGemeente[], opties: { schooljaar: string; maat: string; minimumCel: number }): KaartWaarde[] {
  return gemeenten.map((g) => {
    const r = kern.find((k) => k.gemeente === g.code && k.schooljaar === opties.schooljaar && k.maat === opties.maat);
    const lid = isLidInSchooljaar(g, opties.schooljaar);
    const p = per1000(kern, g.code, opties.schooljaar, opties.maat);
    const onderdrukt = p == null && per1000Onderdrukt(kern, g.code, opties.schooljaar, opties.maat);
    const tekst = !lid ? "geen lid" : p != null ? getal(p, 1) : onderdrukt ? ONDERDRUKT : "–";
    return { code: g.code, naam: g.naam, x: g.x, y: g.y, lid, aantal: r?.waarde ?? null, onderdrukt, per1000: p, tekst };
  });
}

/** Light to dark blue; the darker half carries white text, the lighter black (both ≥ 4,5 : 1). */
export const PALET = ["#dbecf8", "#a7cfeb", "#6cb0dc", "#2a76ad", "#0b5185", "#06304d"];
export const GEEN_WAARDE = "#f3f3f3";

/** WCAG relative luminance of a #rrggbb colour. */
export function luminantie(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminantie(a), luminantie(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Black or white text, whichever reads better on the fill. */
export function tekstKleur(fill: string): string {
  return contrast(fill, "#1b1b1b") >= contrast(fill, "#ffffff") ? "#1b1b1b" : "#ffffff";
}

export interface Klassen {
  /** Class boundaries: class k holds values in [grenzen[k-1], grenzen[k]). */
  grenzen: number[];
  kleuren: string[];
  kleur(v: number | null): string;
  /** Legend labels, one per class. */
  labels: string[];
}

/** Equal-interval classes on round numbers, at most six, coloured light to dark. */
export function kleurKlassen(waarden: (number | null)[], decimalen = 1): Klassen {
  const vs = waarden.filter((v): v is number => v != null && Number.isFinite(v));
  const [min, max] = vs.length ? [Math.min(...vs), Math.max(...vs)] : [0, 0];
  let grenzen = min === max ? [] : rondeTicks(min, max, 4).filter((t) => t > min && t <= max);
  if (grenzen.length > PALET.length - 1) grenzen = grenzen.slice(0, PALET.length - 1);
  const n = grenzen.length + 1;
  const kleuren = Array.from({ length: n }, (_, k) => PALET[n === 1 ? 2 : Math.round((k * (PALET.length - 1)) / (n - 1))]);
  const f = (v: number) => getal(v, decimalen);
  const labels = n === 1
    ? [vs.length ? `${f(min)}` : "geen waarden"]
    : kleuren.map((_, k) => (k === 0 ? `lager dan ${f(grenzen[0])}` : k === n - 1 ? `${f(grenzen[k - 1])} of hoger` : `${f(grenzen[k - 1])} tot ${f(grenzen[k])}`));
  const kleur = (v: number | null) => {
    if (v == null || !Number.isFinite(v)) return GEEN_WAARDE;
    let k = 0;
    while (k < grenzen.length && v >= grenzen[k]) k++;
    return kleuren[k];
  };
  return { grenzen, kleuren, kleur, labels };
}

export function legenda(klassen: Klassen, eenheidTekst: string) {
  return html`<div class="kaart-legenda"><p class="kaart-legenda-titel">${eenheidTekst}</p><ul>
    ${klassen.kleuren.map((k, i) => html`<li><span class="vlak" style=${`background:${k}`}></span>${klassen.labels[i]}</li>`)}
    <li><span class="vlak" style=${`background:${GEEN_WAARDE}`}></span>geen cijfer: geen lid, onbekend of ${AFGESCHERMD} (${ONDERDRUKT})</li>
  </ul></div>`;
}

/**
 * Tiles on a grid as a list of links to the gemeente pages. On narrow screens the tiles flow
 * in two columns (CSS), so the names stay readable.
 */
export function TegelKaart(waarden: KaartWaarde[], opties: { klassen: Klassen; link: (code: string) => string; label: string }) {
  const kolommen = Math.max(0, ...waarden.map((w) => w.x)) + 1;
  return html`<ul class="tegelkaart" style=${`--kolommen:${kolommen}`} aria-label=${opties.label}>
    ${[...waarden].sort((a, b) => a.y - b.y || a.x - b.x).map((w) => {
      const fill = opties.klassen.kleur(w.per1000);
      return html`<li style=${`grid-column:${w.x + 1};grid-row:${w.y + 1}`}>
        <a href=${opties.link(w.code)} style=${`background:${fill};color:${tekstKleur(fill)}`}>
          <span class="tegel-naam">${w.naam}</span>
          <span class="tegel-waarde">${w.tekst}</span>
        </a></li>`;
    })}
  </ul>`;
}

/** The regio's own boundaries, each gemeente filled by its class and labelled with its value. */
export function GrenzenKaart(grenzen: Grenzen, waarden: KaartWaarde[], opties: { width: number; klassen: Klassen; beschrijving: string }) {
  const per = new Map(waarden.map((w) => [w.code, w]));
  const fill = (f: any) => opties.klassen.kleur(per.get(f.properties.code)?.per1000 ?? null);
  const breed = opties.width >= 640;
  const width = Math.max(opties.width, 300);
  return toegankelijk(Plot.plot({
    width, height: Math.round(width * (breed ? 0.7 : 1)),
    projection: { type: grenzen.stelsel === "rd" ? "reflect-y" : "mercator", domain: grenzen as any, inset: 10 },
    marks: [
      Plot.geo(grenzen.features, { fill, stroke: "#1b1b1b", strokeWidth: 1 }),
      Plot.text(grenzen.features, Plot.centroid({
        text: (f: any) => `${breed ? `${f.properties.naam}\n` : ""}${per.get(f.properties.code)?.tekst ?? "–"}`,
        fill: (f: any) => tekstKleur(fill(f)), fontSize: breed ? 13 : 11, fontWeight: 600, lineHeight: 1.15,
      })),
    ],
  }), opties.beschrijving);
}

/** The regio's own value, for the sentence above the map. */
export function regioWaarde(kern: KerncijferRij[], schooljaar: string, maat: string): number | null {
  return per1000(kern, REGIO, schooljaar, maat);
}

/** What the map shows, in words. */
export function kaartSamenvatting(waarden: KaartWaarde[], opties: { maatLabel: string; eenheidTekst: string; schooljaar: string; regio: number | null }): string {
  const met = waarden.filter((w) => w.per1000 != null).sort((a, b) => b.per1000! - a.per1000!);
  const delen = [`${opties.maatLabel} ${opties.eenheidTekst}, schooljaar ${opties.schooljaar}.`];
  if (opties.regio != null) delen.push(`De hele regio: ${getal(opties.regio, 1)}.`);
  if (met.length >= 2) {
    delen.push(`Het hoogst in ${met[0].naam} (${met[0].tekst}), het laagst in ${met[met.length - 1].naam} (${met[met.length - 1].tekst}).`);
  }
  const zonder = waarden.filter((w) => w.per1000 == null);
  if (zonder.length) delen.push(`Zonder cijfer: ${zonder.map((w) => `${w.naam} (${w.tekst})`).join(", ")}.`);
  return delen.join(" ");
}

export function eenheidVan(maat: string): string {
  return MATEN.find((m) => m.maat === maat)?.noemer === "leerplichtig" ? "per 1.000 leerplichtigen" : "per 1.000 jongeren";
}
