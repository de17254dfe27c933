// The jaarverslag's chapters as blocks of text, chart and table, built from the published
// tables (loaders/marts/jaarverslag.ts). The site pages and the PDF (reports/pdf.ts) both
// render these, so the numbers on screen and on paper are the same numbers.
//
// Every chart has its numbers in a table and a one-line summary. The building blocks are in
// jaarverslag-blok.ts, the rendering in jaarverslag-weergave.ts; this module is what the pages
// and the PDF import.
import { getal, datum, maandKort, maandNaam, ONDERDRUKT } from "../lib/format.js";
import { noot } from "../lib/lidmaatschap.js";
import { schooljaarMaanden } from "../lib/schooljaar.js";
import { BREUKEN, breukenTussenJaren } from "../lib/breuken.js";
import { StaafGrafiek, LijnGrafiek, MaandGrafiek, type Lijn } from "./jaarverslag-charts.js";
import { REGIO, type JvData, type JvOntbreekt } from "../lib/jaarverslag-data.js";
import { DOELGROEPEN, VERZUIMSOORTEN, TOTAAL, LANDELIJK } from "../lib/codes.js";
import { hoofdstuk, type HoofdstukId } from "../lib/hoofdstukken.js";
import {
  label, onderwijsLabel, Context, alsGetal, punt, fmt, metVorig, grootste, jaarKolommen, jaarRijen, jaarGrafiek, perGemeente, aanwezig,
  codesIn, verzuimLabel, type Keuze, type Waarde, type Kolom, type Blok,
} from "./jaarverslag-blok.js";
import { el, tekstVan, blokElement, type RenderOpties, type Uitgave } from "./jaarverslag-weergave.js";
import { inzetBlokken, inzetTekstenPerGemeente } from "./jaarverslag-inzet.js";
import { duidingBlokken } from "./jaarverslag-duiding.js";

export {
  REGIO, inpakken, uitpakken, type Rij, type JvTabel, type JvOntbreekt, type JvJaar, type JvData, type JvTabelKort, type JvDataKort,
} from "../lib/jaarverslag-data.js";

export { label, Context, alsGetal, type Keuze, type Waarde, type Kolom, type Weergave, type Blok } from "./jaarverslag-blok.js";
export { tabelElement, tekstVan, blokElement, gemeentenIn, type RenderOpties, type Uitgave } from "./jaarverslag-weergave.js";

export { HOOFDSTUKKEN, type HoofdstukId } from "../lib/hoofdstukken.js";

// ------------------------------------------------------------------ chapters

export function blokken(data: JvData, hoofdstuk: HoofdstukId, keuze: Keuze): Blok[] {
  // A chapter whose exports were not delivered has no tables: it shows what it needs (hoofdstukElement).
  if (ontbreektVan(data, hoofdstuk)) return [];
  const c = new Context(data, keuze);
  // In titles "hele regio", in sentences "de regio"; a gemeente by its name.
  const titelWie = c.isRegio ? "hele regio" : c.naam(c.focus);
  const zin = c.isRegio ? "de regio" : c.naam(c.focus);
  const wie = titelWie;
  const sj = c.sj;
  const uit: Blok[] = [];

  if (hoofdstuk === "leerlingen") {
    const soorten = codesIn(c, "leerlingen", "onderwijssoort");
    const rijen = jaarRijen(c, "leerlingen", "onderwijssoort", soorten, ["leerlingen"], {}, onderwijsLabel);
    const peil = c.rijen("leerlingen").find((r) => r.peildatum)?.peildatum as string | undefined;
    const top = grootste(rijen.map((r) => ({ categorie: String(r.categorie), w: r.leerlingen_nu })));
    uit.push({
      id: "leerlingen", titel: `Leerlingen per onderwijssoort, ${wie}`,
      samenvatting: peil
        ? `Op ${datum(peil)} ${top ? `was ${top.categorie} de grootste onderwijssoort${top.afgeschermd ? " van de getoonde" : ""} met ${getal(top.w)} leerlingen` : "waren er geen leerlingen in de gegevens"} in ${zin}.`
        : `Voor ${sj} is er geen peildatum in de gegevens.`,
      grafiek: jaarGrafiek(c, rijen, "leerlingen", `Staafdiagram: leerlingen per onderwijssoort in ${zin}, ${sj}${c.vorig ? ` en ${c.vorig}` : ""}`),
      tabel: { kolommen: jaarKolommen(c, ["leerlingen"], "Onderwijssoort").map((k) => ({ ...k, kop: k.kop.replace(/ leerlingen$/, "") })), rijen },
      toelichting: (data.jaren[sj]?.tabellen.find((t) => t.id === "leerlingen")?.titel ?? "").replace(/^Leerlingen per onderwijssoort /, "Peildatum: "),
    });
    const dRijen = jaarRijen(c, "doelgroepen", "doelgroep", DOELGROEPEN, ["jongeren"]);
    uit.push({
      id: "doelgroepen", titel: `Jongeren per doelgroep, ${wie}`,
      samenvatting: `Op de peildatum waren ${fmt(dRijen[0].jongeren_nu)} jongeren in ${zin} leerplichtig en ${fmt(dRijen[1].jongeren_nu)} kwalificatieplichtig; ` +
        `${fmt(dRijen[2].jongeren_nu)} waren nieuwe en ${fmt(dRijen[3].jongeren_nu)} oude voortijdig schoolverlaters.`,
      grafiek: jaarGrafiek(c, dRijen, "jongeren", `Staafdiagram: jongeren per doelgroep in ${zin}`),
      tabel: { kolommen: jaarKolommen(c, ["jongeren"], "Doelgroep").map((k) => ({ ...k, kop: k.kop.replace(/ jongeren$/, "") })), rijen: dRijen },
      toelichting: "Een jongere kan in meer dan één doelgroep vallen (bijvoorbeeld VSV en NEET).",
    });
    if (c.isRegio) {
      uit.push({
        id: "leerlingen-per-gemeente", titel: `Leerlingen per gemeente, ${sj}`,
        samenvatting: `Leerlingen per onderwijssoort voor elke gemeente van de regio op de peildatum van ${sj}.`,
        tabel: perGemeente(c, "leerlingen", "onderwijssoort", soorten, "leerlingen", {}, onderwijsLabel),
      });
    }
  }

  if (hoofdstuk === "verzuim") {
    const rijen = jaarRijen(c, "verzuimmeldingen", "verzuimsoort", VERZUIMSOORTEN, ["meldingen", "jongeren"], { regeling: "LEERPLICHT" }, verzuimLabel(data));
    const luxe = rijen[1];
    uit.push({
      id: "verzuim-soort", titel: `Verzuimmeldingen Leerplicht naar soort, ${wie}`,
      samenvatting: `In ${sj} kwamen in ${zin} ${metVorig(rijen[0].meldingen_nu, rijen[0].meldingen_vorig ?? null, c.vorig)} meldingen van wettelijk verzuim binnen ` +
        `en ${metVorig(luxe.meldingen_nu, luxe.meldingen_vorig ?? null, c.vorig)} meldingen van luxe verzuim.`,
      grafiek: jaarGrafiek(c, rijen, "meldingen", `Staafdiagram: verzuimmeldingen Leerplicht per soort in ${zin}, ${sj}${c.vorig ? ` tegen ${c.vorig}` : ""}`),
      tabel: { kolommen: jaarKolommen(c, ["meldingen", "jongeren"], "Verzuimsoort"), rijen },
      toelichting: "Meldingen van jongeren onder de 18 jaar. 'Jongeren' telt iedere jongere één keer per verzuimsoort.",
    });
    const maandLijst = schooljaarMaanden(sj);
    const mRijen = maandLijst.map((m) => {
      const r: Record<string, Waarde> = { categorie: maandKort(m + "-01") };
      for (const s of VERZUIMSOORTEN) r[s] = c.w("verzuim_per_maand", { gemeente: c.focus, schooljaar: sj, maand: m, verzuimsoort: s }, "meldingen");
      return r;
    });
    const luxeTop = grootste(mRijen.map((r) => ({ categorie: String(r.categorie), w: r.LUXE })));
    uit.push({
      id: "verzuim-maand", titel: `Verzuimmeldingen Leerplicht per maand, ${wie}, ${sj}`,
      samenvatting: luxeTop
        ? `${luxeTop.afgeschermd ? "Van de getoonde maanden piekt luxe verzuim" : "Luxe verzuim piekt"} in ${maandNaam(Number(maandLijst[mRijen.findIndex((r) => r.categorie === luxeTop.categorie)].slice(5, 7)))} met ${getal(luxeTop.w)} meldingen.`
        : `Het verloop van de meldingen over de maanden van ${sj}.`,
      grafiek: (width, doc) => MaandGrafiek(
        mRijen.flatMap((r, i) => VERZUIMSOORTEN.map((s): Lijn => ({
          lijn: verzuimLabel(data)(s), x: maandLijst[i], waarde: alsGetal(r[s]), onderdrukt: typeof r[s] === "string",
        }))),
        { width, document: doc, beschrijving: `Lijndiagram: verzuimmeldingen per maand per soort in ${zin}, ${sj}`,
          xLabels: (x) => maandKort(x + "-01").slice(0, 3) },
      ),
      tabel: { kolommen: [{ sleutel: "categorie", kop: "Maand" }, ...VERZUIMSOORTEN.map((s) => ({ sleutel: s, kop: verzuimLabel(data)(s) }))], rijen: mRijen },
    });
    const handhavingen = aanwezig(c, "luxe_verzuim_afhandeling", "handhaving", codesIn(c, "luxe_verzuim_afhandeling", "handhaving"), "meldingen", {},
      ["GEOORLOOFD", "WAARSCHUWING", "PROCES_VERBAAL", "HALT"]);
    const hRijen = jaarRijen(c, "luxe_verzuim_afhandeling", "handhaving", handhavingen, ["meldingen"]);
    const pv = hRijen.find((r) => r.categorie === label("PROCES_VERBAAL"));
    uit.push({
      id: "luxe-afhandeling", titel: `Afhandeling van luxe verzuim, ${wie}`,
      samenvatting: `Van de meldingen luxe verzuim in ${sj} leidden er ${fmt(pv?.meldingen_nu ?? null)} tot een proces-verbaal` +
        ` en ${fmt(hRijen.find((r) => r.categorie === label("WAARSCHUWING"))?.meldingen_nu ?? null)} tot een waarschuwing.`,
      grafiek: jaarGrafiek(c, hRijen, "meldingen", `Staafdiagram: afhandeling van luxe verzuim in ${zin}`),
      tabel: { kolommen: jaarKolommen(c, ["meldingen"], "Afhandeling").map((k) => ({ ...k, kop: k.kop.replace(/ meldingen$/, "") })), rijen: hRijen },
    });
    if (c.isRegio) {
      uit.push({
        id: "verzuim-per-gemeente", titel: `Verzuimmeldingen Leerplicht per gemeente, ${sj}`,
        samenvatting: `Meldingen per verzuimsoort voor elke gemeente van de regio in ${sj}.`,
        tabel: perGemeente(c, "verzuimmeldingen", "verzuimsoort", VERZUIMSOORTEN, "meldingen", { regeling: "LEERPLICHT" }, verzuimLabel(data)),
      });
    }
  }

  if (hoofdstuk === "thuiszitters") {
    const soorten = codesIn(c, "thuiszitters", "onderwijssoort").filter((o) =>
      ["ABSOLUUT", "LRV"].some((s) => { const w = c.w("thuiszitters", { gemeente: REGIO, schooljaar: sj, soort: s, onderwijssoort: o }, "jongeren"); return w !== 0 && w !== null; }));
    const rijen = soorten.map((o) => {
      const r: Record<string, Waarde> = { categorie: onderwijsLabel(o) };
      for (const s of ["ABSOLUUT", "LRV"]) {
        r[s] = c.w("thuiszitters", { gemeente: c.focus, schooljaar: sj, soort: s, onderwijssoort: o }, "jongeren");
        if (!c.isRegio) r[`${s}_regio`] = c.w("thuiszitters", { gemeente: REGIO, schooljaar: sj, soort: s, onderwijssoort: o }, "jongeren");
      }
      return r;
    });
    const kol: Kolom[] = [{ sleutel: "categorie", kop: "Onderwijssoort" }, { sleutel: "ABSOLUUT", kop: `Absoluut verzuim ${c.kort(c.focus)}` },
      { sleutel: "LRV", kop: `Langdurig relatief verzuim ${c.kort(c.focus)}` }];
    if (!c.isRegio) kol.push({ sleutel: "ABSOLUUT_regio", kop: "Absoluut verzuim regio" }, { sleutel: "LRV_regio", kop: "Langdurig relatief verzuim regio" });
    const tz = (g: string, s: string) => c.w("thuiszitters_totaal", { gemeente: g, schooljaar: sj, soort: s }, "jongeren");
    const alleenLrv = c.data.definities?.thuiszitters === "LRV";
    uit.push({
      id: "thuiszitters", titel: `Thuiszitters per onderwijssoort, ${wie}, ${sj}`,
      samenvatting: soorten.length
        ? `In ${sj} waren er in ${zin} ${metVorig(tz(c.focus, TOTAAL), c.vorig ? c.w("thuiszitters_totaal", { gemeente: c.focus, schooljaar: c.vorig, soort: TOTAAL }, "jongeren") : null, c.vorig)} ` +
          `thuiszitters (${alleenLrv ? "alleen langdurig relatief verzuim, de definitie van de regio" : "absoluut en langdurig relatief verzuim"}); ` +
          `${fmt(tz(c.focus, "ABSOLUUT"))} met absoluut verzuim en ${fmt(tz(c.focus, "LRV"))} met langdurig relatief verzuim.`
        : `In ${sj} zijn er geen thuiszitters geregistreerd.`,
      grafiek: soorten.length ? (width, doc) => StaafGrafiek(
        rijen.flatMap((r) => [punt(String(r.categorie), r.ABSOLUUT, "Absoluut"), punt(String(r.categorie), r.LRV, "LRV")]),
        { width, document: doc, beschrijving: `Staafdiagram: thuiszitters per onderwijssoort in ${zin}, ${sj}` },
      ) : undefined,
      tabel: { kolommen: kol, rijen },
      toelichting: alleenLrv
        ? "Een thuiszitter is een leerplichtige jongere (jonger dan 18) met een melding van langdurig relatief verzuim in het schooljaar: ingeschreven en langer dan 4 weken thuis. " +
          "Absoluut verzuim staat ernaast maar telt niet mee in het totaal; wie beide heeft telt één keer, als LRV, bij de gemeente en onderwijssoort van de laatste melding."
        : "Een thuiszitter is een leerplichtige jongere (jonger dan 18) met een melding van absoluut of langdurig relatief verzuim in het schooljaar; " +
          "wie beide heeft telt één keer, als absoluut verzuim, bij de gemeente en onderwijssoort van de laatste melding.",
    });
    uit.push({
      id: "thuiszitters-jaren", titel: `Thuiszitters per soort, ${titelWie}`,
      samenvatting: `Het aantal thuiszitters in ${zin}${c.vorig ? `, ${sj} tegen ${c.vorig}` : ""}.`,
      tabel: {
        kolommen: jaarKolommen(c, ["jongeren"], "Soort").map((k) => ({ ...k, kop: k.kop.replace(/ jongeren$/, "") })),
        rijen: jaarRijen(c, "thuiszitters_totaal", "soort", ["ABSOLUUT", "LRV", TOTAAL], ["jongeren"], {},
          (s) => (s === TOTAAL ? (alleenLrv ? "Thuiszitters (alleen LRV)" : "Thuiszitters (samen)") : label(s))),
      },
    });
    if (c.isRegio) {
      uit.push({
        id: "thuiszitters-per-gemeente", titel: `Thuiszitters per gemeente, ${sj}`,
        samenvatting: `Thuiszitters per soort voor elke gemeente van de regio in ${sj}.`,
        tabel: perGemeente(c, "thuiszitters_totaal", "soort", ["ABSOLUUT", "LRV"], "jongeren"),
      });
    }
  }

  if (hoofdstuk === "vrijstellingen") {
    const artikelen = codesIn(c, "vrijstellingen", "artikel");
    const rijen = jaarRijen(c, "vrijstellingen", "artikel", artikelen, ["vrijstellingen"], {}, (a) => `Artikel ${label(a)}`);
    const a5 = rijen.find((r) => String(r.categorie).startsWith("Artikel 5 onder a"));
    uit.push({
      id: "vrijstellingen", titel: `Vrijstellingen afgegeven per artikel, ${wie}`,
      samenvatting: `In ${sj} werden in ${zin} ${metVorig(a5?.vrijstellingen_nu ?? null, a5?.vrijstellingen_vorig ?? null, c.vorig)} vrijstellingen op grond van artikel 5 onder a afgegeven.`,
      grafiek: jaarGrafiek(c, rijen, "vrijstellingen", `Staafdiagram: vrijstellingen per artikel in ${zin}`),
      tabel: { kolommen: jaarKolommen(c, ["vrijstellingen"], "Artikel Leerplichtwet").map((k) => ({ ...k, kop: k.kop.replace(/ vrijstellingen$/, "") })), rijen },
      toelichting: "Afgegeven: besluit toegekend, met een begindatum in het schooljaar.",
    });
    // The stock beside the flow: regio.json definities.vrijgestelden says which is the key figure, shown first.
    const stroomEerst = c.data.definities?.vrijgestelden !== "ACTIEF_OP_PEILDATUM";
    const stroom = uit.pop()!;
    if (stroomEerst) uit.push(stroom);
    const voorraadTabel = c.data.jaren[sj]?.tabellen.find((t) => t.id === "vrijgesteld_op_peildatum");
    if (voorraadTabel) {
      const vArtikelen = codesIn(c, "vrijgesteld_op_peildatum", "artikel");
      const vRijen = jaarRijen(c, "vrijgesteld_op_peildatum", "artikel", vArtikelen, ["jongeren"], {}, (a) => `Artikel ${label(a)}`);
      const peil = c.rijen("vrijgesteld_op_peildatum").find((r) => r.peildatum)?.peildatum as string | undefined;
      const v5a = vRijen.find((r) => String(r.categorie).startsWith("Artikel 5 onder a"));
      uit.push({
        id: "vrijgesteld-op-peildatum", titel: `Vrijgestelde jeugdigen op de peildatum, ${wie}`,
        samenvatting: peil ? `Op ${datum(peil)} hadden in ${zin} ${metVorig(v5a?.jongeren_nu ?? null, v5a?.jongeren_vorig ?? null, c.vorig)} jeugdigen een lopende vrijstelling op grond van artikel 5 onder a.`
          : `Voor ${sj} is er geen peildatum.`,
        tabel: { kolommen: jaarKolommen(c, ["jongeren"], "Artikel Leerplichtwet").map((k) => ({ ...k, kop: k.kop.replace(/ jongeren$/, "") })), rijen: vRijen },
        toelichting: `Voorraad: jeugdigen met een toegekende vrijstelling die op de peildatum loopt (begonnen en nog niet geëindigd). ` +
          `Instroom: de vrijstellingen die in het schooljaar zijn afgegeven${stroomEerst ? " (hierboven)" : " (hieronder)"}.`,
      });
    }
    if (!stroomEerst) uit.push(stroom);
    if (c.isRegio) {
      uit.push({
        id: "vrijstellingen-per-gemeente", titel: `Vrijstellingen per gemeente, ${sj}`,
        samenvatting: `Afgegeven vrijstellingen per artikel voor elke gemeente in ${sj}.`,
        tabel: perGemeente(c, "vrijstellingen", "artikel", artikelen, "vrijstellingen"),
      });
    }
  }

  if (hoofdstuk === "doorstroompunt") {
    const rijen = jaarRijen(c, "verzuimmeldingen", "verzuimsoort", VERZUIMSOORTEN, ["meldingen", "jongeren"], { regeling: "DOORSTROOMPUNT" }, verzuimLabel(data));
    uit.push({
      id: "doorstroompunt-soort", titel: `Meldingen Doorstroompunt preventief naar soort, ${wie}`,
      samenvatting: `In ${sj} kwamen voor jongeren van 18 jaar en ouder in ${zin} ${metVorig(rijen[0].meldingen_nu, rijen[0].meldingen_vorig ?? null, c.vorig)} meldingen van wettelijk verzuim binnen.`,
      grafiek: jaarGrafiek(c, rijen, "meldingen", `Staafdiagram: meldingen Doorstroompunt per verzuimsoort in ${zin}`),
      tabel: { kolommen: jaarKolommen(c, ["meldingen", "jongeren"], "Verzuimsoort"), rijen },
    });
    const resultaten = aanwezig(c, "doorstroompunt_preventief_resultaat", "resultaat", codesIn(c, "doorstroompunt_preventief_resultaat", "resultaat"), "meldingen", {},
      ["IN_ONDERWIJS", "UITGESCHREVEN", "VERHUISD", "DOORLOPEND"]);
    const rRijen = jaarRijen(c, "doorstroompunt_preventief_resultaat", "resultaat", resultaten, ["meldingen", "jongeren"]);
    const inOnderwijs = rRijen.find((r) => r.categorie === label("IN_ONDERWIJS"));
    uit.push({
      id: "doorstroompunt-resultaat", titel: `Resultaat van de meldingen Doorstroompunt, ${wie}, ${sj}`,
      samenvatting: `${fmt(inOnderwijs?.meldingen_nu ?? null)} meldingen in ${sj} eindigden met een jongere die in het onderwijs bleef; ` +
        `${fmt(rRijen.find((r) => r.categorie === label("DOORLOPEND"))?.meldingen_nu ?? null)} liepen aan het eind van het schooljaar nog door.`,
      grafiek: jaarGrafiek(c, rRijen, "meldingen", `Staafdiagram: resultaat van meldingen Doorstroompunt in ${zin}`),
      tabel: { kolommen: jaarKolommen(c, ["meldingen", "jongeren"], "Resultaat"), rijen: rRijen },
      toelichting: "Doorlopend: nog niet afgesloten, of afgesloten na 31 juli van het schooljaar.",
    });
    if (c.isRegio) {
      uit.push({
        id: "doorstroompunt-per-gemeente", titel: `Meldingen Doorstroompunt per gemeente, ${sj}`,
        samenvatting: `Meldingen voor jongeren van 18 jaar en ouder per verzuimsoort voor elke gemeente in ${sj}.`,
        tabel: perGemeente(c, "verzuimmeldingen", "verzuimsoort", VERZUIMSOORTEN, "meldingen", { regeling: "DOORSTROOMPUNT" }, verzuimLabel(data)),
      });
    }
  }

  if (hoofdstuk === "vsv") {
    const categorieen = [TOTAAL, "NIEUW", "OUD", "TERUGGELEID_NAAR_ONDERWIJS", "ONDERWIJS_NIET_HAALBAAR"];
    const rijen = jaarRijen(c, "vsv_benaderd", "categorie", categorieen, ["trajecten", "jongeren"]);
    uit.push({
      id: "vsv-benaderd", titel: `VSV'ers benaderd, ${wie}`,
      samenvatting: `In ${sj} benaderde het Doorstroompunt in ${zin} ${fmt(rijen[0].jongeren_nu)} voortijdig schoolverlaters in ${fmt(rijen[0].trajecten_nu)} trajecten; ` +
        `${fmt(rijen[3].trajecten_nu)} trajecten leidden terug naar onderwijs.`,
      grafiek: jaarGrafiek(c, rijen, "trajecten", `Staafdiagram: trajecten met VSV'ers in ${zin}`),
      tabel: { kolommen: jaarKolommen(c, ["trajecten", "jongeren"], "Groep"), rijen },
      toelichting: "Een traject telt mee in elk schooljaar waarin het liep. Teruggeleid naar onderwijs: onderwijs gestart of aangemeld; " +
        "onderwijs niet haalbaar: uitstroomprofiel, hulpverlening of uitkering.",
    });
    const resultaten = codesIn(c, "vsv_resultaat", "resultaat");
    // The report groups come with the table (codes.TERUGGELEID_NAAR_ONDERWIJS etc., definitions.ts).
    const groepCodes = c.data.jaren[sj]?.tabellen.find((t) => t.id === "vsv_resultaat")?.codes ?? {};
    const groepVan = (r: string) => ["TERUGGELEID_NAAR_ONDERWIJS", "ONDERWIJS_NIET_HAALBAAR"].find((g) => groepCodes[g]?.includes(r)) ?? "";
    const resLabel = (r: string) => {
      const g = groepVan(r);
      return g === "TERUGGELEID_NAAR_ONDERWIJS" ? `Teruggeleid: ${label(r).toLowerCase()}` : g === "ONDERWIJS_NIET_HAALBAAR" ? `Niet haalbaar: ${label(r).replace(/^Niet haalbaar /, "").toLowerCase()}` : label(r);
    };
    const rRijen = jaarRijen(c, "vsv_resultaat", "resultaat", resultaten, ["trajecten"], {}, resLabel, false);
    uit.push({
      id: "vsv-resultaat", titel: `Resultaat van de trajecten met VSV'ers, ${wie}, ${sj}`,
      samenvatting: `Het resultaat van elk traject in ${sj}: het resultaat als het traject in dit schooljaar eindigde, anders 'lopend'.`,
      grafiek: (width, doc) => StaafGrafiek(rRijen.map((r) => punt(String(r.categorie), r.trajecten_nu)),
        { width, document: doc, beschrijving: `Staafdiagram: resultaat van trajecten met VSV'ers in ${zin}, ${sj}` }),
      tabel: {
        kolommen: [{ sleutel: "categorie", kop: "Resultaat" }, { sleutel: "trajecten_nu", kop: `${c.kort(c.focus)} ${sj}` },
          ...(c.isRegio ? [] : [{ sleutel: "trajecten_regio", kop: `Regio ${sj}` }])],
        rijen: rRijen,
      },
    });
    if (c.isRegio) {
      uit.push({
        id: "vsv-per-gemeente", titel: `VSV'ers benaderd per gemeente, ${sj}`,
        samenvatting: `Trajecten met VSV'ers per gemeente in ${sj}.`,
        tabel: perGemeente(c, "vsv_benaderd", "categorie", categorieen, "trajecten"),
      });
    }
  }

  if (hoofdstuk === "vsv-percentages") {
    const pct = c.rijen("vsv_percentage", sj);
    const jaren = [...new Set(pct.map((r) => String(r.schooljaar)))].sort();
    const eenheden: string[] = [LANDELIJK, REGIO, ...(c.isRegio ? [] : [c.focus])];
    // A percentage of a suppressed count is suppressed with it (the mart nulls it): ONDERDRUKT.
    const zoekPct = (g: string, j: string, k: string) => c.w("vsv_percentage", { gemeente: g, schooljaar: j }, k, sj);
    const rijen = jaren.map((j) => {
      const r: Record<string, Waarde> = { categorie: j };
      for (const g of eenheden) r[g] = zoekPct(g, j, "percentage");
      return r;
    });
    const eigenCode = c.isRegio ? REGIO : c.focus;
    const waar = c.isRegio ? "de regio" : wie;
    const zin = (j: string) => `was het VSV-percentage ${fmt(zoekPct(eigenCode, j, "percentage"), 2, " %")} in ${waar}` +
      ` tegen ${fmt(zoekPct(LANDELIJK, j, "percentage"), 2, " %")} in heel Nederland`;
    // OCW/DUO publish a year's percentages later: say so instead of "– tegen –".
    const metCijfers = jaren.filter((j) => zoekPct(eigenCode, j, "percentage") !== null && zoekPct(LANDELIJK, j, "percentage") !== null);
    const samenvatting = metCijfers.includes(sj)
      ? `In ${sj} ${zin(sj)}.`
      : metCijfers.length
        ? `Voor ${sj} zijn er nog geen officiële VSV-percentages van OCW/DUO. In ${metCijfers.at(-1)}, het laatste schooljaar met cijfers, ${zin(metCijfers.at(-1)!)}.`
        : `Voor ${waar} zijn er nog geen officiële VSV-percentages van OCW/DUO.`;
    uit.push({
      id: "vsv-percentages", titel: `VSV-percentage over de jaren: ${c.isRegio ? "regio" : wie} en Nederland`,
      samenvatting,
      grafiek: jaren.length ? (width, doc) => LijnGrafiek(
        rijen.flatMap((r) => eenheden.map((g): Lijn => ({ lijn: g === REGIO ? "Regio" : c.naam(g), x: String(r.categorie), waarde: alsGetal(r[g]), onderdrukt: typeof r[g] === "string" }))),
        { width, document: doc, decimalen: 1, yLabel: "VSV-percentage", beschrijving: `Lijndiagram: VSV-percentage per schooljaar` },
      ) : undefined,
      tabel: { kolommen: [{ sleutel: "categorie", kop: "Schooljaar" }, ...eenheden.map((g) => ({ sleutel: g, kop: g === REGIO ? "Regio" : c.naam(g), decimalen: 2, eenheid: " %" }))], rijen },
      toelichting: "Officiële cijfers van OCW/DUO: nieuwe voortijdig schoolverlaters als percentage van de deelnemers op 1 oktober. " +
        `– : geen cijfer. Het percentage van een gemeente is afgeschermd (${ONDERDRUKT}) als haar aantal voortijdig schoolverlaters dat is.`,
    });
    if (c.isRegio) {
      uit.push({
        id: "vsv-percentages-per-gemeente", titel: "VSV-percentage per gemeente",
        samenvatting: "Het officiële VSV-percentage van elke gemeente van de regio over de jaren.",
        tabel: {
          kolommen: [{ sleutel: "categorie", kop: "Gemeente" }, ...jaren.map((j) => ({ sleutel: j, kop: j, decimalen: 2, eenheid: " %" }))],
          rijen: c.leden().map((g) => {
            const r: Record<string, Waarde> = { categorie: c.naam(g) };
            for (const j of jaren) r[j] = zoekPct(g, j, "percentage");
            return r;
          }),
        },
      });
    }
  }

  if (hoofdstuk === "duiding" || hoofdstuk === "bbv" || hoofdstuk === "overstap") uit.push(...duidingBlokken(c, hoofdstuk));
  if (hoofdstuk === "inzet") uit.push(...inzetBlokken(c));
  return uit;
}

/** The figures of each chapter that a break in the series can touch (src/lib/breuken.ts). */
const BREUK_MATEN: Partial<Record<HoofdstukId, string[]>> = { leerlingen: ["VSV_NIEUW", "VSV_OUD"], vsv: ["vsv_benaderd"], inzet: ["vsv_benaderd"] };

/** A chapter: the coördinator's text (HTML made from Markdown at build time), then the blocks. */
export function hoofdstukElement(data: JvData, id: HoofdstukId, keuze: Keuze, o: RenderOpties & { kop?: boolean }): HTMLElement {
  const doc = o.document ?? document;
  const sectie = el(doc, "section", { class: "jv-hoofdstuk", id: `hoofdstuk-${id}` });
  const h = hoofdstuk(id);
  if (o.kop) sectie.append(el(doc, "h2", {}, h.titel));
  // A partial delivery: the chapter says which export it needs, and nothing else (no text, no empty chart).
  const mist = ontbreektVan(data, id);
  if (mist) {
    sectie.append(el(doc, "div", { class: "note vsv-ontbreekt jv-ontbreekt", role: "status", label: "Nog niet aangeleverd" }, el(doc, "p", {}, mist.tekst)));
    return sectie;
  }
  const tekst = tekstVan(data, keuze, id);
  if (tekst) {
    const div = el(doc, "div", { class: "jv-tekst" });
    div.innerHTML = tekst; // rendered by markdown-it with raw HTML disabled
    sectie.append(div);
  } else if (id === "verhalen") {
    // Reached from the sidebar or an old link (the contents and the PDF leave it out: heeftInhoud): say why it is empty.
    sectie.append(el(doc, "p", { class: "samenvatting" }, `De regio heeft voor ${keuze.schooljaar} geen verhalen uit de praktijk in het jaarverslag opgenomen; de cijfers staan in de andere hoofdstukken.`));
  }
  // Membership for part of the year: which gemeenten and periods the figures cover, before them.
  const dk = data.jaren[keuze.schooljaar]?.dekking;
  const dekking = id === "verhalen" || !dk ? "" : noot([dk], keuze.gemeente, keuze.schooljaar);
  if (dekking) sectie.append(el(doc, "p", { class: "jv-dekking" }, dekking));
  // A break in the series between the previous schooljaar and this one: said before the comparison.
  const vorig = `${Number(keuze.schooljaar.slice(0, 4)) - 1}-${keuze.schooljaar.slice(0, 4)}`;
  const maten = BREUK_MATEN[id] ?? [];
  const breuken = BREUKEN.filter((b) => maten.some((m) => breukenTussenJaren(m, vorig, keuze.schooljaar).includes(b)));
  for (const b of breuken) sectie.append(el(doc, "p", { class: "jv-breuk" }, `Breuk in de reeks (${b.naam}): ${b.uitleg}`));
  const uitgave: Uitgave = { regio: data.regio, minimumCel: data.minimumCel, gemeenteNaam: keuze.gemeente === REGIO ? undefined : data.gemeenten.find((g) => g.code === keuze.gemeente)?.naam };
  for (const b of blokken(data, id, keuze)) sectie.append(blokElement(b, keuze, { ...o, uitgave }));
  // The regio's Inzet: each gemeente's own text beside its figures.
  const perGemeente = id === "inzet" ? inzetTekstenPerGemeente(data, keuze, doc) : null;
  if (perGemeente) sectie.append(perGemeente);
  return sectie;
}

/** What a chapter lacks when its exports were not delivered (the sentence in its place), else undefined. */
export function ontbreektVan(data: JvData, id: HoofdstukId): JvOntbreekt | undefined {
  return data.ontbreekt?.find((x) => x.hoofdstuk === id);
}

/** Whether a chapter has anything to show: a text-only chapter (Verhalen) is left out without a text. */
export function heeftInhoud(data: JvData, id: HoofdstukId, keuze: Keuze): boolean {
  return !hoofdstuk(id).alleenTekst || Boolean(tekstVan(data, keuze, id));
}
