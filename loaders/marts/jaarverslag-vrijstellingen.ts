// The jaarverslag's chapter Vrijstellingen (loaders/marts/jaarverslag.ts): those granted in the
// schooljaar, and the vrijgestelde jeugdigen on its peildatum.
import type { Staging } from "../db.ts";
import type { Publicatie } from "../publish/publicatie.ts";
import { vorigSchooljaar } from "../definitions.ts";
import { ARTIKELEN } from "../schema.ts";
import { datum as formatDatum } from "../../src/lib/format.ts";
import { REGIO } from "../../src/lib/codes.ts";
import { SQL_VRIJGESTELD_OP } from "../../src/lib/definities.ts";
import type { JaarverslagTabel } from "./jaarverslag-basis.ts";
import { bron } from "./jaarverslag-bronnen.ts";
import { cellen, somIn, zoekIn, pas, gemeenteTotaal } from "./jaarverslag-rooster.ts";
import type { Peildatum } from "../../src/lib/lidmaatschap.ts";
import { dagInSchooljaar } from "../../src/lib/schooljaar.ts";

/** The tables of vrijstellingen.csv of schooljaar `sj` (and the one before), when `maak` has them; `pd` the schooljaar's peildatum. */
export async function vrijstellingenTabellen(db: Staging, pub: Publicatie, sj: string, maak: ReadonlySet<string>, pd: Peildatum): Promise<JaarverslagTabel[]> {
  const beide = [vorigSchooljaar(sj), sj];
  const tabellen: JaarverslagTabel[] = [];
  if (maak.has("vrijstellingen")) {
    // ---------------------------------------------------------------- vrijstellingen (both years)
    const vrBron = await bron(db, "vrijstellingen", beide);
    const artikelen: string[] = ARTIKELEN.filter((a) => ["5A", "5B", "5C"].includes(a) || vrBron.some((r) => r.artikel === a));
    const vrijstellingen = pas(pub, "vrijstellingen", {
      rijen: somIn(cellen(db, beide, () => [["artikel", artikelen]]), vrBron, "vrijstellingen", { gemeente: REGIO }),
      tellingen: ["vrijstellingen"], sleutels: ["gemeente", "schooljaar", "artikel"], totalen: [gemeenteTotaal],
    });
    tabellen.push({
      id: "vrijstellingen", codes: { artikel: artikelen }, titel: "Vrijstellingen afgegeven per artikel (Leerplichtwet)", rijen: vrijstellingen,
      kolommen: ["gemeente", "naam", "schooljaar", "artikel", "vrijstellingen"],
    });

    // ---------------------------------------------------------------- vrijgestelde jeugdigen op de peildatum
    // The stock beside the flow above: jongeren with a granted vrijstelling running on the
    // schooljaar's peildatum (src/lib/definities.ts), per artikel; distinct jongeren, so the
    // regio row is counted over the regio, not summed.
    const vrPeildatum = pd.peildatum ?? dagInSchooljaar(db.regio.vsvPeildatum, sj);
    const vrVoorraad = pas(pub, "vrijgesteld_op_peildatum", {
      rijen: zoekIn(cellen(db, [sj], () => [["artikel", artikelen]]), await db.all(`
        SELECT '${sj}' AS schooljaar, COALESCE(gemeente_code, '${REGIO}') AS gemeente, artikel, COUNT(DISTINCT pseudo_id)::INTEGER AS jongeren
        FROM vrijstellingen WHERE ${SQL_VRIJGESTELD_OP(`DATE '${vrPeildatum}'`)}
          -- Only gemeenten that are members on the peildatum: the regio row is theirs.
          AND gemeente_code IN (SELECT code FROM gemeenten WHERE (vanaf IS NULL OR vanaf <= DATE '${vrPeildatum}') AND (tot IS NULL OR tot >= DATE '${vrPeildatum}'))
        GROUP BY GROUPING SETS ((gemeente_code, artikel), (artikel))`), "jongeren")
        .map((r) => ({ ...r, peildatum: vrPeildatum })),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "artikel"], totalen: [gemeenteTotaal],
    });
    tabellen.push({
      id: "vrijgesteld_op_peildatum", codes: { artikel: artikelen },
      titel: `Vrijgestelde jeugdigen op ${formatDatum(vrPeildatum)}: toegekende vrijstelling die op de peildatum loopt, per artikel`, rijen: vrVoorraad,
      kolommen: ["gemeente", "naam", "schooljaar", "peildatum", "artikel", "jongeren"],
    });
  }
  return tabellen;
}
