// The jaarverslag tables on a hand-made data directory (test/fixtures/jaarverslag) whose right
// answers were counted by hand from the CSV rows. The fixture's edge cases: a melding on 31 July
// against one on 1 August, a jongere with LRV and ABSOLUUT in one year (M07/M08), doorlopend
// meldingen (open M23, closed after 31 July M24), a traject over three schooljaren (T03), an
// 18-year-old melding (M20 → Doorstroompunt), a vrijstelling on 31 July, a gemeente (GM9003)
// that joins on 2023-01-01, a schooljaar without data on the VSV-peildatum, small cells.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { join, resolve } from "node:path";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { openStaging, type Staging } from "../../loaders/db.ts";
import { GebruikersFout } from "../../loaders/errors.ts";
import {
  jaarverslagTabellen, jaarverslagData, jaarverslagSite, schooljarenInData, leesTeksten, markdownNaarHtml, REGIO,
  type JaarverslagTabel,
} from "../../loaders/marts/jaarverslag.ts";
import { blokken, uitpakken, HOOFDSTUKKEN } from "../../src/components/jaarverslag.ts";
import { jaarverslagHtml } from "../../reports/pdf.ts";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/jaarverslag");
const SJ = "2022-2023";
const VORIG = "2021-2022";

let db: Staging;
let exact: JaarverslagTabel[];
let publiek: JaarverslagTabel[];

beforeAll(async () => {
  db = await openStaging(FIXTURE);
  exact = await jaarverslagTabellen(db, SJ, { minimumCel: 0 });
  publiek = await jaarverslagTabellen(db, SJ, { minimumCel: db.regio.publicatie.minimumCel });
});
afterAll(() => db?.close());

type R = Record<string, unknown>;
/** The tables of the chapters on what the figures mean (loaders/marts/jaarverslag-duiding.ts). */
const DUIDING = new Set(["vsv_verwacht", "bbv", "overstap"]);
function tabel(ts: JaarverslagTabel[], id: string): R[] {
  const t = ts.find((x) => x.id === id);
  if (!t) throw new Error(`tabel ${id} ontbreekt`);
  return t.rijen;
}
/** The one row matching the filter (fails on none or several). */
function rij(ts: JaarverslagTabel[], id: string, filter: R): R {
  const hits = tabel(ts, id).filter((r) => Object.entries(filter).every(([k, v]) => r[k] === v));
  expect(hits, `${id} ${JSON.stringify(filter)}`).toHaveLength(1);
  return hits[0];
}
const w = (ts: JaarverslagTabel[], id: string, filter: R, kolom: string) => rij(ts, id, filter)[kolom];

describe("schooljaren and choices", () => {
  test("schooljaren with data; the 2023-2024 of an open traject alone does not count", async () => {
    expect(await schooljarenInData(db)).toEqual(["2020-2021", "2021-2022", "2022-2023"]);
  });

  test("unknown or malformed schooljaar and gemeente: a Dutch error listing what exists", async () => {
    await expect(jaarverslagTabellen(db, "2030-2031", { minimumCel: 0 })).rejects.toThrow(
      new GebruikersFout("Schooljaar 2030-2031 staat niet in de gegevens. Schooljaren in de gegevens: 2020-2021, 2021-2022, 2022-2023"));
    await expect(jaarverslagTabellen(db, "2022/2023", { minimumCel: 0 })).rejects.toThrow(/schrijf het als 2022-2023/);
    await expect(jaarverslagTabellen(db, "2022-2024", { minimumCel: 0 })).rejects.toThrow(GebruikersFout);
    await expect(jaarverslagTabellen(db, VORIG, { minimumCel: 0, gemeente: "GM9003" })).rejects.toThrow(
      "Gemeente GM9003 (Oostveld) was in 2021-2022 geen lid van de regio. Gemeenten in 2021-2022: GM9001 (Noordbroek), GM9002 (Zuidhaven)");
    await expect(jaarverslagTabellen(db, SJ, { minimumCel: 0, gemeente: "GM0363" })).rejects.toThrow(/staat niet in regio.json.*GM9003 \(Oostveld\)/);
  });

  test("every contract table is there, with rows per member gemeente and a REGIO row", () => {
    const ids = exact.map((t) => t.id);
    for (const id of ["leerlingen", "doelgroepen", "verzuimmeldingen", "luxe_verzuim_afhandeling", "thuiszitters", "vrijstellingen",
      "doorstroompunt_preventief_resultaat", "vsv_resultaat", "vsv_percentage", "inzet"]) expect(ids).toContain(id);
    for (const t of exact) {
      const gemeenten = new Set(t.rijen.map((r) => r.gemeente));
      // What the figures mean follows its marts: a gemeente without a CBS score or a leaver has no row.
      if (DUIDING.has(t.id)) {
        for (const g of gemeenten) expect([REGIO, "LANDELIJK", "GM9001", "GM9002", "GM9003"], t.id).toContain(g);
        expect(gemeenten.has(REGIO), t.id).toBe(true);
      } else {
        expect(gemeenten, t.id).toEqual(new Set(t.id === "vsv_percentage"
          ? [REGIO, "LANDELIJK", "GM9001", "GM9002", "GM9003"] : [REGIO, "GM9001", "GM9002", "GM9003"]));
      }
      for (const r of t.rijen) for (const k of Object.keys(r)) expect(k === "pseudo_id" || k.endsWith("_id"), `${t.id}.${k}`).toBe(false);
    }
    // GM9003 joined on 2023-01-01: no rows for 2021-2022.
    expect(tabel(exact, "verzuimmeldingen").some((r) => r.gemeente === "GM9003" && r.schooljaar === VORIG)).toBe(false);
    expect(tabel(exact, "verzuimmeldingen").some((r) => r.gemeente === "GM9003" && r.schooljaar === SJ)).toBe(true);
  });
});

describe("exact counts (--intern) against the hand count", () => {
  test("leerlingen on the VSV-peildatum (1 October), not on the later peildatum; HO and GEEN are no leerlingen", () => {
    const l = (g: string, o: string) => w(exact, "leerlingen", { gemeente: g, onderwijssoort: o }, "leerlingen");
    expect([l(REGIO, "PO"), l(REGIO, "VO"), l(REGIO, "PRO"), l(REGIO, "MBO_BOL")]).toEqual([6, 8, 1, 1]);
    expect([l("GM9001", "PO"), l("GM9002", "PO")]).toEqual([4, 2]);
    expect(tabel(exact, "leerlingen").some((r) => r.onderwijssoort === "HO" || r.onderwijssoort === "GEEN")).toBe(false);
    expect(tabel(exact, "leerlingen").every((r) => r.peildatum === (r.gemeente === "GM9003" ? "2023-02-01" : "2022-10-01"))).toBe(true);
    expect(exact[0].titel).toMatch(/^Leerlingen per onderwijssoort op 1 oktober 2022 \(de VSV-peildatum\)\. .*Oostveld vanaf 1 januari 2023/);
  });

  test("a gemeente that joins after the peildatum: its leerlingen on its own first peildatum as a member, outside the regio total", () => {
    // GM9003 (Oostveld) joins on 2023-01-01: not 0 on 1 October 2022 but its 3 PO leerlingen on 1 February 2023.
    const l = (g: string, o: string) => <number>w(exact, "leerlingen", { gemeente: g, onderwijssoort: o }, "leerlingen");
    expect([l("GM9003", "PO"), l("GM9003", "VO")]).toEqual([3, 0]);
    // The regio row counts the gemeenten on its own peildatum: GM9001 + GM9002.
    expect(l(REGIO, "PO")).toBe(l("GM9001", "PO") + l("GM9002", "PO"));
    expect(exact[0].titel).toContain("Cijfers op de peildatum (1 oktober 2022) tellen de 2 gemeenten die toen lid waren, zonder Oostveld.");
  });

  test("without data on the VSV-peildatum the latest peildatum of the schooljaar, said in the title", async () => {
    const t = await jaarverslagTabellen(db, VORIG, { minimumCel: 0 });
    expect(t[0].titel).toBe("Leerlingen per onderwijssoort op 1 maart 2022 (laatste peildatum in 2021-2022; geen gegevens op de VSV-peildatum 1 oktober)");
    expect(w(t, "leerlingen", { gemeente: REGIO, onderwijssoort: "PO" }, "leerlingen")).toBe(3);
    expect(w(t, "leerlingen", { gemeente: "GM9002", onderwijssoort: "VO" }, "leerlingen")).toBe(2);
  });

  test("doelgroepen on the same peildatum", () => {
    const d = (g: string, dg: string) => w(exact, "doelgroepen", { gemeente: g, doelgroep: dg }, "jongeren");
    expect(["LEERPLICHTIG", "KWALIFICATIEPLICHTIG", "VSV_NIEUW", "VSV_OUD", "NEET"].map((x) => d("GM9001", x))).toEqual([7, 1, 1, 1, 1]);
    expect(d("GM9002", "LEERPLICHTIG")).toBe(8);
    expect(d(REGIO, "LEERPLICHTIG")).toBe(15);
  });

  test("verzuimmeldingen per soort, this and the previous schooljaar, meldingen and distinct jongeren", () => {
    const v = (g: string, sj: string, reg: string, soort: string) => {
      const r = rij(exact, "verzuimmeldingen", { gemeente: g, schooljaar: sj, regeling: reg, verzuimsoort: soort });
      return [r.meldingen, r.jongeren];
    };
    // j01 has two luxe meldingen: 4 meldingen, 3 jongeren.
    expect(v("GM9001", SJ, "LEERPLICHT", "LUXE")).toEqual([4, 3]);
    // M05 on 1 August 2022 counts in 2022-2023, M26 on 31 July 2022 in 2021-2022.
    expect(v("GM9001", SJ, "LEERPLICHT", "WETTELIJK")).toEqual([3, 3]);
    expect(v("GM9001", VORIG, "LEERPLICHT", "WETTELIJK")).toEqual([1, 1]);
    expect(v(REGIO, SJ, "LEERPLICHT", "LUXE")).toEqual([8, 7]);
    expect(v(REGIO, SJ, "LEERPLICHT", "LRV")).toEqual([3, 3]);
    expect(v(REGIO, SJ, "LEERPLICHT", "ABSOLUUT")).toEqual([1, 1]);
    expect(v(REGIO, VORIG, "LEERPLICHT", "LUXE")).toEqual([2, 2]);
    // M20 is 18 at melddatum: Doorstroompunt, not Leerplicht.
    expect(v("GM9001", SJ, "DOORSTROOMPUNT", "WETTELIJK")).toEqual([2, 2]);
    expect(v(REGIO, SJ, "DOORSTROOMPUNT", "WETTELIJK")).toEqual([5, 5]);
    expect(v(REGIO, SJ, "DOORSTROOMPUNT", "OVERIG")).toEqual([1, 1]);
    // M31 (2020-2021) is in neither year.
    const som = tabel(exact, "verzuimmeldingen").filter((r) => r.gemeente === REGIO).reduce((a, r) => a + (r.meldingen as number), 0);
    expect(som).toBe(25 + 5);
  });

  test("per month: the pre-summer luxe peak, and the months add up to the year", () => {
    const m = (g: string, maand: string, soort: string) => w(exact, "verzuim_per_maand", { gemeente: g, schooljaar: SJ, maand, verzuimsoort: soort }, "meldingen");
    expect(m(REGIO, "2023-07", "LUXE")).toBe(5);
    expect(m(REGIO, "2023-06", "LUXE")).toBe(1);
    expect(m(REGIO, "2022-08", "WETTELIJK")).toBe(1);
    expect(m(REGIO, "2023-07", "TOTAAL")).toBe(5);
    for (const soort of ["WETTELIJK", "LUXE", "OVERIG", "LRV", "ABSOLUUT"]) {
      const jaar = w(exact, "verzuimmeldingen", { gemeente: REGIO, schooljaar: SJ, regeling: "LEERPLICHT", verzuimsoort: soort }, "meldingen");
      const maanden = tabel(exact, "verzuim_per_maand").filter((r) => r.gemeente === REGIO && r.schooljaar === SJ && r.verzuimsoort === soort);
      expect(maanden).toHaveLength(12);
      expect(maanden.reduce((a, r) => a + (r.meldingen as number), 0)).toBe(jaar);
    }
  });

  test("luxe verzuim afhandeling", () => {
    const h = (g: string, x: string) => w(exact, "luxe_verzuim_afhandeling", { gemeente: g, handhaving: x }, "meldingen");
    expect(["GEEN", "GEOORLOOFD", "WAARSCHUWING", "PROCES_VERBAAL", "HALT"].map((x) => h(REGIO, x))).toEqual([1, 1, 4, 1, 1]);
    expect(h("GM9001", "WAARSCHUWING")).toBe(2);
    expect(h("GM9003", "GEEN")).toBe(1);
    // No luxe melding without handhaving: no ONBEKEND row.
    expect(tabel(exact, "luxe_verzuim_afhandeling").some((r) => r.handhaving === "ONBEKEND")).toBe(false);
  });

  test("thuiszitters: LRV and ABSOLUUT in one year counts once, as ABSOLUUT", () => {
    const t = (g: string, s: string, o: string) => w(exact, "thuiszitters", { gemeente: g, soort: s, onderwijssoort: o }, "jongeren");
    expect(t("GM9001", "ABSOLUUT", "GEEN")).toBe(1);
    expect(t("GM9001", "LRV", "VO")).toBe(0);
    expect(t("GM9002", "LRV", "VO")).toBe(1);
    expect(t("GM9002", "LRV", "PRO")).toBe(1);
    const totaal = (s: string) => tabel(exact, "thuiszitters").filter((r) => r.gemeente === REGIO && r.soort === s).reduce((a, r) => a + (r.jongeren as number), 0);
    expect([totaal("ABSOLUUT"), totaal("LRV")]).toEqual([1, 2]);
    const tt = (g: string, s: string) => w(exact, "thuiszitters_totaal", { gemeente: g, soort: s }, "jongeren");
    expect([tt(REGIO, "ABSOLUUT"), tt(REGIO, "LRV"), tt("GM9001", "ABSOLUUT"), tt("GM9001", "LRV"), tt("GM9002", "LRV")]).toEqual([1, 2, 1, 0, 2]);
  });

  test("vrijstellingen: toegekend with begindatum in the schooljaar (31 July still in), 5A/5B/5C plus the others present", () => {
    const v = (g: string, sj: string, a: string) => w(exact, "vrijstellingen", { gemeente: g, schooljaar: sj, artikel: a }, "vrijstellingen");
    expect(["3A", "5A", "5B", "5C"].map((a) => v(REGIO, SJ, a))).toEqual([1, 5, 1, 1]);
    expect(v("GM9001", SJ, "5A")).toBe(3);
    expect(v("GM9001", VORIG, "5A")).toBe(1);
    expect(v(REGIO, VORIG, "5B")).toBe(1);
    expect(new Set(tabel(exact, "vrijstellingen").map((r) => r.artikel))).toEqual(new Set(["3A", "5A", "5B", "5C"]));
  });

  test("Doorstroompunt preventief: resultaat, with DOORLOPEND for open or closed after 31 July", () => {
    const d = (g: string, res: string) => {
      const r = rij(exact, "doorstroompunt_preventief_resultaat", { gemeente: g, resultaat: res });
      return [r.meldingen, r.jongeren];
    };
    expect(d(REGIO, "IN_ONDERWIJS")).toEqual([1, 1]);
    expect(d(REGIO, "UITGESCHREVEN")).toEqual([2, 1]);
    expect(d(REGIO, "VERHUISD")).toEqual([1, 1]);
    expect(d(REGIO, "DOORLOPEND")).toEqual([2, 2]);
    expect(d("GM9002", "DOORLOPEND")).toEqual([2, 2]);
  });

  test("VSV'ers benaderd and their results, a traject counted in every schooljaar it overlaps", async () => {
    const b = (g: string, c: string) => {
      const r = rij(exact, "vsv_benaderd", { gemeente: g, categorie: c });
      return [r.trajecten, r.jongeren];
    };
    expect(b(REGIO, "TOTAAL")).toEqual([9, 8]);
    expect(b(REGIO, "NIEUW")).toEqual([6, 5]);
    expect(b(REGIO, "OUD")).toEqual([3, 3]);
    expect(b(REGIO, "TERUGGELEID_NAAR_ONDERWIJS")).toEqual([3, 3]);
    expect(b(REGIO, "ONDERWIJS_NIET_HAALBAAR")).toEqual([1, 1]);
    expect(b("GM9001", "NIEUW")).toEqual([3, 2]);
    const res = (g: string, r: string) => w(exact, "vsv_resultaat", { gemeente: g, resultaat: r }, "trajecten");
    expect(res(REGIO, "WERK")).toBe(1); // T03 ended in this schooljaar
    expect(res(REGIO, "LOPEND")).toBe(2); // T04 open, T06 ends in 2023-2024
    expect(res(REGIO, "ONDERWIJS_GESTART")).toBe(2);
    expect(rij(exact, "vsv_resultaat", { gemeente: REGIO, resultaat: "ONDERWIJS_AANGEMELD" }).rapportgroep).toBe("TERUGGELEID_NAAR_ONDERWIJS");
    const vorig = await jaarverslagTabellen(db, VORIG, { minimumCel: 0 });
    expect(w(vorig, "vsv_benaderd", { gemeente: REGIO, categorie: "TOTAAL" }, "trajecten")).toBe(2);
    expect(w(vorig, "vsv_resultaat", { gemeente: REGIO, resultaat: "LOPEND" }, "trajecten")).toBe(2);
  });

  test("official VSV percentages: 100 * vsv / deelnemers, 2 decimals, half up", () => {
    const p = (g: string, sj: string) => w(exact, "vsv_percentage", { gemeente: g, schooljaar: sj }, "percentage");
    expect(p("LANDELIJK", "2021-2022")).toBe(1.97);
    expect(p("LANDELIJK", "2022-2023")).toBe(2.03);
    expect(p(REGIO, "2022-2023")).toBe(1.92);
    expect(p("GM9002", "2022-2023")).toBe(1.83); // 73 / 4000 = 1,825 %
    expect(p("GM9003", "2022-2023")).toBe(0.67);
    expect(rij(exact, "vsv_percentage", { gemeente: REGIO, schooljaar: "2022-2023" }).code).toBe("99");
    expect(tabel(exact, "vsv_percentage")).toHaveLength(10);
  });

  test("inzet: fte and meldingen or trajecten per fte", () => {
    const i = (g: string, f: string) => rij(exact, "inzet", { gemeente: g, functie: f, schooljaar: SJ });
    expect(i("GM9001", "LEERPLICHTAMBTENAAR")).toMatchObject({ fte: 2, meldingen: 10, meldingen_per_fte: 5 });
    expect(i("GM9002", "LEERPLICHTAMBTENAAR")).toMatchObject({ fte: 1.5, meldingen: 8, meldingen_per_fte: 5.3 });
    expect(i(REGIO, "LEERPLICHTAMBTENAAR")).toMatchObject({ fte: 3.7, meldingen: 19, meldingen_per_fte: 5.1 });
    expect(i("GM9001", "DOORSTROOMCOACH")).toMatchObject({ fte: 1.5, trajecten: 5, trajecten_per_fte: 3.3 });
    expect(i(REGIO, "DOORSTROOMCOACH")).toMatchObject({ fte: 2.5, trajecten: 9, trajecten_per_fte: 3.6 });
    expect(i("GM9003", "DOORSTROOMCOACH")).toMatchObject({ fte: 0, trajecten_per_fte: null });
    expect(i(REGIO, "JOBHUNTER")).toEqual({ gemeente: REGIO, naam: "Testregio Drie Dorpen", schooljaar: SJ, functie: "JOBHUNTER", fte: 0.5 });
  });
});

describe("suppression (minimumCel 3 from regio.json)", () => {
  test("primary: small counts are null with onderdrukt; zero and large counts stay", () => {
    expect(rij(publiek, "leerlingen", { gemeente: "GM9002", onderwijssoort: "PO" })).toMatchObject({ leerlingen: null, onderdrukt: true });
    expect(rij(publiek, "leerlingen", { gemeente: REGIO, onderwijssoort: "VO" })).toMatchObject({ leerlingen: 8 });
    expect(w(publiek, "leerlingen", { gemeente: "GM9003", onderwijssoort: "VO" }, "leerlingen")).toBe(0);
    expect(rij(publiek, "vsv_percentage", { gemeente: "GM9003", schooljaar: SJ })).toMatchObject({ vsv: null, percentage: null, onderdrukt: true });
    // Official figures: no secondary suppression of GM9002 (the regio figure is no sum of gemeenten).
    expect(rij(publiek, "vsv_percentage", { gemeente: "GM9002", schooljaar: SJ })).toMatchObject({ vsv: 73, percentage: 1.83 });
  });

  test("secondary: a part that would follow from the REGIO total is hidden too", () => {
    // PO: GM9001 4, GM9002 2 (primary), REGIO 6 → GM9001 must go as well.
    expect(rij(publiek, "leerlingen", { gemeente: "GM9001", onderwijssoort: "PO" })).toMatchObject({ leerlingen: null, onderdrukt: true });
    // GM9002: PO 2 (primary), VO 5, PRO 1 (primary), total 8 → the total stays, VO goes beside
    // the small ones: a gemeente's number of leerlingen is published.
    expect(w(publiek, "leerlingen", { gemeente: "GM9002", onderwijssoort: "TOTAAL" }, "leerlingen")).toBe(8);
    expect(w(publiek, "leerlingen", { gemeente: "GM9002", onderwijssoort: "VO" }, "leerlingen")).toBe(null);
    // Luxe jongeren: GM9001 3, GM9002 3, GM9003 1 → GM9003 and, on a tie, the first code.
    const j = (g: string) => w(publiek, "verzuimmeldingen", { gemeente: g, schooljaar: SJ, regeling: "LEERPLICHT", verzuimsoort: "LUXE" }, "jongeren");
    expect([j("GM9001"), j("GM9002"), j("GM9003"), j(REGIO)]).toEqual([null, 3, null, 7]);
  });

  test("no published count is 1..minimumCel-1, and no total lets exactly one hidden part be computed back", () => {
    const tellingen = ["leerlingen", "jongeren", "meldingen", "vrijstellingen", "trajecten", "vsv"];
    for (const t of publiek) {
      for (const r of t.rijen) for (const k of tellingen) {
        const v = r[k];
        if (typeof v === "number") expect(v === 0 || v >= 3, `${t.id} ${JSON.stringify(r)}`).toBe(true);
      }
      if (t.id === "vsv_percentage") continue;
      const sleutels = Object.keys(t.rijen[0]).filter((k) => !tellingen.includes(k) && !["naam", "onderdrukt", "peildatum", "fte", "rapportgroep"].includes(k) && !k.endsWith("_fte"));
      for (const k of tellingen) {
        const groepen = new Map<string, R[]>();
        for (const r of t.rijen) {
          if (!(k in r)) continue;
          const key = JSON.stringify(sleutels.filter((s) => s !== "gemeente").map((s) => r[s]));
          groepen.set(key, [...(groepen.get(key) ?? []), r]);
        }
        for (const [key, rows] of groepen) {
          const totaal = rows.find((r) => r.gemeente === REGIO);
          if (!totaal || totaal[k] === null) continue;
          const verborgen = rows.filter((r) => r.gemeente !== REGIO && r[k] === null).length;
          expect(verborgen === 1, `${t.id}.${k} ${key}`).toBe(false);
        }
      }
    }
  });

  test("across tables: the Leerplicht total in inzet never gives back one hidden verzuimsoort", () => {
    for (const g of ["GM9001", "GM9002", "GM9003", REGIO]) {
      const totaal = w(publiek, "inzet", { gemeente: g, functie: "LEERPLICHTAMBTENAAR", schooljaar: SJ }, "meldingen");
      const verborgen = tabel(publiek, "verzuimmeldingen")
        .filter((r) => r.gemeente === g && r.schooljaar === SJ && r.regeling === "LEERPLICHT" && r.meldingen === null).length;
      if (totaal !== null) expect(verborgen, g).not.toBe(1);
    }
    // GM9001: OVERIG, LRV and ABSOLUUT (1 each) are hidden together; whether its total of 10
    // can be shown beside them is the linked audit's call (loaders/publish), not this table's.
    expect(tabel(publiek, "verzuimmeldingen").filter((r) => r.gemeente === "GM9001" && r.schooljaar === SJ && r.regeling === "LEERPLICHT"
      && ["OVERIG", "LRV", "ABSOLUUT"].includes(String(r.verzuimsoort))).every((r) => r.meldingen === null)).toBe(true);
    // GM9003's single melding is hidden, so is its ratio.
    expect(rij(publiek, "inzet", { gemeente: "GM9003", functie: "LEERPLICHTAMBTENAAR", schooljaar: SJ })).toMatchObject({ meldingen: null, meldingen_per_fte: null, onderdrukt: true });
  });

  test("--intern (minimumCel 0) changes nothing but the suppression", () => {
    for (const t of exact) {
      const p = publiek.find((x) => x.id === t.id)!;
      expect(p.rijen).toHaveLength(t.rijen.length);
      t.rijen.forEach((r, i) => {
        for (const [k, v] of Object.entries(p.rijen[i])) {
          if (k === "onderdrukt") continue;
          if (v !== null) expect(v, `${t.id}.${k}`).toEqual(r[k]);
        }
      });
      expect(t.rijen.some((r) => r.onderdrukt)).toBe(false);
    }
  });
});

describe("one gemeente's jaarverslag", () => {
  test("--gemeente keeps that gemeente and the REGIO rows, with the regio's suppression", async () => {
    const g = await jaarverslagTabellen(db, SJ, { minimumCel: 3, gemeente: "gm9002" });
    for (const t of g) {
      const verwacht = t.id === "vsv_percentage" || t.id === "bbv" ? ["GM9002", REGIO, "LANDELIJK"] : ["GM9002", REGIO];
      expect(new Set(t.rijen.map((r) => r.gemeente)), t.id).toEqual(new Set(verwacht));
      const alle = publiek.find((x) => x.id === t.id)!.rijen.filter((r) => r.gemeente === "GM9002" || r.gemeente === REGIO || r.gemeente === "LANDELIJK");
      expect(t.rijen).toEqual(alle);
    }
  });
});

describe("the coördinator's texts", () => {
  test("Markdown to HTML: no raw HTML, no images from elsewhere, headings under the chapter heading", () => {
    const t = leesTeksten(FIXTURE, SJ, ["GM9001", "GM9002", "GM9003"]);
    expect(t.teksten.voorwoord).toContain("<h3>Voorwoord</h3>");
    expect(t.teksten.voorwoord).toContain("<strong>testjaarverslag</strong>");
    expect(t.teksten.voorwoord).not.toContain("<script");
    expect(t.teksten.voorwoord).toContain("&lt;script&gt;");
    expect(t.teksten.verhalen).toContain("<h4>Het verhaal van Sam</h4>");
    expect(t.gemeenteTeksten.GM9002.voorwoord).toContain("wethouder van Zuidhaven");
    expect(Object.keys(t.teksten).sort()).toEqual(["verhalen", "verzuim", "voorwoord"]);
    expect(markdownNaarHtml("![foto](http://elders.nl/x.png)")).not.toContain("<img");
    expect(leesTeksten(FIXTURE, VORIG, []).teksten).toEqual({});
  });

  test("an image from the text's own folder goes into the HTML as data; any other is left out with a notice", () => {
    const map = mkdtempSync(join(tmpdir(), "jv-teksten-"));
    try {
      const sj = join(map, "teksten", "2024-2025");
      mkdirSync(sj, { recursive: true });
      const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e000502027f3e2a3c0b0000000049454e44ae426082", "hex");
      writeFileSync(join(sj, "team.png"), png);
      writeFileSync(join(sj, "voorwoord.md"), "![Foto van het team](team.png)\n\n![weg](../geheim.png) ![ver](https://elders.nl/x.png) ![mist](niet-er.png)\n");
      const t = leesTeksten(map, "2024-2025", []);
      expect(t.teksten.voorwoord).toContain(`<img src="data:image/png;base64,${png.toString("base64")}" alt="Foto van het team" class="jv-beeld">`);
      expect(t.teksten.voorwoord).not.toContain("!Foto");
      expect((t.teksten.voorwoord.match(/<img/g) ?? []).length).toBe(1);
      expect(t.meldingen).toEqual([
        "teksten/2024-2025/voorwoord.md: afbeelding ../geheim.png: het bestand moet in dezelfde map staan; weggelaten",
        "teksten/2024-2025/voorwoord.md: afbeelding https://elders.nl/x.png: alleen een bestand in dezelfde map, geen adres of pad; weggelaten",
        "teksten/2024-2025/voorwoord.md: afbeelding niet-er.png: bestand niet gevonden; weggelaten",
      ]);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });
});

describe("site data and chapters", () => {
  test("the site's compact data gives the same chapter tables as the full tables", async () => {
    const kort = await jaarverslagSite(db);
    expect(JSON.stringify(kort)).not.toMatch(/pseudo_id|_id"|"naam","schooljaar"/);
    const site = uitpakken(JSON.parse(JSON.stringify(kort)));
    const vol = await jaarverslagData(db, await schooljarenInData(db), { minimumCel: 3 });
    for (const [sj, jaar] of Object.entries(site.jaren)) {
      // The official figures come later: those tables keep every schooljaar up to this one.
      for (const t of jaar.tabellen) if (!["vsv_percentage", "vsv_verwacht", "bbv"].includes(t.id)) for (const r of t.rijen) if (r.schooljaar !== undefined) expect(r.schooljaar).toBe(sj);
    }
    for (const sj of site.schooljaren) {
      for (const gemeente of [REGIO, ...site.jaren[sj].leden]) {
        for (const h of HOOFDSTUKKEN) {
          const a = blokken(site, h.id, { schooljaar: sj, gemeente }).map((b) => b.tabel);
          const b = blokken(vol, h.id, { schooljaar: sj, gemeente }).map((x) => x.tabel);
          expect(a, `${sj} ${gemeente} ${h.id}`).toEqual(b);
        }
      }
    }
  });

  test("the PDF's HTML shows the published numbers and the texts, and loads nothing from elsewhere", async () => {
    const data = await jaarverslagData(db, [VORIG, SJ], { minimumCel: 3 });
    const html = jaarverslagHtml({ data, keuze: { schooljaar: SJ, gemeente: REGIO }, opgesteld: "2026-11-24", intern: false });
    expect(html).toContain("Opgesteld op 24 november 2026");
    expect(html).toContain("Testregio Drie Dorpen");
    expect(html).toContain("<strong>testjaarverslag</strong>");
    // The peak is named only from published months (all of them hidden: no peak at all).
    expect(html).toMatch(/(piekt luxe verzuim in \w+ met \d+ meldingen\.|Het verloop van de meldingen over de maanden van 2022-2023\.)/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/<script/);
    // The luxe row of the verzuim table shows the published cells: meldingen and jongeren, the
    // previous schooljaar first, • where hidden.
    const luxe = (sj: string) => data.jaren[SJ].tabellen.find((t) => t.id === "verzuimmeldingen")!.rijen
      .find((r) => r.gemeente === REGIO && r.schooljaar === sj && r.regeling === "LEERPLICHT" && r.verzuimsoort === "LUXE")!;
    const cel = (v: unknown) => (v === null ? "•" : String(v));
    expect(html).toContain(`<th scope="row">Luxe verzuim</th><td>${cel(luxe(VORIG).meldingen)}</td><td>${cel(luxe(SJ).meldingen)}</td>` +
      `<td>${cel(luxe(VORIG).jongeren)}</td><td>${cel(luxe(SJ).jongeren)}</td>`);
    // The page of key figures: each card the published cell (the Leerplicht total beside the
    // fte, the thuiszitters' total), • where that is suppressed.
    const cel3 = (id: string, f: R, k: string) => {
      const r = data.jaren[SJ].tabellen.find((t) => t.id === id)!.rijen.find((x) => x.gemeente === REGIO && x.schooljaar === SJ && Object.entries(f).every(([a, b]) => x[a] === b))!;
      return r[k] === null ? "•" : String(r[k]);
    };
    const kaart = (id: string) => new RegExp(`<div class="kern-kaart" id="kern-${id}"><h3>[^<]*</h3><p class="kern-groot">([^<]*)</p>`).exec(html)?.[1];
    expect(kaart("verzuimmeldingen")).toBe(cel3("inzet", { functie: "LEERPLICHTAMBTENAAR" }, "meldingen"));
    expect(kaart("thuiszitters")).toBe(cel3("thuiszitters_totaal", { soort: "TOTAAL" }, "jongeren"));
    expect(kaart("vsv_benaderd")).toBe(cel3("vsv_benaderd", { categorie: "TOTAAL" }, "jongeren"));
    const gem = jaarverslagHtml({ data: await jaarverslagData(db, [VORIG, SJ], { minimumCel: 3, gemeente: "GM9002" }),
      keuze: { schooljaar: SJ, gemeente: "GM9002" }, opgesteld: "2026-11-24", intern: false });
    expect(gem).toContain("Gemeente Zuidhaven");
    expect(gem).toContain("wethouder van Zuidhaven");
    // Oostveld joined in 2023: its jaarverslag compares with the regio only, the previous year shows "–".
    const oost = await jaarverslagData(db, [VORIG, SJ], { minimumCel: 3, gemeente: "GM9003" });
    expect(oost.jaren[VORIG].leden).toEqual([]);
    expect(oost.jaren[VORIG].tabellen.every((t) => t.rijen.every((r) => r.gemeente === REGIO || r.gemeente === "LANDELIJK"))).toBe(true);
    const blok = blokken(oost, "vrijstellingen", { schooljaar: SJ, gemeente: "GM9003" })[0];
    expect(blok.tabel.rijen.find((r) => r.categorie === "Artikel 5 onder a (lichamelijke of psychische gronden)"))
      .toEqual({ categorie: "Artikel 5 onder a (lichamelijke of psychische gronden)", vrijstellingen_vorig: null, vrijstellingen_nu: "•", vrijstellingen_regio: 5 });
  });
});
