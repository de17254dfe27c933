// `npm run jaarverslag` on the hand-made data directory: bad input gives a Dutch message,
// exit code 1 and no files; a good run writes the PDF, tabellen.xlsx and tabellen.json, and
// the three agree with the mart (one PDF run, to stay fast).
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { ONDERDRUKT, getal } from "../../src/lib/format.ts";
import { spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import ExcelJS from "exceljs";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { openStaging } from "../../loaders/db.ts";
import { jaarverslagTabellen, schooljarenInData } from "../../loaders/marts/jaarverslag.ts";
import { monitorSite } from "../../loaders/marts/monitor.ts";
import { bestemmingsPaginas } from "../../reports/pdf.ts";
import { main } from "../../reports/jaarverslag.ts";
import { GebruikersFout } from "../../loaders/errors.ts";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/jaarverslag");
const werk = mkdtempSync(join(tmpdir(), "jaarverslag-cli-"));
afterAll(() => rmSync(werk, { recursive: true, force: true }));

function jaarverslag(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "reports", "jaarverslag.ts"), "--data", FIXTURE, ...args], {
    cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, JAARVERSLAG_DATUM: "2026-11-24" }, timeout: 240_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bad input: a clear Dutch error and nothing written", () => {
  test("as a command: exit code 1, the message without a stack trace, no output directory", () => {
    const out = join(werk, "fout");
    const r = jaarverslag("--schooljaar", "2030-2031", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Fout: Schooljaar 2030-2031 staat niet in de gegevens. Schooljaren in de gegevens: 2020-2021, 2021-2022, 2022-2023");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  test.each([
    [["--schooljaar", "22-23"], "is geen schooljaar; schrijf het als 2022-2023"],
    [["--schooljaar", "2021-2022", "--gemeente", "GM9003"], "Gemeente GM9003 (Oostveld) was in 2021-2022 geen lid van de regio"],
    [["--schooljaar", "2022-2023", "--gemeente", "GM1234"], "Gemeente \"GM1234\" staat niet in regio.json"],
    [[], "--schooljaar ontbreekt, bijvoorbeeld --schooljaar 2022-2023"],
    [["--schooljaar", "2022-2023"], "--out ontbreekt"],
    [["--schooljaar", "2022-2023", "--pdf"], "Onjuiste opdracht"],
  ])("%j", async (args, melding) => {
    const out = join(werk, `fout-${Math.random().toString(36).slice(2)}`);
    const metOut = args.length && !(args.length === 2 && args[1] === "2022-2023") ? [...args, "--out", out] : args;
    const fout = await main(["--data", FIXTURE, ...metOut]).then(() => null, (e: unknown) => e);
    expect(fout).toBeInstanceOf(GebruikersFout);
    expect((fout as Error).message).toContain(melding);
    expect(existsSync(out)).toBe(false);
  });
});

describe("a good run", () => {
  const out = join(werk, "regio");
  let r: ReturnType<typeof jaarverslag>;
  beforeAll(() => {
    r = jaarverslag("--schooljaar", "2022-2023", "--out", out);
  }, 300_000);

  test("progress on stderr, exit 0, the three files and nothing else", () => {
    expect(r.stderr).toContain("Gegevens inlezen");
    expect(r.stderr).toContain("Tabellen berekenen");
    expect(r.stderr).toContain("Excel schrijven");
    expect(r.stderr).toContain("PDF maken");
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["jaarverslag.pdf", "tabellen.json", "tabellen.xlsx"]);
  });

  test("tabellen.json is the contract's shape and the mart's suppressed tables", async () => {
    const json = JSON.parse(readFileSync(join(out, "tabellen.json"), "utf8"));
    expect(Object.keys(json)).toEqual(["regio", "schooljaar", "minimumCel", "tabellen"]);
    expect(json).toMatchObject({ regio: "Testregio Drie Dorpen", schooljaar: "2022-2023", minimumCel: 3 });
    for (const t of json.tabellen) expect(Object.keys(t)).toEqual(["id", "titel", "rijen"]);
    const db = await openStaging(FIXTURE);
    try {
      const mart = await jaarverslagTabellen(db, "2022-2023", { minimumCel: 3 });
      expect(json.tabellen).toEqual(mart.map((t) => ({ id: t.id, titel: t.titel, rijen: t.rijen })));
    } finally {
      db.close();
    }
    const luxe = json.tabellen.find((t: { id: string }) => t.id === "verzuimmeldingen").rijen
      .find((x: Record<string, unknown>) => x.gemeente === "GM9003" && x.verzuimsoort === "LUXE" && x.schooljaar === "2022-2023" && x.regeling === "LEERPLICHT");
    expect(luxe).toMatchObject({ meldingen: null, jongeren: null, onderdrukt: true });
  });

  test("tabellen.xlsx: one sheet per table, the same numbers, • where suppressed", async () => {
    const json = JSON.parse(readFileSync(join(out, "tabellen.json"), "utf8"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "tabellen.xlsx")) as unknown as ArrayBuffer);
    // A Toelichting first, then one sheet per table with a readable name (≤ 31 characters, no id cut off).
    const namen = wb.worksheets.map((w) => w.name);
    expect(namen[0]).toBe("Toelichting");
    expect(namen.length).toBe(json.tabellen.length + 1);
    for (const n of namen) expect(n.length).toBeLessThanOrEqual(31);
    expect(namen).toContain("Doorstroompunt prev. resultaat");
    expect(namen.join(" ")).not.toMatch(/_/);
    const toel = wb.worksheets[0];
    const onderwerpen = [...Array(toel.rowCount).keys()].map((i) => toel.getCell(i + 1, 1).value);
    expect(onderwerpen).toEqual(expect.arrayContaining(["Bron", "Gegevens", "Afgeschermde aantallen", "Thuiszitter"]));
    const ws = wb.getWorksheet("Verzuimmeldingen")!;
    const kop = (ws.getRow(2).values as unknown[]).slice(1);
    const rijen = json.tabellen.find((t: { id: string }) => t.id === "verzuimmeldingen").rijen as Record<string, unknown>[];
    expect(ws.rowCount).toBe(rijen.length + 2);
    const iMeld = kop.indexOf("Meldingen") + 1;
    rijen.forEach((x, i) => {
      const cel = ws.getRow(i + 3).getCell(iMeld).value;
      expect(cel).toBe(x.meldingen === null ? ONDERDRUKT : x.meldingen);
    });
    // Codes become labels with the code beside.
    const iSoort = kop.indexOf("Verzuimsoort") + 1;
    expect(kop[iSoort]).toBe("Verzuimsoort (code)");
    rijen.forEach((x, i) => expect(ws.getRow(i + 3).getCell(iSoort + 1).value).toBe(x.verzuimsoort));
    expect(ws.getRow(3).getCell(iSoort).value).not.toBe(rijen[0].verzuimsoort);
  });

  test("jaarverslag.pdf: A4, more than one page, contents with page numbers", () => {
    const pdf = readFileSync(join(out, "jaarverslag.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const paginas = (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    expect(paginas).toBeGreaterThan(5);
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    // Tagged (structure tree, marked content), with bookmarks and the document's language.
    const tekst = pdf.toString("latin1");
    expect(tekst).toMatch(/\/StructTreeRoot/);
    expect(tekst).toMatch(/\/Marked true/);
    expect(tekst).toMatch(/\/Outlines/);
    expect(tekst).toMatch(/\/Lang\s*\(nl\)/);
    // The contents link to every part: after cover and contents the key figures (the first
    // content page), their development, the voorwoord, then the chapters in order, the
    // monitor JIKP before the text-only Verhalen.
    const d = bestemmingsPaginas(pdf);
    expect(d["deel-kerncijfers"]).toBe(3);
    const volgorde = ["ontwikkeling", "voorwoord", "leerlingen", "verzuim", "thuiszitters", "vrijstellingen", "doorstroompunt", "vsv", "vsv-percentages", "inzet",
      "monitor", "verhalen"].map((id) => d[`deel-${id}`]);
    expect(volgorde.every((p, i) => p > (i === 0 ? 3 : volgorde[i - 1])), JSON.stringify(d)).toBe(true);
    expect(volgorde[volgorde.length - 1]).toBeLessThanOrEqual(paginas);
  });

  test("jaarverslag.pdf: the key figures, their development over every schooljaar, the monitor JIKP from its published cells", async () => {
    const pdf = join(out, "jaarverslag.pdf");
    const pagina = (n: number) => execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" });
    const d = bestemmingsPaginas(readFileSync(pdf));
    const kern = pagina(d["deel-kerncijfers"]);
    expect(kern).toContain("Kerncijfers 2022-2023");
    for (const label of ["Leerlingen", "Verzuimmeldingen Leerplicht", "Thuiszitters", "Vrijstellingen", "Meldingen Doorstroompunt", "VSV'ers benaderd", "VSV-percentage"]) {
      expect(kern).toContain(label);
    }
    // Oostveld joined in 2023: no change for the regio, and why, once.
    expect(kern).toContain("geen vergelijking met 2021-2022 ¹");
    expect(kern).toMatch(/¹ Geen vergelijking: de regio telt in 2022-2023 andere gemeenten of perioden dan in 2021-2022 \(Oostveld\)/);
    const db = await openStaging(FIXTURE);
    try {
      // Every schooljaar of the data up to this one, in the development's table.
      const jaren = (await schooljarenInData(db)).filter((j) => j <= "2022-2023");
      expect(jaren.length).toBeGreaterThanOrEqual(2);
      expect(pagina(d["deel-ontwikkeling"])).toMatch(new RegExp(`Kerncijfer\\s+${jaren.join("\\s+")}`));
      // The monitor chapter: the regio's nergens in beeld as the site publishes it.
      const m = await monitorSite(db);
      const moment = m.momenten.filter((x) => x.moment <= "2023-07-31").at(-1)!;
      const nib = moment.statussen.REGIO.ALLE.ALLE[m.statussen.indexOf("NIET_IN_BEELD")];
      const monitor = pagina(d["deel-monitor"]).replace(/\s+/g, " ");
      expect(monitor).toContain("Monitor JIKP");
      expect(monitor).toContain(`${nib === null ? ONDERDRUKT : getal(nib)} waren nergens in beeld`);
      // Only counts: no pseudonym of the werklijst anywhere in the PDF.
      const alles = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
      const ids = readFileSync(join(FIXTURE, "jikp_monitor.csv"), "utf8").split("\n").slice(1).map((r) => r.split(";")[1]).filter(Boolean);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(alles).not.toMatch(new RegExp(`\\b${id}\\b`));
    } finally {
      db.close();
    }
  });
});
