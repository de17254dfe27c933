// Like with like across a break in the series (src/lib/breuken.ts), for the key-figure cards:
// beside a key figure the break touches, its part counted as before the break (the VSV'ers and
// the trajecten of jongeren under the old age limit, "18–22"), from the schooljaar before the
// break on. Each part is a published cell: the doelgroep's part (loaders/marts/dashboard.ts
// leeftijdsDelen) for a figure on a peildatum after the break, the figure itself on one before
// it (then everyone was under the old limit: the same cell), and for the trajecten and the
// monitor's "niet in beeld" a cell beside the whole with whole = part + rest (the regio's only),
// so the suppression and the audit see how they relate.
import type { Staging } from "../db.ts";
import { celSleutel } from "../publish/koppeling.ts";
import type { Publicatie } from "../publish/publicatie.ts";
import { BREUKEN, deelCode, type Breuk } from "../../src/lib/breuken.ts";
import { schooljaar, vorigSchooljaar } from "../../src/lib/schooljaar.ts";
import { REGIO, ALLE } from "../../src/lib/codes.ts";
import { statusSleutel } from "./monitor.ts";
import type { DoelgroepRij, KerncijferRij } from "../../src/lib/dashboard-data.ts";

/** A published key figure, with the peildatum it was taken on (figures on a peildatum). */
export type KernMetPeildatum = KerncijferRij & { peildatum?: string | null };

/** The first schooljaar with a part: the one before the schooljaar of the break. */
export const eersteDeelJaar = (b: Breuk) => vorigSchooljaar(schooljaar(b.datum));

const metMerk = (r: { onderdrukt?: true }) => (r.onderdrukt ? { onderdrukt: true as const } : {});

/**
 * The parts of the key figures on a peildatum (vsv_nieuw_18_22, vsv_oud_18_22) from cells
 * already published: the doelgroep's part after the break, the whole before it.
 */
export function peildatumDelen(kern: readonly KernMetPeildatum[], delen: readonly DoelgroepRij[], breuken: readonly Breuk[] = BREUKEN): KerncijferRij[] {
  const uit: KerncijferRij[] = [];
  for (const b of breuken) {
    const g = b.gelijk;
    if (!g) continue;
    const vanaf = eersteDeelJaar(b);
    for (const r of kern) {
      const doelgroep = r.maat.toUpperCase();
      if (!g.kerncijfers.includes(r.maat) || !g.doelgroepen.includes(doelgroep) || r.schooljaar < vanaf || !r.peildatum) continue;
      const maat = deelCode(r.maat, g.deel);
      if (r.peildatum < b.datum) { uit.push({ gemeente: r.gemeente, schooljaar: r.schooljaar, maat, waarde: r.waarde, ...metMerk(r) }); continue; }
      const d = delen.find((x) => x.gemeente === r.gemeente && x.peildatum === r.peildatum && x.doelgroep === deelCode(doelgroep, g.deel));
      if (d) uit.push({ gemeente: r.gemeente, schooljaar: r.schooljaar, maat, waarde: d.jongeren, ...metMerk(d) });
    }
  }
  return uit;
}

/**
 * The trajecten of the VSV'ers benaderd under the old age limit (vsv_benaderd_18_22) of the
 * regio per schooljaar, published beside the whole (the key figure's cell, vsv.trajecten) and
 * the rest. For the regio only: per gemeente the rest (23–26, new under the law) is mostly
 * small, and protecting it hid the key figures themselves (tried on the sample at 5 %: every
 * gemeente's and the regio's trajecten of 2025-2026 suppressed).
 */
export async function trajectDelen(db: Staging, pub: Publicatie, kern: readonly KerncijferRij[], breuken: readonly Breuk[] = BREUKEN): Promise<KerncijferRij[]> {
  const uit: KerncijferRij[] = [];
  for (const b of breuken) {
    const g = b.gelijk;
    if (!g || !g.kerncijfers.includes("vsv_benaderd")) continue;
    const vanaf = eersteDeelJaar(b);
    const waar = kern.filter((r) => r.maat === "vsv_benaderd" && r.gemeente === REGIO && r.schooljaar >= vanaf);
    if (!waar.length) continue;
    const telling = await db.all<{ schooljaar: string; gemeente: string; alle: number; deel: number }>(`
      SELECT schooljaar, '${REGIO}' AS gemeente, COUNT(DISTINCT traject_id)::INTEGER AS alle,
        COUNT(DISTINCT traject_id) FILTER (WHERE leeftijd < ${g.onder})::INTEGER AS deel
      FROM traject_schooljaar WHERE schooljaar >= '${vanaf}'
      GROUP BY schooljaar`);
    const index = new Map(telling.map((t) => [`${t.gemeente}|${t.schooljaar}`, t]));
    const cellen = waar.flatMap((r) => {
      const t = index.get(`${r.gemeente}|${r.schooljaar}`) ?? { alle: 0, deel: 0 };
      return [["ALLE", t.alle], [g.deel, t.deel], [g.rest, t.alle - t.deel]].map(([leeftijden, trajecten]) =>
        ({ gemeente: r.gemeente, schooljaar: r.schooljaar, leeftijden: leeftijden as string, trajecten: trajecten as number }));
    });
    const gepubliceerd = pub.tabel("vsv.trajecten", cellen, {
      tellingen: ["trajecten"], sleutels: ["gemeente", "schooljaar", "leeftijden"],
      totalen: [{ kolom: "leeftijden", totaal: "ALLE" }],
      sleutel: (r) => celSleutel("vsv.trajecten", { gemeente: r.gemeente, schooljaar: r.schooljaar, leeftijden: r.leeftijden }, { gemeente: REGIO, leeftijden: "ALLE" }),
    });
    for (const r of gepubliceerd) {
      if (r.leeftijden !== g.deel) continue;
      uit.push({ gemeente: r.gemeente, schooljaar: r.schooljaar, maat: deelCode("vsv_benaderd", g.deel), waarde: r.trajecten, ...metMerk(r) });
    }
  }
  return uit;
}

/**
 * Those nowhere in view in the monitor under the old age limit (jikp_niet_in_beeld_18_22), for
 * the regio, on the schooljaar's last moment (the key figure's moment, `laatste`): before the
 * break the whole (the monitor then ran to the old limit), after it a cell beside the whole,
 * the monitor's own status cell, with whole = part + rest. Not per gemeente, as for the
 * trajecten: the small rest (23–26) would cost the key figure.
 */
export async function monitorDelen(db: Staging, pub: Publicatie, kern: readonly KerncijferRij[], laatste: ReadonlyMap<string, string>,
  breuken: readonly Breuk[] = BREUKEN): Promise<KerncijferRij[]> {
  const uit: KerncijferRij[] = [];
  const MAAT = "jikp_niet_in_beeld";
  for (const b of breuken) {
    const g = b.gelijk;
    if (!g || !g.kerncijfers.includes(MAAT)) continue;
    const vanaf = eersteDeelJaar(b);
    const maat = deelCode(MAAT, g.deel);
    const waar = kern.filter((r) => r.maat === MAAT && r.gemeente === REGIO && r.schooljaar >= vanaf && laatste.has(r.schooljaar));
    const na = waar.filter((r) => laatste.get(r.schooljaar)! >= b.datum);
    for (const r of waar) if (!na.includes(r)) uit.push({ gemeente: REGIO, schooljaar: r.schooljaar, maat, waarde: r.waarde, ...metMerk(r) });
    if (!na.length) continue;
    const momenten = na.map((r) => laatste.get(r.schooljaar)!);
    const telling = await db.all<{ moment: string; alle: number; deel: number }>(`
      SELECT strftime(moment, '%Y-%m-%d') AS moment, COUNT(*)::INTEGER AS alle, COUNT(*) FILTER (WHERE leeftijd < ${g.onder})::INTEGER AS deel
      FROM monitor_def WHERE status = 'NIET_IN_BEELD' AND moment IN (${momenten.map((m) => `DATE '${m}'`).join(", ")})
      GROUP BY 1`);
    const index = new Map(telling.map((t) => [t.moment, t]));
    const cellen = na.flatMap((r) => {
      const moment = laatste.get(r.schooljaar)!;
      const t = index.get(moment) ?? { alle: 0, deel: 0 };
      return [[ALLE, t.alle], [g.deel, t.deel], [g.rest, t.alle - t.deel]].map(([leeftijden, jongeren]) =>
        ({ moment, schooljaar: r.schooljaar, leeftijden: leeftijden as string, jongeren: jongeren as number }));
    });
    // The whole's key is the monitor's status cell of the regio: one cell, however many tables show it.
    const gepubliceerd = pub.tabel("monitor.niet_in_beeld_leeftijd", cellen, {
      tellingen: ["jongeren"], sleutels: ["moment", "leeftijden"],
      totalen: [{ kolom: "leeftijden", totaal: ALLE }],
      sleutel: (c) => statusSleutel(String(c.moment), REGIO, ALLE, ALLE, "NIET_IN_BEELD", String(c.leeftijden)),
    });
    for (const c of gepubliceerd) {
      if (c.leeftijden === g.deel) uit.push({ gemeente: REGIO, schooljaar: c.schooljaar, maat, waarde: c.jongeren, ...metMerk(c) });
    }
  }
  return uit;
}
