// Locks and leftovers (loaders/slot.ts, db.ts): a lock whose holder is gone is taken over at
// once, not after minutes; a waiter whose holder runs says so in Dutch; a killed staging's
// half-written DuckDB file, work folder and lock are cleared by the next staging.
import { describe, it, expect, afterAll } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { metSlot, ruimRestenOp } from "../../loaders/slot.ts";
import { STAGING_DIR, invoerHash, zorgVoorStaging } from "../../loaders/db.ts";
import { dodePid, maakDataMap, ruimDataMappenOp, tijdelijkeMap } from "../helpers/datamap.ts";

const tmp = () => tijdelijkeMap("vsv-slot-");
afterAll(ruimDataMappenOp);


/** A lock as a killed process leaves it: the directory with its owner, not renewed. */
function achtergelatenSlot(slot: string, pid: number): void {
  mkdirSync(slot);
  writeFileSync(join(slot, "eigenaar.json"), JSON.stringify({ pid, host: hostname(), wat: "iets doen", sinds: new Date().toISOString() }));
}

describe("metSlot", () => {
  it("neemt het slot van een gestopt proces meteen over", async () => {
    const slot = join(tmp(), "x.slot");
    achtergelatenSlot(slot, dodePid());
    const meldingen: string[] = [];
    const begin = Date.now();
    expect(await metSlot(slot, { wat: "testen", melding: (m) => meldingen.push(m) }, async () => "gedaan")).toBe("gedaan");
    expect(Date.now() - begin).toBeLessThan(2000);
    expect(meldingen.join("\n")).toMatch(/gestopt\) opgeruimd/);
    expect(existsSync(slot)).toBe(false);
  });

  it("wacht op een lopend proces, zegt dat in het Nederlands, en gaat daarna verder", async () => {
    const slot = join(tmp(), "y.slot");
    let loslaten!: () => void;
    const eerste = metSlot(slot, { wat: "de gegevens klaarzetten" }, () => new Promise<void>((r) => { loslaten = r; }));
    await new Promise((r) => setTimeout(r, 100));
    const meldingen: string[] = [];
    let klaar = false;
    const tweede = metSlot(slot, { wat: "ook iets", melding: (m) => meldingen.push(m) }, async () => { klaar = true; });
    await new Promise((r) => setTimeout(r, 500));
    expect(klaar).toBe(false);
    expect(meldingen[0]).toMatch(new RegExp(`^Wacht: proces ${process.pid} is sinds \\d\\d:\\d\\d:\\d\\d bezig met de gegevens klaarzetten`));
    loslaten();
    await eerste;
    await tweede;
    expect(klaar).toBe(true);
  });

  it("doet het werk niet als een ander het intussen deed", async () => {
    const slot = join(tmp(), "z.slot");
    let gedaan = false;
    await metSlot(slot, { wat: "x", klaar: () => true }, async () => { gedaan = true; });
    expect(gedaan).toBe(false);
  });
});

describe("resten van gestopte processen", () => {
  it("ruimRestenOp verwijdert alleen wat van gestopte processen is", () => {
    const d = tmp();
    const dood = dodePid();
    for (const n of [`a.${dood}.tmp`, `a.${process.pid}.tmp`, `a.${process.ppid}.tmp`, "a.tmp"]) writeFileSync(join(d, n), "");
    expect(ruimRestenOp(d, /\.(?<pid>\d+)\.tmp$/)).toEqual([`a.${dood}.tmp`]);
  });

  it("een afgebroken staging laat slot, DuckDB-bestand en werkmap achter: de volgende ruimt ze op en wacht niet", async () => {
    const data = maakDataMap();
    mkdirSync(STAGING_DIR, { recursive: true });
    const doel = join(STAGING_DIR, `${invoerHash(data)}.duckdb`);
    const dood = dodePid();
    achtergelatenSlot(`${doel}.slot`, dood);
    const tmpDuckdb = `${doel}.${dood}.tmp`;
    writeFileSync(tmpDuckdb, Buffer.alloc(1024));
    writeFileSync(`${tmpDuckdb}.wal`, "");
    const werkmap = mkdtempSync(join(tmpdir(), `vsv-stage-${dood}-`));
    const meldingen: string[] = [];
    const begin = Date.now();
    try {
      expect(await zorgVoorStaging(data, { melding: (m) => meldingen.push(m) })).toBe(doel);
      expect(Date.now() - begin).toBeLessThan(20_000);
      for (const p of [`${doel}.slot`, tmpDuckdb, `${tmpDuckdb}.wal`, werkmap]) expect(existsSync(p), p).toBe(false);
      expect(meldingen.join("\n")).toMatch(/opgeruimd/);
      expect(meldingen.join("\n")).not.toMatch(/Wacht/);
    } finally {
      rmSync(doel, { force: true });
      rmSync(werkmap, { recursive: true, force: true });
    }
  });
});
