// The jaarverslag's chapters VSV'ers benaderd and Officiële VSV-percentages
// (loaders/marts/jaarverslag.ts).
import type { Staging } from "../db.ts";
import type { Rij } from "../publish.ts";
import type { Publicatie } from "../publish/publicatie.ts";
import { RAPPORTGROEPEN } from "../definitions.ts";
import { VSV_RESULTATEN, VSV_TYPES } from "../schema.ts";
import { REGIO, TOTAAL, ALLE, LANDELIJK } from "../../src/lib/codes.ts";
import { ledenIn, type JaarverslagTabel } from "./jaarverslag-basis.ts";
import { bron } from "./jaarverslag-bronnen.ts";
import { OCW_CEL, type VsvCijfer } from "./ocw.ts";
import { cellen, somIn, zoekIn, vindIn, pas, gemeenteTotaal, codesMet } from "./jaarverslag-rooster.ts";

export const VSV_RESULTATEN_JAAR = [...VSV_RESULTATEN, "LOPEND"];

/** Report groups of a VSV result: TERUGGELEID_NAAR_ONDERWIJS, ONDERWIJS_NIET_HAALBAAR, else null. */
export function rapportgroep(resultaat: string): string | null {
  for (const [groep, codes] of Object.entries(RAPPORTGROEPEN)) if (codes.includes(resultaat)) return groep;
  return null;
}

/** The VSV chapters' tables of schooljaar `sj`, when `maak` has them. */
export async function vsvTabellen(db: Staging, pub: Publicatie, sj: string, maak: ReadonlySet<string>): Promise<JaarverslagTabel[]> {
  const tabellen: JaarverslagTabel[] = [];
  if (maak.has("vsv_benaderd")) {
    // ---------------------------------------------------------------- VSV'ers benaderd
    // One run over a small hierarchy: result within report group within all, and NIEUW/OUD
    // beside it; the total also feeds inzet's trajecten per fte.
    const groepVan = (r: string) => rapportgroep(r) ?? (r === "LOPEND" ? "LOPEND" : "OVERIG_RESULTAAT");
    const vsvBron = (await bron(db, "vsv", [sj]))
      .map((r): Rij => ({ ...r, groep: groepVan(String(r.resultaat)) }));
    const vsvResultaten = codesMet(VSV_RESULTATEN_JAAR, vsvBron.map((r) => r.resultaat));
    const groepen = [...new Set(vsvResultaten.map(groepVan))];
    const vsvCellen = [
      ...groepen.flatMap((g) => cellen(db, [sj], () => [["vsv_type", [ALLE]], ["groep", [g]],
        ["resultaat", [TOTAAL, ...vsvResultaten.filter((r) => groepVan(r) === g)]]])),
      ...cellen(db, [sj], () => [["vsv_type", [ALLE, ...VSV_TYPES]], ["groep", [ALLE]], ["resultaat", [TOTAAL]]]),
    ];
    const vsv = pas(pub, "vsv", {
      rijen: somIn(vsvCellen, vsvBron, "trajecten", { gemeente: REGIO, vsv_type: ALLE, groep: ALLE, resultaat: TOTAAL }),
      tellingen: ["trajecten"], sleutels: ["gemeente", "schooljaar", "vsv_type", "groep", "resultaat"],
      totalen: [gemeenteTotaal, { kolom: "resultaat", totaal: TOTAAL }, { kolom: "groep", totaal: ALLE }, { kolom: "vsv_type", totaal: ALLE }],
    });

    const categorieen = [TOTAAL, ...VSV_TYPES, ...Object.keys(RAPPORTGROEPEN)];
    const vsvJongerenBron = await bron(db, "vsvJongeren", [sj]);
    const vsvJongeren = pas(pub, "vsv_jongeren", {
      rijen: zoekIn(cellen(db, [sj], () => [["categorie", categorieen]]), vsvJongerenBron, "jongeren"),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "categorie"], totalen: [gemeenteTotaal],
    });
    const vsvRij = vindIn(vsv, ["gemeente", "schooljaar", "vsv_type", "groep", "resultaat"]);
    const vsvBenaderd = vsvJongeren.map((j) => {
      const c = String(j.categorie);
      const sleutel = c === TOTAAL ? { vsv_type: ALLE, groep: ALLE, resultaat: TOTAAL }
        : (VSV_TYPES as readonly string[]).includes(c) ? { vsv_type: c, groep: ALLE, resultaat: TOTAAL }
        : { vsv_type: ALLE, groep: c, resultaat: TOTAAL };
      const t = vsvRij({ gemeente: j.gemeente, schooljaar: sj, ...sleutel });
      const rij: Rij = { gemeente: j.gemeente, schooljaar: sj, categorie: c, trajecten: t.trajecten, jongeren: j.jongeren };
      if (t.onderdrukt || j.onderdrukt) rij.onderdrukt = true;
      return rij;
    });
    tabellen.push({
      id: "vsv_benaderd", codes: { categorie: categorieen }, titel: "VSV'ers benaderd door het Doorstroompunt (nieuw en oud) en rapportgroepen", rijen: vsvBenaderd,
      kolommen: ["gemeente", "naam", "schooljaar", "categorie", "trajecten", "jongeren"],
    });
    tabellen.push({
      id: "vsv_resultaat", codes: { resultaat: vsvResultaten, ...RAPPORTGROEPEN }, titel: "VSV-trajecten: resultaat in het schooljaar",
      rijen: vsv.filter((r) => r.vsv_type === ALLE && r.groep !== ALLE && r.resultaat !== TOTAAL)
        .sort((a, b) => vsvResultaten.indexOf(String(a.resultaat)) - vsvResultaten.indexOf(String(b.resultaat))).map((r) => ({
        gemeente: r.gemeente, schooljaar: r.schooljaar, resultaat: r.resultaat,
        rapportgroep: rapportgroep(String(r.resultaat)), trajecten: r.trajecten, ...(r.onderdrukt ? { onderdrukt: true } : {}),
      })),
      kolommen: ["gemeente", "naam", "schooljaar", "resultaat", "rapportgroep", "trajecten"],
    });
  }

  if (maak.has("vsv_percentage")) {
    // ---------------------------------------------------------------- official VSV percentages
    // Public OCW figures: every year in the file for the country, the regio and the gemeenten
    // that are members this schooljaar. Only primary suppression of gemeente counts: the official
    // regio figure is not the sum of its gemeenten (school and home location differ).
    const leden = ledenIn(db, sj);
    const vsvCijfers = ((await bron(db, "vsvCijfers")) as unknown as VsvCijfer[])
      .filter((r) => r.niveau !== "GEMEENTE" || leden.includes(r.code));
    const percentage = (vsv: number, deelnemers: number) => (deelnemers > 0 ? Math.round((vsv * 10000) / deelnemers) / 100 : null);
    const pctRij = (r: (typeof vsvCijfers)[number]): Rij => ({
      gemeente: r.niveau === "GEMEENTE" ? r.code : r.niveau === "REGIO" ? REGIO : LANDELIJK,
      niveau: r.niveau, code: r.code, schooljaar: r.schooljaar, deelnemers: r.deelnemers, vsv: r.vsv,
      percentage: percentage(r.vsv, r.deelnemers),
    });
    const gemeentePct = pub.tabel("ocw", vsvCijfers.filter((r) => r.niveau === "GEMEENTE").map(pctRij), { ...OCW_CEL, afgeleid: { vsv: ["percentage"] } });
    tabellen.push({
      id: "vsv_percentage", titel: "Officiële VSV-percentages (OCW/DUO): gemeente, regio en Nederland",
      rijen: [...vsvCijfers.filter((r) => r.niveau !== "GEMEENTE").map(pctRij), ...gemeentePct],
      kolommen: ["gemeente", "naam", "niveau", "code", "schooljaar", "deelnemers", "vsv", "percentage"],
    });
  }
  return tabellen;
}
