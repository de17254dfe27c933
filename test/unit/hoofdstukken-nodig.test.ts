// A partial delivery and the jaarverslag (issue 13): each chapter needs only its own exports
// (src/lib/hoofdstukken.ts), only the chapters whose exports are there are computed and
// published (loaders/hoofdstukken-nodig.ts), and every other one says which export it needs.
// First the need logic on hand-made sets of exports, then the mart and the publication layer
// on copies of the hand-made jaarverslag fixture with exports left out.
import { describe, it, expect, afterAll } from "vitest";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error jsdom ships without type declarations (@types/jsdom is not installed)
import { JSDOM } from "jsdom";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { EXPORTS } from "../../loaders/schema.ts";
import { openStaging, stagingBestanden } from "../../loaders/db.ts";
import { kanMaken, NODIG, ontbreektZin } from "../../loaders/nodig.ts";
import {
  exportsIn, hoofdstukOntbreektTekst, kanHoofdstuk, ontbrekendVoor, ontbrekendeHoofdstukken, tabellenVan, TABEL_VOLGORDE,
} from "../../loaders/hoofdstukken-nodig.ts";
import { jaarverslagData, jaarverslagTabellen, schooljarenInData } from "../../loaders/marts/jaarverslag.ts";
import { verzamel } from "../../loaders/publish/publicatie.ts";
import { HOOFDSTUKKEN } from "../../src/lib/hoofdstukken.ts";
import { blokken, hoofdstukElement } from "../../src/components/jaarverslag.ts";
import { kerncijfers } from "../../src/lib/jaarverslag-kerncijfers.ts";
import { tijdelijkeMap, ruimDataMappenOp } from "../helpers/datamap.ts";

const ALLE = EXPORTS.map((e) => e.bestand);
const zonder = (...weg: string[]) => new Set(ALLE.filter((b) => !weg.includes(b)));

describe("which chapters a delivery gives (hand-made sets)", () => {
  it("all exports: every chapter, nothing missing", () => {
    expect(ontbrekendeHoofdstukken(new Set(ALLE))).toEqual([]);
    expect(tabellenVan(new Set(ALLE))).toEqual(new Set(TABEL_VOLGORDE));
  });

  it("without inzet.csv: only the chapter Inzet is missing, with the sentence naming the file", () => {
    expect(ontbrekendeHoofdstukken(zonder("inzet.csv"))).toEqual([{
      hoofdstuk: "inzet", titel: "Inzet", bestanden: ["inzet.csv"],
      tekst: "De cijfers voor het hoofdstuk Inzet kunnen hier nog niet getoond worden. Daarvoor is de inzet (fte) van leerplichtambtenaren " +
        "en doorstroomcoaches (het bestand inzet.csv) nodig, en dat bestand zit nog niet in de gegevens die de regio heeft aangeleverd. " +
        "Zodra het is aangeleverd, staan de cijfers hier.",
    }]);
    expect(tabellenVan(zonder("inzet.csv")).has("inzet")).toBe(false);
    expect(kanMaken("jaarverslag", zonder("inzet.csv"))).toBe(true);
  });

  it("only verzuimmeldingen.csv: Verzuim, Thuiszitters and Doorstroompunt; each other chapter names what it lacks, in the contract's order", () => {
    const er = new Set(["verzuimmeldingen.csv"]);
    const te = HOOFDSTUKKEN.filter((h) => h.exports.length && kanHoofdstuk(h.id, er)).map((h) => h.id);
    expect(te).toEqual(["verzuim", "thuiszitters", "doorstroompunt"]);
    expect(ontbrekendVoor("inzet", er)).toEqual(["vsv_trajecten.csv", "inzet.csv"]);
    expect(ontbrekendVoor("bbv", er)).toEqual(["jongeren.csv", "vsv_cijfers.csv"]);
    expect(ontbrekendVoor("verhalen", er)).toEqual([]);
    expect([...tabellenVan(er)].sort()).toEqual(["doorstroompunt_preventief_resultaat", "luxe_verzuim_afhandeling", "thuiszitters",
      "thuiszitters_totaal", "verzuim_per_maand", "verzuimmeldingen"]);
    expect(hoofdstukOntbreektTekst("Inzet", ["vsv_trajecten.csv", "inzet.csv"])).toContain(
      "Daarvoor zijn de trajecten met voortijdig schoolverlaters (het bestand vsv_trajecten.csv) en de inzet (fte) van leerplichtambtenaren " +
      "en doorstroomcoaches (het bestand inzet.csv) nodig, en die bestanden zitten nog niet");
    expect(kanMaken("jaarverslag", er)).toBe(true);
  });

  it("no jaarverslag at all: no chapter with figures (only inzet.csv), or no schooljaar (only the CBS and OCW figures)", () => {
    expect(kanMaken("jaarverslag", new Set(["inzet.csv"]))).toBe(false);
    expect(kanMaken("jaarverslag", new Set(["cbs_risicoscores.csv"]))).toBe(false);
    expect(kanMaken("jaarverslag", new Set(["cbs_risicoscores.csv", "vsv_cijfers.csv"]))).toBe(false);
    expect(kanMaken("jaarverslag", new Set(["vsv_cijfers.csv", "inzet.csv"]))).toBe(true);
    // The other outputs still need all of theirs.
    expect(kanMaken("dashboard", zonder("jikp_monitor.csv"))).toBe(false);
    expect(kanMaken("verdeling", new Set(["cbs_risicoscores.csv"]))).toBe(true);
  });

  it("the registry names only exports of the contract; the jaarverslag needs what its chapters need together", () => {
    for (const h of HOOFDSTUKKEN) for (const b of h.exports) expect(ALLE).toContain(b);
    expect(NODIG.jaarverslag).toEqual(ALLE.filter((b) => HOOFDSTUKKEN.some((h) => (h.exports as readonly string[]).includes(b))));
    expect(hoofdstukOntbreektTekst("Inzet", ["inzet.csv"])).toBe(ontbreektZin("het hoofdstuk Inzet", ["inzet.csv"]));
  });

  it("docs/exports.md lists each chapter's exports as the registry does", () => {
    const docs = readFileSync(join(PROJECT_ROOT, "docs", "exports.md"), "utf8");
    const tabel = docs.slice(docs.indexOf("<!-- hoofdstukken:begin"), docs.indexOf("<!-- hoofdstukken:end"));
    const regels = tabel.split("\n").filter((r) => r.startsWith("| ") && !r.startsWith("| hoofdstuk"));
    expect(regels.map((r) => r.split("|")[1].trim())).toEqual(HOOFDSTUKKEN.map((h) => h.titel));
    expect(regels.map((r) => [...r.split("|")[2].matchAll(/`([a-z_]+\.csv)`/g)].map((m) => m[1]))).toEqual(HOOFDSTUKKEN.map((h) => [...h.exports]));
  });
});

// ------------------------------------------------------------------ the mart and the publication

const FIXTURE = join(PROJECT_ROOT, "test", "fixtures", "jaarverslag");
const mappen: string[] = [];
afterAll(() => {
  for (const d of mappen) for (const f of stagingBestanden(d)) rmSync(f, { force: true });
  ruimDataMappenOp();
});

/** A copy of the fixture without the given exports. */
function fixtureZonder(...weg: string[]): string {
  const dir = tijdelijkeMap("vsv-hoofdstukken-");
  cpSync(FIXTURE, dir, { recursive: true });
  for (const b of weg) rmSync(join(dir, b));
  mappen.push(dir);
  return dir;
}

/** The definitions (a cell's key before its first dimension: "lp.meldingen|gemeente=…") the publication registered. */
function definities(sleutels: readonly string[]): Set<string> {
  return new Set(sleutels.map((s) => s.split("|")[0]));
}

describe("the mart and the publication layer on a partial delivery", () => {
  for (const weg of [["inzet.csv"], ["jongeren.csv", "vrijstellingen.csv"], ["verzuimmeldingen.csv", "cbs_risicoscores.csv"]]) {
    it(`without ${weg.join(" and ")}: exactly the tables of the chapters that can be made, in the registry's order`, async () => {
      const db = await openStaging(fixtureZonder(...weg));
      try {
        const er = await exportsIn(db);
        expect([...er].sort()).toEqual(ALLE.filter((b) => !weg.includes(b)).sort());
        const sj = (await schooljarenInData(db)).at(-1)!;
        const tabellen = await jaarverslagTabellen(db, sj, { minimumCel: 3 });
        const maak = tabellenVan(er);
        expect(tabellen.map((t) => t.id)).toEqual(TABEL_VOLGORDE.filter((id) => maak.has(id)));
        // The site's data says, per chapter not made, what it needs; its pages show only that.
        const data = await jaarverslagData(db, [sj], { minimumCel: 3 });
        expect(data.ontbreekt).toEqual(ontbrekendeHoofdstukken(er));
        const doc = new JSDOM("<!DOCTYPE html><body></body>").window.document as unknown as Document;
        for (const o of data.ontbreekt!) {
          expect(blokken(data, o.hoofdstuk as never, { schooljaar: sj, gemeente: "REGIO" })).toEqual([]);
          const sectie = hoofdstukElement(data, o.hoofdstuk as never, { schooljaar: sj, gemeente: "REGIO" }, { width: 600, document: doc });
          expect(sectie.textContent).toBe(o.tekst);
          // Framework labels a note "Note": this one says it in Dutch.
          expect(sectie.querySelector(".note")?.getAttribute("label")).toBe("Nog niet aangeleverd");
        }
        // The key figures are made from the chapters that are there (no error, no figure from nothing).
        expect(() => kerncijfers(data, sj, "REGIO", String)).not.toThrow();
      } finally {
        db.close();
      }
    });
  }

  it("the publication registers (and so audits) the cells of the chapters that are made, none of the others", async () => {
    const heel = await openStaging(FIXTURE);
    const deels = await openStaging(fixtureZonder("inzet.csv", "jongeren.csv"));
    try {
      const alle = definities((await verzamel(heel, 3)).sleutels);
      const zonderInzet = definities((await verzamel(deels, 3)).sleutels);
      // The inzet's own cells (trajecten gestart, the caseload) and the jongeren's are gone ...
      for (const d of ["vsv_gestart.gestart", "vsv_open.trajecten"]) {
        expect(alle.has(d), d).toBe(true);
        expect(zonderInzet.has(d), d).toBe(false);
      }
      expect([...zonderInzet].some((d) => d.startsWith("jongeren"))).toBe(false);
      // ... those of the chapters that are made are all there.
      for (const d of ["lp.meldingen", "vsv.trajecten", "vrijstellingen.vrijstellingen", "thuiszitters.jongeren"]) expect(zonderInzet.has(d), d).toBe(true);
    } finally {
      heel.close();
      deels.close();
    }
  });
});
