// The bestuurlijk overleg: one screen (and one A4) per gemeente with its key figures, the
// change since last year and the rate against the regio, in type big enough for a projector.
import { html } from "htl";
import { getal, verschil, datum } from "../lib/format.js";
import { REGIO, MATEN, per1000, per1000Tekst, cel, vorigJaar, type KerncijferRij } from "./dashboard.js";
import { tovRegio as vergelijkMetRegio, tovRegioTekst } from "../lib/vergelijk.js";
import { nietVergelijkbaar, peildatumVan, type Dekking } from "../lib/lidmaatschap.js";
import { breukenTussenKerncijfers, breukTekst } from "../lib/breuken.js";

/** The figures on the overleg screen, in order: eight fit one screen and one A4. */
export const OVERLEG_MATEN = [
  "jongeren", "verzuimmeldingen", "thuiszitters", "vsv_nieuw", "vsv_oud", "neet", "vsv_benaderd", "jikp_niet_in_beeld",
];

export interface OverlegCijfer {
  maat: string;
  label: string;
  uitleg: string;
  /** This year's count as published ("1.234", ONDERDRUKT, "–"). */
  nu: string;
  /** Change since last year in words ("+12 (+8,0 %) t.o.v. 2024-2025"), or why there is none. */
  verschil: string;
  richting: "hoger" | "lager" | "gelijk" | null;
  /** "12,3 per 1.000 jongeren", or null for a count that is not a rate. */
  per1000: string | null;
  /** "regio 10,1 — hoger dan de regio", or null. */
  regio: string | null;
  tovRegio: "hoger" | "lager" | "ongeveer gelijk" | null;
}

function zoek(rows: KerncijferRij[], g: string, sj: string, maat: string) {
  return rows.find((r) => r.gemeente === g && r.schooljaar === sj && r.maat === maat);
}

/**
 * The figures of one gemeente in one schooljaar. "Hoger" or "lager" than the regio only when
 * the difference with the rest of the regio is beyond chance (an exact test for counts,
 * src/lib/vergelijk.ts); otherwise "ongeveer gelijk".
 */
export function overlegCijfers(rows: KerncijferRij[], opties: {
  gemeente: string; schooljaar: string; minimumCel: number; maten?: string[];
  /** Membership per schooljaar: no change where the two years are unlike (a gemeente that joined). */
  dekking?: Dekking[];
}): OverlegCijfer[] {
  const { gemeente, schooljaar, minimumCel } = opties;
  const vorig = vorigJaar(schooljaar);
  const anders = nietVergelijkbaar(opties.dekking, gemeente, schooljaar, vorig);
  return (opties.maten ?? OVERLEG_MATEN).map((maat) => {
    const m = MATEN.find((x) => x.maat === maat)!;
    const nu = zoek(rows, gemeente, schooljaar, maat);
    const toen = zoek(rows, gemeente, vorig, maat);
    // Unlike years (membership, or a break in the series) get no change.
    const ongelijk = anders ?? (toen ? breukTekst(breukenTussenKerncijfers(maat, vorig, schooljaar, peildatumVan(opties.dekking, gemeente)), datum) || null : null);
    const d = nu?.waarde != null && toen?.waarde != null && !ongelijk ? nu.waarde - toen.waarde : null;
    const pct = d != null && toen?.waarde ? (d / toen.waarde) * 100 : null;
    const richting = d == null ? null : d > 0 ? "hoger" : d < 0 ? "lager" : "gelijk";
    // Without a change (one of the two years suppressed or absent) last year's count as published.
    const tekstVerschil = d == null
      ? (ongelijk ? `niet te vergelijken met ${vorig}: ${ongelijk}` : toen ? `${vorig}: ${cel(toen, toen.waarde, minimumCel)}` : `geen cijfer voor ${vorig}`)
      : `${d > 0 ? "↑" : d < 0 ? "↓" : "="} ${verschil(d)}${pct != null ? ` (${verschil(pct, 1)} %)` : ""} t.o.v. ${vorig}`;
    const eigen = per1000(rows, gemeente, schooljaar, maat);
    const regio = per1000(rows, REGIO, schooljaar, maat);
    const eenheid = m.noemer === "leerplichtig" ? "per 1.000 leerplichtigen" : "per 1.000 jongeren";
    const telling = (g: string) => ({ aantal: zoek(rows, g, schooljaar, maat)?.waarde, noemer: m.noemer ? zoek(rows, g, schooljaar, m.noemer)?.waarde : null });
    const tovRegio: OverlegCijfer["tovRegio"] = eigen != null && regio != null ? vergelijkMetRegio(telling(gemeente), telling(REGIO)) : null;
    return {
      maat, label: m.label, uitleg: m.uitleg,
      nu: cel(nu, nu?.waarde, minimumCel),
      verschil: tekstVerschil, richting,
      per1000: m.noemer ? `${per1000Tekst(rows, gemeente, schooljaar, maat)} ${eenheid}` : null,
      regio: m.noemer && regio != null
        ? `regio ${getal(regio, 1)}${tovRegio ? ` — ${tovRegioTekst(tovRegio)}` : ""}`
        : null,
      tovRegio,
    };
  });
}

export function overlegKaarten(cijfers: OverlegCijfer[], noot = "") {
  const kaarten = html`<ul class="overleg-kaarten">${cijfers.map((c) => html`<li class="overleg-kaart">
    <h2>${c.label}</h2>
    <p class="overleg-groot">${c.nu}</p>
    <p class="overleg-verschil">${c.verschil}</p>
    ${c.per1000 ? html`<p class="overleg-per1000">${c.per1000}</p>` : ""}
    ${c.regio ? html`<p class="overleg-regio">${c.regio}</p>` : ""}
  </li>`)}</ul>`;
  // A gemeente that was a member for part of the year: the note first, so the figures are read with it.
  return noot ? html`<div class="overleg-met-noot"><p class="overleg-noot">${noot}</p>${kaarten}</div>` : kaarten;
}

/** Previous and next gemeente, for paging through the overleg with the keyboard. */
export function buren<T extends { code: string }>(lijst: T[], code: string): { vorige: T | null; volgende: T | null } {
  const i = lijst.findIndex((g) => g.code === code);
  if (i < 0) return { vorige: null, volgende: null };
  return { vorige: i > 0 ? lijst[i - 1] : null, volgende: i < lijst.length - 1 ? lijst[i + 1] : null };
}
