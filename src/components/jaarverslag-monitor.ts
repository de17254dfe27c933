// The jaarverslag's chapter "Monitor JIKP": the public, suppressed figures of the Standaard
// monitor JIKP (the site's monitor data, loaders/marts/monitor.ts) for the moments of the
// schooljaar: the funnel to "nergens in beeld", the status per groep, the development over
// the moments and, for the regio, per gemeente. Only counts: who is nergens in beeld is on the
// regio's internal werklijst, never here. Rendered with a given `document` (the PDF).
import { getal, datum, label, procent, ONDERDRUKT } from "../lib/format.js";
import { REGIO, ALLE, STAP_NAMEN, trechter, inDoelgroep, stapTekst, type MonitorSite, type TrechterStap } from "../lib/monitor.js";
import { schooljaar as schooljaarVan, schooljaarEinde } from "../lib/schooljaar.js";
import { BREUKEN, breukenTussen } from "../lib/breuken.js";
import { StaafGrafiek } from "./jaarverslag-charts.js";
import { el, blokElement } from "./jaarverslag-weergave.js";
import type { Blok, Keuze, Waarde } from "./jaarverslag-blok.js";

type Moment = MonitorSite["momenten"][number];

/** A published monitor count: the number, ONDERDRUKT when suppressed, null when there is none. */
function w(n: number | null | undefined): Waarde {
  return n === undefined ? null : n === null ? ONDERDRUKT : n;
}
const stapWaarde = (s: TrechterStap | undefined): Waarde => (!s ? null : s.exact ? s.min : ONDERDRUKT);

/** The moments of schooljaar `sj`, and every moment up to its end (the development). */
export function monitorMomenten(data: MonitorSite, sj: string): { inJaar: Moment[]; totEnMet: Moment[] } {
  return {
    inJaar: data.momenten.filter((m) => schooljaarVan(m.moment) === sj),
    totEnMet: data.momenten.filter((m) => m.moment <= schooljaarEinde(sj)),
  };
}

/** The funnel of one gemeente (or REGIO) and groep at a moment; null when it has no figures there. */
export function monitorTrechter(data: MonitorSite, m: Moment, gemeente: string, groep = ALLE): TrechterStap[] | null {
  const t = m.statussen[gemeente]?.[groep]?.[ALLE];
  return t ? trechter(t, data.statussen) : null;
}

/** "12,3 %" of the doelgroep nergens in beeld, ONDERDRUKT when it needs a suppressed count. */
function aandeel(stappen: TrechterStap[] | null): Waarde {
  if (!stappen) return null;
  const doelgroep = stappen[1] ?? stappen[0];
  const eind = stappen[stappen.length - 1];
  if (!doelgroep.exact || !eind.exact) return ONDERDRUKT;
  return doelgroep.min > 0 ? Math.round((eind.min / doelgroep.min) * 1000) / 10 : null;
}

export function monitorBlokken(data: MonitorSite, keuze: Keuze, naam: (code: string) => string): Blok[] {
  const { inJaar, totEnMet } = monitorMomenten(data, keuze.schooljaar);
  const g = keuze.gemeente;
  const wie = g === REGIO ? "de regio" : naam(g);
  const uit: Blok[] = [];
  const laatste = inJaar[inJaar.length - 1];
  if (!laatste) return uit;
  const stappen = monitorTrechter(data, laatste, g);
  if (stappen) {
    const eind = stappen[stappen.length - 1];
    const pct = aandeel(stappen);
    uit.push({
      id: "monitor-trechter", titel: `Van alle jongeren naar nergens in beeld, ${wie}, ${datum(laatste.moment)}`,
      samenvatting: `Op ${datum(laatste.moment)} stonden in ${wie} ${stapTekst(stappen[0], getal)} jongeren in de monitor, ` +
        `${stapTekst(stappen[1] ?? stappen[0], getal)} in de doelgroep; ${stapTekst(eind, getal)} waren nergens in beeld` +
        `${typeof pct === "number" ? ` (${procent(pct / 100)} van de doelgroep)` : ""}.`,
      grafiek: (width, doc) => StaafGrafiek(stappen.map((s) => ({ categorie: STAP_NAMEN[s.stap] ?? label(s.stap), waarde: s.exact ? s.min : null, onderdrukt: !s.exact })),
        { width, document: doc, beschrijving: `Staafdiagram: trechter van alle jongeren in de monitor naar nergens in beeld, ${wie}, ${datum(laatste.moment)}` }),
      tabel: {
        kolommen: [{ sleutel: "categorie", kop: "Stap" }, { sleutel: "jongeren", kop: "Jongeren" }],
        rijen: stappen.map((s) => ({ categorie: STAP_NAMEN[s.stap] ?? label(s.stap), jongeren: stapWaarde(s) })),
      },
      toelichting: "Elke jongere krijgt de eerste status die voor hem of haar geldt (de statusvolgorde van de Standaard monitor); " +
        "wie bij geen ervan past, is nergens in beeld. Een stap met een afgeschermd aantal staat er als • en zonder balk.",
    });
  }
  const groepen = data.groepen.filter((x) => x !== ALLE);
  const statussen = inDoelgroep(data.statussen);
  const perGroep = [...groepen, ALLE];
  const groepNaam = (x: string) => (x === ALLE ? "JIKP en VSV samen" : label(x));
  if (laatste.statussen[g]) {
    uit.push({
      id: "monitor-status", titel: `Status van de jongeren in de doelgroep per groep, ${wie}, ${datum(laatste.moment)}`,
      samenvatting: `De status van de jongeren in de doelgroep op ${datum(laatste.moment)}: jongeren in een kwetsbare positie (JIKP) en voortijdig schoolverlaters (VSV).`,
      tabel: {
        kolommen: [{ sleutel: "categorie", kop: "Status" }, ...perGroep.map((x) => ({ sleutel: x, kop: groepNaam(x) }))],
        rijen: statussen.map((s) => {
          const r: Record<string, Waarde> = { categorie: label(s) };
          for (const x of perGroep) r[x] = w(laatste.statussen[g]?.[x]?.[ALLE]?.[data.statussen.indexOf(s)]);
          return r;
        }),
      },
    });
  }
  // Development over every moment up to the end of the schooljaar; a break said in the table's note.
  const breuken = totEnMet.length ? BREUKEN.filter((b) => ["JIKP", "VSV"].some((x) => breukenTussen(x, totEnMet[0].moment, totEnMet[totEnMet.length - 1].moment).includes(b))) : [];
  const eersteNa = new Set(breuken.map((b) => totEnMet.find((x) => x.moment >= b.datum)?.moment));
  const metRegio = g !== REGIO;
  uit.push({
    id: "monitor-ontwikkeling", titel: `Nergens in beeld per monitormoment, ${wie}`,
    samenvatting: `Jongeren in de doelgroep en nergens in beeld op elk monitormoment tot en met ${datum(totEnMet[totEnMet.length - 1].moment)} (${totEnMet.length} momenten).`,
    tabel: {
      kolommen: [{ sleutel: "categorie", kop: "Monitormoment" }, { sleutel: "doelgroep", kop: "In de doelgroep" },
        { sleutel: "nib", kop: "Nergens in beeld" }, { sleutel: "pct", kop: "Deel nergens in beeld", decimalen: 1, eenheid: " %" },
        ...(metRegio ? [{ sleutel: "regio", kop: "Regio nergens in beeld" }] : [])],
      rijen: totEnMet.map((m) => {
        const st = monitorTrechter(data, m, g);
        const r: Record<string, Waarde> = {
          categorie: `${datum(m.moment)}${eersteNa.has(m.moment) ? " *" : ""}`,
          doelgroep: stapWaarde(st?.[1]), nib: stapWaarde(st?.[st.length - 1]), pct: aandeel(st),
        };
        if (metRegio) { const rs = monitorTrechter(data, m, REGIO); r.regio = stapWaarde(rs?.[rs.length - 1]); }
        return r;
      }),
    },
    toelichting: breuken.length
      ? breuken.map((b) => `* Breuk in de reeks (${b.naam}): ${b.uitleg}`).join(" ")
      : "Nergens in beeld: geen onderwijs, startkwalificatie of werk en bij niemand in beeld.",
  });
  if (g === REGIO) {
    uit.push({
      id: "monitor-per-gemeente", titel: `Nergens in beeld per gemeente, ${datum(laatste.moment)}`,
      samenvatting: `Jongeren in de doelgroep en nergens in beeld per gemeente op ${datum(laatste.moment)}.`,
      tabel: {
        kolommen: [{ sleutel: "categorie", kop: "Gemeente" }, { sleutel: "doelgroep", kop: "In de doelgroep" },
          { sleutel: "nib", kop: "Nergens in beeld" }, { sleutel: "pct", kop: "Deel nergens in beeld", decimalen: 1, eenheid: " %" }],
        rijen: [...data.gemeenten.map((x) => x.code).filter((c) => laatste.statussen[c]), REGIO].map((c) => {
          const st = monitorTrechter(data, laatste, c);
          return { categorie: c === REGIO ? "Regio" : naam(c), doelgroep: stapWaarde(st?.[1]), nib: stapWaarde(st?.[st.length - 1]), pct: aandeel(st) };
        }),
      },
    });
  }
  return uit;
}

/** The chapter's body: what the monitor is, then its blocks. */
export function monitorElement(data: MonitorSite, keuze: Keuze, o: { width: number; document: Document; naam: (code: string) => string }): HTMLElement {
  const doc = o.document;
  const sectie = el(doc, "section", { class: "jv-hoofdstuk", id: "hoofdstuk-monitor" });
  sectie.append(el(doc, "p", { class: "samenvatting" },
    "Twee keer per jaar volgt de regio de jongeren in een kwetsbare positie (JIKP: uitstromers uit praktijkonderwijs, vso, entree en vmbo-bb) " +
    "en de voortijdig schoolverlaters volgens de Standaard monitor van Ingrado. Wie geen onderwijs volgt, geen startkwalificatie of werk heeft " +
    "en bij niemand in beeld is, is nergens in beeld. Dit hoofdstuk noemt alleen aantallen; wie het zijn, staat alleen op de interne werklijst van de regio."));
  const blokken = monitorBlokken(data, keuze, o.naam);
  if (!blokken.length) {
    sectie.append(el(doc, "p", {}, `Er is in ${keuze.schooljaar} geen monitormoment in de gegevens.`));
    return sectie;
  }
  for (const b of blokken) sectie.append(blokElement(b, keuze, { width: o.width, document: doc }));
  return sectie;
}
