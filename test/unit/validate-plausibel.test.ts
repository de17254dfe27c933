// Plausibility: values of the right form that cannot be true (a melding in 2099, a jongere of
// 125, a BSN column under another name, 1.234 in a file with decimal commas, a NUL byte) are
// refused with file, line, column and value; the boundary values are accepted and staged with
// the meaning they have. The day of the run is fixed here, so the bounds are known.
import { describe, test, expect, afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { DuckDBInstance } from "@duckdb/node-api";
import { maakDataMap, verwachtFout, csv, rij, KOP, ruimDataMappenOp, metRegels, regelNa, type CsvBestand } from "../helpers/datamap.ts";
import { ValidatieFout, type Bevinding } from "../../loaders/errors.ts";
import { stage } from "../../loaders/stage.ts";
import { rijenVan } from "../../loaders/db.ts";
import { PROJECT_ROOT } from "../../loaders/config.ts";

afterAll(ruimDataMappenOp);
const werk = mkdtempSync(join(tmpdir(), "vsv-test-plausibel-"));
afterAll(() => rmSync(werk, { recursive: true, force: true }));

const VANDAAG = "2026-06-15";
let n = 0;

/** Stages with the day of the run fixed at VANDAAG; the finding of a refusal, or the staged rows. */
async function probeer(overrides: Parameters<typeof maakDataMap>[0]):
  Promise<{ fout: ValidatieFout | null; all: <T = Record<string, any>>(sql: string) => Promise<T[]> }> {
  const doel = join(werk, `s${n++}.duckdb`);
  try {
    await stage(maakDataMap(overrides), doel, { vandaag: VANDAAG });
  } catch (e) {
    expect(e).toBeInstanceOf(ValidatieFout);
    return { fout: e as ValidatieFout, all: async () => [] };
  }
  return {
    fout: null,
    async all<T>(sql: string) {
      const instance = await DuckDBInstance.create(doel, { access_mode: "READ_ONLY" });
      const c = await instance.connect();
      try {
        return rijenVan<T>(await c.runAndReadAll(sql));
      } finally {
        c.closeSync();
        instance.closeSync();
      }
    },
  };
}

async function weiger(overrides: Parameters<typeof maakDataMap>[0]): Promise<ValidatieFout> {
  const { fout } = await probeer(overrides);
  if (!fout) throw new Error("had geweigerd moeten worden");
  expect(fout.message).not.toMatch(/\n\s+at /);
  return fout;
}

async function aanvaard(overrides: Parameters<typeof maakDataMap>[0]) {
  const r = await probeer(overrides);
  if (r.fout) throw new Error(`had aanvaard moeten worden:\n${r.fout.message}`);
  return r;
}

/** Findings as file|line|column|value. */
const kort = (bs: Bevinding[]) => bs.map((b) => `${b.bestand}|${b.regel ?? ""}|${b.kolom ?? ""}|${b.waarde ?? ""}`).sort();

/** The default file of `bestand` with rows appended (on lines regelNa(bestand, 0), …). */
const met = (bestand: CsvBestand, ...wijzigingen: Record<string, string>[]) =>
  ({ [bestand]: metRegels(bestand, ...wijzigingen.map((w) => rij(bestand, w))) });

describe("dates lie from 1 January 1990 up to the day of the run (planned ends later)", () => {
  const V = "verzuimmeldingen.csv";

  test("melddatum 2099-05-01 is refused, naming file, line, column, value and the bounds", async () => {
    const fout = await weiger(met(V, { melding_id: "X1", melddatum: "2099-05-01" }));
    expect(kort(fout.bevindingen)).toEqual([`${V}|${regelNa(V)}|melddatum|2099-05-01`]);
    expect(fout.message).toContain(`${V}, regel ${regelNa(V)}, kolom melddatum: waarde "2099-05-01": ` +
      "een datum als JJJJ-MM-DD of DD-MM-JJJJ, niet vóór 1 januari 1990 en niet na vandaag (15 juni 2026) (leeg is niet toegestaan)");
    // Also with the real day of the run: no schooljaar 2098-2099 appears.
    const echt = await verwachtFout(maakDataMap(met(V, { melding_id: "X1", melddatum: "01-05-2099" })));
    expect(kort(echt.bevindingen)).toEqual([`${V}|${regelNa(V)}|melddatum|01-05-2099`]);
  });

  test("today is accepted and tomorrow refused, in every column of what has happened", async () => {
    const { all } = await aanvaard({
      ...met(V, { melding_id: "X1", melddatum: VANDAAG, afsluitdatum: "15-06-2026", resultaat: "ZORG" }),
      ...met("jikp_monitor.csv", { pseudo_id: "x1", moment: VANDAAG }),
    });
    expect(await all("SELECT melddatum, afsluitdatum FROM verzuimmeldingen WHERE melding_id = 'X1'"))
      .toEqual([{ melddatum: VANDAAG, afsluitdatum: VANDAAG }]);
    expect(await all("SELECT max(data_datum) AS d FROM meta")).toEqual([{ d: VANDAAG }]);
    const fout = await weiger({
      ...met(V, { melding_id: "X1", melddatum: "2026-06-16" }, { melding_id: "X2", melddatum: "2026-06-01", afsluitdatum: "2026-06-16", resultaat: "ZORG" }),
      ...met("jongeren.csv", { pseudo_id: "x1", peildatum: "2026-06-16" }, { pseudo_id: "x2", laatste_uitschrijving: "16-06-2026" }),
      ...met("vsv_trajecten.csv", { traject_id: "X1", startdatum: "2026-06-16" }, { traject_id: "X2", einddatum: "2026-06-16", resultaat: "WERK" }),
      ...met("jikp_monitor.csv", { pseudo_id: "x1", moment: "2026-06-16" }),
    });
    expect(kort(fout.bevindingen)).toEqual([
      `jikp_monitor.csv|${regelNa("jikp_monitor.csv")}|moment|2026-06-16`,
      `jongeren.csv|${regelNa("jongeren.csv")}|peildatum|2026-06-16`,
      `jongeren.csv|${regelNa("jongeren.csv", 1)}|laatste_uitschrijving|16-06-2026`,
      `${V}|${regelNa(V)}|melddatum|2026-06-16`,
      `${V}|${regelNa(V, 1)}|afsluitdatum|2026-06-16`,
      `vsv_trajecten.csv|${regelNa("vsv_trajecten.csv")}|startdatum|2026-06-16`,
      `vsv_trajecten.csv|${regelNa("vsv_trajecten.csv", 1)}|einddatum|2026-06-16`,
    ]);
  });

  test("1 January 1990 is the first day: 31 December 1989 is refused", async () => {
    const J = "jongeren.csv";
    const { all } = await aanvaard(met(J, { pseudo_id: "x1", laatste_uitschrijving: "1990-01-01" }));
    expect(await all("SELECT laatste_uitschrijving FROM jongeren WHERE pseudo_id = 'x1'")).toEqual([{ laatste_uitschrijving: "1990-01-01" }]);
    const fout = await weiger(met(J, { pseudo_id: "x1", laatste_uitschrijving: "31-12-1989" }));
    expect(kort(fout.bevindingen)).toEqual([`${J}|${regelNa(J)}|laatste_uitschrijving|31-12-1989`]);
    expect(fout.bevindingen[0].verwacht).toBe(
      "leeg of een datum als JJJJ-MM-DD of DD-MM-JJJJ, niet vóór 1 januari 1990 en niet na vandaag (15 juni 2026)");
  });

  test("a vrijstelling may begin up to a year ahead and end up to 15 years ahead", async () => {
    const W = "vrijstellingen.csv";
    const { all } = await aanvaard(met(W, { vrijstelling_id: "X1", begindatum: "2027-06-15", einddatum: "2041-06-15" }));
    expect(await all("SELECT begindatum, einddatum FROM vrijstellingen WHERE vrijstelling_id = 'X1'"))
      .toEqual([{ begindatum: "2027-06-15", einddatum: "2041-06-15" }]);
    const fout = await weiger(met(W, { vrijstelling_id: "X1", begindatum: "2027-06-16" }, { vrijstelling_id: "X2", einddatum: "2041-06-16" }));
    expect(kort(fout.bevindingen)).toEqual([`${W}|${regelNa(W)}|begindatum|2027-06-16`, `${W}|${regelNa(W, 1)}|einddatum|2041-06-16`]);
    expect(fout.bevindingen.map((b) => b.verwacht.replace(/^leeg of /, ""))).toEqual([
      "een datum als JJJJ-MM-DD of DD-MM-JJJJ, niet vóór 1 januari 1990 en niet later dan een jaar na vandaag (15 juni 2027) (leeg is niet toegestaan)",
      "een datum als JJJJ-MM-DD of DD-MM-JJJJ, niet vóór 1 januari 1990 en niet later dan 15 jaar na vandaag (15 juni 2041)",
    ]);
  });
});

describe("ages: a jongere is 4 to 27, and each export holds the ages it can be about", () => {
  const J = "jongeren.csv";

  test("geboortemaand 1900-01 and 2030-06 are refused: the age on the peildatum is outside 4..27", async () => {
    const fout = await weiger(met(J, { pseudo_id: "x1", geboortemaand: "1900-01" }, { pseudo_id: "x2", geboortemaand: "2030-06" }));
    expect(kort(fout.bevindingen)).toEqual([`${J}|${regelNa(J)}|geboortemaand|1900-01`, `${J}|${regelNa(J, 1)}|geboortemaand|2030-06`]);
    expect(fout.bevindingen.map((b) => b.verwacht)).toEqual([
      "een geboortemaand waarmee de jongere op peildatum (2025-10-01) 4 tot en met 27 jaar oud is; met deze is dat 125 jaar",
      "een geboortemaand waarmee de jongere op peildatum (2025-10-01) 4 tot en met 27 jaar oud is; met deze is dat -5 jaar",
    ]);
  });

  test("4 and 27 on the peildatum are accepted (birthday on the 1st of the birth month); 3 and 28 are not", async () => {
    const { all } = await aanvaard(met(J, { pseudo_id: "x4", geboortemaand: "2021-10" }, { pseudo_id: "x27", geboortemaand: "1997-11" }));
    expect(await all("SELECT pseudo_id, leeftijd FROM jongeren_def WHERE pseudo_id LIKE 'x%' ORDER BY leeftijd"))
      .toEqual([{ pseudo_id: "x4", leeftijd: 4 }, { pseudo_id: "x27", leeftijd: 27 }]);
    const fout = await weiger(met(J, { pseudo_id: "x3", geboortemaand: "2021-11" }, { pseudo_id: "x28", geboortemaand: "1997-10" }));
    expect(kort(fout.bevindingen)).toEqual([`${J}|${regelNa(J)}|geboortemaand|2021-11`, `${J}|${regelNa(J, 1)}|geboortemaand|1997-10`]);
  });

  test("leeftijd 99 is refused everywhere; the bounds per export are accepted, one beyond them is not", async () => {
    const bestanden = ["verzuimmeldingen.csv", "vrijstellingen.csv", "vsv_trajecten.csv", "jikp_monitor.csv"] as const;
    const id = { "verzuimmeldingen.csv": "melding_id", "vrijstellingen.csv": "vrijstelling_id", "vsv_trajecten.csv": "traject_id", "jikp_monitor.csv": "pseudo_id" };
    const grenzen = { "verzuimmeldingen.csv": [4, 27], "vrijstellingen.csv": [4, 17], "vsv_trajecten.csv": [4, 27], "jikp_monitor.csv": [4, 27] };
    const rijen = (f: (typeof bestanden)[number], leeftijden: number[]) =>
      met(f, ...leeftijden.map((l, i) => ({ [id[f]]: `x${i}`, leeftijd: String(l) })));
    const fout = await weiger(Object.assign({}, ...bestanden.map((f) => rijen(f, [99, grenzen[f][0] - 1, grenzen[f][1] + 1]))));
    expect(kort(fout.bevindingen)).toEqual(bestanden.flatMap((f) =>
      [99, grenzen[f][0] - 1, grenzen[f][1] + 1].map((l, i) => `${f}|${regelNa(f, i)}|leeftijd|${l}`)).sort());
    expect(fout.message).toContain(`verzuimmeldingen.csv, regel ${regelNa("verzuimmeldingen.csv")}, kolom leeftijd: waarde "99": ` +
      "een geheel getal van 4 tot en met 27 (leeg is niet toegestaan)");
    expect(fout.bevindingen.find((b) => b.bestand === "vrijstellingen.csv")!.verwacht).toContain("van 4 tot en met 17");
    const { all } = await aanvaard(Object.assign({}, ...bestanden.map((f) => rijen(f, grenzen[f]))));
    expect(await all("SELECT leeftijd FROM vrijstellingen WHERE vrijstelling_id LIKE 'x%' ORDER BY 1")).toEqual([{ leeftijd: 4 }, { leeftijd: 17 }]);
  });
});

describe("years, schooljaren and numbers compared on one row", () => {
  test("a cohort enters the monitor on 1 October: not after the moment, and not a 1 October still to come", async () => {
    const M = "jikp_monitor.csv";
    const { all } = await aanvaard(met(M, { pseudo_id: "x1", moment: "2025-10-01", cohort: "2025" }));
    expect(await all("SELECT cohort FROM jikp_monitor WHERE pseudo_id = 'x1'")).toEqual([{ cohort: 2025 }]);
    // Rules between columns are checked once every value passed its own rule: two runs.
    const na = await weiger(met(M, { pseudo_id: "x1", moment: "2025-09-30", cohort: "2025" }));
    expect(kort(na.bevindingen)).toEqual([`${M}|${regelNa(M)}|cohort|2025`]);
    expect(na.bevindingen[0].verwacht).toBe(
      "een jaar waarvan 1 oktober niet na moment ligt (2025-09-30): de jongere komt op 1 oktober van het cohortjaar in de monitor");
    const fout = await weiger(met(M, { pseudo_id: "x2", cohort: "2026" }, { pseudo_id: "x3", cohort: "1989" }));
    expect(kort(fout.bevindingen)).toEqual([`${M}|${regelNa(M)}|cohort|2026`, `${M}|${regelNa(M, 1)}|cohort|1989`]);
    expect(fout.bevindingen[0].verwacht).toBe(
      "een jaartal van 1990 tot en met 2025 (het jaar staat voor 1 oktober, niet na vandaag (15 juni 2026)) (leeg is niet toegestaan)");
  });

  test("CBS jaar up to the last 1 October; risicoscore at most aantal_jongeren (a sum of one chance per jongere)", async () => {
    const C = "cbs_risicoscores.csv";
    const { all } = await aanvaard({ [C]: csv(C, ["2025;GM0100;900;900", "1990;GM0100;10;0"]) });
    expect(await all("SELECT jaar, risicoscore FROM cbs_risicoscores ORDER BY jaar")).toEqual([{ jaar: 1990, risicoscore: 0 }, { jaar: 2025, risicoscore: 900 }]);
    // A missing export (vsv_cijfers.csv) is no finding: a regio may deliver part of them.
    const fout = await weiger({ [C]: csv(C, ["2026;GM0100;900;9", "1989;GM0100;900;9"]), "vsv_cijfers.csv": null });
    expect(kort(fout.bevindingen)).toEqual([`${C}|2|jaar|2026`, `${C}|3|jaar|1989`]);
    const meer = await weiger({ [C]: csv(C, ["2024;GM0100;900;900,5"]) });
    expect(kort(meer.bevindingen)).toEqual([`${C}|2|risicoscore|900.5`]);
    expect(meer.bevindingen[0].verwacht).toBe("hoogstens aantal_jongeren (900): de risicoscore is een som van kansen, één per jongere");
  });

  test("VSV-cijfers of a schooljaar that has begun; inzet up to next schooljaar", async () => {
    const S = "vsv_cijfers.csv", I = "inzet.csv";
    await aanvaard({ [S]: csv(S, ["2025-2026;LANDELIJK;NL;1000;10", "1990-1991;LANDELIJK;NL;1000;10"]), [I]: csv(I, ["2026-2027;GM0100;JOBHUNTER;1"]) });
    const fout = await weiger({
      [S]: csv(S, ["2026-2027;LANDELIJK;NL;1000;10", "1989-1990;LANDELIJK;NL;1000;10"]),
      [I]: csv(I, ["2027-2028;GM0100;JOBHUNTER;1"]),
    });
    expect(kort(fout.bevindingen)).toEqual([`${I}|2|schooljaar|2027-2028`, `${S}|2|schooljaar|2026-2027`, `${S}|3|schooljaar|1989-1990`]);
    expect(fout.bevindingen.map((b) => b.verwacht)).toEqual([
      "een schooljaar als 2022-2023, van 1990-1991 tot en met 2025-2026 (het schooljaar van vandaag) (leeg is niet toegestaan)",
      "een schooljaar als 2022-2023, van 1990-1991 tot en met 2025-2026 (het schooljaar van vandaag) (leeg is niet toegestaan)",
      "een schooljaar als 2022-2023, van 1990-1991 tot en met 2026-2027 (het schooljaar van een jaar na vandaag) (leeg is niet toegestaan)",
    ]);
    const vsv = await weiger({ [S]: csv(S, ["2024-2025;LANDELIJK;NL;1000;1001"]) });
    expect(vsv.bevindingen.map((b) => `${b.regel}|${b.kolom}|${b.waarde}|${b.verwacht}`)).toEqual([
      "2|vsv|1001|hoogstens deelnemers (1000): de voortijdig schoolverlaters komen uit de deelnemers",
    ]);
  });
});

describe("a column mostly of BSNs is refused whatever its name", () => {
  const J = "jongeren.csv";
  // 111222333 and 123456782 pass the elfproef; 123456789 does not.

  test("an extra column bsn_nummer: the whole file is refused, no BSN quoted, no other finding of that file", async () => {
    const fout = await weiger({
      [J]: csv(J, [rij(J, { pseudo_id: "x1" }) + ";111222333", rij(J, { pseudo_id: "x2", geslacht: "Q" }) + ";123456782",
        rij(J, { pseudo_id: "x3" }) + ";123456789", rij(J, { pseudo_id: "x4" }) + ";"], KOP[J] + ";BSN_nummer"),
    });
    expect(fout.bevindingen).toEqual([{
      bestand: J, regel: 1, kolom: "bsn_nummer",
      verwacht: "geen burgerservicenummers: 2 van de 3 waarden in deze kolom zijn getallen van 9 cijfers die de BSN-elfproef halen, " +
        "dus vrijwel zeker BSN's; die mogen niet geleverd worden, hoe de kolom ook heet; het hele bestand is geweigerd",
    }]);
    expect(fout.message).not.toMatch(/111222333|123456782/);
  });

  test("also in a contract column (melding_id); a column with a few such numbers (1 in 11 by chance) is accepted", async () => {
    const V = "verzuimmeldingen.csv";
    const fout = await weiger({ [V]: csv(V, [rij(V, { melding_id: "111222333" }), rij(V, { melding_id: "123456782" }), rij(V, { melding_id: "M3" })]) });
    expect(kort(fout.bevindingen)).toEqual([`${V}|1|melding_id|`]);
    const { all } = await aanvaard({
      [J]: csv(J, [rij(J, { pseudo_id: "x1" }) + ";111222333", rij(J, { pseudo_id: "x2" }) + ";123456789",
        rij(J, { pseudo_id: "x3" }) + ";D-77"], KOP[J] + ";dossier"),
    });
    expect(await all("SELECT count(*)::INTEGER AS n FROM jongeren")).toEqual([{ n: 3 }]);
  });
});

describe("a decimal is refused where a thousands separator could have made it", () => {
  const C = "cbs_risicoscores.csv";

  test("1.234 among decimal commas (and 1,234 among points) is refused; the rest of the column is not", async () => {
    const fout = await weiger({
      [C]: csv(C, ["2020;GM0100;9000;262,0", "2021;GM0100;9000;1.234", "2022;GM0100;9000;0.125"]),
      "inzet.csv": csv("inzet.csv", ["2024-2025;GM0100;JOBHUNTER;1.5", "2024-2025;GM0200;JOBHUNTER;1,500"]),
    });
    expect(kort(fout.bevindingen)).toEqual([`${C}|3|risicoscore|1.234`, "inzet.csv|3|fte|1,500"]);
    expect(fout.bevindingen.find((b) => b.bestand === C)!.verwacht).toBe("een getal met een punt of komma als decimaalteken, zonder " +
      "duizendtallen (minstens 0); deze kolom gebruikt een komma als decimaalteken, dus 1.234 kan ook 1234 betekenen: schrijf 1,234 of 1234 " +
      "(leeg is niet toegestaan)");
  });

  test("with one decimal mark in the column, 1.234 and 1,234 are decimals, as the contract says", async () => {
    const { all } = await aanvaard({
      [C]: csv(C, ["2020;GM0100;9000;1.234", "2021;GM0100;9000;12.5", "2022;GM0100;9000;7"]),
      "inzet.csv": csv("inzet.csv", ["2024-2025;GM0100;JOBHUNTER;1,250", "2024-2025;GM0200;JOBHUNTER;0,5"]),
    });
    expect(await all("SELECT risicoscore FROM cbs_risicoscores ORDER BY jaar")).toEqual([{ risicoscore: 1.234 }, { risicoscore: 12.5 }, { risicoscore: 7 }]);
    expect(await all("SELECT fte FROM inzet ORDER BY fte")).toEqual([{ fte: 0.5 }, { fte: 1.25 }]);
  });
});

describe("control characters and long values", () => {
  const V = "verzuimmeldingen.csv";

  test("a NUL, tab or line break inside a contract value is refused and shown visibly; in an extra column only NUL-like ones", async () => {
    const fout = await weiger({
      [V]: csv(V, [rij(V, { melding_id: "M\u00001" }), rij(V, { melding_id: "M2", pseudo_id: "p\t2" }), rij(V, { melding_id: "M3", verzuimsoort: "LUXE\u0000" }),
        rij(V, { melding_id: "M4", pseudo_id: "P4" }).replace("P4", '"p\n4"')]),
      "inzet.csv": csv("inzet.csv", ["2024-2025;GM0100;JOBHUNTER;1;a\u0000b", '2024-2025;GM0200;JOBHUNTER;1;"regel een\nregel\ttwee"'],
        KOP["inzet.csv"] + ";opmerking"),
    });
    expect(kort(fout.bevindingen)).toEqual([
      "inzet.csv|2|opmerking|a<NUL>b",
      `${V}|2|melding_id|M<NUL>1`,
      `${V}|3|pseudo_id|p<TAB>2`,
      `${V}|4|verzuimsoort|LUXE<NUL>`,
      `${V}|5|pseudo_id|p<LF>4`,
    ]);
    expect(fout.message).toContain(`${V}, regel 2, kolom melding_id: waarde "M<NUL>1": een waarde zonder stuurtekens (zoals NUL, tab of een regeleinde)`);
  });

  test("a value of 1 MB is quoted by its first 60 characters and its length", async () => {
    const lang = "X".repeat(1_000_000);
    const fout = await weiger(met(V, { melding_id: "L1", verzuimsoort: lang }));
    expect(kort(fout.bevindingen)).toEqual([`${V}|${regelNa(V)}|verzuimsoort|${"X".repeat(60)}…(1000000 tekens)`]);
    expect(fout.message.length).toBeLessThan(1000);
    // A malformed row of 1 MB too (the CSV reader quotes only the start of it: no length).
    const ragged = await weiger({ [V]: csv(V, [`${lang};x`]) });
    expect(ragged.bevindingen[0].waarde).toBe(`${"X".repeat(60)}…(ingekort)`);
    expect(ragged.message.length).toBeLessThan(1000);
  });
});

describe("a refused run through a command", () => {
  test("exits 1 with the Dutch findings on stderr and no stack trace", () => {
    const V = "verzuimmeldingen.csv";
    const dir = maakDataMap(met(V, { melding_id: "X1", melddatum: "2099-05-01" }));
    const r = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "reports/jaarverslag.ts"), "--data", dir,
      "--schooljaar", "2025-2026", "--out", join(werk, "uit")], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Fout: De gegevens zijn niet goedgekeurd (1 fout):\n  - ${V}, regel ${regelNa(V)}, kolom melddatum: waarde "2099-05-01": `);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
