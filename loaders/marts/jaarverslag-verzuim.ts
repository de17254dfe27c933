// The jaarverslag's chapters of verzuimmeldingen.csv (loaders/marts/jaarverslag.ts): Verzuim
// Leerplicht, Thuiszitters and Doorstroompunt preventief. Their tables share runs (the
// Leerplicht meldingen per soort and per maand, the Doorstroompunt meldingen per soort and per
// resultaat), so they are made together.
import type { Staging } from "../db.ts";
import type { Rij } from "../publish.ts";
import { celSleutel, tabelSleutel } from "../publish/koppeling.ts";
import type { Publicatie } from "../publish/publicatie.ts";
import { vorigSchooljaar } from "../definitions.ts";
import { ONDERWIJSSOORTEN, VERZUIMSOORTEN, VERZUIM_RESULTATEN, HANDHAVINGEN } from "../schema.ts";
import { REGIO, TOTAAL } from "../../src/lib/codes.ts";
import { schooljaarMaanden } from "../../src/lib/schooljaar.ts";
import type { JaarverslagTabel } from "./jaarverslag-basis.ts";
import { bron } from "./jaarverslag-bronnen.ts";
import { cellen, somIn, zoekIn, vindIn, pas, gemeenteTotaal, codesMet } from "./jaarverslag-rooster.ts";
import { thuiszitterSleutel, totaalSoorten } from "./thuiszitters.ts";

/** Doorstroompunt results: the verzuim result codes, and DOORLOPEND for meldingen still running. */
export const DSP_RESULTATEN = [...VERZUIM_RESULTATEN, "DOORLOPEND"];

/** The tables of verzuimmeldingen.csv of schooljaar `sj` (and the one before), when `maak` has them. */
export async function verzuimTabellen(db: Staging, pub: Publicatie, sj: string, maak: ReadonlySet<string>): Promise<JaarverslagTabel[]> {
  const beide = [vorigSchooljaar(sj), sj];
  const tabellen: JaarverslagTabel[] = [];
  // Every table of verzuimmeldingen.csv (the chapters Verzuim, Thuiszitters and Doorstroompunt): their runs share totals.
  if (maak.has("verzuimmeldingen")) {
    // ---------------------------------------------------------------- verzuim Leerplicht
    // One run for soort × maand with their totals: the month table, the year per soort
    // (verzuimmeldingen) and the year total (inzet's meldingen per fte) share it.
    const lpBron = await bron(db, "lp", beide);
    const lp = pas(pub, "lp", {
      rijen: somIn(cellen(db, beide, (j) => [["maand", [TOTAAL, ...schooljaarMaanden(j)]], ["verzuimsoort", [TOTAAL, ...VERZUIMSOORTEN]]]),
        lpBron, "meldingen", { gemeente: REGIO, maand: TOTAAL, verzuimsoort: TOTAAL }),
      tellingen: ["meldingen"], sleutels: ["gemeente", "schooljaar", "maand", "verzuimsoort"],
      totalen: [gemeenteTotaal, { kolom: "maand", totaal: TOTAAL }, { kolom: "verzuimsoort", totaal: TOTAAL }],
      // Months × verzuimsoort per gemeente are mostly small counts: published for the regio;
      // per gemeente the months (all soorten) and the soorten (the whole year).
      gepubliceerd: (r) => r.gemeente === REGIO || r.maand === TOTAAL || r.verzuimsoort === TOTAAL,
    });

    // ---------------------------------------------------------------- Doorstroompunt preventief
    // Per verzuimsoort and per resultaat: two ways of splitting the same meldingen, sharing one total.
    const dspBron = await bron(db, "dsp", beide);
    const dspResultaten = codesMet(DSP_RESULTATEN, dspBron.map((r) => r.resultaat));
    const dspCellen = [
      ...cellen(db, beide, () => [["verzuimsoort", VERZUIMSOORTEN], ["resultaat", [TOTAAL]]]),
      ...cellen(db, beide, () => [["verzuimsoort", [TOTAAL]], ["resultaat", [TOTAAL, ...dspResultaten]]]),
    ];
    const dsp = pas(pub, "dsp", {
      rijen: somIn(dspCellen, dspBron, "meldingen", { gemeente: REGIO, verzuimsoort: TOTAAL, resultaat: TOTAAL }),
      tellingen: ["meldingen"], sleutels: ["gemeente", "schooljaar", "verzuimsoort", "resultaat"],
      totalen: [gemeenteTotaal, { kolom: "verzuimsoort", totaal: TOTAAL }, { kolom: "resultaat", totaal: TOTAAL }],
    });

    // ---------------------------------------------------------------- verzuimmeldingen (both years)
    const jongerenBron = await bron(db, "verzuimJongeren", beide);
    const jongeren = pas(pub, "verzuim_jongeren", {
      rijen: zoekIn(cellen(db, beide, () => [["regeling", ["LEERPLICHT", "DOORSTROOMPUNT"]], ["verzuimsoort", VERZUIMSOORTEN]]), jongerenBron, "jongeren"),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "regeling", "verzuimsoort"], totalen: [gemeenteTotaal],
    });
    // Only year totals are looked up in lp.
    const lpRij = vindIn(lp.filter((r) => r.maand === TOTAAL), ["gemeente", "schooljaar", "maand", "verzuimsoort"]);
    const dspRij = vindIn(dsp, ["gemeente", "schooljaar", "verzuimsoort", "resultaat"]);
    const verzuimmeldingen = jongeren.map((j) => {
      const m = j.regeling === "LEERPLICHT"
        ? lpRij({ gemeente: j.gemeente, schooljaar: j.schooljaar, maand: TOTAAL, verzuimsoort: j.verzuimsoort })
        : dspRij({ gemeente: j.gemeente, schooljaar: j.schooljaar, verzuimsoort: j.verzuimsoort, resultaat: TOTAAL });
      const rij: Rij = {
        gemeente: j.gemeente, schooljaar: j.schooljaar, regeling: j.regeling, verzuimsoort: j.verzuimsoort,
        meldingen: m.meldingen, jongeren: j.jongeren,
      };
      if (m.onderdrukt || j.onderdrukt) rij.onderdrukt = true;
      return rij;
    });
    tabellen.push({
      id: "verzuimmeldingen", codes: { regeling: ["LEERPLICHT", "DOORSTROOMPUNT"], verzuimsoort: [...VERZUIMSOORTEN] }, titel: "Verzuimmeldingen naar soort", rijen: verzuimmeldingen,
      kolommen: ["gemeente", "naam", "schooljaar", "regeling", "verzuimsoort", "meldingen", "jongeren"],
    });

    tabellen.push({
      id: "verzuim_per_maand", codes: { maand: schooljaarMaanden(sj), verzuimsoort: [TOTAAL, ...VERZUIMSOORTEN] }, titel: "Verzuimmeldingen Leerplicht per maand",
      rijen: lp.filter((r) => r.maand !== TOTAAL).map((r) => ({
        gemeente: r.gemeente, schooljaar: r.schooljaar, maand: r.maand, verzuimsoort: r.verzuimsoort, meldingen: r.meldingen,
        ...(r.onderdrukt ? { onderdrukt: true } : {}),
      })),
      kolommen: ["gemeente", "naam", "schooljaar", "maand", "verzuimsoort", "meldingen"],
    });

    // ---------------------------------------------------------------- luxe verzuim
    const luxeBron = await bron(db, "luxe", [sj]);
    const handhavingen = codesMet(HANDHAVINGEN, luxeBron.map((r) => r.handhaving));
    // The total is published in verzuimmeldingen (LUXE): a helper total row, dropped after.
    const luxe = pas(pub, "luxe", {
      rijen: somIn(cellen(db, [sj], () => [["handhaving", [TOTAAL, ...handhavingen]]]), luxeBron, "meldingen", { gemeente: REGIO, handhaving: TOTAAL }),
      tellingen: ["meldingen"], sleutels: ["gemeente", "schooljaar", "handhaving"],
      totalen: [gemeenteTotaal, { kolom: "handhaving", totaal: TOTAAL }],
      // Luxe verzuim's meldingen split by handhaving: its total is lp's LUXE cell of the year.
      sleutel: (r) => celSleutel("lp.meldingen", { gemeente: r.gemeente, schooljaar: r.schooljaar, verzuimsoort: "LUXE", handhaving: r.handhaving },
        { gemeente: REGIO, handhaving: TOTAAL }),
    }).filter((r) => r.handhaving !== TOTAAL);
    tabellen.push({
      id: "luxe_verzuim_afhandeling", codes: { handhaving: handhavingen }, titel: "Luxe verzuim: afhandeling van de meldingen", rijen: luxe,
      kolommen: ["gemeente", "naam", "schooljaar", "handhaving", "meldingen"],
    });

    // ---------------------------------------------------------------- thuiszitters
    // One row per thuiszitter (leerplichtig, under 18): in the soort the regio's definition puts
    // first when the jongere has both, counted in the gemeente and onderwijssoort of the latest
    // melding of that soort, so gemeenten add up. Both soorten are shown; the total (soort
    // TOTAAL) is the definition's: the sum of its soorten.
    const tzBron = await bron(db, "thuiszitters", [sj]);
    const tzSleutel = (r: Rij) => thuiszitterSleutel(db, r as Parameters<typeof thuiszitterSleutel>[1]);
    const tzRun = pas(pub, "thuiszitters", {
      rijen: somIn(cellen(db, [sj], () => [["soort", ["ABSOLUUT", "LRV"]], ["onderwijssoort", [TOTAAL, ...ONDERWIJSSOORTEN]]]),
        tzBron, "jongeren", { gemeente: REGIO, onderwijssoort: TOTAAL }),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "soort", "onderwijssoort"],
      totalen: [gemeenteTotaal, { kolom: "onderwijssoort", totaal: TOTAAL }], sleutel: tzSleutel,
    });
    // An outsider reads the jongeren with an absoluut (or LRV) melding in verzuimmeldingen as
    // those thuiszitters: where the two counts are equal, they are linked (Koppeling.som keeps
    // a relation only where it holds), so one cannot be hidden while the other gives it away.
    if (pub.koppeling) {
      const k = pub.koppeling;
      const vjSleutel = tabelSleutel("verzuim_jongeren", { tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "regeling", "verzuimsoort"], totalen: [gemeenteTotaal] });
      for (const r of tzRun) {
        if (r.onderwijssoort !== TOTAAL || typeof r.jongeren !== "number") continue;
        const a = k.zoek(vjSleutel({ gemeente: r.gemeente, schooljaar: sj, regeling: "LEERPLICHT", verzuimsoort: r.soort }, "jongeren"));
        const b = k.zoek(tzSleutel(r));
        if (a >= 0 && b >= 0 && a !== b) k.som(a, [b]);
      }
    }
    const inTotaal = totaalSoorten(db);
    const tzTotaal = pas(pub, "thuiszitters", {
      rijen: [
        ...tzRun.filter((r) => r.onderwijssoort === TOTAAL),
        ...somIn(cellen(db, [sj], () => [["soort", [TOTAAL]], ["onderwijssoort", [TOTAAL]]]),
          tzBron.filter((r) => inTotaal.includes(String(r.soort))), "jongeren", { gemeente: REGIO, soort: TOTAAL, onderwijssoort: TOTAAL }),
      ],
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "soort", "onderwijssoort"], sleutel: tzSleutel,
      // The total beside its soorten only where it is their sum (a definition of one soort: the same cell).
      totalen: [gemeenteTotaal, ...(inTotaal.length > 1 ? [{ kolom: "soort", totaal: TOTAAL }] : [])],
    });
    tabellen.push({
      id: "thuiszitters", codes: { soort: ["ABSOLUUT", "LRV"], onderwijssoort: [...ONDERWIJSSOORTEN] },
      titel: "Thuiszitters: absoluut verzuim en langdurig relatief verzuim (LRV)", rijen: tzRun.filter((r) => r.onderwijssoort !== TOTAAL),
      kolommen: ["gemeente", "naam", "schooljaar", "soort", "onderwijssoort", "jongeren"],
    });
    // The totals per soort and the definition's total, from the same cells (so they never give a hidden part back).
    tabellen.push({
      id: "thuiszitters_totaal", codes: { soort: ["ABSOLUUT", "LRV", TOTAAL] },
      titel: inTotaal.length > 1 ? "Thuiszitters per soort (wie beide heeft telt als absoluut verzuim); totaal: absoluut verzuim en LRV"
        : "Thuiszitters per soort (wie beide heeft telt als LRV); totaal: alleen LRV (de definitie van de regio)",
      rijen: tzTotaal.map(({ onderwijssoort: _o, ...r }) => r),
      kolommen: ["gemeente", "naam", "schooljaar", "soort", "jongeren"],
    });

    // ---------------------------------------------------------------- Doorstroompunt resultaat (this year)
    const dspJongerenBron = await bron(db, "dspJongeren", [sj]);
    const dspJongeren = pas(pub, "dsp_jongeren", {
      rijen: zoekIn(cellen(db, [sj], () => [["resultaat", dspResultaten]]), dspJongerenBron, "jongeren"),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "resultaat"], totalen: [gemeenteTotaal],
    });
    const dspResultaat = dspJongeren.map((j) => {
      const m = dspRij({ gemeente: j.gemeente, schooljaar: sj, verzuimsoort: TOTAAL, resultaat: j.resultaat });
      const rij: Rij = { gemeente: j.gemeente, schooljaar: sj, resultaat: j.resultaat, meldingen: m.meldingen, jongeren: j.jongeren };
      if (m.onderdrukt || j.onderdrukt) rij.onderdrukt = true;
      return rij;
    });
    tabellen.push({
      id: "doorstroompunt_preventief_resultaat", codes: { resultaat: dspResultaten }, titel: "Doorstroompunt preventief (18+): resultaat van de meldingen", rijen: dspResultaat,
      kolommen: ["gemeente", "naam", "schooljaar", "resultaat", "meldingen", "jongeren"],
    });
  }
  return tabellen;
}
