// Staging per export (issue 17): a new delivery of one export restages that export only; a
// change of regio.json restages all (its gemeenten and their membership are rules of every
// export); a failing export leaves the staging as it was; and a partial delivery stages what
// is there (issue 13).
import { describe, it, expect, afterAll } from "vitest";
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  exportStagingPad, invoerHash, openStaging, STAGING_DIR, stagedTabellen, zorgVoorStagingVerslag,
} from "../../loaders/db.ts";
import { ValidatieFout } from "../../loaders/errors.ts";
import { EXPORTS } from "../../loaders/schema.ts";
import { aanwezig, ontbrekend } from "../../loaders/nodig.ts";
import {
  CSV_BESTANDEN, maakDataMap, metRegels, rij, ruimDataMappenOp, STANDAARD_REGIO,
} from "../helpers/datamap.ts";

const stil = { melding: () => {} };
const opgeruimd: string[] = [];

/** The project's staging files of `dir` (combined, its list, the exports' own), removed after the tests. */
function onthoud(dir: string): void {
  opgeruimd.push(join(STAGING_DIR, `${invoerHash(dir)}.duckdb`), join(STAGING_DIR, `${invoerHash(dir)}.bronnen.json`));
  for (const b of CSV_BESTANDEN) if (existsSync(join(dir, b))) opgeruimd.push(exportStagingPad(dir, b));
}

afterAll(() => {
  for (const p of opgeruimd) rmSync(p, { force: true });
  ruimDataMappenOp();
});

/** A file rewritten with a later modification time (a new delivery). */
function lever(dir: string, bestand: string, inhoud: string, seconden: number): void {
  const pad = join(dir, bestand);
  writeFileSync(pad, inhoud);
  const t = new Date(Date.now() + seconden * 1000);
  utimesSync(pad, t, t);
}

describe("staging per export", () => {
  it("a new delivery of one export restages that export only, and the data show the new rows", async () => {
    const dir = maakDataMap();
    onthoud(dir);
    const eerste = await zorgVoorStagingVerslag(dir, stil);
    expect(eerste.opnieuw).toEqual(EXPORTS.map((e) => e.bestand));
    const voor = Object.fromEntries(CSV_BESTANDEN.map((b) => [b, statSync(exportStagingPad(dir, b)).mtimeMs]));

    lever(dir, "verzuimmeldingen.csv", metRegels("verzuimmeldingen.csv", rij("verzuimmeldingen.csv", { melding_id: "MNIEUW" })), 5);
    onthoud(dir);
    const tweede = await zorgVoorStagingVerslag(dir, stil);
    expect(tweede.pad).not.toBe(eerste.pad);
    expect(tweede.opnieuw).toEqual(["verzuimmeldingen.csv"]);
    for (const b of CSV_BESTANDEN.filter((x) => x !== "verzuimmeldingen.csv")) {
      expect(statSync(exportStagingPad(dir, b)).mtimeMs).toBe(voor[b]);
    }
    // Unchanged inputs: nothing staged at all.
    expect((await zorgVoorStagingVerslag(dir, stil)).opnieuw).toEqual([]);

    const db = await openStaging(dir);
    try {
      const ids = (await db.all<{ id: string }>("SELECT melding_id AS id FROM verzuim_def ORDER BY 1")).map((r) => r.id);
      expect(ids).toEqual(["M1", "M2", "MNIEUW"]);
      // What spans exports is made when they are combined: trajecten per schooljaar run to the
      // date of all the data, and the jongeren counts come from jongeren's own staging.
      const [m] = await db.all("SELECT data_datum FROM meta");
      expect(m.data_datum).toBe("2026-02-01");
      const [t] = await db.all("SELECT count(*)::INTEGER AS n FROM traject_schooljaar");
      expect(t.n).toBe(2); // T1: 2024-2025 and 2025-2026 (it ends on 2025-09-30)
      const [j] = await db.all("SELECT SUM(jongeren)::INTEGER AS n FROM jongeren_telling");
      expect(j.n).toBe(3);
    } finally {
      db.close();
    }
  });

  it("a changed regio.json restages every export: membership is checked again in each", async () => {
    const dir = maakDataMap();
    onthoud(dir);
    await zorgVoorStagingVerslag(dir, stil);
    // GM0200 now leaves the regio after 2025-06-30: its rows after that date are refused.
    const regio = { ...STANDAARD_REGIO, gemeenten: STANDAARD_REGIO.gemeenten.map((g) => (g.code === "GM0200" ? { ...g, tot: "2025-06-30" } : g)) };
    lever(dir, "regio.json", JSON.stringify(regio), 5);
    onthoud(dir);
    const fout = await zorgVoorStagingVerslag(dir, stil).then(() => null, (e) => e);
    expect(fout).toBeInstanceOf(ValidatieFout);
    const bestanden = new Set((fout as ValidatieFout).bevindingen.map((b) => b.bestand));
    expect([...bestanden].sort()).toEqual(["jongeren.csv", "verzuimmeldingen.csv"]);
    expect((fout as ValidatieFout).bevindingen[0].verwacht).toContain("lid tot en met 30 juni 2025");
    // Nothing combined from a delivery with a finding; the exports that passed are kept.
    expect(existsSync(join(STAGING_DIR, `${invoerHash(dir)}.duckdb`))).toBe(false);
    expect(existsSync(exportStagingPad(dir, "inzet.csv"))).toBe(true);
    expect(existsSync(exportStagingPad(dir, "jongeren.csv"))).toBe(false);
  });

  it("a failing new delivery of one export is refused; the corrected one is staged alone", async () => {
    const dir = maakDataMap();
    onthoud(dir);
    await zorgVoorStagingVerslag(dir, stil);
    lever(dir, "inzet.csv", metRegels("inzet.csv", rij("inzet.csv", { fte: "veel" })), 5);
    onthoud(dir);
    await expect(zorgVoorStagingVerslag(dir, stil)).rejects.toThrow(/inzet\.csv, regel 3, kolom fte/);
    lever(dir, "inzet.csv", metRegels("inzet.csv", rij("inzet.csv", { fte: "2.5" })), 10);
    onthoud(dir);
    expect((await zorgVoorStagingVerslag(dir, stil)).opnieuw).toEqual(["inzet.csv"]);
  });

  it("a partial delivery stages what is there; each output knows what it lacks", async () => {
    const alleen = Object.fromEntries(CSV_BESTANDEN.filter((b) => b !== "cbs_risicoscores.csv").map((b) => [b, null]));
    const dir = maakDataMap(alleen);
    onthoud(dir);
    const meldingen: string[] = [];
    await zorgVoorStagingVerslag(dir, { melding: (m) => meldingen.push(m) });
    expect(meldingen.filter((m) => m.includes("staat niet in de datamap"))).toHaveLength(7);
    const db = await openStaging(dir);
    try {
      expect([...(await aanwezig(db))]).toEqual(["cbs_risicoscores.csv"]);
      expect(await ontbrekend(db, "verdeling")).toEqual([]);
      expect(await ontbrekend(db, "monitor")).toEqual(["jikp_monitor.csv"]);
      const tabellen = await stagedTabellen(db);
      expect(tabellen.has("jongeren_def")).toBe(false);
      expect(tabellen.has("verzuim_def")).toBe(false);
      const [m] = await db.all("SELECT data_datum FROM meta");
      expect(m.data_datum).toBeNull();
      const [n] = await db.all("SELECT count(*)::INTEGER AS n FROM cbs_risicoscores");
      expect(n.n).toBe(2);
    } finally {
      db.close();
    }
  });

  it("a command that needs one export stages that one only: a finding elsewhere does not stop it", async () => {
    const dir = maakDataMap({ "jongeren.csv": metRegels("jongeren.csv", rij("jongeren.csv", { gemeente_code: "GM9999" })) });
    onthoud(dir);
    const v = await zorgVoorStagingVerslag(dir, { ...stil, alleen: ["cbs_risicoscores.csv"] });
    expect(v.opnieuw).toEqual(["cbs_risicoscores.csv"]);
    opgeruimd.push(v.pad, v.pad.replace(/\.duckdb$/, ".bronnen.json"));
    expect(JSON.parse(readFileSync(v.pad.replace(/\.duckdb$/, ".bronnen.json"), "utf8")).bronnen).toHaveLength(1);
    await expect(zorgVoorStagingVerslag(dir, stil)).rejects.toThrow(/jongeren\.csv, regel 5, kolom gemeente_code/);
  });
});
