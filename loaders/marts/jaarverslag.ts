// The jaarverslag's tables (docs/uitvoer.md §2), shared by `npm run jaarverslag` and the
// site's jaarverslag pages, so a number is computed one way.
//
// Every table has rows for each gemeente that was a member in the row's schooljaar plus a
// "REGIO" row, on a full grid (zeros included), and goes through onderdruk(). Where one
// count is the sum of other published counts — in the same table or in another one (the
// Leerplicht meldingen of the year in `inzet` are the sum of the verzuimsoorten, the month table adds up to
// the year) — the sum is a total row in the same suppression run, so a single suppressed
// part can never be computed back. Those helper totals are dropped from the output where the
// contract does not have them.
//
// The tables are made per chapter: jaarverslag-leerlingen.ts, jaarverslag-verzuim.ts,
// jaarverslag-vrijstellingen.ts, jaarverslag-vsv.ts, jaarverslag-duiding.ts and inzet.ts, on the
// grid of jaarverslag-rooster.ts from the sources of jaarverslag-bronnen.ts.
import type { Staging } from "../db.ts";
import { GebruikersFout } from "../errors.ts";
import { controleerGeenIds, type Rij } from "../publish.ts";
import { publicatie as publicatieVan, type Publicatie } from "../publish/publicatie.ts";
import { inpakken, type JvData, type JvDataKort } from "../../src/lib/jaarverslag-data.ts";
import { REGIO, TOTAAL, LANDELIJK } from "../../src/lib/codes.ts";
import { TEKST_NAMEN } from "../../src/lib/hoofdstukken.ts";
import { definitiesVan } from "../../src/lib/definities.ts";
import { dekking } from "../../src/lib/lidmaatschap.ts";
import { ledenIn, type JaarverslagTabel } from "./jaarverslag-basis.ts";
import { bron, bronnen, schooljarenInData } from "./jaarverslag-bronnen.ts";
import { leerlingenTabellen } from "./jaarverslag-leerlingen.ts";
import { verzuimTabellen } from "./jaarverslag-verzuim.ts";
import { vrijstellingenTabellen } from "./jaarverslag-vrijstellingen.ts";
import { vsvTabellen } from "./jaarverslag-vsv.ts";
import { duidingTabellen } from "./jaarverslag-duiding.ts";
import { inzetTabel } from "./inzet.ts";
import { leesTeksten } from "./teksten.ts";
import { productKop } from "./kop.ts";
import { exportsIn, ontbrekendeHoofdstukken, tabellenVan, TABEL_VOLGORDE } from "../hoofdstukken-nodig.ts";

export { REGIO, schooljarenInData };
export { ledenIn, type JaarverslagTabel };

export interface JaarverslagOpties {
  minimumCel: number;
  gemeente?: string;
  /** The publication to take suppression from (default: the data directory's own). */
  publicatie?: Publicatie;
}

/** Checks --schooljaar and --gemeente against the data; a GebruikersFout lists what exists. */
export async function controleerKeuze(db: Staging, schooljaar: string, gemeente?: string): Promise<void> {
  const jaren = await schooljarenInData(db);
  const m = /^(\d{4})-(\d{4})$/.exec(schooljaar);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) {
    throw new GebruikersFout(`--schooljaar "${schooljaar}" is geen schooljaar; schrijf het als 2022-2023. ` +
      `Schooljaren in de gegevens: ${jaren.join(", ") || "geen"}`);
  }
  if (!jaren.includes(schooljaar)) {
    throw new GebruikersFout(`Schooljaar ${schooljaar} staat niet in de gegevens. Schooljaren in de gegevens: ${jaren.join(", ") || "geen"}`);
  }
  if (gemeente !== undefined) {
    const leden = ledenIn(db, schooljaar);
    if (!leden.includes(gemeente.toUpperCase())) {
      const namen = db.regio.gemeenten.filter((g) => leden.includes(g.code)).map((g) => `${g.code} (${g.naam})`);
      const bekend = db.regio.gemeenten.find((g) => g.code === gemeente.toUpperCase());
      throw new GebruikersFout(
        (bekend ? `Gemeente ${bekend.code} (${bekend.naam}) was in ${schooljaar} geen lid van de regio.`
          : `Gemeente "${gemeente}" staat niet in regio.json.`) +
        ` Gemeenten in ${schooljaar}: ${namen.join(", ")}`);
    }
  }
}


/**
 * The jaarverslag's tables for one schooljaar, suppressed with `minimumCel` (0 or 1: exact),
 * optionally restricted to one gemeente plus the REGIO rows.
 */
export async function jaarverslagTabellen(db: Staging, schooljaar: string, opties: JaarverslagOpties): Promise<JaarverslagTabel[]> {
  const tabellen = await tabellenZonderNamen(db, schooljaar, opties);
  // Gemeente codes are unique and GMnnnn (regio.json is checked), so never REGIO or LANDELIJK.
  const namen = new Map<unknown, string>([[REGIO, db.regio.naam], [LANDELIJK, "Nederland"], ...db.regio.gemeenten.map((g): [string, string] => [g.code, g.naam])]);
  for (const t of tabellen) {
    // gemeente, naam, then the row's other columns in their order.
    t.rijen = t.rijen.map((r) => Object.assign({ gemeente: r.gemeente, naam: namen.get(r.gemeente) ?? String(r.gemeente) }, r));
  }
  return tabellen;
}

/** jaarverslagTabellen without the names of the gemeenten (the site has them once, in `gemeenten`). */
async function tabellenZonderNamen(db: Staging, schooljaar: string, opties: JaarverslagOpties): Promise<JaarverslagTabel[]> {
  // The sources are read while the choice is checked (once per Staging).
  bronnen(db);
  await controleerKeuze(db, schooljaar, opties.gemeente);
  const sj = schooljaar;
  const min = opties.minimumCel;
  const pub = opties.publicatie ?? await publicatieVan(db, min);
  const tabellen: JaarverslagTabel[] = [];
  // Only the chapters whose exports were delivered (src/lib/hoofdstukken.ts): the others publish nothing.
  const maak = tabellenVan(await exportsIn(db));

  // ---------------------------------------------------------------- the chapters, in the order of the publication
  // leerlingen, doelgroepen (jaarverslag-leerlingen.ts, with the schooljaar's peildatum, on which
  // jaarverslag-vrijstellingen.ts counts the vrijgestelde jeugdigen too); verzuimmeldingen.csv's
  // chapters (jaarverslag-verzuim.ts); VSV'ers benaderd, official VSV percentages (jaarverslag-vsv.ts).
  const { tabellen: jongeren, pd } = await leerlingenTabellen(db, pub, sj, maak);
  tabellen.push(...jongeren);
  tabellen.push(...await verzuimTabellen(db, pub, sj, maak));
  tabellen.push(...await vrijstellingenTabellen(db, pub, sj, maak, pd));
  tabellen.push(...await vsvTabellen(db, pub, sj, maak));

  // ---------------------------------------------------------------- duiding, BBV, overstap (loaders/marts/jaarverslag-duiding.ts)
  tabellen.push(...await duidingTabellen(db, pub, sj));

  if (maak.has("inzet")) {
    // ---------------------------------------------------------------- inzet (loaders/marts/inzet.ts)
    tabellen.push(await inzetTabel(db, pub, sj, await schooljarenInData(db)));
  }

  // ---------------------------------------------------------------- order, one gemeente
  // The tables in the registry's order (src/lib/hoofdstukken.ts), whatever order they were made in.
  tabellen.sort((a, b) => TABEL_VOLGORDE.indexOf(a.id) - TABEL_VOLGORDE.indexOf(b.id));
  // Place of each code in the order: REGIO, LANDELIJK, then the gemeenten of regio.json.
  const plaats = new Map([REGIO, LANDELIJK, ...db.regio.gemeenten.map((g) => g.code)].map((code, i) => [code, i]));
  const gemeente = opties.gemeente?.toUpperCase();
  for (const t of tabellen) {
    let rijen = t.rijen;
    if (gemeente) rijen = rijen.filter((r) => r.gemeente === gemeente || r.gemeente === REGIO || r.gemeente === LANDELIJK);
    // Stable sort: gemeente order of regio.json, the rest as built (a code not in it first).
    const perPlaats: Rij[][] = [];
    for (const r of rijen) (perPlaats[(plaats.get(String(r.gemeente)) ?? -1) + 1] ??= []).push(r);
    t.rijen = perPlaats.flat();
    controleerGeenIds(t.rijen, `jaarverslag ${t.id}`);
  }
  return tabellen;
}

/** The coördinator's text files per schooljaar (teksten/<schooljaar>/<naam>.md): the voorwoord and one per chapter. */
export { TEKST_NAMEN };
export { leesTeksten, markdownNaarHtml, type Teksten } from "./teksten.ts";

// ------------------------------------------------------------------ everything for site and PDF

/** Tables whose all-zero rows the site leaves out (a missing row of a member gemeente is 0). */
const COMPACT = new Set(["vrijgesteld_op_peildatum", "verzuimmeldingen", "verzuim_per_maand", "luxe_verzuim_afhandeling", "thuiszitters", "thuiszitters_totaal", "vrijstellingen",
  "doorstroompunt_preventief_resultaat", "vsv_resultaat", "vsv_benaderd"]);

/** Tables of every schooljaar up to the report's that the site keeps whole (official figures come later). */
const ALLE_JAREN = new Set(["vsv_percentage", "vsv_verwacht", "bbv"]);

/** Whether a row has a count other than 0. */
function nietNul(r: Rij): boolean {
  for (const k in r) {
    const v = r[k];
    if (typeof v === "number" && v !== 0 && k !== "schooljaar") return true;
  }
  return false;
}

/**
 * The jaarverslag data for the given schooljaren: tables, member gemeenten and rendered
 * texts. `compact` (the site) drops names, rows of other schooljaren and all-zero rows.
 */
export async function jaarverslagData(db: Staging, jaren: string[], opties: JaarverslagOpties & { compact?: boolean }): Promise<JvData & { meldingen: string[] }> {
  const schooljaren = await schooljarenInData(db);
  const data: JvData & { meldingen: string[] } = {
    ...productKop(db, opties.minimumCel),
    definities: definitiesVan(db.regio),
    schooljaren,
    jaren: {},
    meldingen: [],
  };
  // A partial delivery: the chapters whose exports are missing, each with the sentence in its place.
  const ontbreekt = ontbrekendeHoofdstukken(await exportsIn(db));
  if (ontbreekt.length) data.ontbreekt = ontbreekt;
  const gemeente = opties.gemeente?.toUpperCase();
  // The compact data has no names in its rows.
  const tabellenVan = opties.compact ? tabellenZonderNamen : jaarverslagTabellen;
  for (const sj of jaren) {
    // A gemeente that was no member in an earlier year (it joined later) has only the regio to compare with.
    const lid = !gemeente || ledenIn(db, sj).includes(gemeente);
    const tabellen = lid ? await tabellenVan(db, sj, opties)
      : (await tabellenVan(db, sj, { minimumCel: opties.minimumCel, publicatie: opties.publicatie }))
        .map((t) => ({ ...t, rijen: t.rijen.filter((r) => r.gemeente === REGIO || r.gemeente === LANDELIJK) }));
    const leden = ledenIn(db, sj).filter((g) => !gemeente || g === gemeente);
    const t = leesTeksten(db.dataDir, sj, ledenIn(db, sj));
    data.meldingen.push(...t.meldingen);
    data.jaren[sj] = {
      leden,
      dekking: dekking(db.regio.gemeenten, sj, [...new Set((await bron(db, "jongeren", [sj])).map((r) => r.peildatum as string))], db.regio.vsvPeildatum),
      teksten: t.teksten,
      gemeenteTeksten: gemeente
        ? Object.fromEntries(Object.entries(t.gemeenteTeksten).filter(([g]) => g === gemeente))
        : t.gemeenteTeksten,
      tabellen: tabellen.map((tab) => ({
        id: tab.id,
        titel: tab.titel,
        codes: tab.codes,
        rijen: !opties.compact ? tab.rijen : tab.rijen
          .filter((r) => ALLE_JAREN.has(tab.id) || r.schooljaar === undefined || r.schooljaar === sj)
          .filter((r) => !COMPACT.has(tab.id) || r.onderdrukt || nietNul(r))
          // The pages do not use the month totals (they are in verzuimmeldingen).
          .filter((r) => !(tab.id === "verzuim_per_maand" && r.verzuimsoort === TOTAAL)),
      })),
    };
  }
  return data;
}

/**
 * The site's jaarverslag data: every schooljaar in the data, suppressed as published, tables
 * packed as columns and row arrays (the pages unpack them with uitpakken()).
 */
export async function jaarverslagSite(db: Staging, opties: { publicatie?: Publicatie } = {}): Promise<JvDataKort> {
  const { meldingen: _m, ...data } = await jaarverslagData(db, await schooljarenInData(db), {
    minimumCel: db.regio.publicatie.minimumCel, compact: true, publicatie: opties.publicatie,
  });
  return {
    ...data,
    jaren: Object.fromEntries(Object.entries(data.jaren).map(([sj, j]) => [sj, { ...j, tabellen: j.tabellen.map(inpakken) }])),
  };
}
