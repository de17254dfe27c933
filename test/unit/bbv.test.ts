// The BBV-indicatoren (loaders/marts/bbv.ts): absoluut and relatief verzuim per 1.000 inwoners
// of 5–18 and the vsv percentage, per gemeente beside the regio and Nederland, on hand-made
// rows whose answers are counted by hand.
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import type { Staging } from "../../loaders/db.ts";
import { bbv, type Bbv } from "../../loaders/marts/bbv.ts";
import { BBV_INDICATOREN } from "../../src/lib/bbv.ts";
import { csv, maakDataMap, ruimDataMappenOp, openMartStaging } from "../helpers/datamap.ts";

// On the peildatum 2025-10-01: GM0100 has jongeren of 6, 10 and 17 (counted) and of 4 and 18
// (not 5–18); GM0200 has 12 and 15. Meldingen 2025-2026: j1 absoluut and luxe, j2 luxe twice
// (one jongere), j6 (GM0200) wettelijk; a melding at 18 is the Doorstroompunt's, not counted.
const dir = maakDataMap({
  "jongeren.csv": csv("jongeren.csv", [
    "2025-10-01;j1;GM0100;2019-09;V;PO;;N;;", "2025-10-01;j2;GM0100;2015-06;M;PO;;N;;",
    "2025-10-01;j3;GM0100;2008-05;M;VO;;N;;", "2025-10-01;j4;GM0100;2021-06;V;PO;;N;;",
    "2025-10-01;j5;GM0100;2007-06;V;VO;;N;;", "2025-10-01;j6;GM0200;2013-01;X;VO;;N;;",
    "2025-10-01;j7;GM0200;2010-02;M;VO;;N;;",
  ]),
  "verzuimmeldingen.csv": csv("verzuimmeldingen.csv", [
    "M1;j1;GM0100;6;PO;ABSOLUUT;2025-11-01;;;", "M2;j1;GM0100;6;PO;LUXE;2025-12-01;;;",
    "M3;j2;GM0100;10;PO;LUXE;2025-11-03;2025-11-20;TERUG_NAAR_SCHOOL;", "M4;j2;GM0100;10;PO;LUXE;2026-01-10;;;",
    "M5;j6;GM0200;12;VO;WETTELIJK;2025-10-20;;;", "M6;j5;GM0100;18;VO;WETTELIJK;2025-10-20;;;",
  ]),
  "vsv_cijfers.csv": csv("vsv_cijfers.csv", [
    "2023-2024;LANDELIJK;NL;1010000;20200", "2023-2024;REGIO;99;3000;60", "2023-2024;GEMEENTE;GM0100;1500;45",
    "2023-2024;GEMEENTE;GM0200;800;2",
  ]),
});
let db: Staging;
let exact: Bbv;
let pub: Bbv;
beforeAll(async () => {
  db = await openMartStaging(dir);
  exact = await bbv(db, { minimumCel: 1 });
  pub = await bbv(db);
});
afterAll(() => {
  db?.close();
  ruimDataMappenOp();
});
const van = (d: Bbv, gemeente: string, indicator: string, schooljaar: string) =>
  d.rijen.find((r) => r.gemeente === gemeente && r.indicator === indicator && r.schooljaar === schooljaar);

describe("bbv", () => {
  it("absoluut and relatief verzuim: distinct leerplichtigen per 1.000 inwoners of 5 to 17", () => {
    expect(van(exact, "GM0100", "ABSOLUUT_VERZUIM", "2025-2026")).toMatchObject({ teller: 1, noemer: 3, waarde: 333.33 });
    expect(van(exact, "GM0100", "RELATIEF_VERZUIM", "2025-2026")).toMatchObject({ teller: 2, noemer: 3, waarde: 666.67 });
    expect(van(exact, "GM0200", "ABSOLUUT_VERZUIM", "2025-2026")).toMatchObject({ teller: 0, noemer: 2, waarde: 0 });
    expect(van(exact, "REGIO", "RELATIEF_VERZUIM", "2025-2026")).toMatchObject({ teller: 3, noemer: 5, waarde: 600 });
    // The interval is Garwood's for the count: 1 leerplichtige in 3 → 0,0253–5,572 per 3, × 1.000.
    const r = van(exact, "GM0100", "ABSOLUUT_VERZUIM", "2025-2026")!;
    expect(r.onder).toBeCloseTo(8.44, 2);
    expect(r.boven).toBeCloseTo(1857.21, 1);
  });

  it("vsv %: the gemeente beside the official regio and Nederland", () => {
    expect(van(exact, "GM0100", "VSV", "2023-2024")).toMatchObject({ teller: 45, noemer: 1500, waarde: 3 });
    expect(van(exact, "REGIO", "VSV", "2023-2024")).toMatchObject({ teller: 60, noemer: 3000, waarde: 2 });
    expect(van(exact, "LANDELIJK", "VSV", "2023-2024")).toMatchObject({ waarde: 2 });
  });

  it("published: small counts suppressed, and no rate from a suppressed count", () => {
    const a = van(pub, "GM0100", "ABSOLUUT_VERZUIM", "2025-2026")!;
    expect(a).toMatchObject({ waarde: null, onder: null, boven: null, onderdrukt: true });
    expect(a.teller === null || a.noemer === null).toBe(true);
    expect(van(pub, "GM0200", "VSV", "2023-2024")).toMatchObject({ teller: null, waarde: null, onderdrukt: true });
    expect(van(pub, "GM0100", "VSV", "2023-2024")).toMatchObject({ teller: 45, waarde: 3 });
  });

  it("every indicator has its definition", () => {
    expect(BBV_INDICATOREN.map((d) => d.indicator)).toEqual(["ABSOLUUT_VERZUIM", "RELATIEF_VERZUIM", "VSV"]);
    expect(new Set(exact.rijen.map((r) => r.indicator))).toEqual(new Set(BBV_INDICATOREN.map((d) => d.indicator)));
  });
});
