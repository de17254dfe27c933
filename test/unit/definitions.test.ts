// The definitions of exports.md on hand-made cases with known answers, and the SQL
// versions (the staged definition views) checked against the TypeScript versions row by
// row on a staged grid of edge cases.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  schooljaar, schooljaarStart, schooljaarEinde, vorigSchooljaar, leeftijd, maxLeeftijd, isLeerplichtig,
  isKwalificatieplichtig, doelgroepen, regeling, isDoorlopend, thuiszitterSoort, trajectSchooljaren,
  trajectResultaat, monitorStatus, isBsn, SQL_IS_BSN, type JongereOpPeildatum, type MonitorJongere, type Doelgroep, sqlDoelgroepSommen,
} from "../../loaders/definitions.ts";
import { maakDataMap, stageDb, csv, rij, ruimDataMappenOp, type TestDb } from "../helpers/datamap.ts";

afterAll(ruimDataMappenOp);

describe("schooljaar", () => {
  test("runs 1 August – 31 July", () => {
    expect(schooljaar("2025-07-31")).toBe("2024-2025");
    expect(schooljaar("2025-08-01")).toBe("2025-2026");
    expect(schooljaar("2025-12-31")).toBe("2025-2026");
    expect(schooljaar("2026-01-01")).toBe("2025-2026");
    expect(schooljaarStart("2025-2026")).toBe("2025-08-01");
    expect(schooljaarEinde("2025-2026")).toBe("2026-07-31");
    expect(vorigSchooljaar("2025-2026")).toBe("2024-2025");
  });
});

describe("leeftijd from geboortemaand", () => {
  test("the birthday is the first day of the birth month", () => {
    expect(leeftijd("2008-11", "2026-10-31")).toBe(17);
    expect(leeftijd("2008-11", "2026-11-01")).toBe(18);
    expect(leeftijd("2008-01", "2026-01-01")).toBe(18);
    expect(leeftijd("2008-12", "2026-11-30")).toBe(17);
    expect(leeftijd("2008-12", "2026-12-31")).toBe(18);
  });
  test("max age: 23 until 2025-12-31, 27 from 2026-01-01", () => {
    expect(maxLeeftijd("2025-12-31")).toBe(23);
    expect(maxLeeftijd("2026-01-01")).toBe(27);
  });
});

describe("leerplicht and kwalificatieplicht", () => {
  test("leerplicht starts on the first day of the month after the 5th birthday", () => {
    expect(isLeerplichtig("2020-03", "2025-03-31")).toBe(false);
    expect(isLeerplichtig("2020-03", "2025-04-01")).toBe(true);
    expect(isLeerplichtig("2019-12", "2024-12-31")).toBe(false);
    expect(isLeerplichtig("2019-12", "2025-01-01")).toBe(true);
  });
  test("leerplicht ends at the end of the schooljaar in which the jongere turns 16", () => {
    // Born in July: 16 in July 2025, the last month of schooljaar 2024-2025.
    expect(isLeerplichtig("2009-07", "2025-07-31")).toBe(true);
    expect(isLeerplichtig("2009-07", "2025-08-01")).toBe(false);
    // Born in August: 16 on the first day of schooljaar 2025-2026, so a whole year more.
    expect(isLeerplichtig("2009-08", "2025-08-01")).toBe(true);
    expect(isLeerplichtig("2009-08", "2026-07-31")).toBe(true);
    expect(isLeerplichtig("2009-08", "2026-08-01")).toBe(false);
    // Born in December or January: 16 in schooljaar 2025-2026.
    expect(isLeerplichtig("2009-12", "2026-07-31")).toBe(true);
    expect(isLeerplichtig("2009-12", "2026-08-01")).toBe(false);
    expect(isLeerplichtig("2010-01", "2026-07-31")).toBe(true);
    expect(isLeerplichtig("2010-01", "2026-08-01")).toBe(false);
  });
  test("kwalificatieplicht follows leerplicht until 18, unless a startkwalificatie", () => {
    expect(isKwalificatieplichtig("2009-07", "2025-07-31", false)).toBe(false); // still leerplichtig
    expect(isKwalificatieplichtig("2009-07", "2025-08-01", false)).toBe(true);
    expect(isKwalificatieplichtig("2009-07", "2025-08-01", true)).toBe(false);
    expect(isKwalificatieplichtig("2009-07", "2027-06-30", false)).toBe(true); // 17
    expect(isKwalificatieplichtig("2009-07", "2027-07-01", false)).toBe(false); // 18
    expect(isKwalificatieplichtig("2009-12", "2026-08-01", false)).toBe(true);
    expect(isKwalificatieplichtig("2009-12", "2027-11-30", false)).toBe(true);
    expect(isKwalificatieplichtig("2009-12", "2027-12-01", false)).toBe(false);
  });
});

const jongere = (over: Partial<JongereOpPeildatum>): JongereOpPeildatum => ({
  peildatum: "2025-10-01", geboortemaand: "2005-06", onderwijssoort: "GEEN", startkwalificatie: false,
  laatste_uitschrijving: null, werk: null, ...over,
});

describe("doelgroepen", () => {
  test("VSV nieuw up to 365 days after de-registration, oud from 366 days or never enrolled", () => {
    // 2024-10-01 → 2025-10-01 is 365 days (no 29 February between).
    expect(doelgroepen(jongere({ laatste_uitschrijving: "2024-10-01" }))).toEqual(["VSV_NIEUW"]);
    expect(doelgroepen(jongere({ laatste_uitschrijving: "2024-09-30" }))).toEqual(["VSV_OUD"]);
    expect(doelgroepen(jongere({ laatste_uitschrijving: null }))).toEqual(["VSV_OUD"]);
    expect(doelgroepen(jongere({ startkwalificatie: true, laatste_uitschrijving: "2025-06-01" }))).toEqual([]);
    expect(doelgroepen(jongere({ onderwijssoort: "MBO_BOL", laatste_uitschrijving: "2025-06-01" }))).toEqual([]);
  });
  test("the age limit rises from 23 to 27 on 2026-01-01", () => {
    const vsv24 = { geboortemaand: "2001-06", laatste_uitschrijving: "2025-06-01", werk: true };
    expect(doelgroepen(jongere({ ...vsv24, peildatum: "2025-12-31" }))).toEqual([]);
    expect(doelgroepen(jongere({ ...vsv24, peildatum: "2026-01-01" }))).toEqual(["VSV_NIEUW"]);
    expect(doelgroepen(jongere({ geboortemaand: "2002-12", peildatum: "2025-12-31" }))).toEqual([]); // 23
    expect(doelgroepen(jongere({ geboortemaand: "2003-01", peildatum: "2025-12-31" }))).toEqual(["VSV_OUD"]); // 22
    expect(doelgroepen(jongere({ geboortemaand: "1999-02", peildatum: "2026-01-01" }))).toEqual(["VSV_OUD"]); // 26
    expect(doelgroepen(jongere({ geboortemaand: "1999-01", peildatum: "2026-01-01" }))).toEqual([]); // 27
  });
  test("NEET: 18..26, no education, werk N; with or without SK; not when werk is unknown", () => {
    expect(doelgroepen(jongere({ geboortemaand: "2001-06", peildatum: "2025-12-31", werk: false }))).toEqual(["NEET"]);
    expect(doelgroepen(jongere({ werk: false }))).toEqual(["VSV_OUD", "NEET"]);
    expect(doelgroepen(jongere({ werk: false, startkwalificatie: true }))).toEqual(["NEET"]);
    expect(doelgroepen(jongere({ werk: null, startkwalificatie: true }))).toEqual([]);
    expect(doelgroepen(jongere({ werk: false, geboortemaand: "1999-01", peildatum: "2026-01-01" }))).toEqual([]);
    expect(doelgroepen(jongere({ werk: false, geboortemaand: "2008-01", peildatum: "2025-12-31" }))).toEqual(["KWALIFICATIEPLICHTIG"]);
  });
  test("children: not yet, then leerplichtig", () => {
    expect(doelgroepen(jongere({ geboortemaand: "2021-01", onderwijssoort: "PO" }))).toEqual([]);
    expect(doelgroepen(jongere({ geboortemaand: "2013-01", onderwijssoort: "PO" }))).toEqual(["LEERPLICHTIG"]);
  });
});

describe("verzuim", () => {
  test("regeling: < 18 Leerplicht, ≥ 18 Doorstroompunt", () => {
    expect(regeling(17)).toBe("LEERPLICHT");
    expect(regeling(18)).toBe("DOORSTROOMPUNT");
  });
  test("doorlopend: open, or closed after the end of the melding's schooljaar", () => {
    expect(isDoorlopend("2025-03-01", null)).toBe(true);
    expect(isDoorlopend("2025-03-01", "2025-07-31")).toBe(false);
    expect(isDoorlopend("2025-03-01", "2025-08-01")).toBe(true);
    expect(isDoorlopend("2025-08-01", "2026-07-31")).toBe(false);
  });
  test("thuiszitterSoort: both LRV and ABSOLUUT count once, as ABSOLUUT", () => {
    expect(thuiszitterSoort(["LRV", "ABSOLUUT", "LRV"])).toBe("ABSOLUUT");
    expect(thuiszitterSoort(["ABSOLUUT", "LRV"])).toBe("ABSOLUUT");
    expect(thuiszitterSoort(["LUXE", "LRV"])).toBe("LRV");
    expect(thuiszitterSoort(["WETTELIJK", "LUXE"])).toBe(null);
    expect(thuiszitterSoort([])).toBe(null);
  });
});

describe("VSV-trajecten per schooljaar", () => {
  test("a traject counts in every schooljaar it overlaps; an open one runs to the date of the data", () => {
    expect(trajectSchooljaren("2024-03-01", "2025-09-30", "2026-02-01")).toEqual(["2023-2024", "2024-2025", "2025-2026"]);
    expect(trajectSchooljaren("2025-03-01", null, "2026-02-01")).toEqual(["2024-2025", "2025-2026"]);
    expect(trajectSchooljaren("2025-07-31", "2025-08-01", "2026-02-01")).toEqual(["2024-2025", "2025-2026"]);
    expect(trajectSchooljaren("2025-08-01", "2025-08-01", "2026-02-01")).toEqual(["2025-2026"]);
    expect(trajectSchooljaren("2025-07-31", null, "2025-07-31")).toEqual(["2024-2025"]);
  });
  test("its result is its resultaat in the schooljaar it ended, LOPEND before", () => {
    expect(trajectResultaat("2024-2025", "2025-07-31", "WERK")).toBe("WERK");
    expect(trajectResultaat("2025-2026", "2025-07-31", "WERK")).toBe("LOPEND");
    expect(trajectResultaat("2024-2025", "2025-08-01", "WERK")).toBe("LOPEND");
    expect(trajectResultaat("2025-2026", "2025-08-01", "WERK")).toBe("WERK");
    expect(trajectResultaat("2024-2025", null, null)).toBe("LOPEND");
    expect(trajectResultaat("2024-2025", "2025-03-01", null)).toBe("LOPEND");
  });
});

describe("monitorStatus", () => {
  const basis: MonitorJongere = {
    moment: "2026-02-01", leeftijd: 20, verhuisd: false, ingeschreven: false, startkwalificatie: false, werk: false,
    wajong: false, in_beeld_doorstroompunt: false, in_beeld_zorg: false, in_beeld_participatie: false,
  };
  test("the first status that applies, in the monitor's order", () => {
    // Switch conditions on from the bottom of the order up: each new one wins.
    const ladder: [Partial<MonitorJongere>, string][] = [
      [{}, "NIET_IN_BEELD"],
      [{ in_beeld_participatie: true }, "IN_BEELD_PARTICIPATIE"],
      [{ in_beeld_zorg: true }, "IN_BEELD_ZORG"],
      [{ in_beeld_doorstroompunt: true }, "IN_BEELD_DOORSTROOMPUNT"],
      [{ wajong: true }, "WERK"],
      [{ startkwalificatie: true }, "STARTKWALIFICATIE"],
      [{ ingeschreven: true }, "ONDERWIJS"],
      [{ verhuisd: true }, "UIT_DOELGROEP_VERHUISD"],
      [{ leeftijd: 27 }, "UIT_DOELGROEP_LEEFTIJD"],
    ];
    let r = { ...basis };
    for (const [aan, status] of ladder) {
      r = { ...r, ...aan };
      expect(monitorStatus(r)).toBe(status);
    }
    expect(monitorStatus({ ...basis, werk: true })).toBe("WERK");
  });
  test("the age limit follows the moment", () => {
    expect(monitorStatus({ ...basis, leeftijd: 24, moment: "2025-12-31" })).toBe("UIT_DOELGROEP_LEEFTIJD");
    expect(monitorStatus({ ...basis, leeftijd: 24, moment: "2026-01-01" })).toBe("NIET_IN_BEELD");
    expect(monitorStatus({ ...basis, leeftijd: 23, moment: "2025-10-01" })).toBe("UIT_DOELGROEP_LEEFTIJD");
    expect(monitorStatus({ ...basis, leeftijd: 22, moment: "2025-10-01" })).toBe("NIET_IN_BEELD");
    expect(monitorStatus({ ...basis, leeftijd: 26, moment: "2026-05-01" })).toBe("NIET_IN_BEELD");
  });
});

describe("isBsn", () => {
  test("9 digits passing the elfproef", () => {
    expect(isBsn("111222333")).toBe(true);
    expect(isBsn("123456782")).toBe(true);
    expect(isBsn("123456789")).toBe(false);
    expect(isBsn("000000000")).toBe(false);
    expect(isBsn("12345678")).toBe(false);
    expect(isBsn("1234567820")).toBe(false);
    expect(isBsn("12345678a")).toBe(false);
  });
  test("SQL_IS_BSN agrees with isBsn", async () => {
    const waarden = ["111222333", "123456782", "123456789", "000000000", "12345678", "1234567820", "12345678a", "", "abcdefghi"];
    let x = 987654321;
    for (let i = 0; i < 3000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      waarden.push(String(x % 1_000_000_000).padStart(9, "0"));
    }
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    try {
      const r = await c.runAndReadAll(`SELECT v, ${SQL_IS_BSN("v")} AS b FROM unnest([${waarden.map((w) => `'${w}'`).join(",")}]) t(v)`);
      const rijen = r.getRowObjectsJS() as { v: string; b: boolean }[];
      expect(rijen).toHaveLength(waarden.length);
      const verschil = rijen.filter((r) => r.b !== isBsn(r.v));
      expect(verschil).toEqual([]);
      expect(rijen.filter((r) => r.b).length).toBeGreaterThan(200); // about 1 in 11
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});

// ---------------------------------------------------------------- SQL views vs TypeScript

/** Deterministic pseudo-random choice, so a failure can be reproduced. */
function kiezer(seed: number) {
  let x = seed;
  return <T>(opties: readonly T[]): T => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return opties[Math.floor((x / 2147483648) * opties.length)];
  };
}
const plusDagen = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);
/** Half of the dates written DD-MM-YYYY: both formats must mean the same day. */
const schrijf = (iso: string, nl: boolean) => (nl ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso);

const PEILDATA = ["2021-10-01", "2024-02-29", "2025-07-31", "2025-08-01", "2025-10-01", "2025-12-31", "2026-01-01", "2026-07-31", "2026-08-01", "2026-10-01"];
const MELDDATA = ["2024-07-31", "2024-08-01", "2025-07-31", "2025-08-01", "2025-12-31", "2026-01-01"];

/** The ages jongeren.csv accepts (a geboortemaand giving another age at the peildatum is refused). */
const MIN_LEEFTIJD = 4;
const MAX_LEEFTIJD = 27;

/**
 * Every birth month 1997–2022 at every peildatum, kept only where the age at the peildatum is
 * 4..27 (so both ends, and the age limits 23/27 of the doelgroepen, stay in the grid). The
 * random choices are made for every month, kept or not, so the kept rows do not depend on
 * the filter.
 */
function jongerenGrid(): string[] {
  const kies = kiezer(42);
  const rijen: string[] = [];
  let n = 0;
  for (const peildatum of PEILDATA) {
    for (let j = 1997; j <= 2022; j++) {
      for (let m = 1; m <= 12; m++) {
        const geboortemaand = `${j}-${String(m).padStart(2, "0")}`;
        const uitschrijving = kies([null, 0, 364, 365, 366, 400, 1000, -5] as const);
        const onderwijssoort = kies(["GEEN", "GEEN", "GEEN", "VO", "MBO_BOL"]);
        const startkwalificatie = kies(["N", "N", "J"]);
        const werk = kies(["J", "N", ""]);
        const lft = leeftijd(geboortemaand, peildatum);
        if (lft < MIN_LEEFTIJD || lft > MAX_LEEFTIJD) { n++; continue; }
        rijen.push(rij("jongeren.csv", {
          peildatum: schrijf(peildatum, n % 2 === 0),
          pseudo_id: `g${n++}`,
          geboortemaand,
          onderwijssoort,
          startkwalificatie,
          laatste_uitschrijving: uitschrijving === null ? "" : schrijf(plusDagen(peildatum, -uitschrijving), n % 3 === 0),
          werk,
        }));
      }
    }
  }
  return rijen;
}

function verzuimGrid(): string[] {
  const rijen: string[] = [];
  let n = 0;
  for (const melddatum of MELDDATA) {
    for (const na of [null, 0, 1, 30, 365]) {
      for (const lft of [17, 18]) {
        rijen.push(rij("verzuimmeldingen.csv", {
          melding_id: `G${n++}`, leeftijd: String(lft), melddatum,
          afsluitdatum: na === null ? "" : plusDagen(melddatum, na), resultaat: na === null ? "" : "ZORG",
        }));
      }
    }
  }
  return rijen;
}

function trajectGrid(): string[] {
  const rijen: string[] = [];
  let n = 0;
  for (const startdatum of [...MELDDATA, "2023-03-15"]) {
    for (const na of [null, 0, 1, 200, 400, 800]) {
      for (const res of ["", "WERK", "ONDERWIJS_GESTART"]) {
        rijen.push(rij("vsv_trajecten.csv", {
          traject_id: `T${n++}`, startdatum, einddatum: na === null ? "" : plusDagen(startdatum, na),
          resultaat: res,
        }));
      }
    }
  }
  return rijen;
}

const MONITOR_VLAGGEN = ["verhuisd", "ingeschreven", "startkwalificatie", "werk", "wajong",
  "in_beeld_doorstroompunt", "in_beeld_zorg", "in_beeld_participatie"] as const;

function monitorGrid(): string[] {
  const rijen: string[] = [];
  for (const moment of ["2025-10-01", "2025-12-31", "2026-02-01"]) {
    for (const lft of [18, 22, 23, 24, 26, 27]) {
      for (let bits = 0; bits < 256; bits++) {
        const vlaggen = Object.fromEntries(MONITOR_VLAGGEN.map((v, i) => [v, bits & (1 << i) ? "J" : "N"]));
        rijen.push(rij("jikp_monitor.csv", { moment, pseudo_id: `m${lft}_${bits}`, leeftijd: String(lft), ...vlaggen }));
      }
    }
  }
  return rijen;
}

/** Hand-made rows with known flags, staged beside the grid. */
const BEKEND: { id: string; waarden: Record<string, string>; verwacht: Doelgroep[] }[] = [
  { id: "h_vsv24_2025", waarden: { peildatum: "2025-12-31", geboortemaand: "2001-06", laatste_uitschrijving: "2025-06-01", werk: "N" }, verwacht: ["NEET"] },
  { id: "h_vsv24_2026", waarden: { peildatum: "2026-01-01", geboortemaand: "2001-06", laatste_uitschrijving: "2025-06-01", werk: "N" }, verwacht: ["VSV_NIEUW", "NEET"] },
  { id: "h_365", waarden: { peildatum: "2025-10-01", laatste_uitschrijving: "2024-10-01", werk: "" }, verwacht: ["VSV_NIEUW"] },
  { id: "h_366", waarden: { peildatum: "2025-10-01", laatste_uitschrijving: "30-09-2024", werk: "J" }, verwacht: ["VSV_OUD"] },
  { id: "h_jul_lp", waarden: { peildatum: "2025-07-31", geboortemaand: "2009-07", onderwijssoort: "VO" }, verwacht: ["LEERPLICHTIG"] },
  { id: "h_jul_kw", waarden: { peildatum: "2025-08-01", geboortemaand: "2009-07", onderwijssoort: "VO" }, verwacht: ["KWALIFICATIEPLICHTIG"] },
  { id: "h_aug_lp", waarden: { peildatum: "2026-07-31", geboortemaand: "2009-08", onderwijssoort: "VO" }, verwacht: ["LEERPLICHTIG"] },
  { id: "h_dec_kw", waarden: { peildatum: "2026-08-01", geboortemaand: "2009-12", onderwijssoort: "VO", startkwalificatie: "N" }, verwacht: ["KWALIFICATIEPLICHTIG"] },
  { id: "h_dec_sk", waarden: { peildatum: "2026-08-01", geboortemaand: "2009-12", onderwijssoort: "VO", startkwalificatie: "J" }, verwacht: [] },
  { id: "h_start", waarden: { peildatum: "2025-04-01", geboortemaand: "2020-03", onderwijssoort: "PO" }, verwacht: ["LEERPLICHTIG"] },
  { id: "h_nog_niet", waarden: { peildatum: "2025-03-31", geboortemaand: "2020-03", onderwijssoort: "PO" }, verwacht: [] },
];

const VLAG: Record<Doelgroep, string> = {
  LEERPLICHTIG: "leerplichtig", KWALIFICATIEPLICHTIG: "kwalificatieplichtig", VSV_NIEUW: "vsv_nieuw", VSV_OUD: "vsv_oud", NEET: "neet",
};

/**
 * "Today" for staging the grids: the verzuim and traject grids run up to 2028-03-11 (800 days
 * after 2026-01-01), and no date may lie after today.
 */
const VANDAAG = "2030-01-01";

describe("the staged definition views agree with the TypeScript definitions", () => {
  let db: TestDb;
  let dataDatum: string;

  beforeAll(async () => {
    db = await stageDb(maakDataMap({
      "jongeren.csv": csv("jongeren.csv", [
        ...jongerenGrid(),
        ...BEKEND.map((b) => rij("jongeren.csv", { pseudo_id: b.id, werk: "", ...b.waarden })),
      ]),
      "verzuimmeldingen.csv": csv("verzuimmeldingen.csv", verzuimGrid()),
      "vrijstellingen.csv": csv("vrijstellingen.csv", MELDDATA.map((d, i) => rij("vrijstellingen.csv", { vrijstelling_id: `V${i}`, begindatum: d }))),
      "vsv_trajecten.csv": csv("vsv_trajecten.csv", trajectGrid()),
      "jikp_monitor.csv": csv("jikp_monitor.csv", monitorGrid()),
    }), { vandaag: VANDAAG });
    [{ data_datum: dataDatum }] = await db.all<{ data_datum: string }>("SELECT data_datum FROM meta");
  }, 30_000);
  afterAll(() => db?.close());

  test("jongeren_def: schooljaar, leeftijd and every doelgroep flag, row by row", async () => {
    const rijen = await db.all(`SELECT * FROM jongeren_def`);
    // Per peildatum the 24 years of birth months giving 4..27 (288), fewer where the grid's
    // start in 1997 cuts in: 2021-10-01 from 1997-01 to 2017-10 (250), 2024-02-29 to 2020-02 (278).
    expect(jongerenGrid().length).toBe(250 + 278 + 8 * 288);
    expect(rijen.length).toBe(jongerenGrid().length + BEKEND.length);
    const verschillen: unknown[] = [];
    const aantallen: Record<string, number> = {};
    for (const r of rijen) {
      const j: JongereOpPeildatum = {
        peildatum: r.peildatum, geboortemaand: r.geboortemaand.slice(0, 7), onderwijssoort: r.onderwijssoort,
        startkwalificatie: r.startkwalificatie, laatste_uitschrijving: r.laatste_uitschrijving, werk: r.werk,
      };
      const ts = doelgroepen(j);
      const sql = (Object.keys(VLAG) as Doelgroep[]).filter((d) => r[VLAG[d]]);
      for (const d of sql) aantallen[d] = (aantallen[d] ?? 0) + 1;
      if (JSON.stringify(ts) !== JSON.stringify(sql) || r.schooljaar !== schooljaar(j.peildatum) ||
        r.leeftijd !== leeftijd(j.geboortemaand, j.peildatum)) {
        verschillen.push({ ...j, ts, sql, schooljaar: r.schooljaar, leeftijd: r.leeftijd });
      }
    }
    expect(verschillen.slice(0, 5)).toEqual([]);
    // The grid reaches both ends of the accepted ages …
    const leeftijden = rijen.map((r) => r.leeftijd as number);
    expect([Math.min(...leeftijden), Math.max(...leeftijden)]).toEqual([MIN_LEEFTIJD, MAX_LEEFTIJD]);
    // … and every doelgroep many times, so a disagreement would show.
    for (const d of Object.keys(VLAG)) expect(aantallen[d] ?? 0, d).toBeGreaterThan(50);
  });

  test("jongeren_def on the hand-made rows gives the known answers", async () => {
    const rijen = await db.all(`SELECT * FROM jongeren_def WHERE pseudo_id LIKE 'h\\_%' ESCAPE '\\'`);
    const per = Object.fromEntries(rijen.map((r) => [r.pseudo_id, (Object.keys(VLAG) as Doelgroep[]).filter((d) => r[VLAG[d]])]));
    expect(per).toEqual(Object.fromEntries(BEKEND.map((b) => [b.id, b.verwacht])));
  });

  test("jongeren_telling: per peildatum, gemeente and onderwijssoort, every doelgroep count is that of jongeren_def", async () => {
    // Counted in TypeScript from jongeren_def's rows, summed from the telling by the marts' SQL.
    const rijen = await db.all(`SELECT * FROM jongeren_def`);
    const verwacht = new Map<string, Record<string, number>>();
    for (const r of rijen) {
      const k = `${r.peildatum}|${r.gemeente_code}|${r.onderwijssoort}`;
      const tel = verwacht.get(k) ?? Object.fromEntries(["TOTAAL", ...Object.keys(VLAG)].map((d) => [d, 0]));
      tel.TOTAAL++;
      for (const d of Object.keys(VLAG) as Doelgroep[]) if (r[VLAG[d]]) tel[d]++;
      verwacht.set(k, tel);
    }
    const som = await db.all(`SELECT peildatum, gemeente_code, onderwijssoort, SUM(jongeren)::INTEGER AS "TOTAAL",
      ${sqlDoelgroepSommen((d) => `"${d}"`)} FROM jongeren_telling GROUP BY ALL`);
    expect(som.length).toBe(verwacht.size);
    for (const r of som) {
      const { peildatum, gemeente_code, onderwijssoort, ...tellingen } = r;
      expect(tellingen, `${peildatum} ${gemeente_code} ${onderwijssoort}`).toEqual(verwacht.get(`${peildatum}|${gemeente_code}|${onderwijssoort}`));
    }
    // Far fewer rows than jongeren: the point of the table.
    const [{ n }] = await db.all(`SELECT count(*)::INTEGER AS n FROM jongeren_telling`);
    expect(n).toBeLessThan(rijen.length / 2);
  });

  test("verzuim_def: schooljaar, regeling and doorlopend", async () => {
    const rijen = await db.all(`SELECT melddatum, afsluitdatum, leeftijd, schooljaar, regeling, doorlopend FROM verzuim_def`);
    expect(rijen.length).toBe(verzuimGrid().length);
    const verschillen = rijen.filter((r) => r.schooljaar !== schooljaar(r.melddatum) || r.regeling !== regeling(r.leeftijd) ||
      r.doorlopend !== isDoorlopend(r.melddatum, r.afsluitdatum));
    expect(verschillen).toEqual([]);
    expect(rijen.filter((r) => r.doorlopend).length).toBeGreaterThan(10);
    expect(rijen.filter((r) => !r.doorlopend).length).toBeGreaterThan(10);
    // A known case: reported 31 July, closed 1 August, runs on into the next schooljaar.
    const r = rijen.find((x) => x.melddatum === "2025-07-31" && x.afsluitdatum === "2025-08-01");
    expect(r).toMatchObject({ schooljaar: "2024-2025", doorlopend: true });
  });

  test("vrijstelling_def: schooljaar of begindatum", async () => {
    const rijen = await db.all(`SELECT begindatum, schooljaar FROM vrijstelling_def`);
    expect(rijen.map((r) => r.schooljaar)).toEqual(rijen.map((r) => schooljaar(r.begindatum)));
    expect(rijen.length).toBe(MELDDATA.length);
  });

  test("traject_schooljaar: one row per schooljaar overlapped, open trajecten up to meta.data_datum", async () => {
    expect(dataDatum).toBe("2028-03-11"); // the latest date in the exports: a traject ended 800 days after 2026-01-01
    const rijen = await db.all(`SELECT traject_id, startdatum, einddatum, resultaat, schooljaar, resultaat_in_jaar FROM traject_schooljaar`);
    const sql = new Map<string, string[]>();
    const trajecten = new Map<string, { startdatum: string; einddatum: string | null; resultaat: string | null }>();
    for (const r of rijen) {
      if (!sql.has(r.traject_id)) sql.set(r.traject_id, []);
      sql.get(r.traject_id)!.push(`${r.schooljaar}:${r.resultaat_in_jaar}`);
      trajecten.set(r.traject_id, r as never);
    }
    expect(trajecten.size).toBe(trajectGrid().length);
    const verschillen: unknown[] = [];
    for (const [id, t] of trajecten) {
      const ts = trajectSchooljaren(t.startdatum, t.einddatum, dataDatum).map((sj) => `${sj}:${trajectResultaat(sj, t.einddatum, t.resultaat)}`);
      const s = sql.get(id)!.sort();
      if (JSON.stringify(ts) !== JSON.stringify(s)) verschillen.push({ id, ...t, ts, sql: s });
    }
    expect(verschillen.slice(0, 5)).toEqual([]);
    // Known: open since 2023-03-15, data up to 2028-03-11: counted in six schooljaren, LOPEND in each.
    const open = [...trajecten].find(([, t]) => t.startdatum === "2023-03-15" && t.einddatum === null)![0];
    expect(sql.get(open)).toEqual(["2022-2023:LOPEND", "2023-2024:LOPEND", "2024-2025:LOPEND", "2025-2026:LOPEND", "2026-2027:LOPEND", "2027-2028:LOPEND"]);
    // Known: 2025-07-31 to 2025-08-01 with WERK: benaderd in both schooljaren, the result in the second.
    const kort = [...trajecten].find(([, t]) => t.startdatum === "2025-07-31" && t.einddatum === "2025-08-01" && t.resultaat === "WERK")![0];
    expect(sql.get(kort)).toEqual(["2024-2025:LOPEND", "2025-2026:WERK"]);
  });

  test("monitor_def: max_leeftijd and status", async () => {
    const rijen = await db.all(`SELECT * FROM monitor_def`);
    expect(rijen.length).toBe(3 * 6 * 256);
    const verschillen = rijen.filter((r) => r.status !== monitorStatus(r as MonitorJongere) || r.max_leeftijd !== maxLeeftijd(r.moment));
    expect(verschillen.slice(0, 5)).toEqual([]);
    const statussen = new Set(rijen.map((r) => r.status));
    expect(statussen.size).toBe(9);
  });
});
