// regio.json and the data directory: clear Dutch errors for a broken regio.json (also
// through the public entries), defaults, and the membership helpers.
import { describe, test, expect, afterAll } from "vitest";
import { rmSync } from "node:fs";
import { resolve, join } from "node:path";
import { dataDir, DEFAULT_DATA_DIR, isLidOp, isLidIn, gemeentenInJaar, type Regio, type RegioGemeente } from "../../loaders/config.ts";
import { loadRegio } from "../../loaders/regio.ts";
import { GebruikersFout, ValidatieFout } from "../../loaders/errors.ts";
import { openStaging, invoerHash, STAGING_DIR } from "../../loaders/db.ts";
import { onderdruk } from "../../loaders/publish.ts";
import { maakDataMap, verwachtFout, ruimDataMappenOp, STANDAARD_REGIO } from "../helpers/datamap.ts";

afterAll(ruimDataMappenOp);

describe("dataDir", () => {
  test("--data DIR beats --data=DIR beats VSV_DATA beats the shipped sample", () => {
    expect(dataDir(["node", "x", "--data", "a/b"], { VSV_DATA: "/env" })).toBe(resolve("a/b"));
    expect(dataDir(["node", "x", "--data=/c/d"], { VSV_DATA: "/env" })).toBe("/c/d");
    expect(dataDir(["node", "x"], { VSV_DATA: "/env" })).toBe("/env");
    expect(dataDir(["node", "x"], {})).toBe(DEFAULT_DATA_DIR);
  });
});

/** Loads a regio.json with this content (an object or raw text) and returns the error. */
function fout(inhoud: object | string, parserMelding = false): GebruikersFout {
  const dir = maakDataMap({ "regio.json": typeof inhoud === "string" ? inhoud : JSON.stringify(inhoud) });
  try {
    loadRegio(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(GebruikersFout);
    // No English from zod (the JSON parser's own words are quoted after the Dutch text).
    if (!parserMelding) expect((e as Error).message).not.toMatch(/Invalid input|expected|received|Required/);
    return e as GebruikersFout;
  }
  throw new Error("regio.json had geweigerd moeten worden");
}

const { gemeenten: _g, ...zonderGemeenten } = STANDAARD_REGIO;

describe("loadRegio", () => {
  test("a valid regio.json, with defaults for optional fields", () => {
    const r = loadRegio(maakDataMap({ "regio.json": "\uFEFF" + JSON.stringify({
      naam: "Klein", contactgemeente: "GM0100", gemeenten: [{ code: "GM0100", naam: "A" }],
      budget: [{ jaar: 2026, rijksbijdrage: 1, gemeentelijk: 2, regionaal: 3, risicoscoreJaar: 2022 }],
    }) }));
    expect(r.vsvPeildatum).toBe("10-01");
    expect(r.publicatie.minimumCel).toBe(5);
    expect(r.budget[0].vasteVoet).toEqual({});
    expect(loadRegio(maakDataMap()).gemeenten.map((g) => g.code)).toEqual(["GM0100", "GM0200", "GM0300", "GM0400"]);
  });

  test("contact: optional, each field checked, only web addresses as links", () => {
    const contact = { naam: "het Bureau Leerplicht", email: "leerplicht@gemeente.nl", telefoon: "+31 (0)38 498 9111", url: "https://www.example.nl/leerplicht" };
    expect(loadRegio(maakDataMap({ "regio.json": JSON.stringify({ ...STANDAARD_REGIO, contact }) })).contact).toEqual(contact);
    expect(fout({ ...STANDAARD_REGIO, contact: { email: "geen adres" } }).message).toBe("regio.json, veld contact.email: een e-mailadres, bijvoorbeeld leerplicht@gemeente.nl");
    expect(fout({ ...STANDAARD_REGIO, contact: { url: "javascript:alert(1)" } }).message).toBe("regio.json, veld contact.url: een webadres dat begint met https://");
    expect(fout({ ...STANDAARD_REGIO, contact: { telefoon: "bel ons" } }).message).toMatch(/^regio\.json, veld contact\.telefoon: een telefoonnummer/);
  });

  test("missing regio.json", () => {
    const dir = maakDataMap({ "regio.json": null });
    expect(() => loadRegio(dir)).toThrow(new GebruikersFout(`regio.json ontbreekt in de datamap ${dir}`));
  });

  test("invalid JSON", () => {
    expect(fout('{"naam": "X",\n "gemeenten": [}', true).message).toMatch(/^regio\.json is geen geldige JSON; controleer komma's/);
    expect(fout('{"naam": "X"\n  "gemeenten": []}', true).message).toMatch(/^regio\.json is geen geldige JSON \(regel 2, kolom 3\); /);
    expect(fout("", true).message).toMatch(/^regio\.json is geen geldige JSON/);
  });

  test("missing or empty gemeenten", () => {
    expect(fout(zonderGemeenten).message).toBe("regio.json, veld gemeenten: ontbreekt (verplicht veld)");
    expect(fout({ ...STANDAARD_REGIO, gemeenten: [] }).message).toBe("regio.json, veld gemeenten: minstens één gemeente");
    expect(fout([]).message).toMatch(/^regio\.json, veld \(hoofdniveau\): /);
  });

  test("contactgemeente not among the gemeenten", () => {
    expect(fout({ ...STANDAARD_REGIO, contactgemeente: "GM0999" }).message).toBe("regio.json: contactgemeente GM0999 staat niet in gemeenten");
  });

  test("bad codes, dates, doubles and types name the field", () => {
    const g = (over: object) => ({ ...STANDAARD_REGIO, gemeenten: [{ code: "GM0100", naam: "Alfastad", ...over }] });
    expect(fout(g({ code: "0100" })).message).toContain("regio.json, veld gemeenten.0.code: een CBS-gemeentecode GMnnnn");
    expect(fout(g({ vanaf: "01-01-2020" })).message).toContain("regio.json, veld gemeenten.0.vanaf: een datum JJJJ-MM-DD");
    expect(fout(g({ vanaf: "2024-01-01", tot: "2023-12-31" })).message).toBe("regio.json: gemeente GM0100 heeft tot (2023-12-31) vóór vanaf (2024-01-01)");
    expect(fout({ ...STANDAARD_REGIO, gemeenten: [...STANDAARD_REGIO.gemeenten, STANDAARD_REGIO.gemeenten[0]] }).message)
      .toBe("regio.json: gemeente GM0100 staat er twee keer in");
    expect(fout({ ...STANDAARD_REGIO, publicatie: { minimumCel: "5" } }).message).toMatch(/^regio\.json, veld publicatie\.minimumCel: /);
    expect(fout({ ...STANDAARD_REGIO, vsvPeildatum: "15 oktober" }).message).toContain("maand-dag");
    const b = fout({ ...STANDAARD_REGIO, budget: [{ jaar: 2026 }] }).message;
    expect(b).toContain("regio.json, veld budget.0.rijksbijdrage: ontbreekt (verplicht veld)");
  });

  test("publicatie.minimumCel below 3 is refused: counts of 1 or 2 jongeren are never published", () => {
    for (const minimumCel of [0, 1, 2]) {
      expect(fout({ ...STANDAARD_REGIO, publicatie: { minimumCel } }).message).toBe(
        `regio.json, veld publicatie.minimumCel: waarde ${minimumCel}: verwacht een geheel getal van minstens 3; ` +
        "aantallen van 1 of 2 jongeren zijn tot personen te herleiden en worden nooit gepubliceerd " +
        "(exacte aantallen voor intern gebruik geven de rapporten zelf, zoals npm run jaarverslag -- --intern)");
    }
    expect(loadRegio(maakDataMap({}, { ...STANDAARD_REGIO, publicatie: { minimumCel: 3 } })).publicatie.minimumCel).toBe(3);
  });

  test("internal outputs still pass minimumCel 0 or 1 themselves: only regio.json's value is checked", async () => {
    const dir = maakDataMap({}, { ...STANDAARD_REGIO, publicatie: { minimumCel: 3 } });
    const db = await openStaging(dir);
    try {
      expect(db.regio.publicatie.minimumCel).toBe(3);
      const rijen = [{ g: "a", n: 1 }, { g: "b", n: 2 }];
      for (const minimumCel of [0, 1]) expect(onderdruk(rijen, { minimumCel, tellingen: ["n"], sleutels: ["g"] })).toEqual(rijen);
    } finally {
      db.close();
      rmSync(join(STAGING_DIR, `${invoerHash(dir)}.duckdb`), { force: true });
    }
    await expect(openStaging(maakDataMap({}, { ...STANDAARD_REGIO, publicatie: { minimumCel: 0 } })))
      .rejects.toThrow(/^regio\.json, veld publicatie\.minimumCel: waarde 0: verwacht een geheel getal van minstens 3/);
  });

  test("through stage() and openStaging(): a GebruikersFout about regio.json, not a validation of the exports", async () => {
    const dir = maakDataMap({ "regio.json": "{ niet json" });
    const e = await verwachtFout(dir);
    expect(e).toBeInstanceOf(GebruikersFout);
    expect(e).not.toBeInstanceOf(ValidatieFout);
    expect(e.message).toMatch(/^regio\.json is geen geldige JSON/);
    await expect(openStaging(maakDataMap({}, zonderGemeenten))).rejects.toThrow("regio.json, veld gemeenten: ontbreekt (verplicht veld)");
    await expect(openStaging(maakDataMap({}, { ...STANDAARD_REGIO, contactgemeente: "GM0999" })))
      .rejects.toBeInstanceOf(GebruikersFout);
  });
});

describe("membership", () => {
  const regio = loadRegio(maakDataMap());
  const g = (code: string) => regio.gemeenten.find((x) => x.code === code)!;

  test("isLidOp: vanaf and tot are inclusive", () => {
    expect(isLidOp(g("GM0300"), "2025-12-31")).toBe(false);
    expect(isLidOp(g("GM0300"), "2026-01-01")).toBe(true);
    expect(isLidOp(g("GM0400"), "2024-12-31")).toBe(true);
    expect(isLidOp(g("GM0400"), "2025-01-01")).toBe(false);
    const altijd: RegioGemeente = { code: "GM0500", naam: "Altijd" };
    expect(isLidOp(altijd, "1990-01-01")).toBe(true);
  });

  test("isLidIn: member at any moment of the period", () => {
    expect(isLidIn(g("GM0300"), "2025-08-01", "2026-07-31")).toBe(true);
    expect(isLidIn(g("GM0300"), "2024-08-01", "2025-07-31")).toBe(false);
    expect(isLidIn(g("GM0400"), "2024-08-01", "2025-07-31")).toBe(true);
    expect(isLidIn(g("GM0400"), "2025-01-01", "2025-12-31")).toBe(false);
  });

  test("gemeentenInJaar: the members of a calendar year", () => {
    const codes = (r: Regio, j: number) => gemeentenInJaar(r, j).map((x) => x.code);
    expect(codes(regio, 2024)).toEqual(["GM0100", "GM0200", "GM0400"]);
    expect(codes(regio, 2025)).toEqual(["GM0100", "GM0200"]);
    expect(codes(regio, 2026)).toEqual(["GM0100", "GM0200", "GM0300"]);
  });
});
