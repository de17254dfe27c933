// What the figures mean, as tables of the jaarverslag (PDF, tabellen.xlsx, tabellen.json and
// the site's chapters): observed against expected VSV (marts/duiding.ts), the BBV-indicatoren
// (marts/bbv.ts) and the overstap (marts/overstap.ts). Each mart runs once per Staging and
// publication, over every year; a schooljaar's jaarverslag takes its years from it. Their
// cells are the same cells as on the site's pages, so they are suppressed the same way.
import type { Staging } from "../db.ts";
import type { Rij } from "../publish.ts";
import type { Publicatie } from "../publish/publicatie.ts";
import { exportsIn, kanHoofdstuk } from "../hoofdstukken-nodig.ts";
import { schooljaar as schooljaarVan } from "../../src/lib/schooljaar.ts";
import { BBV_INDICATOREN } from "../../src/lib/bbv.ts";
import { HERKOMSTEN, BESTEMMINGEN, HERKOMST_LABEL, BESTEMMING_LABEL } from "../../src/lib/overstap.ts";
import { REGIO, ALLE, TOTAAL } from "../../src/lib/codes.ts";
import { duiding, type Duiding } from "./duiding.ts";
import { bbv, type Bbv } from "./bbv.ts";
import { overstap, overstapGepubliceerd, type Overstap } from "./overstap.ts";
import { ledenIn, type JaarverslagTabel } from "./jaarverslag-basis.ts";

interface Uitkomst { duiding: Duiding | null; bbv: Bbv | null; overstap: Overstap | null }

const cache = new WeakMap<Staging, WeakMap<Publicatie, Promise<Uitkomst>>>();

/** The three marts for this publication, once; each only when its chapter's exports are there (src/lib/hoofdstukken.ts). */
function uitkomst(db: Staging, pub: Publicatie): Promise<Uitkomst> {
  let perPub = cache.get(db);
  if (!perPub) cache.set(db, (perPub = new WeakMap()));
  let p = perPub.get(pub);
  if (!p) {
    const o = { minimumCel: pub.minimumCel, publicatie: pub };
    p = (async () => {
      const er = await exportsIn(db);
      const [d, b, s] = await Promise.all([
        kanHoofdstuk("duiding", er) ? duiding(db, o) : null,
        kanHoofdstuk("bbv", er) ? bbv(db, o) : null,
        kanHoofdstuk("overstap", er) ? overstap(db, o) : null,
      ]);
      return { duiding: d, bbv: b, overstap: s };
    })();
    perPub.set(pub, p);
    p.catch(() => {});
  }
  return p;
}

/** A row without the gemeente's name (the jaarverslag adds `naam` to every table). */
const zonderNaam = ({ naam: _n, ...r }: Rij): Rij => r;

/**
 * The tables for schooljaar `sj`: vsv_verwacht and bbv with every schooljaar up to it (the
 * official figures come a year or more later; the chapter takes the latest), overstap with
 * the transitions that end in it (its second peildatum in `sj`).
 */
export async function duidingTabellen(db: Staging, pub: Publicatie, sj: string): Promise<JaarverslagTabel[]> {
  const u = await uitkomst(db, pub);
  const uit: JaarverslagTabel[] = [];
  if (u.duiding) {
    uit.push({
      id: "vsv_verwacht",
      titel: "Verwacht en waargenomen VSV: nieuwe vsv'ers (OCW/DUO) tegen het verwachte aantal (CBS-risicoscore), met de marge van 95 % en een zin per gemeente",
      rijen: u.duiding.verwacht.filter((r) => r.schooljaar <= sj).map((r) => zonderNaam(r as unknown as Rij)),
      kolommen: ["gemeente", "naam", "schooljaar", "jaar", "aantal_jongeren", "verwacht", "deelnemers", "vsv", "verhouding", "onder95", "boven95", "onder998", "boven998", "oordeel", "zin"],
      formaten: { jaar: "tekst" },
    });
  }
  const eenheid = new Map(BBV_INDICATOREN.map((d) => [d.indicator, d.eenheid]));
  if (u.bbv) uit.push({
    id: "bbv", codes: { indicator: BBV_INDICATOREN.map((d) => d.indicator) },
    titel: "BBV-indicatoren onderwijs: absoluut en relatief verzuim per 1.000 inwoners van 5–18 jaar en het vsv-percentage, met de marge van 95 %",
    rijen: u.bbv.rijen.filter((r) => r.schooljaar <= sj).map((r) => ({ ...(r as unknown as Rij), eenheid: eenheid.get(r.indicator) })),
    kolommen: ["gemeente", "naam", "schooljaar", "indicator", "eenheid", "teller", "noemer", "waarde", "onder", "boven"],
    labels: { indicator: Object.fromEntries(BBV_INDICATOREN.map((d) => [d.indicator, d.label])) },
  });
  const inJaar = new Set(ledenIn(db, sj));
  const leden = (g: string) => g === REGIO || inJaar.has(g);
  if (u.overstap) uit.push({
    id: "overstap", codes: { herkomst: [...HERKOMSTEN, ALLE], bestemming: [...BESTEMMINGEN, TOTAAL] },
    titel: "De overstap: jongeren die tussen twee peildata PrO, VSO, VO of mbo-1 verlieten, naar waar ze op de tweede peildatum waren (een ontbrekende regel is 0)",
    // Only what the mart publishes: per gemeente the bestemmingen of all herkomsten together and each herkomst's total.
    rijen: u.overstap.rijen.filter((r) => schooljaarVan(r.naar) === sj && leden(r.gemeente)
      && overstapGepubliceerd(r))
      .map((r) => ({ gemeente: r.gemeente, schooljaar: sj, van: r.van, naar: r.naar, herkomst: r.herkomst, bestemming: r.bestemming, jongeren: r.jongeren,
        ...(r.onderdrukt ? { onderdrukt: true } : {}) })),
    kolommen: ["gemeente", "naam", "schooljaar", "van", "naar", "herkomst", "bestemming", "jongeren"],
    formaten: { van: "datum", naar: "datum" }, koppen: { van: "Eerste peildatum", naar: "Tweede peildatum" },
    labels: { herkomst: HERKOMST_LABEL, bestemming: BESTEMMING_LABEL },
  });
  return uit;
}
