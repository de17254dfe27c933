// The jaarverslag's chapters, once: their order, ids (the page /jaarverslag/<id> and the
// coördinator's text teksten/<schooljaar>/<id>.md), titles and page summaries. The site's
// sidebar and routes (observablehq.config.ts), the chapter page (src/jaarverslag/[hoofdstuk].md),
// the rendering (src/components/jaarverslag.ts), the mart's texts and the PDF all read this list.

export interface Hoofdstuk {
  id: string;
  titel: string;
  /** The page's first sentence, before "Kies een schooljaar en een gemeente." */
  samenvatting: string;
  /** Text only (no published numbers): no legend of suppressed cells, and left out of the PDF without a text. */
  alleenTekst?: true;
  /**
   * The exports (docs/exports.md) the chapter's figures are computed from: without one of them
   * the chapter says which it needs and the rest of the jaarverslag is made all the same
   * (loaders/hoofdstukken-nodig.ts). A text-only chapter needs none.
   */
  exports: readonly string[];
  /** The published tables (tabellen.json ids) the chapter shows, in their order in the outputs. */
  tabellen: readonly string[];
}

export const HOOFDSTUKKEN = [
  { id: "leerlingen", titel: "Leerlingen en doelgroepen",
    samenvatting: "Hoeveel jongeren er op school zitten, per onderwijssoort, en hoeveel er leerplichtig, kwalificatieplichtig of voortijdig schoolverlater zijn.",
    exports: ["jongeren.csv"], tabellen: ["leerlingen", "doelgroepen"] },
  { id: "verzuim", titel: "Verzuim Leerplicht",
    samenvatting: "Verzuimmeldingen van jongeren onder de 18 per soort, het verloop over het schooljaar en hoe luxe verzuim is afgehandeld.",
    exports: ["verzuimmeldingen.csv"], tabellen: ["verzuimmeldingen", "verzuim_per_maand", "luxe_verzuim_afhandeling"] },
  { id: "thuiszitters", titel: "Thuiszitters",
    samenvatting: "Leerplichtige jongeren met absoluut verzuim (niet ingeschreven) en met langdurig relatief verzuim (langer dan vier weken niet op school); wie als thuiszitter telt, volgt de definitie van de regio (zie Over deze cijfers).",
    exports: ["verzuimmeldingen.csv"], tabellen: ["thuiszitters", "thuiszitters_totaal"] },
  { id: "vrijstellingen", titel: "Vrijstellingen",
    samenvatting: "Vrijstellingen van de leerplicht die in het schooljaar zijn afgegeven, per artikel van de Leerplichtwet.",
    exports: ["vrijstellingen.csv"], tabellen: ["vrijstellingen", "vrijgesteld_op_peildatum"] },
  { id: "doorstroompunt", titel: "Doorstroompunt preventief (18+)",
    samenvatting: "Verzuimmeldingen van jongeren van 18 jaar en ouder en wat het Doorstroompunt ermee bereikte.",
    exports: ["verzuimmeldingen.csv"], tabellen: ["verzuimmeldingen", "doorstroompunt_preventief_resultaat"] },
  { id: "vsv", titel: "VSV'ers benaderd",
    samenvatting: "Voortijdig schoolverlaters die het Doorstroompunt actief benaderde, en het resultaat van hun trajecten.",
    exports: ["vsv_trajecten.csv"], tabellen: ["vsv_benaderd", "vsv_resultaat"] },
  { id: "vsv-percentages", titel: "Officiële VSV-percentages",
    samenvatting: "De officiële cijfers van OCW/DUO over voortijdig schoolverlaten: gemeente, regio en Nederland over de jaren.",
    exports: ["vsv_cijfers.csv"], tabellen: ["vsv_percentage"] },
  { id: "duiding", titel: "Verwacht en waargenomen VSV",
    samenvatting: "Of een gemeente meer of minder nieuwe voortijdig schoolverlaters had dan je gezien de kenmerken van haar jongeren mag verwachten (de risicoscore van het CBS), met de marge van het toeval.",
    exports: ["cbs_risicoscores.csv", "vsv_cijfers.csv"], tabellen: ["vsv_verwacht"] },
  { id: "bbv", titel: "BBV-indicatoren",
    samenvatting: "De indicatoren onderwijs die gemeenten in hun begroting opnemen: absoluut en relatief verzuim per 1.000 inwoners van 5 tot 18 jaar en het percentage voortijdig schoolverlaters.",
    exports: ["jongeren.csv", "verzuimmeldingen.csv", "vsv_cijfers.csv"], tabellen: ["bbv"] },
  { id: "overstap", titel: "De overstap",
    samenvatting: "Waar jongeren heen gingen die de praktijkschool, het voortgezet (speciaal) onderwijs of mbo niveau 1 verlieten: mbo, hbo/wo, werk, niets of weg uit de regio.",
    exports: ["jongeren.csv"], tabellen: ["overstap"] },
  { id: "inzet", titel: "Inzet",
    samenvatting: "De inzet van leerplichtambtenaren en doorstroomcoaches in fte, wat die per fte draagt (meldingen, caseload, gestarte en afgesloten trajecten, terug naar onderwijs) en hoe dat over de jaren gaat.",
    exports: ["inzet.csv", "verzuimmeldingen.csv", "vsv_trajecten.csv"], tabellen: ["inzet"] },
  { id: "verhalen", titel: "Verhalen", samenvatting: "Verhalen uit de praktijk van leerplicht en Doorstroompunt.", alleenTekst: true,
    exports: [], tabellen: [] },
] as const satisfies readonly Hoofdstuk[];

export type HoofdstukId = (typeof HOOFDSTUKKEN)[number]["id"];

/** The chapter of an id (a page's route parameter); an error for an unknown id. */
export function hoofdstuk(id: string): Hoofdstuk & { id: HoofdstukId } {
  const h = HOOFDSTUKKEN.find((x) => x.id === id);
  if (!h) throw new Error(`onbekend hoofdstuk "${id}"; verwacht een van ${HOOFDSTUKKEN.map((x) => x.id).join(", ")}`);
  return h;
}

/** The chapter after this one, or null after the last (the page then links back to the contents). */
export function volgendHoofdstuk(id: string): (Hoofdstuk & { id: HoofdstukId }) | null {
  const i = HOOFDSTUKKEN.findIndex((x) => x.id === id);
  return i >= 0 && i + 1 < HOOFDSTUKKEN.length ? HOOFDSTUKKEN[i + 1] : null;
}

/** The site's path of a chapter, as in the sidebar and the routes. */
export function hoofdstukPad(id: string): string {
  return `/jaarverslag/${id}`;
}

/** The coördinator's text files of a schooljaar: the voorwoord and one per chapter. */
export const TEKST_NAMEN = ["voorwoord", ...HOOFDSTUKKEN.map((h) => h.id)] as const;
