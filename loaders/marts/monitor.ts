// The Standaard monitor JIKP (docs/uitvoer.md §3): per monitormoment the status of every
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
import { kubusGroepen, controleerGeenIds } from "../publish.ts";
import { celSleutel } from "../publish/koppeling.ts";
import { publicatie as publicatieVan, type Publicatie } from "../publish/publicatie.ts";
import { datum } from "../../src/lib/format.ts";
import {
  REGIO, ALLE, TOTAAL, NIEUW_IN_MONITOR, UIT_MONITOR,
  type StatusRij, type OvergangRij, type MonitorMoment, type MonitorSite, type Kubus, type Matrix,
} from "../../src/lib/monitor.ts";
import { productKop } from "./kop.ts";

export { REGIO, ALLE, TOTAAL, NIEUW_IN_MONITOR, UIT_MONITOR };
export type { StatusRij, OvergangRij, MonitorMoment, MonitorSite };

export const STATUSSEN = [...MONITOR_STATUSSEN, TOTAAL];
export const GROEPEN_MET_ALLE = [ALLE, ...GROEPEN];
export const HERKOMSTEN_MET_ALLE = [ALLE, ...HERKOMSTEN];
export const VAN = [NIEUW_IN_MONITOR, ...MONITOR_STATUSSEN, TOTAAL];
export const NAAR = [...MONITOR_STATUSSEN, UIT_MONITOR, TOTAAL];

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

/**
 * One moment's table, dense: the count of every combination of four columns — gemeente,
 * groep and two more (herkomst × status, or van × naar) — in one flat array in that order,
 * the last column varying fastest. The tables are complete grids (see above), so this holds
 * every row of monitor.json without a key per cell: tens of thousands of cells, which the
 * suppression below and the site's compact form read by position.
 */
export interface Tabel {
  moment: string;
  kolommen: readonly [string, string, string, string];
  waarden: readonly [readonly string[], readonly string[], readonly string[], readonly string[]];
  /** Counts; null where suppressed. */
  aantal: (number | null)[];
}

const S_KOLOMMEN = ["gemeente", "groep", "herkomst", "status"] as const;
const O_KOLOMMEN = ["gemeente", "groep", "van", "naar"] as const;
/** The total's value of each column (REGIO, ALLE, ALLE/TOTAAL, TOTAAL). */
const S_TOTALEN = [REGIO, ALLE, ALLE, TOTAAL];
const O_TOTALEN = [REGIO, ALLE, TOTAAL, TOTAAL];

/** The place of a cell in a table's array, from the positions of its values in the four columns. */
function plek(t: Tabel, a: number, b: number, c: number, d: number): number {
  return ((a * t.waarden[1].length + b) * t.waarden[2].length + c) * t.waarden[3].length + d;
}

/** The cells of a table as rows of monitor.json (a suppressed count: null and onderdrukt). */
export function alsRijen<R>(t: Tabel): R[] {
  const [k0, k1, k2, k3] = t.kolommen;
  const [w0, w1, w2, w3] = t.waarden;
  const uit: Record<string, unknown>[] = [];
  let i = 0;
  for (const a of w0) for (const b of w1) for (const c of w2) for (const d of w3) {
    const jongeren = t.aantal[i++];
    uit.push(jongeren === null ? { [k0]: a, [k1]: b, [k2]: c, [k3]: d, jongeren, onderdrukt: true } : { [k0]: a, [k1]: b, [k2]: c, [k3]: d, jongeren });
  }
  return uit as R[];
}

/** Counts per gemeente × groep × herkomst × status, one table per moment, totals included, zeros filled in. */
async function statussenRuw(db: Staging, momenten: string[]): Promise<Tabel[]> {
  if (!momenten.length) return [];
  const cellen = await db.all<Cellen>(`
    SELECT moment, gemeente_code AS gemeente, groep, herkomst AS a, ${perWaarde("status", MONITOR_STATUSSEN)}, COUNT(*)::INTEGER AS n
    FROM monitor_def WHERE moment IN (${momenten.map(datumSql).join(", ")})
    GROUP BY ALL`);
  return volledig(db, cellen, momenten.map((moment) => ({ moment, data: [moment] })),
    S_KOLOMMEN, [GROEPEN_MET_ALLE, HERKOMSTEN_MET_ALLE, STATUSSEN], S_TOTALEN);
}

/**
 * Transitions from vorigMoment to moment for every moment that has a previous one: the same
 * pseudo_id at both moments (full outer join, so jongeren who entered or left the monitor
 * count too), with the matrix margins (van/naar TOTAAL) and the totals over gemeenten and groepen.
 */
async function overgangenRuw(db: Staging, paren: { moment: string; vorigMoment: string }[]): Promise<Tabel[]> {
  if (!paren.length) return [];
  const cellen = await db.all<Cellen>(`
    WITH paren (moment, vorig) AS (
      VALUES ${paren.map((p) => `(${datumSql(p.moment)}, ${datumSql(p.vorigMoment)})`).join(", ")}
    ),
    nu AS (SELECT p.moment, m.pseudo_id, m.gemeente_code, m.groep, m.status FROM paren p JOIN monitor_def m ON m.moment = p.moment),
    toen AS (SELECT p.moment, m.pseudo_id, m.gemeente_code, m.groep, m.status FROM paren p JOIN monitor_def m ON m.moment = p.vorig),
    paar AS (
      SELECT COALESCE(nu.moment, toen.moment) AS moment,
        COALESCE(nu.gemeente_code, toen.gemeente_code) AS gemeente,
        COALESCE(nu.groep, toen.groep) AS groep,
        COALESCE(toen.status, '${NIEUW_IN_MONITOR}') AS van,
        COALESCE(nu.status, '${UIT_MONITOR}') AS naar
      FROM nu FULL OUTER JOIN toen ON nu.moment = toen.moment AND nu.pseudo_id = toen.pseudo_id
    )
    SELECT moment, gemeente, groep, van AS a, ${perWaarde("naar", NAAR.filter((n) => n !== TOTAAL))}, COUNT(*)::INTEGER AS n
    FROM paar GROUP BY ALL`);
  return volledig(db, cellen, paren.map((p) => ({ moment: p.moment, data: [p.moment, p.vorigMoment] })),
    O_KOLOMMEN, [GROEPEN_MET_ALLE, VAN, NAAR], O_TOTALEN);
}

/**
 * Counted cells: a row per moment, gemeente, groep and value of the table's third column (a),
 * a column per value of the fourth, and n, all of them. A row per cell would be several times
 * as many rows, and reading rows back from DuckDB costs more than counting them.
 */
type Cellen = { moment: string; gemeente: string; groep: string; a: string; n: number } & Record<string, number>;
/** One count column per value of `kolom`, named after the value. */
const perWaarde = (kolom: string, waarden: readonly string[]) =>
  waarden.map((w) => `COUNT(*) FILTER (WHERE ${kolom} = '${w}')::INTEGER AS "${w}"`).join(", ");

/**
 * The complete tables: for every moment each gemeente (REGIO, then the members on one of
 * `data`'s dates and any in the counts) × the values of the other three columns, zero where
 * nothing was counted. The totals (REGIO, ALLE, TOTAAL) are summed here from the counted
 * cells, in one array over all moments: DuckDB's CUBE spends 16 aggregations on what are a
 * few thousand cells, several times longer than this.
 */
function volledig(db: Staging, cellen: Cellen[], momenten: { moment: string; data: string[] }[], kolommen: Tabel["kolommen"],
  [groepen, aWaarden, bWaarden]: [readonly string[], readonly string[], readonly string[]], totalen: string[]): Tabel[] {
  const gemeenten = [REGIO, ...new Set([...db.regio.gemeenten.map((g) => g.code), ...cellen.map((c) => c.gemeente)])];
  // The five columns of the array (moment first); a cell's place counts in mixed radix.
  const as = [momenten.map((m) => m.moment), gemeenten, groepen, aWaarden, bWaarden]
    .map((waarden, d) => ({ nummer: new Map(waarden.map((w, i) => [w, i])), aantal: waarden.length, totaal: d === 0 ? -1 : waarden.indexOf(totalen[d - 1]) }));
  const stap = as.map((_k, d) => as.slice(d + 1).reduce((p, k) => p * k.aantal, 1));
  const aantal = new Int32Array(stap[0] * as[0].aantal);
  const inData = momenten.map(() => new Set<string>());
  const bKolommen = bWaarden.filter((_b, i) => i !== as[4].totaal);
  for (const c of cellen) {
    let p = 0;
    [c.moment, c.gemeente, c.groep, c.a].forEach((w, d) => {
      const i = as[d].nummer.get(w);
      if (i === undefined || i === as[d].totaal) throw new Error(`monitor: onverwachte waarde ${w}`);
      p += i * stap[d];
    });
    let som = 0;
    for (const b of bKolommen) {
      aantal[p + as[4].nummer.get(b)!] += c[b];
      som += c[b];
    }
    // Every jongere has one of the known values: else the totals would miss some.
    if (som !== c.n) throw new Error(`monitor: ${c.n - som} jongeren met een onverwachte ${kolommen[3]}`);
    inData[as[0].nummer.get(c.moment)!].add(c.gemeente);
  }
  // Totals, one column at a time: afterwards also the totals over several columns. For column
  // d, each block of the columns before it holds n slices (one per value) of the columns after.
  as.forEach(({ aantal: n, totaal }, d) => {
    if (totaal < 0) return;
    const st = stap[d];
    for (let blok = 0; blok < aantal.length; blok += n * st) {
      for (let i = 0; i < n; i++) {
        if (i === totaal) continue;
        for (let k = 0; k < st; k++) aantal[blok + totaal * st + k] += aantal[blok + i * st + k];
      }
    }
  });
  // Each moment's table: its own gemeenten, in display order.
  return momenten.map(({ moment, data }, m) => {
    const eigen = gemeenteAs(db, [...inData[m]], ...data);
    const blok = stap[1];
    const tabel: number[] = [];
    for (const g of eigen) {
      const begin = m * stap[0] + as[1].nummer.get(g)! * blok;
      for (let p = begin; p < begin + blok; p++) tabel.push(aantal[p]);
    }
    return { moment, kolommen, waarden: [eigen, groepen, aWaarden, bWaarden], aantal: tabel };
  });
}

/** The key of a status cell: the same cell wherever it is published (dashboard, monitor, overgangen). */
export function statusSleutel(moment: string, gemeente: string, groep: string, herkomst: string, status: string, leeftijden = ALLE): string {
  return celSleutel("monitor.status", { moment, gemeente, groep, herkomst, status, leeftijden }, { gemeente: REGIO, groep: ALLE, herkomst: ALLE, status: TOTAAL, leeftijden: ALLE });
}

/**
 * Both tables of every moment as cells of the data directory's publication. The margins of
 * a matrix repeat status counts: column naar = X (van TOTAAL) is status X now, and row van = X
 * (naar TOTAAL) is status X at vorigMoment when nobody moved gemeente or groep. Where they
 * are equal they are one cell, so one is never shown where the other is hidden; the relations
 * along every column (a total beside its parts: kubusGroepen) link the rest, the in/out
 * margins and the grand total included.
 */
export function publiceerMonitor(pub: Publicatie, statussen: Tabel[], overgangen: Tabel[], vorig: Map<string, string | null>):
  { statussen: Tabel[]; overgangen: Tabel[] } {
  const isStatus = new Set<string>(MONITOR_STATUSSEN);
  const exact = new Map<string, number>();
  const sleutels = (t: Tabel, sleutel: (a: string, b: string, c: string, d: string) => string): string[] => {
    const [w0, w1, w2, w3] = t.waarden;
    const uit: string[] = [];
    for (const a of w0) for (const b of w1) for (const c of w2) for (const d of w3) uit.push(sleutel(a, b, c, d));
    return uit;
  };
  // Published coarser than counted (the one breakdown that could not be protected without
  // hiding most of it): herkomst per status only for the whole regio, the transitions only
  // for the whole regio. A cell that is not published has no key ("") and is null. Exact
  // (internal) output keeps every cell.
  const grof = pub.minimumCel > 1;
  const sTabellen = statussen.map((t) => {
    const ks = sleutels(t, (g, gr, h, st) => (grof && g !== REGIO && h !== ALLE ? "" : statusSleutel(t.moment, g, gr, h, st)));
    ks.forEach((k, i) => exact.set(k, t.aantal[i] as number));
    return { t, ks, totalen: S_TOTALEN, bron: "monitor.status" };
  });
  const oTabellen = overgangen.map((t) => {
    const toen = vorig.get(t.moment) ?? null;
    let i = 0;
    const ks = sleutels(t, (g, gr, van, naar) => {
      const n = t.aantal[i++];
      if (grof && g !== REGIO) return "";
      const twin = van === TOTAAL && isStatus.has(naar) ? statusSleutel(t.moment, g, gr, ALLE, naar)
        : naar === TOTAAL && isStatus.has(van) && toen ? statusSleutel(toen, g, gr, ALLE, van) : null;
      if (twin && exact.get(twin) === n) return twin;
      return celSleutel("monitor.overgang", { moment: t.moment, gemeente: g, groep: gr, van, naar }, { gemeente: REGIO, groep: ALLE, van: TOTAAL, naar: TOTAAL });
    });
    return { t, ks, totalen: O_TOTALEN, bron: "monitor.overgang" };
  });
  const k = pub.koppeling;
  if (k) {
    for (const { t, ks, totalen, bron } of [...sTabellen, ...oTabellen]) {
      const ids = ks.map((s, i) => (s ? k.cel(s, t.aantal[i] as number, bron) : -1));
      const g = kubusGroepen(t.waarden, totalen);
      // Relations between published cells only.
      groepen: for (let j = 0; j < g.aantal; j++) {
        const delen: number[] = [];
        for (let x = g.start[j]; x < g.start[j + 1]; x++) {
          const id = ids[g.leden[x]];
          if (id < 0) continue groepen;
          if (g.leden[x] !== g.totaal[j]) delen.push(id);
        }
        k.som(ids[g.totaal[j]], delen);
      }
    }
  }
  const gepubliceerd = ({ t, ks }: { t: Tabel; ks: string[] }): Tabel =>
    ({ ...t, aantal: t.aantal.map((n, i) => (!ks[i] || pub.verborgen(ks[i]) ? null : n)) });
  return { statussen: sTabellen.map(gepubliceerd), overgangen: oTabellen.map(gepubliceerd) };
}

/** All moments, suppressed together (or exact with minimumCel ≤ 1). */
async function alleMomenten(db: Staging, minimumCel: number, pub?: Publicatie) {
  const momenten = await monitorMomenten(db);
  const vorig = new Map(momenten.map((m) => [m, vorigMomentVan(momenten, m)]));
  const paren = momenten.filter((m) => vorig.get(m)).map((m) => ({ moment: m, vorigMoment: vorig.get(m)! }));
  // Both counts asked for at once: DuckDB works on them side by side.
  const [statussenExact, overgangenExact] = await Promise.all([statussenRuw(db, momenten), overgangenRuw(db, paren)]);
  const { statussen, overgangen } = publiceerMonitor(pub ?? await publicatieVan(db, minimumCel), statussenExact, overgangenExact, vorig);
  // The column names are the keys every published row carries: no record-level identifier.
  controleerGeenIds([...statussen, ...overgangen].map((t) => Object.fromEntries(t.kolommen.map((k) => [k, null]))), "monitor");
  return { momenten, vorig, statussen: new Map(statussen.map((t) => [t.moment, t])), overgangen: new Map(overgangen.map((t) => [t.moment, t])) };
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
  let statussen: Tabel | undefined;
  let overgangen: Tabel | undefined;
  if (minimumCel <= 1) {
    [statussen] = await statussenRuw(db, [moment]);
    [overgangen] = vorigMoment ? await overgangenRuw(db, [{ moment, vorigMoment }]) : [];
  } else {
    // Suppression links a moment to its neighbours: compute all, as the site does, and take one.
    const alle = await alleMomenten(db, minimumCel);
    statussen = alle.statussen.get(moment);
    overgangen = alle.overgangen.get(moment);
  }
  return {
    moment,
    vorigMoment,
    statussen: statussen ? alsRijen<StatusRij>(statussen) : [],
    overgangen: overgangen ? alsRijen<OvergangRij>(overgangen) : [],
  };
}

/** The site's data: every moment, suppressed, in the compact form of src/lib/monitor.ts. */
export async function monitorSite(db: Staging, opties: { minimumCel?: number; publicatie?: Publicatie } = {}): Promise<MonitorSite> {
  const minimumCel = opties.minimumCel ?? db.regio.publicatie.minimumCel;
  const alle = await alleMomenten(db, minimumCel, opties.publicatie);
  return {
    ...productKop(db, minimumCel),
    groepen: GROEPEN_MET_ALLE,
    herkomsten: HERKOMSTEN_MET_ALLE,
    statussen: STATUSSEN,
    van: VAN,
    naar: NAAR,
    momenten: alle.momenten.map((moment) => {
      const s = alle.statussen.get(moment)!;
      const o = alle.overgangen.get(moment);
      const nib = plek(s, 0, GROEPEN_MET_ALLE.indexOf(ALLE), HERKOMSTEN_MET_ALLE.indexOf(ALLE), STATUSSEN.indexOf("NIET_IN_BEELD"));
      return {
        moment,
        vorigMoment: alle.vorig.get(moment) ?? null,
        maxLeeftijd: maxLeeftijd(moment),
        statussen: alsKubus(s),
        overgangen: o ? alsMatrices(o) : null,
        nietInBeeld: s.aantal[nib] ?? null,
      };
    }),
  };
}

/** gemeente → groep → the last two columns as nested arrays (the site's Kubus rows or Matrix). */
function genest<T>(t: Tabel, blad: (begin: number) => T): Record<string, Record<string, T>> {
  const [gemeenten, groepen] = t.waarden;
  const uit: Record<string, Record<string, T>> = {};
  gemeenten.forEach((g, a) => {
    const perGroep: Record<string, T> = (uit[g] = {});
    groepen.forEach((gr, b) => { perGroep[gr] = blad(plek(t, a, b, 0, 0)); });
  });
  return uit;
}

/** The status table as the site's Kubus: gemeente → groep → herkomst → counts in status order. */
function alsKubus(t: Tabel): Kubus {
  const [, , herkomsten, statussen] = t.waarden;
  return genest(t, (begin) => Object.fromEntries(herkomsten.map((h, c) =>
    [h, t.aantal.slice(begin + c * statussen.length, begin + (c + 1) * statussen.length)])));
}

/** The transitions as the site's matrices: gemeente → groep → van × naar. */
function alsMatrices(t: Tabel): Record<string, Record<string, Matrix>> {
  const [, , van, naar] = t.waarden;
  return genest(t, (begin) => van.map((_v, c) => t.aantal.slice(begin + c * naar.length, begin + (c + 1) * naar.length)));
}
