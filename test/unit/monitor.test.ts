// Standaard monitor JIKP on hand-made cases with known answers: the status order (every
// precedence pair, in TypeScript and in the SQL the staging uses), the age limit change on
// 2026-01-01, the transitions between two moments, the funnel and the suppression.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import {
  MONITOR_STATUSSEN, monitorStatus, SQL_MONITOR_STATUS, SQL_MAX_LEEFTIJD, type MonitorJongere, type MonitorStatus,
} from "../../loaders/definitions.ts";
import { rijenVan, type Staging } from "../../loaders/db.ts";
import type { Regio } from "../../loaders/config.ts";
import { GebruikersFout } from "../../loaders/errors.ts";
import {
  monitorMoment, monitorMomenten, monitorSite, vorigMomentVan, controleerMoment, publiceerMonitor, alsRijen,
  STATUSSEN, VAN, NAAR, GROEPEN_MET_ALLE, HERKOMSTEN_MET_ALLE, type Tabel,
} from "../../loaders/marts/monitor.ts";
import {
  trechter, stapTekst, naarKubus, uitKubus, naarMatrices, uitMatrices, momentUitSite, TOTAAL, type StatusRij, type OvergangRij,
} from "../../src/lib/monitor.ts";

import { Koppeling } from "../../loaders/publish/koppeling.ts";
import { onderdrukKoppeling } from "../../loaders/publish/onderdrukking.ts";
import { EXACT, toepasser, verzamelaar } from "../../loaders/publish/publicatie.ts";

/** The monitor's tables alone through the publication layer: collect, suppress with the audit, apply. */
async function onderdrukSamen(statussen: Tabel[], overgangen: Tabel[], vorig: Map<string, string | null>, min: number) {
  if (min <= 1) return publiceerMonitor(EXACT, statussen, overgangen, vorig);
  const k = new Koppeling();
  publiceerMonitor(verzamelaar(k, min), statussen, overgangen, vorig);
  const o = await onderdrukKoppeling(k, min);
  return publiceerMonitor(toepasser(min, k.sleutels.filter((_s, i) => o.weg[i])), statussen, overgangen, vorig);
}

// ------------------------------------------------------------ hand-made monitor rows

interface Rij {
  moment: string; pseudo_id: string; gemeente_code: string; leeftijd: number; groep: string; herkomst: string;
  verhuisd?: boolean; ingeschreven?: boolean; startkwalificatie?: boolean; werk?: boolean; wajong?: boolean;
  in_beeld_doorstroompunt?: boolean; in_beeld_zorg?: boolean; in_beeld_participatie?: boolean;
}

const VLAGGEN = ["verhuisd", "ingeschreven", "startkwalificatie", "werk", "wajong",
  "in_beeld_doorstroompunt", "in_beeld_zorg", "in_beeld_participatie"] as const;

/** What makes a status apply (NIET_IN_BEELD: nothing does). */
function zetStatus(r: MonitorJongere, s: MonitorStatus): void {
  switch (s) {
    case "UIT_DOELGROEP_LEEFTIJD": r.leeftijd = 23; break; // moment before 2026: max 23
    case "UIT_DOELGROEP_VERHUISD": r.verhuisd = true; break;
    case "ONDERWIJS": r.ingeschreven = true; break;
    case "STARTKWALIFICATIE": r.startkwalificatie = true; break;
    case "WERK": r.werk = true; break;
    case "IN_BEELD_DOORSTROOMPUNT": r.in_beeld_doorstroompunt = true; break;
    case "IN_BEELD_ZORG": r.in_beeld_zorg = true; break;
    case "IN_BEELD_PARTICIPATIE": r.in_beeld_participatie = true; break;
    case "NIET_IN_BEELD": break;
  }
}

function leeg(moment = "2025-05-01", leeftijd = 20): MonitorJongere {
  return {
    moment, leeftijd, verhuisd: false, ingeschreven: false, startkwalificatie: false, werk: false, wajong: false,
    in_beeld_doorstroompunt: false, in_beeld_zorg: false, in_beeld_participatie: false,
  };
}

/** Every pair of statuses (a before b in the order) with both conditions true: a must win. */
const PAREN: { a: MonitorStatus; b: MonitorStatus; rij: MonitorJongere }[] = [];
MONITOR_STATUSSEN.forEach((a, i) => MONITOR_STATUSSEN.slice(i + 1).forEach((b) => {
  const rij = leeg();
  zetStatus(rij, a);
  zetStatus(rij, b);
  PAREN.push({ a, b, rij });
}));

// ------------------------------------------------------------ an in-memory staging

const REGIO: Regio = {
  naam: "Handregio", contactgemeente: "GM0001", vsvPeildatum: "10-01",
  gemeenten: [
    { code: "GM0001", naam: "Aa" },
    { code: "GM0002", naam: "Bee" },
    { code: "GM0003", naam: "Cee", vanaf: "2026-01-01" },
  ],
  budget: [], publicatie: { minimumCel: 5 },
};

async function maakStaging(rijen: Rij[], regio: Regio = REGIO): Promise<Staging & { c: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  await c.run(`CREATE TABLE jikp_monitor (moment DATE, pseudo_id VARCHAR, gemeente_code VARCHAR, leeftijd INTEGER,
    groep VARCHAR, herkomst VARCHAR, cohort INTEGER, ${VLAGGEN.map((v) => `${v} BOOLEAN`).join(", ")})`);
  for (const r of rijen) {
    const v = VLAGGEN.map((k) => (r[k] ? "true" : "false")).join(", ");
    await c.run(`INSERT INTO jikp_monitor VALUES (DATE '${r.moment}', '${r.pseudo_id}', '${r.gemeente_code}', ${r.leeftijd},
      '${r.groep}', '${r.herkomst}', 2022, ${v})`);
  }
  // As loaders/stage.ts defines it.
  await c.run(`CREATE VIEW monitor_def AS SELECT *, ${SQL_MAX_LEEFTIJD("moment")} AS max_leeftijd, ${SQL_MONITOR_STATUS} AS status FROM jikp_monitor`);
  return {
    c,
    dataDir: "(geheugen)",
    regio,
    async all<T>(sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]> {
      return rijenVan<T>(await c.runAndReadAll(sql, params as never));
    },
    close() { c.closeSync(); instance.closeSync(); },
  };
}

// ------------------------------------------------------------ status order

describe("statusvolgorde", () => {
  it("heeft de volgorde van exports.md", () => {
    expect([...MONITOR_STATUSSEN]).toEqual([
      "UIT_DOELGROEP_LEEFTIJD", "UIT_DOELGROEP_VERHUISD", "ONDERWIJS", "STARTKWALIFICATIE", "WERK",
      "IN_BEELD_DOORSTROOMPUNT", "IN_BEELD_ZORG", "IN_BEELD_PARTICIPATIE", "NIET_IN_BEELD",
    ]);
  });

  it.each(PAREN.map((p) => [p.a, p.b, p.rij] as const))("%s gaat voor %s (TypeScript)", (a, _b, rij) => {
    expect(monitorStatus(rij)).toBe(a);
  });

  it("elke status alleen geeft die status; Wajong telt als werk", () => {
    for (const s of MONITOR_STATUSSEN) {
      const r = leeg();
      zetStatus(r, s);
      expect(monitorStatus(r)).toBe(s);
    }
    expect(monitorStatus({ ...leeg(), wajong: true })).toBe("WERK");
    expect(monitorStatus({ ...leeg(), wajong: true, in_beeld_zorg: true })).toBe("WERK");
  });

  it("de SQL van monitor_def geeft voor elk paar dezelfde status (via de mart)", async () => {
    // One jongere per pair, each in its own moment-day so the counts show which status it got.
    const rijen: Rij[] = PAREN.map((p, i) => ({
      ...p.rij, moment: "2025-05-01", pseudo_id: `p${i}`, gemeente_code: "GM0001", groep: "JIKP", herkomst: "PRO",
    }));
    const db = await maakStaging(rijen);
    try {
      const status = await db.all<{ pseudo_id: string; status: string }>(`SELECT pseudo_id, status FROM monitor_def ORDER BY pseudo_id`);
      for (const r of status) expect(r.status).toBe(PAREN[Number(r.pseudo_id.slice(1))].a);
      const m = await monitorMoment(db, "2025-05-01", { minimumCel: 0 });
      const verwacht = new Map<string, number>();
      for (const p of PAREN) verwacht.set(p.a, (verwacht.get(p.a) ?? 0) + 1);
      for (const s of MONITOR_STATUSSEN) {
        const r = m.statussen.find((x) => x.gemeente === "REGIO" && x.groep === "ALLE" && x.herkomst === "ALLE" && x.status === s);
        // a wins over every later b: 8 pairs for the first status, 7 for the second, …, 0 for NIET_IN_BEELD.
        expect(r?.jongeren, s).toBe(verwacht.get(s) ?? 0);
      }
      expect(m.statussen.find((x) => x.gemeente === "REGIO" && x.groep === "ALLE" && x.herkomst === "ALLE" && x.status === TOTAAL)?.jongeren).toBe(36);
    } finally {
      db.close();
    }
  });
});

// ------------------------------------------------------------ age limit

describe("maximumleeftijd 23, vanaf 2026-01-01 27", () => {
  it("een 24-jarige is op 2025-10-01 te oud en op 2026-02-01 in de doelgroep", () => {
    expect(monitorStatus(leeg("2025-10-01", 24))).toBe("UIT_DOELGROEP_LEEFTIJD");
    expect(monitorStatus(leeg("2026-02-01", 24))).toBe("NIET_IN_BEELD");
    expect(monitorStatus({ ...leeg("2026-02-01", 24), werk: true })).toBe("WERK");
  });

  it("de grenzen liggen op 23 en 27, wisselend op 1 januari 2026", () => {
    expect(monitorStatus(leeg("2025-12-31", 22))).toBe("NIET_IN_BEELD");
    expect(monitorStatus(leeg("2025-12-31", 23))).toBe("UIT_DOELGROEP_LEEFTIJD");
    expect(monitorStatus(leeg("2026-01-01", 23))).toBe("NIET_IN_BEELD");
    expect(monitorStatus(leeg("2026-01-01", 26))).toBe("NIET_IN_BEELD");
    expect(monitorStatus(leeg("2026-01-01", 27))).toBe("UIT_DOELGROEP_LEEFTIJD");
  });

  it("de mart telt dezelfde 24-jarige op beide momenten anders, en de site kent de maximumleeftijd", async () => {
    const basis = { pseudo_id: "x24", gemeente_code: "GM0002", leeftijd: 24, groep: "VSV", herkomst: "ENTREE" };
    const db = await maakStaging([{ ...basis, moment: "2025-10-01" }, { ...basis, moment: "2026-02-01" }]);
    try {
      const oud = await monitorMoment(db, "2025-10-01", { minimumCel: 0 });
      const nieuw = await monitorMoment(db, "2026-02-01", { minimumCel: 0 });
      const n = (m: typeof oud, s: string) => m.statussen.find((r) => r.gemeente === "GM0002" && r.groep === "VSV" && r.herkomst === "ENTREE" && r.status === s)?.jongeren;
      expect(n(oud, "UIT_DOELGROEP_LEEFTIJD")).toBe(1);
      expect(n(oud, "NIET_IN_BEELD")).toBe(0);
      expect(n(nieuw, "UIT_DOELGROEP_LEEFTIJD")).toBe(0);
      expect(n(nieuw, "NIET_IN_BEELD")).toBe(1);
      expect(nieuw.overgangen.find((r) => r.gemeente === "REGIO" && r.groep === "ALLE" && r.van === "UIT_DOELGROEP_LEEFTIJD" && r.naar === "NIET_IN_BEELD")?.jongeren).toBe(1);
      const site = await monitorSite(db, { minimumCel: 0 });
      expect(site.momenten.map((m) => m.maxLeeftijd)).toEqual([23, 27]);
    } finally {
      db.close();
    }
  });
});

// ------------------------------------------------------------ transitions

/**
 * Two moments, known matrix. At 2025-10-01: a (GM0001, JIKP) niet in beeld, b (GM0001, JIKP)
 * niet in beeld, c (GM0002, VSV) onderwijs, d (GM0002, VSV) niet in beeld, e (GM0001, VSV) werk.
 * At 2026-02-01: a → werk, b → in beeld Doorstroompunt, c → onderwijs, d left the monitor,
 * e moved to GM0002 and is niet in beeld, f new (GM0003, which joined on 2026-01-01) niet in beeld.
 */
const T1 = "2025-10-01";
const T2 = "2026-02-01";
function tweeMomenten(): Rij[] {
  const r = (moment: string, id: string, gm: string, groep: string, extra: Partial<Rij> = {}): Rij =>
    ({ moment, pseudo_id: id, gemeente_code: gm, leeftijd: 20, groep, herkomst: "PRO", ...extra });
  return [
    r(T1, "a", "GM0001", "JIKP"), r(T1, "b", "GM0001", "JIKP"), r(T1, "c", "GM0002", "VSV", { ingeschreven: true }),
    r(T1, "d", "GM0002", "VSV"), r(T1, "e", "GM0001", "VSV", { werk: true, herkomst: "ENTREE" }),
    r(T2, "a", "GM0001", "JIKP", { werk: true }), r(T2, "b", "GM0001", "JIKP", { in_beeld_doorstroompunt: true }),
    r(T2, "c", "GM0002", "VSV", { ingeschreven: true }), r(T2, "e", "GM0002", "VSV", { herkomst: "ENTREE" }),
    r(T2, "f", "GM0003", "JIKP", { herkomst: "VSO_ARBEID" }),
  ];
}

describe("overgangen tussen twee momenten", () => {
  let db: Staging;
  beforeAll(async () => { db = await maakStaging(tweeMomenten()); });
  afterAll(() => db.close());

  it("vindt de momenten, het vorige moment, en geen overgangen op het eerste", async () => {
    expect(await monitorMomenten(db)).toEqual([T1, T2]);
    expect(vorigMomentVan([T1, T2], T1)).toBeNull();
    expect(vorigMomentVan([T1, T2], T2)).toBe(T1);
    const eerste = await monitorMoment(db, T1, { minimumCel: 0 });
    expect(eerste.vorigMoment).toBeNull();
    expect(eerste.overgangen).toEqual([]);
    expect(Object.keys(eerste)).toEqual(["moment", "vorigMoment", "statussen", "overgangen"]);
  });

  it("de matrix van de regio is bekend", async () => {
    const m = await monitorMoment(db, T2, { minimumCel: 0 });
    expect(m.vorigMoment).toBe(T1);
    const niet0 = m.overgangen.filter((r) => r.gemeente === "REGIO" && r.groep === "ALLE" && r.van !== TOTAAL && r.naar !== TOTAAL && r.jongeren !== 0)
      .map((r) => `${r.van}>${r.naar}=${r.jongeren}`).sort();
    expect(niet0).toEqual([
      "NIET_IN_BEELD>IN_BEELD_DOORSTROOMPUNT=1",
      "NIET_IN_BEELD>UIT_MONITOR=1",
      "NIET_IN_BEELD>WERK=1",
      "NIEUW_IN_MONITOR>NIET_IN_BEELD=1",
      "ONDERWIJS>ONDERWIJS=1",
      "WERK>NIET_IN_BEELD=1",
    ]);
    const o = (gemeente: string, groep: string, van: string, naar: string) =>
      m.overgangen.find((r) => r.gemeente === gemeente && r.groep === groep && r.van === van && r.naar === naar)?.jongeren;
    // Margins: row NIET_IN_BEELD = the 3 who were nowhere in view; column NIET_IN_BEELD = the 2 who are now.
    expect(o("REGIO", "ALLE", "NIET_IN_BEELD", TOTAAL)).toBe(3);
    expect(o("REGIO", "ALLE", TOTAAL, "NIET_IN_BEELD")).toBe(2);
    expect(o("REGIO", "ALLE", TOTAAL, TOTAAL)).toBe(6);
    // Per gemeente (of now; d, who left, in its gemeente of then) and groep.
    expect(o("GM0001", "JIKP", "NIET_IN_BEELD", "WERK")).toBe(1);
    expect(o("GM0002", "VSV", "WERK", "NIET_IN_BEELD")).toBe(1);
    expect(o("GM0001", "VSV", "WERK", "NIET_IN_BEELD")).toBe(0);
    expect(o("GM0002", "VSV", "NIET_IN_BEELD", "UIT_MONITOR")).toBe(1);
    expect(o("GM0003", "JIKP", "NIEUW_IN_MONITOR", "NIET_IN_BEELD")).toBe(1);
    expect(o("GM0003", "ALLE", TOTAAL, TOTAAL)).toBe(1);
    // Complete: every gemeente of either moment + REGIO, every groep, van and naar.
    expect(m.overgangen.length).toBe(4 * GROEPEN_MET_ALLE.length * VAN.length * NAAR.length);
  });

  it("statussen zijn compleet, met nulrijen, en kloppen per gemeente, groep en herkomst", async () => {
    const eerste = await monitorMoment(db, T1, { minimumCel: 0 });
    const tweede = await monitorMoment(db, T2, { minimumCel: 0 });
    // GM0003 joins on 2026-01-01: not in the first moment's rows.
    expect(new Set(eerste.statussen.map((r) => r.gemeente))).toEqual(new Set(["REGIO", "GM0001", "GM0002"]));
    expect(eerste.statussen.length).toBe(3 * GROEPEN_MET_ALLE.length * HERKOMSTEN_MET_ALLE.length * STATUSSEN.length);
    expect(tweede.statussen.length).toBe(4 * GROEPEN_MET_ALLE.length * HERKOMSTEN_MET_ALLE.length * STATUSSEN.length);
    const s = (gemeente: string, groep: string, herkomst: string, status: string) =>
      tweede.statussen.find((r) => r.gemeente === gemeente && r.groep === groep && r.herkomst === herkomst && r.status === status)?.jongeren;
    expect(s("REGIO", "ALLE", "ALLE", "NIET_IN_BEELD")).toBe(2);
    expect(s("REGIO", "ALLE", "ALLE", TOTAAL)).toBe(5);
    expect(s("GM0002", "VSV", "ENTREE", "NIET_IN_BEELD")).toBe(1);
    expect(s("GM0002", "VSV", "PRO", "ONDERWIJS")).toBe(1);
    expect(s("REGIO", "JIKP", "ALLE", "WERK")).toBe(1);
    expect(s("GM0003", "JIKP", "VSO_ARBEID", "NIET_IN_BEELD")).toBe(1);
    expect(s("GM0001", "VSV", "ALLE", TOTAAL)).toBe(0);
    // Every status row sums to its TOTAAL, every gemeente to REGIO, every herkomst to ALLE.
    for (const g of ["REGIO", "GM0001", "GM0002", "GM0003"]) {
      for (const groep of GROEPEN_MET_ALLE) {
        const som = MONITOR_STATUSSEN.reduce((a, st) => a + (s(g, groep, "ALLE", st) ?? 0), 0);
        expect(som).toBe(s(g, groep, "ALLE", TOTAAL));
      }
    }
  });

  it("een onbekend moment geeft een Nederlandse fout met de momenten uit de gegevens", async () => {
    await expect(monitorMoment(db, "2026-03-01", { minimumCel: 0 })).rejects.toThrow(GebruikersFout);
    await expect(monitorMoment(db, "2026-03-01", { minimumCel: 0 })).rejects.toThrow(/2026-03-01 komt niet voor.*2025-10-01 \(1 oktober 2025\), 2026-02-01 \(1 februari 2026\)/);
    expect(() => controleerMoment([], "2026-03-01")).toThrow(/geen/);
  });

  it("de site geeft alle momenten, onderdrukt, zonder pseudo_id, en komt overeen met monitorMoment", async () => {
    const site = await monitorSite(db);
    const tekst = JSON.stringify(site);
    for (const id of ["\"a\"", "\"b\"", "\"c\"", "\"d\"", "\"e\"", "\"f\"", "pseudo_id"]) expect(tekst).not.toContain(id);
    expect(site.momenten.map((m) => [m.moment, m.vorigMoment])).toEqual([[T1, null], [T2, T1]]);
    expect(site.momenten[0].overgangen).toBeNull();
    // Only the regio totals reach 5; every count of 1..4 is suppressed. The total of 5 goes
    // too: beside two or more hidden parts of at least 1 each, it would show every part to be
    // at most 4, i.e. small (the audit's rule).
    expect(site.momenten[1].nietInBeeld).toBeNull();
    expect(site.momenten[1].statussen.REGIO.ALLE.ALLE.at(-1)).toBeNull();
    for (const m of site.momenten) {
      const terug = momentUitSite(site, m.moment)!;
      for (const r of [...terug.statussen, ...terug.overgangen]) {
        expect(r.jongeren === null || r.jongeren === 0 || r.jongeren >= 5).toBe(true);
      }
      // The CLI with --publiek gives the same numbers.
      expect(await monitorMoment(db, m.moment)).toEqual(terug);
    }
  });
});

// ------------------------------------------------------------ suppression across the two tables

describe("onderdrukking van statussen en overgangen samen", () => {
  // One gemeente (REGIO) and groep (ALLE): the status table per moment, and the matrix M1 → M2.
  const S = (moment: string, tellingen: Record<string, number>): Tabel => ({
    moment, kolommen: ["gemeente", "groep", "herkomst", "status"],
    waarden: [["REGIO"], ["ALLE"], ["ALLE"], Object.keys(tellingen)], aantal: Object.values(tellingen),
  });
  /** Rows van, columns naar, the counts row by row. */
  const O = (van: string[], naar: string[], tellingen: number[][]): Tabel => ({
    moment: "M2", kolommen: ["gemeente", "groep", "van", "naar"], waarden: [["REGIO"], ["ALLE"], van, naar], aantal: tellingen.flat(),
  });
  const vorig = new Map([["M1", null], ["M2", "M1"]]);
  /** The published count of a cell, by the values of its last two columns. */
  const cel = (tabellen: Tabel[], moment: string, x: string, y: string) => {
    const t = tabellen.find((t) => t.moment === moment)!;
    return t.aantal[t.waarden[2].indexOf(x) * t.waarden[3].length + t.waarden[3].indexOf(y)];
  };

  it("een verborgen status verbergt ook de rand van de matrix die hetzelfde telt, en andersom", async () => {
    // Moment M2 in one gemeente: statuses WERK 3 (small), NIET_IN_BEELD 20, ONDERWIJS 30.
    const statussen = [
      S("M1", { WERK: 10, NIET_IN_BEELD: 23, ONDERWIJS: 20, [TOTAAL]: 53 }),
      S("M2", { WERK: 3, NIET_IN_BEELD: 20, ONDERWIJS: 30, [TOTAAL]: 53 }),
    ];
    // Column WERK of the matrix = 3 (as statussen); its cells: 3 from NIET_IN_BEELD.
    const st = ["WERK", "NIET_IN_BEELD", "ONDERWIJS", TOTAAL];
    const overgangen = [O(st, st, [[0, 10, 0, 10], [3, 10, 10, 23], [0, 0, 20, 20], [3, 20, 30, 53]])];
    const uit = await onderdrukSamen(statussen, overgangen, vorig, 5);
    const s = (m: string, status: string) => cel(uit.statussen, m, "ALLE", status);
    const o = (van: string, naar: string) => cel(uit.overgangen, "M2", van, naar);
    expect(s("M2", "WERK")).toBeNull();
    expect(o(TOTAAL, "WERK")).toBeNull();
    expect(o("NIET_IN_BEELD", "WERK")).toBeNull();
    // Whatever is hidden in one table is hidden in its twin in the other.
    for (const st of ["WERK", "NIET_IN_BEELD", "ONDERWIJS"]) {
      expect(s("M2", st) === null, `nu ${st}`).toBe(o(TOTAAL, st) === null);
      expect(s("M1", st) === null, `toen ${st}`).toBe(o(st, TOTAAL) === null);
    }
    // No status total beside exactly one hidden status (it could be computed back).
    for (const m of ["M1", "M2"]) {
      const verborgen = ["WERK", "NIET_IN_BEELD", "ONDERWIJS"].filter((st) => s(m, st) === null).length;
      expect(verborgen === 1 && s(m, TOTAAL) !== null).toBe(false);
    }
    // Exact (internal) output is untouched.
    expect((await onderdrukSamen(statussen, overgangen, vorig, 1)).overgangen).toEqual(overgangen);
    // The rows of monitor.json: a suppressed count is null and marked.
    expect(alsRijen(uit.statussen[1])).toContainEqual({ gemeente: "REGIO", groep: "ALLE", herkomst: "ALLE", status: "WERK", jongeren: null, onderdrukt: true });
  });

  it("weinig jongeren uit de monitor: ook nieuw en het eindtotaal verborgen, de statussen blijven staan", async () => {
    // M1: WERK 20, NIET_IN_BEELD 30. M2: WERK 25, NIET_IN_BEELD 27; 3 left, 5 came in.
    const statussen = [
      S("M1", { WERK: 20, NIET_IN_BEELD: 30, [TOTAAL]: 50 }),
      S("M2", { WERK: 25, NIET_IN_BEELD: 27, [TOTAAL]: 52 }),
    ];
    const overgangen = [O(["NIEUW_IN_MONITOR", "WERK", "NIET_IN_BEELD", TOTAAL], ["WERK", "NIET_IN_BEELD", "UIT_MONITOR", TOTAAL], [
      [2, 3, 0, 5], [15, 2, 3, 20], [8, 22, 0, 30], [25, 27, 3, 55],
    ])];
    const uit = await onderdrukSamen(statussen, overgangen, vorig, 5);
    const o = (van: string, naar: string) => cel(uit.overgangen, "M2", van, naar);
    // 55 - 52 would give the 3 who left back, and 5 + 50 the 55: all three hidden.
    expect(o(TOTAAL, "UIT_MONITOR")).toBeNull();
    expect(o("NIEUW_IN_MONITOR", TOTAAL)).toBeNull();
    expect(o(TOTAAL, TOTAAL)).toBeNull();
    // The status counts (and their twins in the matrix) need not go for it.
    expect(uit.statussen.flatMap((t) => t.aantal)).toEqual([20, 30, 50, 25, 27, 52]);
    expect([o(TOTAAL, "WERK"), o(TOTAAL, "NIET_IN_BEELD"), o("WERK", TOTAAL), o("NIET_IN_BEELD", TOTAAL)]).toEqual([25, 27, 20, 30]);
    const exact = await onderdrukSamen(statussen, overgangen, vorig, 0);
    expect(exact.statussen).toEqual(statussen);
  });
});

// ------------------------------------------------------------ funnel and compact form

describe("trechter", () => {
  const volgorde = STATUSSEN;
  const tel = (w: Partial<Record<string, number | null>>) => volgorde.map((s) => (s in w ? w[s]! : 0));

  it("loopt van alle jongeren via de doelgroep naar nergens in beeld", () => {
    const t = tel({ UIT_DOELGROEP_LEEFTIJD: 10, UIT_DOELGROEP_VERHUISD: 5, ONDERWIJS: 40, STARTKWALIFICATIE: 8, WERK: 12,
      IN_BEELD_DOORSTROOMPUNT: 9, IN_BEELD_ZORG: 6, IN_BEELD_PARTICIPATIE: 5, NIET_IN_BEELD: 25, TOTAAL: 120 });
    const st = trechter(t, volgorde);
    expect(st.map((s) => s.stap)).toEqual(["TOTAAL", "IN_DOELGROEP", "ZONDER_ONDERWIJS", "ZONDER_STARTKWALIFICATIE", "ZONDER_WERK",
      "ZONDER_IN_BEELD_DOORSTROOMPUNT", "ZONDER_IN_BEELD_ZORG", "ZONDER_IN_BEELD_PARTICIPATIE"]);
    expect(st.map((s) => s.min)).toEqual([120, 105, 65, 57, 45, 36, 30, 25]);
    expect(st.every((s) => s.exact)).toBe(true);
    expect(st[0].afvallend).toEqual(["UIT_DOELGROEP_LEEFTIJD", "UIT_DOELGROEP_VERHUISD"]);
    expect(st[st.length - 1].afvallend).toEqual([]);
  });

  it("schermt een stap af waar een van zijn aantallen onderdrukt is, en blijft exact waar het kan", () => {
    // VERHUISD and ZORG suppressed; the total and the rest are known.
    const t = tel({ UIT_DOELGROEP_LEEFTIJD: 10, UIT_DOELGROEP_VERHUISD: null, ONDERWIJS: 40, STARTKWALIFICATIE: 8, WERK: 12,
      IN_BEELD_DOORSTROOMPUNT: 9, IN_BEELD_ZORG: null, IN_BEELD_PARTICIPATIE: 5, NIET_IN_BEELD: 25, TOTAAL: 113 });
    const st = trechter(t, volgorde);
    expect(st[0]).toMatchObject({ min: 113, max: 113, exact: true });
    // Steps that still hold ZORG are suppressed: never 113 - 10 - VERHUISD, never a range.
    expect(st[1]).toMatchObject({ min: 1, max: Infinity, exact: false });
    expect(st[5]).toMatchObject({ exact: false });
    // After zorg: 5 + 25 = 30 exactly, counted from the published cells.
    expect(st[7]).toMatchObject({ min: 25, max: 25, exact: true });
    expect(st[6]).toMatchObject({ min: 30, max: 30, exact: true });
    expect(st.map((x) => stapTekst(x))).toEqual(["113", "•", "•", "•", "•", "•", "30", "25"]);
  });

  it("zonder bekend totaal is de eerste stap afgeschermd", () => {
    const t = tel({ ONDERWIJS: 40, WERK: null, NIET_IN_BEELD: 25, TOTAAL: null });
    const st = trechter(t, volgorde);
    expect(st[0]).toMatchObject({ exact: false });
    expect(st[4]).toMatchObject({ min: 25, max: 25, exact: true }); // after WERK: only NIET_IN_BEELD is left
    expect(stapTekst(st[0])).toBe("•");
  });
});

describe("compacte vorm voor de site", () => {
  it("kubus en matrix geven dezelfde rijen terug", () => {
    const statussen: StatusRij[] = [];
    for (const gemeente of ["REGIO", "GM0001"]) for (const groep of GROEPEN_MET_ALLE) for (const herkomst of ["ALLE", "PRO"]) {
      STATUSSEN.forEach((status, i) => statussen.push(i === 3 && groep === "VSV"
        ? { gemeente, groep, herkomst, status, jongeren: null, onderdrukt: true }
        : { gemeente, groep, herkomst, status, jongeren: i * 7 }));
    }
    expect(uitKubus(naarKubus(statussen, STATUSSEN), STATUSSEN)).toEqual(statussen);
    const overgangen: OvergangRij[] = [];
    for (const van of VAN) for (const naar of NAAR) {
      overgangen.push(van === naar ? { gemeente: "REGIO", groep: "ALLE", van, naar, jongeren: null, onderdrukt: true }
        : { gemeente: "REGIO", groep: "ALLE", van, naar, jongeren: van.length + naar.length });
    }
    expect(uitMatrices(naarMatrices(overgangen, VAN, NAAR), VAN, NAAR)).toEqual(overgangen);
  });
});
