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
import { celGroepen, teVerbergen, controleerGeenIds, type CelGroepen, type OnderdrukOpties } from "../publish.ts";
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
  const cellen = await db.all<Cel>(`
    SELECT moment, gemeente_code AS gemeente, groep, herkomst AS a, status AS b, COUNT(*)::INTEGER AS n
    FROM monitor_def WHERE moment IN (${momenten.map(datumSql).join(", ")})
    GROUP BY ALL`);
  return volledig(db, cellen, momenten.map((moment) => ({ moment, data: [moment] })),
    ["herkomst", HERKOMSTEN_MET_ALLE, ALLE], ["status", STATUSSEN, TOTAAL]);
}

/**
 * Transitions from vorigMoment to moment for every moment that has a previous one: the same
 * pseudo_id at both moments (full outer join, so jongeren who entered or left the monitor
 * count too), with the matrix margins (van/naar TOTAAL) and the totals over gemeenten and groepen.
 */
async function overgangenRuw(db: Staging, paren: { moment: string; vorigMoment: string }[]): Promise<MetMoment<OvergangRij>[]> {
  if (!paren.length) return [];
  const cellen = await db.all<Cel>(`
    WITH paren (moment, vorig) AS (
      VALUES ${paren.map((p) => `(${datumSql(p.moment)}, ${datumSql(p.vorigMoment)})`).join(", ")}
    ),
    nu AS (SELECT p.moment, m.pseudo_id, m.gemeente_code, m.groep, m.status FROM paren p JOIN monitor_def m ON m.moment = p.moment),
    toen AS (SELECT p.moment, m.pseudo_id, m.gemeente_code, m.groep, m.status FROM paren p JOIN monitor_def m ON m.moment = p.vorig)
    SELECT COALESCE(nu.moment, toen.moment) AS moment,
      COALESCE(nu.gemeente_code, toen.gemeente_code) AS gemeente,
      COALESCE(nu.groep, toen.groep) AS groep,
      COALESCE(toen.status, '${NIEUW_IN_MONITOR}') AS a,
      COALESCE(nu.status, '${UIT_MONITOR}') AS b,
      COUNT(*)::INTEGER AS n
    FROM nu FULL OUTER JOIN toen ON nu.moment = toen.moment AND nu.pseudo_id = toen.pseudo_id
    GROUP BY ALL`);
  return volledig(db, cellen, paren.map((p) => ({ moment: p.moment, data: [p.moment, p.vorigMoment] })),
    ["van", VAN, TOTAAL], ["naar", NAAR, TOTAAL]);
}

/** A counted cell: moment, gemeente, groep and the table's two other columns (a, b). */
type Cel = { moment: string; gemeente: string; groep: string; a: string; b: string; n: number };

/**
 * The complete table: for every moment each gemeente (members on one of `data`'s dates, plus
 * any in the counts, and REGIO) × groep (and ALLE) × every value of the two other columns, in
 * that order, zero where nothing was counted. The totals (REGIO, ALLE, TOTAAL) are summed
 * here from the counted cells, in an array with one place per cell: DuckDB's CUBE spends
 * 16 aggregations on what are a few thousand cells, several times longer than this.
 */
function volledig<R>(db: Staging, cellen: Cel[], momenten: { moment: string; data: string[] }[],
  [a, aWaarden, aTotaal]: [string, readonly string[], string], [b, bWaarden, bTotaal]: [string, readonly string[], string]): (R & { moment: string })[] {
  const gemeenten = [...new Set([...db.regio.gemeenten.map((g) => g.code), ...cellen.map((c) => c.gemeente)])];
  // The five columns: values, and the total's value (null: none); a cell's place counts in mixed radix.
  const kolommen = [
    { waarden: momenten.map((m) => m.moment), totaal: null },
    { waarden: [REGIO, ...gemeenten], totaal: REGIO },
    { waarden: GROEPEN_MET_ALLE, totaal: ALLE },
    { waarden: aWaarden, totaal: aTotaal },
    { waarden: bWaarden, totaal: bTotaal },
  ].map(({ waarden, totaal }) => ({ nummer: new Map(waarden.map((w, i) => [w, i])), aantal: waarden.length, totaal: totaal === null ? -1 : waarden.indexOf(totaal) }));
  const stap = kolommen.map((_k, d) => kolommen.slice(d + 1).reduce((p, k) => p * k.aantal, 1));
  const aantal = new Int32Array(stap[0] * kolommen[0].aantal);
  const inData = momenten.map(() => new Set<string>());
  for (const c of cellen) {
    let plek = 0;
    [c.moment, c.gemeente, c.groep, c.a, c.b].forEach((w, d) => {
      const i = kolommen[d].nummer.get(w);
      if (i === undefined || i === kolommen[d].totaal) throw new Error(`monitor: onverwachte waarde ${w}`);
      plek += i * stap[d];
    });
    aantal[plek] += c.n;
    inData[kolommen[0].nummer.get(c.moment)!].add(c.gemeente);
  }
  // Totals, one column at a time: afterwards also the totals over several columns.
  kolommen.forEach(({ aantal: n, totaal }, d) => {
    if (totaal < 0) return;
    for (let plek = 0; plek < aantal.length; plek++) {
      const i = Math.floor(plek / stap[d]) % n;
      if (i !== totaal) aantal[plek + (totaal - i) * stap[d]] += aantal[plek];
    }
  });
  const uit: (R & { moment: string })[] = [];
  momenten.forEach(({ moment, data }, m) => {
    for (const gemeente of gemeenteAs(db, [...inData[m]], ...data)) {
      const g = kolommen[1].nummer.get(gemeente)!;
      GROEPEN_MET_ALLE.forEach((groep, gr) => {
        aWaarden.forEach((x, xi) => {
          bWaarden.forEach((y, yi) => {
            const plek = m * stap[0] + g * stap[1] + gr * stap[2] + xi * stap[3] + yi;
            uit.push({ moment, gemeente, groep, [a]: x, [b]: y, jongeren: aantal[plek] } as unknown as R & { moment: string });
          });
        });
      });
    }
  });
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

const sSleutel = (r: { moment: string; gemeente: string; groep: string; herkomst: string; status: string }) =>
  `${r.moment}|${r.gemeente}|${r.groep}|${r.herkomst}|${r.status}`;
const oSleutel = (r: MetMoment<OvergangRij>) => `${r.moment}|${r.gemeente}|${r.groep}|${r.van}|${r.naar}`;

/** Larger than any count: what teVerbergen() picks last as a second cell to hide. */
const LAATSTE_KEUZE = 1e12;

/**
 * Suppression of both tables together. The statussen lead; the overgangen follow, because
 * their margins repeat or imply status counts:
 *
 * - Twins: column naar = X of the matrix (van TOTAAL) is status X now, and row van = X (naar
 *   TOTAAL) is status X at vorigMoment when nobody moved gemeente or groep. A twin shows
 *   what its status cell shows: hidden in one table means hidden in the other, or
 *   subtraction would give a small count back. In the matrix a twin that is not small goes
 *   into teVerbergen() as a very large count, so secondary suppression there takes another
 *   cell where it can and the status table is left alone.
 * - In and out: the grand total of the matrix is the status total now plus UIT_MONITOR, and
 *   the status total then plus NIEUW_IN_MONITOR. So when one of those three margins is hidden,
 *   all three are: otherwise the other two and the status totals give it back. (The grand
 *   total hidden also ends the search for a second cell in its row and column, which would
 *   otherwise take a twin and hide a status count of the whole regio.)
 *
 * A cell that must be hidden for such a reason goes into teVerbergen() as a small count, so
 * the secondary suppression of its own table covers it. Repeated until nothing changes; the
 * moments are independent, so only those with a new forced cell are done again. Each moment's
 * tables, their groups, twins and in/out partners are worked out once, as indexes.
 */
export function onderdrukSamen(
  statussen: MetMoment<StatusRij>[], overgangen: MetMoment<OvergangRij>[], vorig: Map<string, string | null>, minimumCel: number,
): { statussen: MetMoment<StatusRij>[]; overgangen: MetMoment<OvergangRij>[] } {
  if (minimumCel <= 1) return { statussen: statussen.map((r) => ({ ...r })), overgangen: overgangen.map((r) => ({ ...r })) };
  const isStatus = (c: string) => (MONITOR_STATUSSEN as readonly string[]).includes(c);

  /**
   * One table of one moment: its rows, exact counts, and which cells are forced or hidden now.
   * Suppression works on the non-zero cells (`nietNul`, their groups in `groepen`): a zero is
   * never hidden (not small, never a candidate for secondary suppression) and a total of zero
   * has only zero parts, so no group in which anything is hidden loses a member, and the
   * tables here are half zeros. Forced cells are never zero: they are twins or in/out
   * partners of hidden cells, and of the same count or checked to be non-zero.
   */
  interface Tabel<T> { rijen: T[]; exact: (number | null)[]; nietNul: number[]; groepen: CelGroepen; geforceerd: Uint8Array; verborgen: Uint8Array }
  const tabellen = <T extends { moment: string; jongeren: number | null }>(rijen: T[], opties: Omit<OnderdrukOpties, "minimumCel">) => {
    const per = new Map<string, T[]>();
    for (const r of rijen) {
      let g = per.get(r.moment);
      if (!g) per.set(r.moment, (g = []));
      g.push(r);
    }
    return new Map([...per].map(([m, rs]): [string, Tabel<T>] => {
      const nietNul = rs.flatMap((r, i) => (r.jongeren === 0 ? [] : [i]));
      return [m, {
        rijen: rs, exact: rs.map((r) => r.jongeren), nietNul, groepen: celGroepen(nietNul.map((i) => rs[i]), opties.sleutels, opties.totalen),
        geforceerd: new Uint8Array(rs.length), verborgen: new Uint8Array(rs.length),
      }];
    }));
  };
  /** Suppression of one table with these counts in place of its own: which cells are hidden. */
  const verberg = <T,>(t: Tabel<T>, invoer: (number | null)[]) => {
    const weg = teVerbergen(t.groepen, t.nietNul.map((i) => invoer[i]), minimumCel);
    const verborgen = new Uint8Array(t.rijen.length);
    t.nietNul.forEach((i, k) => { verborgen[i] = weg[k]; });
    return verborgen;
  };
  const S = tabellen(statussen, OPTIES_S);
  const O = tabellen(overgangen, OPTIES_O);

  /** A cell of the status table: its moment and its index there. */
  type SCel = { moment: string; i: number };
  // Status cells that can be the twin of a matrix margin: herkomst ALLE, a status of the order.
  const plek = (moment: string, gemeente: string, groep: string, status: string) => `${moment}|${gemeente}|${groep}|${status}`;
  const sIndex = new Map<string, SCel>();
  for (const [moment, t] of S) {
    t.rijen.forEach((r, i) => { if (r.herkomst === ALLE && isStatus(r.status)) sIndex.set(plek(moment, r.gemeente, r.groep, r.status), { moment, i }); });
  }
  /**
   * The matrix cells on a margin, the only ones the rules below look at: the status cell that
   * is a cell's twin when both count the same jongeren, and for the in/out margins and the
   * grand total the indexes of the other two of that trio.
   */
  interface Rand { i: number; tweeling: SCel | null; trio: number[] | null }
  const randen = new Map<string, Rand[]>();
  const IN_UIT = [[NIEUW_IN_MONITOR, TOTAAL], [TOTAAL, UIT_MONITOR], [TOTAAL, TOTAAL]];
  for (const [moment, t] of O) {
    const v = vorig.get(moment);
    const trioIndex = new Map<string, number>();
    t.rijen.forEach((r, i) => {
      if (IN_UIT.some(([van, naar]) => r.van === van && r.naar === naar)) trioIndex.set(`${r.gemeente}|${r.groep}|${r.van}|${r.naar}`, i);
    });
    const lijst: Rand[] = [];
    t.rijen.forEach((r, i) => {
      let s: SCel | undefined;
      if (r.van === TOTAAL && isStatus(r.naar)) s = sIndex.get(plek(moment, r.gemeente, r.groep, r.naar));
      else if (r.naar === TOTAAL && isStatus(r.van) && v) s = sIndex.get(plek(v, r.gemeente, r.groep, r.van));
      // Jongeren who moved gemeente or groep make the row margin differ from last time's count;
      // then neither gives the other away exactly.
      const tweeling = s && S.get(s.moment)!.exact[s.i] === r.jongeren ? s : null;
      const trio = trioIndex.has(`${r.gemeente}|${r.groep}|${r.van}|${r.naar}`)
        ? IN_UIT.filter(([van, naar]) => van !== r.van || naar !== r.naar)
          .flatMap(([van, naar]) => trioIndex.get(`${r.gemeente}|${r.groep}|${van}|${naar}`) ?? [])
        : null;
      if (tweeling || trio) lijst.push({ i, tweeling, trio });
    });
    randen.set(moment, lijst);
  }

  let opnieuwS = new Set(S.keys());
  let opnieuwO = new Set(O.keys());
  while (opnieuwS.size || opnieuwO.size) {
    for (const m of opnieuwS) {
      const t = S.get(m)!;
      t.verborgen = verberg(t, t.exact.map((n, i) => (t.geforceerd[i] ? 1 : n)));
    }
    for (const m of opnieuwO) {
      const t = O.get(m)!;
      // A twin that is not small goes in as a very large count: the last choice as a second cell.
      const invoer = t.exact.map((n, i) => (t.geforceerd[i] ? 1 : n));
      for (const { i, tweeling } of randen.get(m)!) {
        const n = t.exact[i];
        if (tweeling && !t.geforceerd[i] && n !== null && n >= minimumCel) invoer[i] = LAATSTE_KEUZE + n;
      }
      t.verborgen = verberg(t, invoer);
    }
    opnieuwS = new Set();
    opnieuwO = new Set();
    // First let the matrices settle (cells hidden because of the status table or of the
    // in/out rule); only a twin a settled matrix still hides is forced into the status table.
    const naarS: SCel[] = [];
    for (const [m, t] of O) {
      const forceer = (i: number) => { t.geforceerd[i] = 1; opnieuwO.add(m); };
      for (const { i, tweeling: s, trio } of randen.get(m)!) {
        const oVerborgen = t.verborgen[i] === 1;
        if (s !== null) {
          const st = S.get(s.moment)!;
          const sVerborgen = st.verborgen[s.i] === 1;
          if (oVerborgen && !sVerborgen && !st.geforceerd[s.i]) naarS.push(s);
          if (sVerborgen && !oVerborgen && !t.geforceerd[i]) forceer(i);
        }
        if (!oVerborgen) continue;
        for (const p of trio ?? []) {
          // A zero stays: it is never hidden (and says nothing about anyone).
          if (!t.verborgen[p] && t.exact[p] !== 0 && !t.geforceerd[p]) forceer(p);
        }
      }
    }
    if (opnieuwO.size === 0) {
      for (const s of naarS) { S.get(s.moment)!.geforceerd[s.i] = 1; opnieuwS.add(s.moment); }
    }
  }
  // Rows that stay published are returned as they came: these are the caller's own fresh rows.
  const gepubliceerd = <T extends { jongeren: number | null }>(t: Tabel<T>) =>
    t.rijen.map((r, i): T => (t.verborgen[i] ? { ...r, jongeren: null, onderdrukt: true } : r));
  return { statussen: [...S.values()].flatMap(gepubliceerd), overgangen: [...O.values()].flatMap(gepubliceerd) };
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
