// The shared domain core of src/lib on hand-made cases with known answers: the schooljaar,
// membership of the regio, and the code lists both the pipeline and the pages use.
import { describe, it, expect } from "vitest";
import {
  schooljaar, schooljaarStart, schooljaarEinde, vorigSchooljaar, dagInSchooljaar, schooljaarMaanden, isLidOp, isLidIn, isLidInSchooljaar, gemeentenInJaar,
} from "../../src/lib/schooljaar.ts";
import { REGIO, TOTAAL, ALLE, DOELGROEPEN, VERZUIMSOORTEN } from "../../src/lib/codes.ts";
import * as monitor from "../../src/lib/monitor.ts";
import { VERZUIMSOORTEN as SCHEMA_VERZUIMSOORTEN } from "../../loaders/schema.ts";
import { DOELGROEPEN as DEFINITIE_DOELGROEPEN } from "../../loaders/definitions.ts";

describe("schooljaar", () => {
  it("runs from 1 August to 31 July", () => {
    expect(schooljaar("2023-07-31")).toBe("2022-2023");
    expect(schooljaar("2023-08-01")).toBe("2023-2024");
    expect(schooljaar("2024-01-15")).toBe("2023-2024");
    expect(schooljaarStart("2023-2024")).toBe("2023-08-01");
    expect(schooljaarEinde("2023-2024")).toBe("2024-07-31");
  });

  it("puts a regio's peildatum (MM-DD) in the first calendar year from August, else the second", () => {
    expect(dagInSchooljaar("10-01", "2022-2023")).toBe("2022-10-01");
    expect(dagInSchooljaar("08-01", "2022-2023")).toBe("2022-08-01");
    expect(dagInSchooljaar("07-31", "2022-2023")).toBe("2023-07-31");
    expect(dagInSchooljaar("03-15", "2022-2023")).toBe("2023-03-15");
  });

  it("has twelve months, August to July", () => {
    const m = schooljaarMaanden("2022-2023");
    expect(m).toHaveLength(12);
    expect([m[0], m[4], m[5], m[11]]).toEqual(["2022-08", "2022-12", "2023-01", "2023-07"]);
  });

  it("has a previous schooljaar, also across a century", () => {
    expect(vorigSchooljaar("2023-2024")).toBe("2022-2023");
    expect(vorigSchooljaar("2000-2001")).toBe("1999-2000");
  });
});

describe("membership of the regio", () => {
  const lid = { vanaf: "2025-01-01", tot: "2025-12-31" };

  it("vanaf and tot are inclusive; null and absent mean open", () => {
    expect(isLidOp(lid, "2024-12-31")).toBe(false);
    expect(isLidOp(lid, "2025-01-01")).toBe(true);
    expect(isLidOp(lid, "2025-12-31")).toBe(true);
    expect(isLidOp(lid, "2026-01-01")).toBe(false);
    expect(isLidOp({ vanaf: null, tot: null }, "1990-01-01")).toBe(true);
    expect(isLidOp({}, "2990-01-01")).toBe(true);
  });

  it("a member at any moment of a period or schooljaar counts for it", () => {
    expect(isLidIn(lid, "2024-08-01", "2025-01-01")).toBe(true);
    expect(isLidIn(lid, "2024-08-01", "2024-12-31")).toBe(false);
    expect(isLidInSchooljaar({ vanaf: "2025-01-01", tot: null }, "2024-2025")).toBe(true);
    expect(isLidInSchooljaar({ vanaf: null, tot: "2024-07-31" }, "2024-2025")).toBe(false);
    expect(isLidInSchooljaar({ vanaf: null, tot: "2024-08-01" }, "2024-2025")).toBe(true);
    expect(isLidInSchooljaar(lid, "2025-2026")).toBe(true);
    expect(isLidInSchooljaar(lid, "2026-2027")).toBe(false);
  });

  it("the gemeenten of a budget year are those that are members at any day of it", () => {
    const regio = { gemeenten: [{ code: "A", ...lid }, { code: "B", vanaf: "2026-01-01" }, { code: "C", tot: "2024-12-31" }] };
    expect(gemeentenInJaar(regio, 2025).map((g) => g.code)).toEqual(["A"]);
    expect(gemeentenInJaar(regio, 2026).map((g) => g.code)).toEqual(["B"]);
    expect(gemeentenInJaar(regio, 2024).map((g) => g.code)).toEqual(["C"]);
  });
});

describe("shared codes", () => {
  it("are the codes of docs/exports.md", () => {
    expect([REGIO, TOTAAL, ALLE]).toEqual(["REGIO", "TOTAAL", "ALLE"]);
    expect([monitor.REGIO, monitor.TOTAAL, monitor.ALLE]).toEqual([REGIO, TOTAAL, ALLE]);
    expect([...DOELGROEPEN]).toEqual(["LEERPLICHTIG", "KWALIFICATIEPLICHTIG", "VSV_NIEUW", "VSV_OUD", "NEET"]);
    expect([...VERZUIMSOORTEN]).toEqual(["WETTELIJK", "LUXE", "OVERIG", "LRV", "ABSOLUUT"]);
    // The contract (validator, staging) and the definitions use these very lists, not copies.
    expect(SCHEMA_VERZUIMSOORTEN).toBe(VERZUIMSOORTEN);
    expect(DEFINITIE_DOELGROEPEN).toBe(DOELGROEPEN);
  });
});
