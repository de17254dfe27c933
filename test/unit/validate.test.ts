// Every rule of the input contract on small hand-made files, through the public entries
// stage(dir, target) and openStaging(dir). A finding must name file, line (header = 1),
// column and value; a refused run must leave nothing behind.
import { describe, test, expect, afterAll } from "vitest";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  maakDataMap, stageDb, verwachtFout, csv, rij, KOP, ruimDataMappenOp, metRegels, regelNa, STANDAARD_RIJEN,
} from "../helpers/datamap.ts";
import { ValidatieFout, GebruikersFout, type Bevinding } from "../../loaders/errors.ts";
import { openStaging, invoerHash, STAGING_DIR } from "../../loaders/db.ts";
import { stage } from "../../loaders/stage.ts";

afterAll(ruimDataMappenOp);

/** A finding as one comparable string: file|line|column|value. */
const kort = (b: Bevinding) => `${b.bestand}|${b.regel ?? ""}|${b.kolom ?? ""}|${b.waarde ?? ""}`;
const korte = (bs: Bevinding[]) => bs.map(kort).sort();

async function fouten(overrides: Parameters<typeof maakDataMap>[0], regio?: object): Promise<ValidatieFout> {
  const fout = await verwachtFout(maakDataMap(overrides, regio));
  expect(fout).toBeInstanceOf(ValidatieFout);
  return fout;
}

function vind(fout: ValidatieFout, bestand: string, regel?: number, kolom?: string): Bevinding {
  const b = fout.bevindingen.find((x) => x.bestand === bestand && x.regel === regel && (kolom === undefined || x.kolom === kolom));
  if (!b) throw new Error(`geen bevinding ${bestand} regel ${regel} ${kolom ?? ""} in:\n${fout.message}`);
  return b;
}

describe("accepted input is staged with the meaning the contract gives it", () => {
  test("both date formats mean the same day; decimal comma and point; empty J/N is unknown; codes upper case", async () => {
    const db = await stageDb(maakDataMap({
      "jongeren.csv": csv("jongeren.csv", [
        rij("jongeren.csv", { pseudo_id: "b1", peildatum: "2025-10-01", laatste_uitschrijving: "01-02-2025" }),
        rij("jongeren.csv", { pseudo_id: "b2", peildatum: "01-10-2025", laatste_uitschrijving: "2025-02-01" }),
        // Fails the elfproef: a plain number that is no BSN is a valid pseudonym.
        rij("jongeren.csv", { pseudo_id: "123456789", werk: "", geslacht: "v", onderwijssoort: "geen", startkwalificatie: "j" }),
        // Membership boundaries: first day of GM0300, last day of GM0400.
        rij("jongeren.csv", { pseudo_id: "b4", gemeente_code: "GM0300", peildatum: "2026-01-01" }),
        rij("jongeren.csv", { pseudo_id: "b5", gemeente_code: "gm0400", peildatum: "31-12-2024" }),
        rij("jongeren.csv", { pseudo_id: "b6", onderwijssoort: "MBO_BBL", mbo_niveau: "3", werk: "J", peildatum: "29-02-2024", laatste_uitschrijving: "" }),
      ]),
      "cbs_risicoscores.csv": csv("cbs_risicoscores.csv", ["2022;GM0100;1000;12,5", "2022;GM0200;400;6.1", "2023;GM0100; 900 ;7"]),
      "inzet.csv": csv("inzet.csv", [
        '2025-2026,GM0100,LEERPLICHTAMBTENAAR,"7,5"', "2025-2026,GM0100,DOORSTROOMCOACH,6.0", "2025-2026,GM0200,JOBHUNTER,0.4",
      ], KOP["inzet.csv"].replace(/;/g, ",")),
      "verzuimmeldingen.csv": csv("verzuimmeldingen.csv", [
        rij("verzuimmeldingen.csv", { melding_id: "S1", melddatum: "2025-10-02", afsluitdatum: "02-10-2025", resultaat: "zorg" }),
      ]),
    }));
    try {
      const j = await db.all("SELECT * FROM jongeren ORDER BY pseudo_id");
      const per = Object.fromEntries(j.map((r) => [r.pseudo_id, r]));
      expect(per.b1.peildatum).toBe("2025-10-01");
      expect(per.b2.peildatum).toBe("2025-10-01");
      expect(per.b1.laatste_uitschrijving).toBe("2025-02-01");
      expect(per.b2.laatste_uitschrijving).toBe("2025-02-01");
      expect(per.b1.geboortemaand).toBe("2005-06-01");
      expect(per["123456789"]).toMatchObject({ werk: null, geslacht: "V", onderwijssoort: "GEEN", startkwalificatie: true, mbo_niveau: null });
      expect(per.b1).toMatchObject({ werk: false, startkwalificatie: false });
      expect(per.b5.gemeente_code).toBe("GM0400");
      expect(per.b6).toMatchObject({ mbo_niveau: 3, werk: true, peildatum: "2024-02-29", laatste_uitschrijving: null });
      const cbs = await db.all("SELECT jaar, gemeente_code, aantal_jongeren, risicoscore FROM cbs_risicoscores ORDER BY jaar, gemeente_code");
      expect(cbs).toEqual([
        { jaar: 2022, gemeente_code: "GM0100", aantal_jongeren: 1000, risicoscore: 12.5 },
        { jaar: 2022, gemeente_code: "GM0200", aantal_jongeren: 400, risicoscore: 6.1 },
        { jaar: 2023, gemeente_code: "GM0100", aantal_jongeren: 900, risicoscore: 7 },
      ]);
      const inzet = await db.all("SELECT functie, fte FROM inzet ORDER BY fte DESC");
      expect(inzet).toEqual([
        { functie: "LEERPLICHTAMBTENAAR", fte: 7.5 }, { functie: "DOORSTROOMCOACH", fte: 6 }, { functie: "JOBHUNTER", fte: 0.4 },
      ]);
      const v = await db.all("SELECT melddatum, afsluitdatum, resultaat, handhaving FROM verzuimmeldingen");
      expect(v).toEqual([{ melddatum: "2025-10-02", afsluitdatum: "2025-10-02", resultaat: "ZORG", handhaving: null }]);
    } finally {
      db.close();
    }
  });

  test("the same day in both formats is one key: a second row for it is a duplicate", async () => {
    const fout = await fouten({
      "jongeren.csv": metRegels("jongeren.csv", rij("jongeren.csv", { pseudo_id: "j001", peildatum: "01-10-2025" })),
    });
    expect(korte(fout.bevindingen)).toEqual([`jongeren.csv|${regelNa("jongeren.csv")}|peildatum + pseudo_id|2025-10-01 / j001`]);
    expect(vind(fout, "jongeren.csv", regelNa("jongeren.csv")).verwacht).toMatch(/regel 2$/);
  });
});

describe("column rules: every bad value is named with file, line, column and value", () => {
  test("dates, codes, numbers, J/N, empty values, gemeente codes across all exports", async () => {
    const J = "jongeren.csv", V = "verzuimmeldingen.csv";
    const fout = await fouten({
      [J]: csv(J, [
        rij(J, { pseudo_id: "a1" }),
        rij(J, { pseudo_id: "a2", geslacht: "Q" }),
        rij(J, { pseudo_id: "a3", onderwijssoort: "MBO" }),
        rij(J, { pseudo_id: "a4", geboortemaand: "2014-13" }),
        rij(J, { pseudo_id: "a5", geboortemaand: "03-2014" }),
        rij(J, { pseudo_id: "a6", startkwalificatie: "X" }),
        rij(J, { pseudo_id: "a7", startkwalificatie: "" }),
        rij(J, { pseudo_id: "a8", mbo_niveau: "5" }),
        rij(J, { pseudo_id: "a9", werk: "Ja" }),
        rij(J, { pseudo_id: "" }),
        rij(J, { pseudo_id: "a11", gemeente_code: "GM9999" }),
        rij(J, { pseudo_id: "a12", peildatum: "" }),
        rij(J, { pseudo_id: "a13", gemeente_code: "0100" }),
      ]),
      [V]: csv(V, [
        rij(V, { melding_id: "A1" }),
        rij(V, { melding_id: "A2", verzuimsoort: "SPIJBELEN" }),
        rij(V, { melding_id: "A3", leeftijd: "12.0" }),
        rij(V, { melding_id: "A4", leeftijd: "-1" }),
        rij(V, { melding_id: "A5", leeftijd: "" }),
        rij(V, { melding_id: "A6", resultaat: "GEWELDIG" }),
        rij(V, { melding_id: "" }),
        rij(V, { melding_id: "A8", handhaving: "BOETE" }),
        rij(V, { melding_id: "A9", melddatum: "2024-02-30" }),
        rij(V, { melding_id: "A10", melddatum: "31-13-2024" }),
        rij(V, { melding_id: "A11", melddatum: "2024/01/01" }),
        rij(V, { melding_id: "A12", melddatum: "2023-02-29" }),
        rij(V, { melding_id: "A13", melddatum: "1-2-2024" }),
        rij(V, { melding_id: "A14", afsluitdatum: "2025-13-01" }),
        rij(V, { melding_id: "A15", melddatum: "29-02-2024", afsluitdatum: "2024-03-01" }), // leap day: fine
      ]),
      "cbs_risicoscores.csv": csv("cbs_risicoscores.csv", [
        "2023;GM0100;900;10,5", "2023;GM0200;900;1.234,5", "2024;GM0100;900;abc", "2024;GM0200;900;-1,5", "2025;GM0100;1.000;3",
      ]),
      "inzet.csv": csv("inzet.csv", [
        "2024-2025;GM0100;LEERPLICHTAMBTENAAR;1", "2024-2025;GM0100;DIRECTEUR;1", "2024-2025;GM0200;JOBHUNTER;",
        "2023-2025;GM0100;JOBHUNTER;1", "2023/2024;GM0100;JOBHUNTER;1",
      ]),
      "vsv_cijfers.csv": csv("vsv_cijfers.csv", ["2023-2024;GEMEENTE;GM0100;10;1", "2023-2024;WIJK;GM0100;10;1", "2023-2024;GEMEENTE;GM0200;veel;1"]),
      "jikp_monitor.csv": csv("jikp_monitor.csv", [
        rij("jikp_monitor.csv", { pseudo_id: "m1" }), rij("jikp_monitor.csv", { pseudo_id: "m2", groep: "X" }),
        rij("jikp_monitor.csv", { pseudo_id: "m3", herkomst: "VWO" }), rij("jikp_monitor.csv", { pseudo_id: "m4", cohort: "23" }),
        rij("jikp_monitor.csv", { pseudo_id: "m5", wajong: "" }),
      ]),
      "vrijstellingen.csv": csv("vrijstellingen.csv", [
        rij("vrijstellingen.csv", { vrijstelling_id: "W1" }), rij("vrijstellingen.csv", { vrijstelling_id: "W2", artikel: "7" }),
        rij("vrijstellingen.csv", { vrijstelling_id: "W3", besluit: "JA" }),
      ]),
      "vsv_trajecten.csv": csv("vsv_trajecten.csv", [
        rij("vsv_trajecten.csv", { traject_id: "X1" }), rij("vsv_trajecten.csv", { traject_id: "X2", vsv_type: "NIEUWER" }),
        rij("vsv_trajecten.csv", { traject_id: "X3", resultaat: "WERK!" }),
      ]),
    });
    expect(korte(fout.bevindingen)).toEqual([
      "cbs_risicoscores.csv|3|risicoscore|1.234,5",
      "cbs_risicoscores.csv|4|risicoscore|abc",
      "cbs_risicoscores.csv|5|risicoscore|-1,5",
      "cbs_risicoscores.csv|6|aantal_jongeren|1.000",
      "inzet.csv|3|functie|DIRECTEUR",
      "inzet.csv|4|fte|",
      "inzet.csv|5|schooljaar|2023-2025",
      "inzet.csv|6|schooljaar|2023/2024",
      "jikp_monitor.csv|3|groep|X",
      "jikp_monitor.csv|4|herkomst|VWO",
      "jikp_monitor.csv|5|cohort|23",
      "jikp_monitor.csv|6|wajong|",
      "jongeren.csv|10|werk|Ja",
      "jongeren.csv|11|pseudo_id|",
      "jongeren.csv|12|gemeente_code|GM9999",
      "jongeren.csv|13|peildatum|",
      "jongeren.csv|14|gemeente_code|0100",
      "jongeren.csv|3|geslacht|Q",
      "jongeren.csv|4|onderwijssoort|MBO",
      "jongeren.csv|5|geboortemaand|2014-13",
      "jongeren.csv|6|geboortemaand|03-2014",
      "jongeren.csv|7|startkwalificatie|X",
      "jongeren.csv|8|startkwalificatie|",
      "jongeren.csv|9|mbo_niveau|5",
      "verzuimmeldingen.csv|10|melddatum|2024-02-30",
      "verzuimmeldingen.csv|11|melddatum|31-13-2024",
      "verzuimmeldingen.csv|12|melddatum|2024/01/01",
      "verzuimmeldingen.csv|13|melddatum|2023-02-29",
      "verzuimmeldingen.csv|14|melddatum|1-2-2024",
      "verzuimmeldingen.csv|15|afsluitdatum|2025-13-01",
      "verzuimmeldingen.csv|3|verzuimsoort|SPIJBELEN",
      "verzuimmeldingen.csv|4|leeftijd|12.0",
      "verzuimmeldingen.csv|5|leeftijd|-1",
      "verzuimmeldingen.csv|6|leeftijd|",
      "verzuimmeldingen.csv|7|resultaat|GEWELDIG",
      "verzuimmeldingen.csv|8|melding_id|",
      "verzuimmeldingen.csv|9|handhaving|BOETE",
      "vrijstellingen.csv|3|artikel|7",
      "vrijstellingen.csv|4|besluit|JA",
      "vsv_cijfers.csv|3|niveau|WIJK",
      "vsv_cijfers.csv|4|deelnemers|veel",
      "vsv_trajecten.csv|3|vsv_type|NIEUWER",
      "vsv_trajecten.csv|4|resultaat|WERK!",
    ]);
    // What was expected, in Dutch.
    expect(vind(fout, V, 10, "melddatum").verwacht).toContain("een datum als JJJJ-MM-DD of DD-MM-JJJJ");
    expect(vind(fout, V, 3, "verzuimsoort").verwacht).toContain("WETTELIJK, LUXE, OVERIG, LRV, ABSOLUUT");
    expect(vind(fout, J, 12, "gemeente_code").verwacht).toContain("GM0100, GM0200, GM0300, GM0400");
    expect(vind(fout, J, 8, "startkwalificatie").verwacht).toBe("J of N (leeg is niet toegestaan)");
    expect(vind(fout, J, 10, "werk").verwacht).toBe("leeg of J of N");
    expect(vind(fout, "cbs_risicoscores.csv", 3).verwacht).toContain("punt of komma");
    // The message shows them all, file, line, column and value.
    expect(fout.message).toMatch(/^De gegevens zijn niet goedgekeurd \(43 fouten\)/);
    expect(fout.message).toContain('verzuimmeldingen.csv, regel 10, kolom melddatum: waarde "2024-02-30": een datum als JJJJ-MM-DD of DD-MM-JJJJ');
  });

  test("a pseudo_id that passes the BSN elfproef is refused; one that fails it is not", async () => {
    const J = "jongeren.csv";
    const fout = await fouten({
      [J]: csv(J, [
        rij(J, { pseudo_id: "111222333" }), rij(J, { pseudo_id: "123456782" }), rij(J, { pseudo_id: " 123456782 " }),
        rij(J, { pseudo_id: "123456789" }), rij(J, { pseudo_id: "000000000" }), rij(J, { pseudo_id: "12345678" }),
        rij(J, { pseudo_id: "1234567820" }), rij(J, { pseudo_id: "p23456782" }),
      ]),
      "verzuimmeldingen.csv": metRegels("verzuimmeldingen.csv", rij("verzuimmeldingen.csv", { pseudo_id: "111222333" })),
    });
    expect(korte(fout.bevindingen)).toEqual([
      "jongeren.csv|2|pseudo_id|111222333",
      "jongeren.csv|3|pseudo_id|123456782",
      "jongeren.csv|4|pseudo_id| 123456782 ",
      `verzuimmeldingen.csv|${regelNa("verzuimmeldingen.csv")}|pseudo_id|111222333`,
    ]);
    expect(fout.bevindingen[0].verwacht).toMatch(/BSN/);
  });

  test("more than 50 findings: 50 listed, the rest counted", async () => {
    const J = "jongeren.csv";
    const rijen = Array.from({ length: 60 }, (_, i) => rij(J, { pseudo_id: `q${i}`, geslacht: "Q" }));
    const fout = await fouten({ [J]: csv(J, rijen) });
    expect(fout.bevindingen).toHaveLength(50);
    expect(fout.bevindingen[0]).toMatchObject({ regel: 2, kolom: "geslacht" });
    expect(fout.meer).toBe(10);
    expect(fout.message).toMatch(/^De gegevens zijn niet goedgekeurd \(60 fouten\)/);
    expect(fout.message).toMatch(/… en nog 10 fouten$/);
  });
});

describe("row rules: duplicates, membership, dates in order, cross-column codes", () => {
  test("each names the row, and a duplicate names the line of the first", async () => {
    const V = "verzuimmeldingen.csv", J = "jongeren.csv";
    const fout = await fouten({
      [V]: csv(V, [
        rij(V, { melding_id: "D1" }),
        rij(V, { melding_id: "D2" }),
        rij(V, { melding_id: "D1", pseudo_id: "x" }),
        rij(V, { melding_id: "D3", melddatum: "2025-10-02", afsluitdatum: "01-10-2025", resultaat: "ZORG" }),
        rij(V, { melding_id: "D4", melddatum: "2025-10-02", afsluitdatum: "2025-10-02", resultaat: "ZORG" }),
        rij(V, { melding_id: "D5", gemeente_code: "GM0300", melddatum: "2025-12-31" }),
        rij(V, { melding_id: "D6", gemeente_code: "GM0300", melddatum: "2026-01-01" }),
        rij(V, { melding_id: "D1" }),
      ]),
      [J]: csv(J, [
        rij(J, { pseudo_id: "k1" }),
        rij(J, { pseudo_id: "k1", peildatum: "01-10-2025" }),
        rij(J, { pseudo_id: "k1", peildatum: "2024-10-01" }),
        rij(J, { pseudo_id: "k2", gemeente_code: "GM0400", peildatum: "2025-01-01" }),
        rij(J, { pseudo_id: "k3", gemeente_code: "GM0400", peildatum: "2024-12-31" }),
      ]),
      "vrijstellingen.csv": csv("vrijstellingen.csv", [
        rij("vrijstellingen.csv", { vrijstelling_id: "E1", begindatum: "2025-09-01", einddatum: "2025-08-31" }),
        rij("vrijstellingen.csv", { vrijstelling_id: "E2", gemeente_code: "GM0300", begindatum: "2025-09-01" }),
      ]),
      "vsv_trajecten.csv": csv("vsv_trajecten.csv", [
        rij("vsv_trajecten.csv", { traject_id: "F1", startdatum: "2025-03-01", einddatum: "28-02-2025", resultaat: "WERK" }),
        rij("vsv_trajecten.csv", { traject_id: "F1", startdatum: "2025-03-01" }),
      ]),
      "jikp_monitor.csv": csv("jikp_monitor.csv", [rij("jikp_monitor.csv"), rij("jikp_monitor.csv", { leeftijd: "20" })]),
      "cbs_risicoscores.csv": csv("cbs_risicoscores.csv", ["2023;GM0100;900;10,5", "2023;gm0100;900;10,5"]),
      "inzet.csv": csv("inzet.csv", ["2024-2025;GM0100;JOBHUNTER;1", "2024-2025;GM0100;JOBHUNTER;2"]),
      "vsv_cijfers.csv": csv("vsv_cijfers.csv", [
        "2023-2024;LANDELIJK;NL;1000;10", "2023-2024;REGIO;99;100;2", "2023-2024;GEMEENTE;GM9999;10;1",
        "2023-2024;LANDELIJK;NED;10;1", "2024-2025;REGIO;12;10;1", "2024-2025;GEMEENTE;GM0100;10;11",
      ]),
    });
    expect(korte(fout.bevindingen)).toEqual([
      "cbs_risicoscores.csv|3|jaar + gemeente_code|2023 / GM0100",
      "inzet.csv|3|schooljaar + gemeente_code + functie|2024-2025 / GM0100 / JOBHUNTER",
      "jikp_monitor.csv|3|moment + pseudo_id|2026-02-01 / jb1",
      "jongeren.csv|3|peildatum + pseudo_id|2025-10-01 / k1",
      "jongeren.csv|5|peildatum|2025-01-01",
      "verzuimmeldingen.csv|4|melding_id|D1",
      "verzuimmeldingen.csv|5|afsluitdatum|2025-10-01",
      "verzuimmeldingen.csv|7|melddatum|2025-12-31",
      "verzuimmeldingen.csv|9|melding_id|D1",
      "vrijstellingen.csv|2|einddatum|2025-08-31",
      "vrijstellingen.csv|3|begindatum|2025-09-01",
      "vsv_cijfers.csv|4|code|GM9999",
      "vsv_cijfers.csv|5|code|NED",
      "vsv_cijfers.csv|6|code|12",
      "vsv_cijfers.csv|7|vsv|11",
      "vsv_trajecten.csv|2|einddatum|2025-02-28",
      "vsv_trajecten.csv|3|traject_id|F1",
    ]);
    expect(vind(fout, "verzuimmeldingen.csv", 4).verwacht).toBe("een unieke waarde; deze komt al eerder voor, op regel 2");
    expect(vind(fout, "verzuimmeldingen.csv", 9).verwacht).toMatch(/op regel 2$/);
    expect(vind(fout, "verzuimmeldingen.csv", 5).verwacht).toBe("een datum niet vóór melddatum (2025-10-02)");
    expect(vind(fout, "verzuimmeldingen.csv", 7).verwacht).toBe(
      "een datum waarop gemeente GM0300 (Gammaveen) lid is van de regio (lid vanaf 1 januari 2026)");
    expect(vind(fout, "jongeren.csv", 5, "peildatum").verwacht).toContain("lid tot en met 31 december 2024");
    expect(vind(fout, "vsv_cijfers.csv", 6).verwacht).toContain("regionummer (99)");
  });
});

describe("header rules", () => {
  const VERBODEN = [" BSN ", "Burgerservicenummer", "ONDERWIJSNUMMER", "Naam", " voornaam", "Achternaam ", "RoepNaam",
    "GeboorteDatum", "ADRES", " Straat ", "huisNummer", "PostCode", "Telefoon", "EMAIL"];

  test("each forbidden column (any case, with spaces) refuses the whole file, naming the column", async () => {
    const J = "jongeren.csv";
    const fout = await fouten({
      // A bad value too: the file is refused as a whole, not checked row by row.
      [J]: csv(J, [rij(J, { geslacht: "Q" }) + ";x".repeat(VERBODEN.length)], KOP[J] + ";" + VERBODEN.join(";")),
      "inzet.csv": csv("inzet.csv", ["2024-2025;GM0100;JOBHUNTER;1;a@b.nl"], KOP["inzet.csv"] + '; "E-mail";"Email"'),
    });
    expect(korte(fout.bevindingen)).toEqual([
      "inzet.csv|1|email|",
      ...VERBODEN.map((k) => `jongeren.csv|1|${k.trim().toLowerCase()}|`).sort(),
    ].sort());
    for (const b of fout.bevindingen) expect(b.verwacht).toMatch(/direct identificerend.*hele bestand is geweigerd/);
    expect(fout.message).toContain("jongeren.csv, regel 1, kolom postcode");
  });

  test("missing required columns and a doubled column; a missing file is no finding (a partial delivery)", async () => {
    const V = "verzuimmeldingen.csv";
    const zonder = (bestand: "verzuimmeldingen.csv" | "vsv_cijfers.csv", weg: string[]) => {
      const kop = KOP[bestand].split(";");
      const houd = kop.map((k, i) => (weg.includes(k) ? -1 : i)).filter((i) => i >= 0);
      return csv(bestand, STANDAARD_RIJEN[bestand].map((r) => houd.map((i) => r.split(";")[i]).join(";")),
        houd.map((i) => kop[i]).join(";"));
    };
    const dir = maakDataMap({
      [V]: zonder(V, ["handhaving"]),
      "vsv_cijfers.csv": zonder("vsv_cijfers.csv", ["deelnemers", "vsv"]),
      "vrijstellingen.csv": csv("vrijstellingen.csv", [rij("vrijstellingen.csv") + ";p2"], KOP["vrijstellingen.csv"] + "; Pseudo_ID"),
      "inzet.csv": null,
    });
    const fout = await verwachtFout(dir);
    expect(korte(fout.bevindingen)).toEqual([
      "verzuimmeldingen.csv|1|handhaving|",
      "vrijstellingen.csv|1|pseudo_id|",
      "vsv_cijfers.csv|1|deelnemers|",
      "vsv_cijfers.csv|1|vsv|",
    ]);
    expect(vind(fout, V, 1).verwacht).toBe("deze verplichte kolom ontbreekt in de kopregel");
    expect(vind(fout, "vrijstellingen.csv", 1).verwacht).toBe("elke kolomnaam één keer");
    expect(fout.bevindingen.some((b) => b.bestand === "inzet.csv")).toBe(false);
  });
});

describe("line numbers and malformed rows", () => {
  test("a ragged row gives a finding with its line; line numbers stay right after blank lines", async () => {
    const J = "jongeren.csv", V = "verzuimmeldingen.csv";
    const fout = await fouten({
      [V]: csv(V, [rij(V, { melding_id: "R1" }), rij(V, { melding_id: "R2" }), "R3;p;GM0100;14;VO"]),
      "vrijstellingen.csv": csv("vrijstellingen.csv", [rij("vrijstellingen.csv"), rij("vrijstellingen.csv", { vrijstelling_id: "V2" }) + ";extra;velden"]),
      // A blank line inside the file (a hand-edited export) must not shift the line numbers.
      [J]: csv(J, [rij(J, { pseudo_id: "l1" }), "", rij(J, { pseudo_id: "l2" }), rij(J, { pseudo_id: "l3", geslacht: "Q" }), "", ""]),
      "cbs_risicoscores.csv": csv("cbs_risicoscores.csv", ["2023;GM0100;900;1", "", "", "2023;GM0200;900;x"]).replace(/\n/g, "\r\n"),
      // A note over two lines in an extra column: the row after it is on line 4.
      "inzet.csv": csv("inzet.csv", ['2024-2025;GM0100;JOBHUNTER;1;"regel een\nregel twee"', "2024-2025;GM0200;JOBHUNTER;x;"],
        KOP["inzet.csv"] + ";opmerking"),
    });
    expect(korte(fout.bevindingen)).toEqual([
      "cbs_risicoscores.csv|5|risicoscore|x",
      "inzet.csv|4|fte|x",
      "jongeren.csv|5|geslacht|Q",
      expect.stringMatching(/^verzuimmeldingen\.csv\|4\|/),
      expect.stringMatching(/^vrijstellingen\.csv\|3\|/),
    ]);
    const ragged = vind(fout, V, 4);
    expect(ragged.verwacht).toMatch(/10 velden/);
    expect(ragged.verwacht).toMatch(/5 gevonden/);
    expect(ragged.waarde).toBe("R3;p;GM0100;14;VO");
    expect(vind(fout, "vrijstellingen.csv", 3).verwacht).toMatch(/8 velden.*10 gevonden/);
  });
});

describe("a refused run writes nothing", () => {
  test("stage() leaves no file at its target (also when the target existed before)", async () => {
    const dir = maakDataMap({ "inzet.csv": metRegels("inzet.csv", "2024-2025;GM0100;JOBHUNTER;x") });
    const doel = join(maakDataMap(), "oud.duckdb");
    const goed = await stageDb(maakDataMap()); // a valid staging works …
    goed.close();
    await stage(maakDataMap(), doel); // … and an earlier one at the target …
    expect(existsSync(doel)).toBe(true);
    await expect(stage(dir, doel)).rejects.toBeInstanceOf(ValidatieFout);
    expect(existsSync(doel)).toBe(false); // … is not left to be mistaken for the new one.
    expect(existsSync(doel + ".wal")).toBe(false);
  });

  test("openStaging() refuses with the Dutch findings and puts no staging file in place", async () => {
    const dir = maakDataMap({ "inzet.csv": metRegels("inzet.csv", "2024-2025;GM0100;JOBHUNTER;x") });
    const hash = invoerHash(dir);
    const fout = await openStaging(dir).then(() => null, (e) => e);
    expect(fout).toBeInstanceOf(ValidatieFout);
    expect(fout).toBeInstanceOf(GebruikersFout);
    expect(fout.message).toContain(`inzet.csv, regel ${regelNa("inzet.csv")}, kolom fte: waarde "x"`);
    expect(fout.message).not.toMatch(/\n\s+at /); // no stack trace in the message
    const achter = existsSync(STAGING_DIR) ? readdirSync(STAGING_DIR).filter((f) => f.startsWith(hash)) : [];
    expect(achter).toEqual([]);
  });

  test("openStaging() on a valid directory gives the staged tables and views", async () => {
    const dir = maakDataMap();
    const db = await openStaging(dir);
    try {
      expect(db.regio.naam).toBe("Testregio");
      const [m] = await db.all("SELECT regio, minimum_cel, data_datum FROM meta");
      expect(m).toEqual({ regio: "Testregio", minimum_cel: 5, data_datum: "2026-02-01" });
      const [n] = await db.all("SELECT COUNT(*) AS n FROM jongeren_def");
      expect(n.n).toBe(STANDAARD_RIJEN["jongeren.csv"].length);
    } finally {
      db.close();
      rmSync(join(STAGING_DIR, `${invoerHash(dir)}.duckdb`), { force: true });
    }
  });
});
