// The jaarverslag's chapter Leerlingen en doelgroepen (loaders/marts/jaarverslag.ts): the
// leerlingen per onderwijssoort and the jongeren per doelgroep on the schooljaar's peildatum.
import type { Staging } from "../db.ts";
import type { Rij } from "../publish.ts";
import { celSleutel } from "../publish/koppeling.ts";
import type { Publicatie } from "../publish/publicatie.ts";
import { DOELGROEPEN } from "../definitions.ts";
import { ONDERWIJSSOORTEN } from "../schema.ts";
import { datum as formatDatum } from "../../src/lib/format.ts";
import { REGIO, TOTAAL } from "../../src/lib/codes.ts";
import { dekking, dekkingTekst, regioPeildatum, type Peildatum } from "../../src/lib/lidmaatschap.ts";
import { jongerenSleutel, type JaarverslagTabel } from "./jaarverslag-basis.ts";
import { bron } from "./jaarverslag-bronnen.ts";
import { cellen, somIn, pas, gemeenteTotaal } from "./jaarverslag-rooster.ts";

/** Onderwijssoorten of the leerlingen table (the issue's list; HO and GEEN are no leerlingen). */
export const LEERLING_SOORTEN = ONDERWIJSSOORTEN.filter((o) => o !== "HO" && o !== "GEEN");

function peildatumTekst(p: Peildatum, db: Staging, sj: string): string {
  const [mm, dd] = db.regio.vsvPeildatum.split("-");
  const vsvDag = formatDatum(`2000-${mm}-${dd}`).replace(/ 2000$/, "");
  if (p.bron === "vsv") return `op ${formatDatum(p.peildatum)} (de VSV-peildatum)`;
  if (p.bron === "laatste") return `op ${formatDatum(p.peildatum)} (laatste peildatum in ${sj}; geen gegevens op de VSV-peildatum ${vsvDag})`;
  return `(geen peildatum in ${sj})`;
}

/** The tables leerlingen and doelgroepen of schooljaar `sj` (when `maak` has them), and the schooljaar's peildatum. */
export async function leerlingenTabellen(db: Staging, pub: Publicatie, sj: string, maak: ReadonlySet<string>): Promise<{ tabellen: JaarverslagTabel[]; pd: Peildatum }> {
  const tabellen: JaarverslagTabel[] = [];
  // The schooljaar's peildata (latest first) and the counts on the one it is reported on: the
  // regio's for the REGIO rows and every gemeente that was a member on it; a gemeente that
  // joined (or left) in the year on its own first (or last) peildatum as a member
  // (src/lib/lidmaatschap.ts). The peildatum is a key column, so "REGIO = sum of gemeenten"
  // is stated for the gemeenten on the regio's peildatum only.
  const jaarRijen = await bron(db, "jongeren", [sj]);
  const peildataJaar = [...new Set(jaarRijen.map((r) => r.peildatum as string))];
  const pd = regioPeildatum(db.regio.vsvPeildatum, sj, peildataJaar);
  const dk = dekking(db.regio.gemeenten, sj, peildataJaar, db.regio.vsvPeildatum);
  const peilVan = new Map<unknown, string | null>([[REGIO, pd.peildatum], ...dk.gemeenten.map((g): [string, string | null] => [g.code, g.peildatum])]);
  const opPeildatum = jaarRijen.filter((r) => r.peildatum === pd.peildatum);
  const opEigenPeildatum = jaarRijen.filter((r) => r.peildatum === peilVan.get(r.gemeente));
  /** Cells of REGIO filled from the regio's peildatum, those of a gemeente from its own. */
  const opPeil = (cel: Rij[], maak: (rijen: Rij[]) => Rij[], telling: string, totalen: Record<string, string> = {}) => [
    ...somIn(cel.filter((c) => c.gemeente === REGIO), maak(opPeildatum), telling, { gemeente: REGIO, ...totalen }),
    ...somIn(cel.filter((c) => c.gemeente !== REGIO), maak(opEigenPeildatum), telling, { gemeente: REGIO, ...totalen }),
  ];
  const dekkingNoot = dekkingTekst(dk);
  if (maak.has("leerlingen")) {
    // With the total of all onderwijssoorten (HO and GEEN are no leerlingen): the figure a
    // gemeente looks for first, published even where a small onderwijssoort is hidden.
    const leerlingBron = (rijen: Rij[]) => rijen.filter((r) => (LEERLING_SOORTEN as readonly unknown[]).includes(r.onderwijssoort))
      .map((r) => ({ schooljaar: sj, gemeente: r.gemeente, onderwijssoort: r.onderwijssoort, leerlingen: r.leerlingen }));
    const leerlingen = pas(pub, "jongeren", {
      rijen: opPeil(cellen(db, [sj], () => [["onderwijssoort", [TOTAAL, ...LEERLING_SOORTEN]]]), leerlingBron, "leerlingen", { onderwijssoort: TOTAAL })
        // A member on none of the year's peildata has no count on a peildatum (not 0).
        .map((r) => ({ gemeente: r.gemeente, schooljaar: r.schooljaar, peildatum: peilVan.get(r.gemeente) ?? null, onderwijssoort: r.onderwijssoort,
          leerlingen: peilVan.get(r.gemeente) ? r.leerlingen : null })),
      tellingen: ["leerlingen"], sleutels: ["gemeente", "schooljaar", "peildatum", "onderwijssoort"],
      totalen: [gemeenteTotaal, { kolom: "onderwijssoort", totaal: TOTAAL }],
      // The same jongeren as the dashboard counts on that peildatum.
      sleutel: (r) => celSleutel("jongeren.TOTAAL", { gemeente: r.gemeente, peildatum: r.peildatum, onderwijssoort: r.onderwijssoort }, { gemeente: REGIO }),
    });
    tabellen.push({
      id: "leerlingen", codes: { onderwijssoort: [...LEERLING_SOORTEN] },
      titel: `Leerlingen per onderwijssoort ${peildatumTekst(pd, db, sj)}${dekkingNoot ? `. ${dekkingNoot}` : ""}`, rijen: leerlingen,
      kolommen: ["gemeente", "naam", "schooljaar", "peildatum", "onderwijssoort", "leerlingen"],
    });

    const doelgroepBron = (rijen: Rij[]) => rijen.flatMap((r) => DOELGROEPEN.map((d) => ({ schooljaar: sj, gemeente: r.gemeente, doelgroep: d, jongeren: r[d] })));
    const doelgroepen = pas(pub, "jongeren", {
      rijen: opPeil(cellen(db, [sj], () => [["doelgroep", DOELGROEPEN]]), doelgroepBron, "jongeren")
        .map((r) => ({ gemeente: r.gemeente, schooljaar: r.schooljaar, peildatum: peilVan.get(r.gemeente) ?? null, doelgroep: r.doelgroep,
          jongeren: peilVan.get(r.gemeente) ? r.jongeren : null })),
      tellingen: ["jongeren"], sleutels: ["gemeente", "schooljaar", "peildatum", "doelgroep"], totalen: [gemeenteTotaal],
      // One cell per doelgroep, gemeente and peildatum: the dashboard publishes it too.
      sleutel: (r) => jongerenSleutel(String(r.doelgroep), r.gemeente, r.peildatum),
    });
    tabellen.push({
      id: "doelgroepen", codes: { doelgroep: [...DOELGROEPEN] },
      titel: `Jongeren per doelgroep ${peildatumTekst(pd, db, sj)}${dekkingNoot ? `. ${dekkingNoot}` : ""}`, rijen: doelgroepen,
      kolommen: ["gemeente", "naam", "schooljaar", "peildatum", "doelgroep", "jongeren"],
    });
  }
  return { tabellen, pd };
}
