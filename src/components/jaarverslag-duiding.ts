// The jaarverslag's chapters on what the figures mean: verwacht tegen waargenomen VSV (with
// the marge and the sentence per gemeente), the BBV-indicatoren and the overstap. Built from
// the published tables vsv_verwacht, bbv and overstap (loaders/marts/jaarverslag-duiding.ts);
// every ratio, marge and sentence was made there from published counts only.
import { datum, getal, ONDERDRUKT } from "../lib/format.js";
import { REGIO, type Rij } from "../lib/jaarverslag-data.js";
import { ALLE, TOTAAL, LANDELIJK } from "../lib/codes.js";
import { BBV_INDICATOREN, type BbvDefinitie } from "../lib/bbv.js";
import { tovRegio, tovRegioTekst } from "../lib/vergelijk.js";
import { oordelenZin } from "../lib/duiding.js";
import { BESTEMMINGEN, BESTEMMING_LABEL, HERKOMSTEN, HERKOMST_LABEL } from "../lib/overstap.js";
import type { Oordeel } from "../lib/statistiek.js";
import { StaafGrafiek } from "./jaarverslag-charts.js";
import { Funnel, type VerwachtRij } from "./duiding.js";
import { Context, punt, fmt, grootste, type Blok, type Kolom, type Waarde } from "./jaarverslag-blok.js";

const OORDEEL_TEKST: Record<Oordeel, string> = { hoger: "meer dan verwacht", "ongeveer gelijk": "binnen het toeval", lager: "minder dan verwacht" };

/** A published count: the number, • when suppressed, – when there is none. */
const aantal = (r: Rij | undefined, k: string): Waarde =>
  typeof r?.[k] === "number" ? (r[k] as number) : r?.onderdrukt ? ONDERDRUKT : null;
const marge = (onder: unknown, boven: unknown, d: number): Waarde =>
  typeof onder === "number" && typeof boven === "number" ? `${getal(onder, d)}–${getal(boven, d)}` : null;

// ------------------------------------------------------------------ verwacht en waargenomen

function verwachtBlokken(c: Context): Blok[] {
  const rijen = c.rijen("vsv_verwacht");
  // Without its exports the chapter is not computed and says what it needs (jaarverslag.ts hoofdstukElement).
  const jaren = [...new Set(rijen.map((r) => String(r.schooljaar)))].filter((j) => j <= c.sj).sort();
  const jaar = jaren[jaren.length - 1];
  if (!jaar) {
    return [{ id: "verwacht-leeg", titel: "Verwacht en waargenomen VSV", tabel: { kolommen: [], rijen: [] },
      samenvatting: `Tot en met ${c.sj} is er geen schooljaar met zowel een CBS-risicoscore als een officieel VSV-cijfer.` }];
  }
  const later = jaar < c.sj ? `De officiële cijfers over ${c.sj} zijn er nog niet; dit zijn die van ${jaar}, het laatste schooljaar met cijfers. ` : "";
  const vind = (g: string, j = jaar) => rijen.find((r) => r.gemeente === g && r.schooljaar === j);
  const regel = (r: Rij | undefined, categorie: string): Record<string, Waarde> => ({
    categorie, vsv: aantal(r, "vsv"), verwacht: typeof r?.verwacht === "number" ? r.verwacht : null,
    verhouding: typeof r?.verhouding === "number" ? r.verhouding : r?.onderdrukt ? ONDERDRUKT : null,
    marge: marge(r?.onder95, r?.boven95, 2) ?? (r?.onderdrukt ? ONDERDRUKT : null),
    oordeel: r?.oordeel ? OORDEEL_TEKST[r.oordeel as Oordeel] : r?.onderdrukt ? ONDERDRUKT : null,
  });
  const kolommen: Kolom[] = [{ sleutel: "categorie", kop: "Gemeente" }, { sleutel: "vsv", kop: "Nieuwe vsv'ers" },
    { sleutel: "verwacht", kop: "Verwacht (CBS)", decimalen: 1 }, { sleutel: "verhouding", kop: "Waargenomen / verwacht", decimalen: 2 },
    { sleutel: "marge", kop: "Marge (95 %)" }, { sleutel: "oordeel", kop: "Oordeel", tekst: true }];
  const gemeenten = rijen.filter((r) => r.schooljaar === jaar && r.gemeente !== REGIO && (c.isRegio || r.gemeente === c.focus))
    .sort((a, b) => c.naam(String(a.gemeente)).localeCompare(c.naam(String(b.gemeente)), "nl"));
  const regio = vind(REGIO);
  const tabelRijen = [...gemeenten.map((r) => regel(r, c.naam(String(r.gemeente)))),
    ...(regio ? [regel(regio, `${c.data.regio} (som van de gemeenten)`)] : [])];
  const telOordeel = (o: Oordeel) => gemeenten.filter((r) => r.oordeel === o).length;
  const afgeschermd = gemeenten.filter((r) => r.oordeel == null).length;
  const eigen = vind(c.focus);
  const samenvatting = later + (c.isRegio
    ? oordelenZin({ gemeenten: gemeenten.length, jaar, hoger: telOordeel("hoger"), lager: telOordeel("lager"), gelijk: telOordeel("ongeveer gelijk"), afgeschermd }) +
      (regio?.zin ? ` ${regio.zin}` : "")
    : String(eigen?.zin ?? `Voor ${c.naam(c.focus)} is er in ${jaar} geen vergelijking.`));
  const toelichting = "Verwacht: de risicoscore van het CBS, de som van de kansen op voortijdig schoolverlaten van alle vo-leerlingen en mbo-studenten in de gemeente. " +
    "Waargenomen: het officiële aantal nieuwe vsv'ers van OCW/DUO in hetzelfde schooljaar. Marge: het exacte 95 %-betrouwbaarheidsinterval (Poisson, Garwood) " +
    "gedeeld door het verwachte aantal; ligt 1 erbinnen, dan valt het verschil binnen het toeval. Van een afgeschermd aantal is er geen verhouding.";
  // The funnel of all gemeenten, as on the site (only the regio's report has every gemeente).
  const punten = gemeenten.map((r) => ({ ...r, naam: c.naam(String(r.gemeente)) }) as unknown as VerwachtRij);
  const uit: Blok[] = [{
    id: "verwacht", titel: `Verwacht en waargenomen VSV, ${c.isRegio ? "per gemeente" : c.naam(c.focus)}, ${jaar}`,
    samenvatting, tabel: { kolommen, rijen: tabelRijen }, toelichting,
    ...(c.isRegio && punten.some((p) => p.verhouding != null) ? { grafiek: (width: number, doc?: Document) => Funnel(punten, { width, document: doc }) } : {}),
  }];
  if (c.isRegio) {
    uit.push({
      id: "verwacht-zinnen", titel: `Per gemeente in woorden, ${jaar}`,
      samenvatting: "Wat de vergelijking voor elke gemeente betekent, in één zin.",
      tabel: { kolommen: [{ sleutel: "categorie", kop: "Gemeente" }, { sleutel: "zin", kop: "In woorden", tekst: true }],
        rijen: gemeenten.map((r) => ({ categorie: c.naam(String(r.gemeente)), zin: String(r.zin) })) },
    });
  } else {
    uit.push({
      id: "verwacht-jaren", titel: `Verwacht en waargenomen over de jaren, ${c.naam(c.focus)}`,
      samenvatting: `De vergelijking voor ${c.naam(c.focus)} in elk schooljaar met cijfers tot en met ${jaar}.`,
      tabel: { kolommen: [{ ...kolommen[0], kop: "Schooljaar" }, ...kolommen.slice(1)], rijen: jaren.map((j) => regel(vind(c.focus, j), j)) },
    });
  }
  return uit;
}

// ------------------------------------------------------------------ BBV

function bbvBlok(c: Context, d: BbvDefinitie): Blok {
  const rijen = c.rijen("bbv").filter((r) => r.indicator === d.indicator);
  const jaren = [...new Set(rijen.map((r) => String(r.schooljaar)))].filter((j) => j <= c.sj).sort();
  const dec = d.indicator === "VSV" ? 2 : 1;
  const vind = (g: string, j: string) => rijen.find((r) => r.gemeente === g && r.schooljaar === j);
  const waarde = (r: Rij | undefined): Waarde => aantal(r, "waarde");
  const jaar = jaren[jaren.length - 1];
  const toelichting = `${d.definitie} Zo geteld: ${d.telling} Marge: het exacte 95 %-betrouwbaarheidsinterval van het aantal (Poisson, Garwood).`;
  if (!jaar) return { id: `bbv-${d.indicator.toLowerCase()}`, titel: `${d.label} (${d.eenheid})`, samenvatting: `Tot en met ${c.sj} zijn er geen cijfers.`, tabel: { kolommen: [], rijen: [] }, toelichting };
  const vsv = d.indicator === "VSV";
  if (c.isRegio) {
    const laatste = jaren.slice(-3);
    const eenheden = [...c.leden(jaar).filter((g) => rijen.some((r) => r.gemeente === g)), REGIO, ...(vsv ? [LANDELIJK] : [])];
    const r = vind(REGIO, jaar);
    return {
      id: `bbv-${d.indicator.toLowerCase()}`, titel: `${d.label} (${d.eenheid}), per gemeente`,
      samenvatting: `${d.label} in ${jaar}: in de regio ${fmt(waarde(r), dec)} ${d.eenheid}${marge(r?.onder, r?.boven, dec) ? ` (marge ${marge(r?.onder, r?.boven, dec)})` : ""}.`,
      tabel: {
        kolommen: [{ sleutel: "categorie", kop: "Gemeente" }, ...laatste.map((j) => ({ sleutel: j, kop: j, decimalen: dec })), { sleutel: "marge", kop: `Marge ${jaar}` }],
        rijen: eenheden.map((g) => {
          const uit: Record<string, Waarde> = { categorie: c.kort(g) };
          for (const j of laatste) uit[j] = waarde(vind(g, j));
          uit.marge = marge(vind(g, jaar)?.onder, vind(g, jaar)?.boven, dec);
          return uit;
        }),
      },
      toelichting,
    };
  }
  const vergelijk = (j: string): Waarde => {
    if (vsv) return waarde(vind(LANDELIJK, j));
    const o = tovRegio({ aantal: vind(c.focus, j)?.teller as number | null, noemer: vind(c.focus, j)?.noemer as number | null },
      { aantal: vind(REGIO, j)?.teller as number | null, noemer: vind(REGIO, j)?.noemer as number | null });
    return o ? tovRegioTekst(o, "de rest van de regio") : null;
  };
  const eigen = vind(c.focus, jaar);
  const o = vsv ? null : vergelijk(jaar);
  return {
    id: `bbv-${d.indicator.toLowerCase()}`, titel: `${d.label} (${d.eenheid}), ${c.naam(c.focus)}`,
    samenvatting: `${d.label} in ${jaar}: in ${c.naam(c.focus)} ${fmt(waarde(eigen), dec)} ${d.eenheid}` +
      `${marge(eigen?.onder, eigen?.boven, dec) ? ` (marge ${marge(eigen?.onder, eigen?.boven, dec)})` : ""}, in de regio ${fmt(waarde(vind(REGIO, jaar)), dec)}` +
      (vsv ? ` en in Nederland ${fmt(waarde(vind(LANDELIJK, jaar)), dec)}.` : typeof o === "string" && o !== ONDERDRUKT ? `: ${o}.` : "."),
    tabel: {
      kolommen: [{ sleutel: "categorie", kop: "Schooljaar" }, { sleutel: "eigen", kop: c.naam(c.focus), decimalen: dec }, { sleutel: "marge", kop: "Marge" },
        { sleutel: "regio", kop: "Regio", decimalen: dec }, { sleutel: "derde", kop: vsv ? "Nederland" : "Tegenover de rest van de regio", decimalen: dec, tekst: !vsv }],
      rijen: jaren.map((j) => ({ categorie: j, eigen: waarde(vind(c.focus, j)), marge: marge(vind(c.focus, j)?.onder, vind(c.focus, j)?.boven, dec),
        regio: waarde(vind(REGIO, j)), derde: vergelijk(j) })),
    },
    toelichting,
  };
}

// ------------------------------------------------------------------ overstap

/** "12 hadden geen onderwijs en geen werk bekend en 30 waren niet meer in de regio." A hidden count is said in words. */
function nogTeZeggen(geen: Waarde, weg: Waarde): string {
  const deel = (v: Waarde, wat: string, meervoud: string) => (typeof v === "number" ? `${getal(v)} ${meervoud}` : v === ONDERDRUKT ? `het aantal dat ${wat}, is afgeschermd` : null);
  const delen = [deel(geen, "geen onderwijs en geen werk had", "hadden geen onderwijs en geen werk bekend"), deel(weg, "niet meer in de regio was", "waren niet meer in de regio")]
    .filter((x): x is string => x !== null);
  return delen.length ? `${delen.join("; ")}.` : "";
}

function overstapBlokken(c: Context): Blok[] {
  const rijen = c.rijen("overstap").filter((r) => r.schooljaar === c.sj);
  const overgangen = [...new Map(rijen.map((r) => [`${r.van}|${r.naar}`, { van: String(r.van), naar: String(r.naar) }])).values()]
    .sort((a, b) => a.van.localeCompare(b.van));
  if (!overgangen.length) {
    return [{ id: "overstap-leeg", titel: "De overstap", tabel: { kolommen: [], rijen: [] },
      samenvatting: `In ${c.sj} is er geen tweede peildatum om met een eerdere te vergelijken.` }];
  }
  const wie = c.isRegio ? "de regio" : c.naam(c.focus);
  const w = (g: string, o: { van: string }, h: string, b: string) => c.w("overstap", { gemeente: g, schooljaar: c.sj, van: o.van, herkomst: h, bestemming: b }, "jongeren");
  const uit: Blok[] = [];
  for (const o of overgangen) {
    const periode = `${datum(o.van)} en ${datum(o.naar)}`;
    const totaal = w(c.focus, o, ALLE, TOTAAL);
    const top = grootste(BESTEMMINGEN.map((b) => ({ categorie: BESTEMMING_LABEL[b].toLowerCase(), w: w(c.focus, o, ALLE, b) })));
    const bestemmingen = [...BESTEMMINGEN, TOTAAL];
    const kolommen: Kolom[] = c.isRegio
      ? [{ sleutel: "categorie", kop: "Bestemming" }, ...[...HERKOMSTEN, ALLE].map((h) => ({ sleutel: h, kop: HERKOMST_LABEL[h] }))]
      : [{ sleutel: "categorie", kop: "Bestemming" }, { sleutel: "eigen", kop: `${c.naam(c.focus)} (alle opleidingen)` }, { sleutel: "regio", kop: "Regio (alle opleidingen)" }];
    uit.push({
      id: `overstap-${o.van}`, titel: `Waar de jongeren heen gingen die tussen ${periode} hun opleiding verlieten, ${c.isRegio ? "hele regio" : c.naam(c.focus)}`,
      samenvatting: typeof totaal === "number" && totaal > 0
        ? `Van de ${getal(totaal)} jongeren uit ${wie} die tussen ${periode} de praktijkschool, het vo, het vso of mbo-1 verlieten, ` +
          (top ? `gingen de meesten${top.afgeschermd ? " van de getoonde" : ""} naar ${top.categorie} (${getal(top.w)}); ` : "") +
          nogTeZeggen(w(c.focus, o, ALLE, "GEEN"), w(c.focus, o, ALLE, "UIT_REGIO"))
        : totaal === ONDERDRUKT ? `Het aantal jongeren uit ${wie} dat tussen ${periode} de opleiding verliet, is afgeschermd.`
        : `Tussen ${periode} verliet niemand uit ${wie} de praktijkschool, het vo, het vso of mbo-1.`,
      // No chart when no bestemming has a published count above 0 (all hidden): the table says why.
      grafiek: top ? (width, doc) => StaafGrafiek(BESTEMMINGEN.map((b) => punt(BESTEMMING_LABEL[b], w(c.focus, o, ALLE, b))),
        { width, document: doc, beschrijving: `Staafdiagram: jongeren die tussen ${periode} hun opleiding verlieten, naar bestemming, ${wie}` }) : undefined,
      tabel: {
        kolommen,
        rijen: bestemmingen.map((b): Record<string, Waarde> => c.isRegio
          ? { categorie: BESTEMMING_LABEL[b], ...Object.fromEntries([...HERKOMSTEN, ALLE].map((h) => [h, w(REGIO, o, h, b)])) }
          : { categorie: BESTEMMING_LABEL[b], eigen: w(c.focus, o, ALLE, b), regio: w(REGIO, o, ALLE, b) }),
      },
      toelichting: "Van wie op de eerste peildatum in PrO, VSO, VO of mbo-1 zat en op de tweede niet meer, waar die toen was (DUO-levering, dezelfde jongere herkend aan zijn pseudoniem). " +
        "De gemeente is die op de eerste peildatum. Per gemeente staan alle opleidingen samen; de uitsplitsing naar opleiding alleen voor de regio (anders zou bijna alles afgeschermd moeten worden). VO omvat alle leerwegen.",
    });
    if (!c.isRegio) {
      uit.push({
        id: `overstap-herkomst-${o.van}`, titel: `Wie tussen ${periode} de opleiding verliet, per opleiding, ${c.naam(c.focus)}`,
        samenvatting: `Het aantal jongeren uit ${c.naam(c.focus)} dat tussen ${periode} elke opleiding verliet, naast de regio.`,
        tabel: {
          kolommen: [{ sleutel: "categorie", kop: "Opleiding" }, { sleutel: "eigen", kop: c.naam(c.focus) }, { sleutel: "regio", kop: "Regio" }],
          rijen: [...HERKOMSTEN, ALLE].map((h) => ({ categorie: HERKOMST_LABEL[h], eigen: w(c.focus, o, h, TOTAAL), regio: w(REGIO, o, h, TOTAAL) })),
        },
      });
    }
  }
  return uit;
}

/** The blocks of the chapters duiding, bbv and overstap. */
export function duidingBlokken(c: Context, hoofdstuk: "duiding" | "bbv" | "overstap"): Blok[] {
  if (hoofdstuk === "duiding") return verwachtBlokken(c);
  if (hoofdstuk === "bbv") return BBV_INDICATOREN.map((d) => bbvBlok(c, d));
  return overstapBlokken(c);
}
