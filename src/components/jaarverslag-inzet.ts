// The jaarverslag's chapter Inzet: per gemeente what a leerplichtambtenaar and a
// doorstroomcoach carry per fte (src/lib/inzet.ts), this schooljaar and over the years, and
// in the regio's jaarverslag each gemeente's own text beside its figures. Built from the
// published inzet table; a figure per fte of a suppressed count is suppressed (•), one without
// fte is no figure (–).
import { datum, getal, ONDERDRUKT } from "../lib/format.js";
import { INZET_MATEN, inzetMaat, perFteKolom, type InzetMaat } from "../lib/inzet.js";
import { REGIO, type JvData } from "../lib/jaarverslag-data.js";
import { breukenTussenJaren } from "../lib/breuken.js";
import { StaafGrafiek, LijnGrafiek, type Lijn } from "./jaarverslag-charts.js";
import { Context, alsGetal, punt, fmt, type Blok, type Keuze, type Kolom, type Waarde } from "./jaarverslag-blok.js";
import { el } from "./jaarverslag-weergave.js";

const FTE_KOP: Record<string, string> = { LEERPLICHTAMBTENAAR: "Fte leerplicht", DOORSTROOMCOACH: "Fte doorstroomcoach", JOBHUNTER: "Fte jobhunter" };

/** One gemeente's (or the regio's) figures in a schooljaar, as the tables show them. */
function cijfers(c: Context, g: string, sj: string): Record<string, Waarde> {
  const r: Record<string, Waarde> = {};
  const rij = (functie: string) => ({ gemeente: g, schooljaar: sj, functie });
  for (const f of Object.keys(FTE_KOP)) r[`fte_${f}`] = c.w("inzet", rij(f), "fte");
  const pd = c.rijen("inzet", sj).find((x) => x.gemeente === g && x.schooljaar === sj && typeof x.peildatum === "string")?.peildatum;
  r.peildatum = typeof pd === "string" ? pd : null;
  for (const d of INZET_MATEN) {
    // No caseload without its peildatum (a gemeente that was no member on it): no figure, not a hidden one.
    const aantal = d.maat === "trajecten_open" && !r.peildatum ? null : c.w("inzet", rij(d.functie), d.maat);
    const fte = r[`fte_${d.functie}`];
    r[d.maat] = aantal;
    // Suppressed with its count; without fte (0 or none) there is no figure.
    r[perFteKolom(d.maat)] = typeof fte !== "number" || fte <= 0 ? null : aantal === ONDERDRUKT ? ONDERDRUKT : alsGetal(c.w("inzet", rij(d.functie), perFteKolom(d.maat)));
  }
  return r;
}

const PER_FTE_KOLOMMEN: Kolom[] = [
  { sleutel: "fte_LEERPLICHTAMBTENAAR", kop: FTE_KOP.LEERPLICHTAMBTENAAR, decimalen: 1 },
  { sleutel: perFteKolom("meldingen"), kop: inzetMaat("meldingen").perFteLabel, decimalen: 1 },
  { sleutel: "fte_DOORSTROOMCOACH", kop: FTE_KOP.DOORSTROOMCOACH, decimalen: 1 },
  ...(["trajecten_open", "trajecten_gestart", "trajecten_afgesloten", "teruggeleid"] as InzetMaat[])
    .map((m) => ({ sleutel: perFteKolom(m), kop: inzetMaat(m).perFteLabel, decimalen: 1 })),
];

/** Schooljaren up to this one in which the regio had fte for leerplicht or the Doorstroompunt. */
function trendJaren(c: Context): string[] {
  return c.data.schooljaren.filter((j) => j <= c.sj && ["LEERPLICHTAMBTENAAR", "DOORSTROOMCOACH"]
    .some((f) => { const w = c.w("inzet", { gemeente: REGIO, schooljaar: j, functie: f }, "fte"); return typeof w === "number" && w > 0; }));
}

/** "op 15 oktober 2024 liepen er 12,3 trajecten per fte doorstroomcoach" or why there is no figure. */
function caseloadZin(r: Record<string, Waarde>): string {
  const w = r[perFteKolom("trajecten_open")];
  if (w === ONDERDRUKT) return "de caseload per doorstroomcoach is afgeschermd";
  if (typeof w !== "number") return "voor de caseload per doorstroomcoach is geen cijfer";
  return `${r.peildatum ? `op ${datum(String(r.peildatum))} ` : ""}liepen er ${getal(w, 1)} trajecten per fte doorstroomcoach`;
}

export function inzetBlokken(c: Context): Blok[] {
  const sj = c.sj;
  const wie = c.isRegio ? "hele regio" : c.naam(c.focus);
  const eenheden = c.isRegio ? [...c.leden(), REGIO] : [c.focus, REGIO];
  const rijen = eenheden.map((g): Record<string, Waarde> => ({ categorie: c.kort(g), ...cijfers(c, g, sj) }));
  const eigen = rijen[c.isRegio ? rijen.length - 1 : 0];
  const regio = rijen[rijen.length - 1];
  const uit: Blok[] = [];
  const vergelijk = (k: string) => (c.isRegio ? "" : ` (regio ${fmt(regio[k], 1)})`);
  uit.push({
    id: "inzet", titel: `Inzet en wat die draagt per fte, ${sj}`,
    samenvatting: `${c.isRegio ? "De regio" : c.naam(c.focus)} zette in ${sj} ${fmt(eigen.fte_LEERPLICHTAMBTENAAR, 1)} fte leerplichtambtenaar in, ` +
      `${fmt(eigen.meldingen_per_fte, 1)} meldingen per fte${vergelijk("meldingen_per_fte")}, en ${fmt(eigen.fte_DOORSTROOMCOACH, 1)} fte doorstroomcoach; ` +
      `${caseloadZin(eigen)}${vergelijk(perFteKolom("trajecten_open"))}.`,
    // The gemeente beside the regio; the regio's table of all gemeenten has no chart (as the other
    // chapters' tables per gemeente), so it starts under the chapter's heading on paper.
    grafiek: c.isRegio ? undefined : (width, doc) => StaafGrafiek(
      rijen.flatMap((r) => [punt(String(r.categorie), r.meldingen_per_fte, "Meldingen per fte leerplicht"), punt(String(r.categorie), r.trajecten_open_per_fte, "Caseload doorstroomcoach")]),
      { width, document: doc, decimalen: 1, beschrijving: `Staafdiagram: meldingen per fte leerplicht en caseload per fte doorstroomcoach, ${c.naam(c.focus)} en de regio, ${sj}` }),
    tabel: { kolommen: [{ sleutel: "categorie", kop: "Gemeente" }, ...PER_FTE_KOLOMMEN, { sleutel: "fte_JOBHUNTER", kop: FTE_KOP.JOBHUNTER, decimalen: 1 }], rijen },
    toelichting: INZET_MATEN.filter((d) => d.maat !== "trajecten").map((d) => `${d.perFteLabel}: ${d.uitleg.charAt(0).toLowerCase()}${d.uitleg.slice(1)}`).join(" ") +
      (eigen.peildatum ? ` Peildatum van de caseload: ${datum(String(eigen.peildatum))}.` : ""),
  });
  uit.push({
    id: "inzet-aantallen", titel: `De aantallen achter de cijfers per fte, ${sj}`,
    samenvatting: `De meldingen en trajecten waaruit de cijfers per fte zijn berekend, per ${c.isRegio ? "gemeente" : "gemeente en voor de regio"}.`,
    tabel: {
      kolommen: [{ sleutel: "categorie", kop: "Gemeente" }, ...INZET_MATEN.map((d) => ({ sleutel: d.maat, kop: d.label }))],
      rijen,
    },
    toelichting: `Een cijfer per fte is alleen berekend uit een gepubliceerd aantal: bij een afgeschermd aantal (${ONDERDRUKT}) is ook het cijfer per fte afgeschermd; zonder fte is er geen cijfer (–).`,
  });

  const jaren = trendJaren(c);
  if (jaren.length) {
    const trend = jaren.map((j) => {
      const r = cijfers(c, c.focus, j);
      const rg = cijfers(c, REGIO, j);
      return { categorie: j, ...r, regio_meldingen: rg.meldingen_per_fte, regio_open: rg.trajecten_open_per_fte } as Record<string, Waarde>;
    });
    const laatste = trend[trend.length - 1];
    const eerste = trend[0];
    uit.push({
      id: "inzet-trend", titel: `Inzet per fte over de jaren, ${wie}`,
      samenvatting: jaren.length > 1
        ? `Meldingen per fte leerplicht in ${c.isRegio ? "de regio" : wie}: ${fmt(eerste.meldingen_per_fte, 1)} in ${eerste.categorie}, ${fmt(laatste.meldingen_per_fte, 1)} in ${laatste.categorie}; ` +
          `caseload per fte doorstroomcoach: ${fmt(eerste.trajecten_open_per_fte, 1)} in ${eerste.categorie}, ${fmt(laatste.trajecten_open_per_fte, 1)} in ${laatste.categorie}.`
        : `Er is één schooljaar met inzet in de gegevens (${jaren[0]}).`,
      grafiek: (width, doc) => LijnGrafiek(trend.flatMap((r) => ([
        ["Meldingen per fte leerplicht", r.meldingen_per_fte], ["Caseload per fte doorstroomcoach", r.trajecten_open_per_fte],
        ["Gestart per fte", r.trajecten_gestart_per_fte], ["Teruggeleid per fte", r.teruggeleid_per_fte],
      ] as [string, Waarde][]).map(([lijn, w]): Lijn => ({ lijn, x: String(r.categorie), waarde: alsGetal(w), onderdrukt: w === ONDERDRUKT }))),
      { width, document: doc, decimalen: 1, beschrijving: `Lijndiagram: inzet per fte per schooljaar in ${c.isRegio ? "de regio" : wie}` }),
      tabel: {
        kolommen: [{ sleutel: "categorie", kop: "Schooljaar" }, ...PER_FTE_KOLOMMEN,
          ...(c.isRegio ? [] : [{ sleutel: "regio_meldingen", kop: "Regio: meldingen per fte", decimalen: 1 }, { sleutel: "regio_open", kop: "Regio: caseload", decimalen: 1 }])],
        rijen: trend,
      },
      toelichting: "Alleen schooljaren waarin de regio fte leerplicht of doorstroomcoach in de gegevens heeft. De caseload telt op de peildatum van elk schooljaar." +
        // The trajecten count a larger group after a break (src/lib/breuken.ts): said under the trend that crosses it.
        breukenTussenJaren("vsv_benaderd", eerste.categorie as string, laatste.categorie as string)
          .map((b) => ` Breuk in de reeks op ${datum(b.datum)} (${b.naam}): de cijfers van de doorstroomcoach daarna tellen een grotere groep.`).join(""),
    });
  }
  return uit;
}

/**
 * The regio's jaarverslag: each gemeente's own text on its inzet (teksten/<schooljaar>/<GMnnnn>/inzet.md,
 * HTML made by markdown-it with raw HTML off) under its name, beside its figures. Null when no gemeente wrote one.
 */
export function inzetTekstenPerGemeente(data: JvData, keuze: Keuze, doc: Document): HTMLElement | null {
  if (keuze.gemeente !== REGIO) return null;
  const c = new Context(data, keuze);
  const jaar = data.jaren[keuze.schooljaar];
  const met = c.leden().filter((g) => jaar?.gemeenteTeksten[g]?.inzet);
  if (!met.length) return null;
  const sectie = el(doc, "section", { class: "jv-gemeenteteksten" }, el(doc, "h3", {}, "Toelichting van de gemeenten"));
  for (const g of met) {
    const r = cijfers(c, g, keuze.schooljaar);
    const blok = el(doc, "div", { class: "jv-gemeentetekst", id: `inzet-tekst-${g}` });
    blok.append(el(doc, "h4", {}, c.naam(g)));
    blok.append(el(doc, "p", { class: "samenvatting" },
      `${fmt(r.fte_LEERPLICHTAMBTENAAR, 1)} fte leerplicht, ${fmt(r.meldingen_per_fte, 1)} meldingen per fte; ` +
      `${fmt(r.fte_DOORSTROOMCOACH, 1)} fte doorstroomcoach, caseload ${fmt(r.trajecten_open_per_fte, 1)}.`));
    const tekst = el(doc, "div", { class: "jv-tekst" });
    tekst.innerHTML = jaar.gemeenteTeksten[g].inzet; // rendered by markdown-it with raw HTML disabled
    blok.append(tekst);
    sectie.append(blok);
  }
  return sectie;
}
