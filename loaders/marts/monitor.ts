// The Standaard monitor JIKP (outputs.md section 3): per monitormoment the status of every
// jongere (the order of loaders/definitions.ts, staged as monitor_def.status) counted per
// gemeente, groep and herkomst, and the transitions since the previous moment. Shared by the
// command (reports/monitor.ts) and the site (src/data/monitor.json.ts), so a figure is
// computed one way. No pseudo_id ever leaves this module: the werklijst is built by the
// command alone.
//
// Rows beyond the contract's example (all documented here and on the page):
//   statussen: groep "ALLE" (JIKP + VSV); status "TOTAAL" (all jongeren in the monitor,
//              including UIT_DOELGROEP_*); herkomst "ALLE" on total rows.
//   overgangen: van "NIEUW_IN_MONITOR" (not in the monitor at vorigMoment), naar "UIT_MONITOR"
//              (in it at vorigMoment, not now), van/naar "TOTAAL" (the matrix margins), groep
//              "ALLE". A jongere is counted in its gemeente and groep at `moment`; one who left
//              the monitor in its gemeente and groep at vorigMoment.
// Every table is complete: zero rows for every gemeente that is a member of the regio at the
// moment (and, for overgangen, at vorigMoment), every groep, herkomst and status.
import type { Staging } from "../db.ts";
import { isLidOp } from "../config.ts";
import { MONITOR_STATUSSEN, maxLeeftijd } from "../definitions.ts";
import { GROEPEN, HERKOMSTEN } from "../schema.ts";
import { GebruikersFout } from "../errors.ts";
import { onderdruk, controleerGeenIds, type OnderdrukOpties } from "../publish.ts";
import { datum } from "../../src/components/format.ts";
import {
  REGIO, ALLE, TOTAAL, NIEUW_IN_MONITOR, UIT_MONITOR, naarKubus, naarMatrices,
  type StatusRij, type OvergangRij, type MonitorMoment, type MonitorSite,
} from "../../src/components/monitor.ts";

export { REGIO, ALLE, TOTAAL, NIEUW_IN_MONITOR, UIT_MONITOR };
export type { StatusRij, OvergangRij, MonitorMoment, MonitorSite };

export const STATUSSEN = [...MONITOR_STATUSSEN, TOTAAL];
export const GROEPEN_MET_ALLE = [ALLE, ...GROEPEN];
export const HERKOMSTEN_MET_ALLE = [ALLE, ...HERKOMSTEN];
export const VAN = [NIEUW_IN_MONITOR, ...MONITOR_STATUSSEN, TOTAAL];
export const NAAR = [...MONITOR_STATUSSEN, UIT_MONITOR, TOTAAL];

type MetMoment<T> = T & { moment: string };

/** The monitormomenten in the data, oldest first. */
export async function monitorMomenten(db: Staging): Promise<string[]> {
  const rijen = await db.all<{ moment: string }>(`SELECT DISTINCT moment FROM monitor_def ORDER BY moment`);
  return rijen.map((r) => r.moment);
}

/** The latest moment before `moment` in the data, or null. */
export function vorigMomentVan(momenten: string[], moment: string): string | null {
  const eerder = momenten.filter((m) => m < moment);
  return eerder.length ? eerder[eerder.length - 1] : null;
}

/** A GebruikersFout when the moment is not in the data, naming the moments that are. */
export function controleerMoment(momenten: string[], moment: string): void {
  if (momenten.includes(moment)) return;
  const lijst = momenten.length
    ? momenten.map((m) => `${m} (${datum(m)})`).join(", ")
    : "geen: jikp_monitor.csv heeft geen rijen";
  throw new GebruikersFout(`monitormoment ${moment} komt niet voor in jikp_monitor.csv. Monitormomenten in de gegevens: ${lijst}`);
}

/** A DATE literal; moments come from the data or from a checked argument, never unchecked text. */
function datumSql(d: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`geen datum: ${d}`);
  return `DATE '${d}'`;
}

/** Gemeente codes in display order: members on one of the dates, plus any that occur in the data. */
function gemeenteAs(db: Staging, data: string[], ...momenten: (string | null)[]): string[] {
  const leden = db.regio.gemeenten.filter((g) => momenten.some((m) => m !== null && isLidOp(g, m))).map((g) => g.code);
  return [REGIO, ...[...new Set([...leden, ...data])].sort()];
}

/** Counts per gemeente × groep × herkomst × status for the given moments, totals included, zero rows filled in. */
async function statussenRuw(db: Staging, momenten: string[]): Promise<MetMoment<StatusRij>[]> {
  if (!momenten.length) return [];
  const telling = await db.all<MetMoment<StatusRij> & { jongeren: number }>(`
    SELECT moment, COALESCE(gemeente_code, '${REGIO}') AS gemeente, COALESCE(groep, '${ALLE}') AS groep,
      COALESCE(herkomst, '${ALLE}') AS herkomst, COALESCE(status, '${TOTAAL}') AS status, COUNT(*)::INTEGER AS jongeren
    FROM monitor_def WHERE moment IN (${momenten.map(datumSql).join(", ")})
    GROUP BY moment, CUBE (gemeente_code, groep, herkomst, status)`);
  const index = new Map(telling.map((r) => [`${r.moment}|${r.gemeente}|${r.groep}|${r.herkomst}|${r.status}`, r.jongeren]));
  const uit: MetMoment<StatusRij>[] = [];
  for (const moment of momenten) {
    const inData = telling.filter((r) => r.moment === moment && r.gemeente !== REGIO).map((r) => r.gemeente);
    for (const gemeente of gemeenteAs(db, inData, moment)) {
      for (const groep of GROEPEN_MET_ALLE) {
        for (const herkomst of HERKOMSTEN_MET_ALLE) {
          for (const status of STATUSSEN) {
            const jongeren = index.get(`${moment}|${gemeente}|${groep}|${herkomst}|${status}`) ?? 0;
            uit.push({ moment, gemeente, groep, herkomst, status, jongeren });
          }
        }
      }
    }
  }
  return uit;
}

/**
 * Transitions from vorigMoment to moment for every moment that has a previous one: the same
 * pseudo_id at both moments (full outer join, so jongeren who entered or left the monitor
 * count too), with the matrix margins (van/naar TOTAAL) and the totals over gemeenten and groepen.
 */
async function overgangenRuw(db: Staging, paren: { moment: string; vorigMoment: string }[]): Promise<MetMoment<OvergangRij>[]> {
  if (!paren.length) return [];
  const telling = await db.all<MetMoment<OvergangRij> & { jongeren: number }>(`
    WITH paren (moment, vorig) AS (
      VALUES ${paren.map((p) => `(${datumSql(p.moment)}, ${datumSql(p.vorigMoment)})`).join(", ")}
    ),
    nu AS (SELECT p.moment, m.pseudo_id, m.gemeente_code, m.groep, m.status FROM paren p JOIN monitor_def m ON m.moment = p.moment),
    toen AS (SELECT p.moment, m.pseudo_id, m.gemeente_code, m.groep, m.status FROM paren p JOIN monitor_def m ON m.moment = p.vorig),
    paar AS (
      SELECT COALESCE(nu.moment, toen.moment) AS moment,
        COALESCE(nu.gemeente_code, toen.gemeente_code) AS gemeente_code,
        COALESCE(nu.groep, toen.groep) AS groep,
        COALESCE(toen.status, '${NIEUW_IN_MONITOR}') AS van,
        COALESCE(nu.status, '${UIT_MONITOR}') AS naar
      FROM nu FULL OUTER JOIN toen ON nu.moment = toen.moment AND nu.pseudo_id = toen.pseudo_id
    )
    SELECT moment, COALESCE(gemeente_code, '${REGIO}') AS gemeente, COALESCE(groep, '${ALLE}') AS groep,
      COALESCE(van, '${TOTAAL}') AS van, COALESCE(naar, '${TOTAAL}') AS naar, COUNT(*)::INTEGER AS jongeren
    FROM paar GROUP BY moment, CUBE (gemeente_code, groep, van, naar)`);
  const index = new Map(telling.map((r) => [`${r.moment}|${r.gemeente}|${r.groep}|${r.van}|${r.naar}`, r.jongeren]));
  const uit: MetMoment<OvergangRij>[] = [];
  for (const { moment, vorigMoment } of paren) {
    const inData = telling.filter((r) => r.moment === moment && r.gemeente !== REGIO).map((r) => r.gemeente);
    for (const gemeente of gemeenteAs(db, inData, moment, vorigMoment)) {
      for (const groep of GROEPEN_MET_ALLE) {
        for (const van of VAN) {
          for (const naar of NAAR) {
            const jongeren = index.get(`${moment}|${gemeente}|${groep}|${van}|${naar}`) ?? 0;
            uit.push({ moment, gemeente, groep, van, naar, jongeren });
          }
        }
      }
    }
  }
  return uit;
}

const OPTIES_S: Omit<OnderdrukOpties, "minimumCel"> = {
  tellingen: ["jongeren"],
  sleutels: ["moment", "gemeente", "groep", "herkomst", "status"],
  totalen: [{ kolom: "gemeente", totaal: REGIO }, { kolom: "groep", totaal: ALLE },
    { kolom: "herkomst", totaal: ALLE }, { kolom: "status", totaal: TOTAAL }],
};
const OPTIES_O: Omit<OnderdrukOpties, "minimumCel"> = {
  tellingen: ["jongeren"],
  sleutels: ["moment", "gemeente", "groep", "van", "naar"],
  totalen: [{ kolom: "gemeente", totaal: REGIO }, { kolom: "groep", totaal: ALLE },
    { kolom: "van", totaal: TOTAAL }, { kolom: "naar", totaal: TOTAAL }],
};

/**
 * onderdruk() on the non-zero rows only, zeros put back in place: the same result, several
 * times faster on these sparse tables. A zero is never suppressed (not small, never a
 * candidate for secondary suppression), and a total of zero has only zero parts, so no
 * group in which anything is hidden loses a member.
 */
function onderdrukNietNul<T extends { jongeren: number | null }>(rijen: T[], opties: OnderdrukOpties): (T & { onderdrukt?: true })[] {
  const uit = onderdruk(rijen.filter((r) => r.jongeren !== 0), opties);
  let k = 0;
  return rijen.map((r) => (r.jongeren === 0 ? { ...r } : uit[k++]));
}

const sSleutel = (r: { moment: string; gemeente: string; groep: string; herkomst: string; status: string }) =>
  `${r.moment}|${r.gemeente}|${r.groep}|${r.herkomst}|${r.status}`;
const oSleutel = (r: MetMoment<OvergangRij>) => `${r.moment}|${r.gemeente}|${r.groep}|${r.van}|${r.naar}`;

/** Larger than any count: what onderdruk() picks last as a second cell to hide. */
const LAATSTE_KEUZE = 1e12;

/**
 * Suppression of both tables together. The statussen lead; the overgangen follow, because
 * their margins repeat or imply status counts:
 *
 * - Twins: column naar = X of the matrix (van TOTAAL) is status X now, and row van = X (naar
 *   TOTAAL) is status X at vorigMoment when nobody moved gemeente or groep. A twin shows
 *   what its status cell shows: hidden in one table means hidden in the other, or
 *   subtraction would give a small count back. In the matrix a twin that is not small goes
 *   into onderdruk() as a very large count, so secondary suppression there takes another
 *   cell where it can and the status table is left alone.
 * - In and out: the grand total of the matrix is the status total now plus UIT_MONITOR, and
 *   the status total then plus NIEUW_IN_MONITOR. So when one of those three margins is hidden,
 *   all three are: otherwise the other two and the status totals give it back. (The grand
 *   total hidden also ends the search for a second cell in its row and column, which would
 *   otherwise take a twin and hide a status count of the whole regio.)
 *
 * A cell that must be hidden for such a reason goes into onderdruk() as a small count (it
 * comes out as null either way), so the secondary suppression of its own table covers it.
 * Repeated until nothing changes; the moments are independent, so only those with a new
 * forced cell are done again.
 */
export function onderdrukSamen(
  statussen: MetMoment<StatusRij>[], overgangen: MetMoment<OvergangRij>[], vorig: Map<string, string | null>, minimumCel: number,
): { statussen: MetMoment<StatusRij>[]; overgangen: MetMoment<OvergangRij>[] } {
  if (minimumCel <= 1) return { statussen: statussen.map((r) => ({ ...r })), overgangen: overgangen.map((r) => ({ ...r })) };
  const isStatus = (c: string) => (MONITOR_STATUSSEN as readonly string[]).includes(c);
  const exactS = new Map(statussen.map((r) => [sSleutel(r), r.jongeren]));
  const exactO = new Map(overgangen.map((r) => [oSleutel(r), r.jongeren]));
  // The status cell that is the twin of a margin cell, when both count the same jongeren.
  const tweeling = (r: MetMoment<OvergangRij>): string | null => {
    let s: string | null = null;
    if (r.van === TOTAAL && isStatus(r.naar)) {
      s = sSleutel({ moment: r.moment, gemeente: r.gemeente, groep: r.groep, herkomst: ALLE, status: r.naar });
    } else if (r.naar === TOTAAL && isStatus(r.van)) {
      const v = vorig.get(r.moment);
      if (v) s = sSleutel({ moment: v, gemeente: r.gemeente, groep: r.groep, herkomst: ALLE, status: r.van });
    }
    // Jongeren who moved gemeente or groep make the row margin differ from last time's count;
    // then neither gives the other away exactly.
    return s !== null && exactS.get(s) === r.jongeren ? s : null;
  };
  // The in/out margins and the grand total of one matrix hang together.
  const trio = (r: MetMoment<OvergangRij>): string[] | null => {
    const inUit = (r.van === NIEUW_IN_MONITOR && r.naar === TOTAAL) || (r.van === TOTAAL && (r.naar === UIT_MONITOR || r.naar === TOTAAL));
    return inUit ? [[NIEUW_IN_MONITOR, TOTAAL], [TOTAAL, UIT_MONITOR], [TOTAAL, TOTAAL]]
      .filter(([v, n]) => v !== r.van || n !== r.naar).map(([van, naar]) => oSleutel({ ...r, van, naar })) : null;
  };

  const perMoment = <T extends { moment: string }>(rijen: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rijen) {
      let g = m.get(r.moment);
      if (!g) m.set(r.moment, (g = []));
      g.push(r);
    }
    return m;
  };
  const sIn = perMoment(statussen);
  const oIn = perMoment(overgangen);
  const tweelingen = new Map([...oIn].map(([m, rijen]) => [m, rijen.map(tweeling)]));
  const forceerS = new Set<string>();
  const forceerO = new Set<string>();
  const sUit = new Map<string, MetMoment<StatusRij>[]>();
  const oUit = new Map<string, MetMoment<OvergangRij>[]>();
  let opnieuwS = new Set(sIn.keys());
  let opnieuwO = new Set(oIn.keys());
  while (opnieuwS.size || opnieuwO.size) {
    for (const m of opnieuwS) {
      sUit.set(m, onderdrukNietNul(sIn.get(m)!.map((r) => (forceerS.has(sSleutel(r)) ? { ...r, jongeren: 1 } : r)), { ...OPTIES_S, minimumCel }));
    }
    for (const m of opnieuwO) {
      const tw = tweelingen.get(m)!;
      const rijen = oIn.get(m)!;
      const invoer = rijen.map((r, i) => (forceerO.has(oSleutel(r)) ? { ...r, jongeren: 1 }
        : tw[i] !== null && r.jongeren !== null && r.jongeren >= minimumCel ? { ...r, jongeren: LAATSTE_KEUZE + r.jongeren } : r));
      oUit.set(m, onderdrukNietNul(invoer, { ...OPTIES_O, minimumCel }).map((r, i) => (r.jongeren === null ? r : { ...r, jongeren: rijen[i].jongeren })));
    }
    opnieuwS = new Set();
    opnieuwO = new Set();
    const verborgenS = new Map<string, boolean>();
    for (const rijen of sUit.values()) for (const r of rijen) verborgenS.set(sSleutel(r), r.jongeren === null);
    // First let the matrices settle (cells hidden because of the status table or of the
    // in/out rule); only a twin a settled matrix still hides is forced into the status table.
    const naarS: string[] = [];
    for (const [m, rijen] of oUit) {
      const tw = tweelingen.get(m)!;
      const verborgenO = new Map(rijen.map((r) => [oSleutel(r), r.jongeren === null]));
      rijen.forEach((r, i) => {
        const sleutel = oSleutel(r);
        const oVerborgen = r.jongeren === null;
        const t = tw[i];
        if (t !== null && verborgenS.has(t)) {
          const sVerborgen = verborgenS.get(t)!;
          if (oVerborgen && !sVerborgen && !forceerS.has(t)) naarS.push(t);
          if (sVerborgen && !oVerborgen && !forceerO.has(sleutel)) { forceerO.add(sleutel); opnieuwO.add(m); }
        }
        if (!oVerborgen) return;
        for (const p of trio(r) ?? []) {
          // A zero stays: it is never hidden (and says nothing about anyone).
          if (verborgenO.get(p) === false && exactO.get(p) !== 0 && !forceerO.has(p)) { forceerO.add(p); opnieuwO.add(m); }
        }
      });
    }
    if (opnieuwO.size === 0) {
      for (const t of naarS) { forceerS.add(t); opnieuwS.add(t.slice(0, t.indexOf("|"))); }
    }
  }
  return { statussen: [...sUit.values()].flat(), overgangen: [...oUit.values()].flat() };
}

function zonderMoment<T extends { moment: string }>(r: T): Omit<T, "moment"> {
  const { moment: _m, ...rest } = r;
  return rest;
}

/** All moments, suppressed together (or exact with minimumCel ≤ 1). */
async function alleMomenten(db: Staging, minimumCel: number) {
  const momenten = await monitorMomenten(db);
  const vorig = new Map(momenten.map((m) => [m, vorigMomentVan(momenten, m)]));
  const paren = momenten.filter((m) => vorig.get(m)).map((m) => ({ moment: m, vorigMoment: vorig.get(m)! }));
  const { statussen, overgangen } = onderdrukSamen(
    await statussenRuw(db, momenten), await overgangenRuw(db, paren), vorig, minimumCel);
  controleerGeenIds([...statussen, ...overgangen], "monitor");
  return { momenten, vorig, statussen, overgangen };
}

/**
 * One monitormoment in the shape of monitor.json. With minimumCel ≤ 1 every count is
 * exact (the regio's internal product); otherwise counts are suppressed exactly as on the site.
 */
export async function monitorMoment(db: Staging, moment: string, opties: { minimumCel?: number } = {}): Promise<MonitorMoment> {
  const minimumCel = opties.minimumCel ?? db.regio.publicatie.minimumCel;
  const momenten = await monitorMomenten(db);
  controleerMoment(momenten, moment);
  const vorigMoment = vorigMomentVan(momenten, moment);
  if (minimumCel <= 1) {
    const statussen = await statussenRuw(db, [moment]);
    const overgangen = vorigMoment ? await overgangenRuw(db, [{ moment, vorigMoment }]) : [];
    return { moment, vorigMoment, statussen: statussen.map(zonderMoment), overgangen: overgangen.map(zonderMoment) };
  }
  // Suppression links a moment to its neighbours: compute all, as the site does, and take one.
  const alle = await alleMomenten(db, minimumCel);
  return {
    moment,
    vorigMoment,
    statussen: alle.statussen.filter((r) => r.moment === moment).map(zonderMoment),
    overgangen: alle.overgangen.filter((r) => r.moment === moment).map(zonderMoment),
  };
}

/** The site's data: every moment, suppressed, in the compact form of src/components/monitor.ts. */
export async function monitorSite(db: Staging, opties: { minimumCel?: number } = {}): Promise<MonitorSite> {
  const minimumCel = opties.minimumCel ?? db.regio.publicatie.minimumCel;
  const alle = await alleMomenten(db, minimumCel);
  return {
    regio: db.regio.naam,
    minimumCel,
    gemeenten: db.regio.gemeenten.map((g) => ({ code: g.code, naam: g.naam })),
    groepen: GROEPEN_MET_ALLE,
    herkomsten: HERKOMSTEN_MET_ALLE,
    statussen: STATUSSEN,
    van: VAN,
    naar: NAAR,
    momenten: alle.momenten.map((moment) => {
      const s = alle.statussen.filter((r) => r.moment === moment);
      const o = alle.overgangen.filter((r) => r.moment === moment);
      const nib = s.find((r) => r.gemeente === REGIO && r.groep === ALLE && r.herkomst === ALLE && r.status === "NIET_IN_BEELD");
      return {
        moment,
        vorigMoment: alle.vorig.get(moment) ?? null,
        maxLeeftijd: maxLeeftijd(moment),
        statussen: naarKubus(s, STATUSSEN),
        overgangen: o.length ? naarMatrices(o, VAN, NAAR) : null,
        nietInBeeld: nib?.jongeren ?? null,
      };
    }),
  };
}
