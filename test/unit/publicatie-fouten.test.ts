// Mistakes of the user and problems of the computer end in a Dutch message that names the
// path and what to do, never in a stack trace (loaders/errors.ts runMain, reports/cli.ts,
// scripts/build.ts); reports are written all or nothing, and an internal report is never
// written into the site's folder.
import { describe, it, expect, afterAll, vi } from "vitest";
import { spawn } from "node:child_process";
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { osFoutTekst, runMain, leesOpties, GebruikersFout } from "../../loaders/errors.ts";
import { schrijfAtomisch, weigerInSite } from "../../reports/cli.ts";
import { PROJECT_ROOT } from "../../loaders/config.ts";

const mappen: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "vsv-fout-"));
  mappen.push(d);
  return d;
};
afterAll(() => { for (const d of mappen) rmSync(d, { recursive: true, force: true }); });

/** The error `f` throws. */
function fout(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("geen fout");
}

describe("fouten van het besturingssysteem in het Nederlands", () => {
  it("noemt het pad en wat te doen, voor echte fouten", () => {
    const d = tmp();
    writeFileSync(join(d, "bestand"), "x");
    symlinkSync(join(d, "lus2"), join(d, "lus1"));
    symlinkSync(join(d, "lus1"), join(d, "lus2"));
    const gevallen: [unknown, RegExp][] = [
      [fout(() => readFileSync(join(d, "weg.json"))), /weg\.json bestaat niet/],
      [fout(() => openSync(d, "w")), /er staat een map waar een bestand nodig is \(/],
      [fout(() => mkdirSync(join(d, "bestand", "sub"))), /een deel van dit pad is een bestand, geen map/],
      [fout(() => mkdirSync(join(d, "bestand"))), /bestand bestaat al en staat in de weg/],
      [fout(() => readFileSync(join(d, "lus1"))), /verwijzen in een kring/],
    ];
    for (const [e, re] of gevallen) {
      const t = osFoutTekst(e);
      expect(t, String(e)).toMatch(re);
      expect(t).toContain(d);
    }
  });

  it("kent ook geen-toestemming, alleen-lezen en een volle schijf (Node's en DuckDB's vorm)", () => {
    const e = (code: string) => Object.assign(new Error(code), { code, path: "/srv/site" });
    expect(osFoutTekst(e("EACCES"))).toMatch(/geen toestemming voor \/srv\/site/);
    expect(osFoutTekst(e("EPERM"))).toMatch(/op \/srv\/site niet toe/);
    // Reading a folder as a file reports no path: the message still reads well.
    expect(osFoutTekst(fout(() => readFileSync(tmp())))).toBe("er staat een map waar een bestand nodig is; is het een snelkoppeling naar een map? Geef het pad van een bestand.");
    expect(osFoutTekst(e("EROFS"))).toMatch(/\/srv\/site staat op een schijf waarop niet geschreven mag worden/);
    expect(osFoutTekst(e("ENOSPC"))).toMatch(/de schijf is vol \(bij \/srv\/site\)\. Maak ruimte vrij/);
    expect(osFoutTekst(new Error('IO Error: Could not write file "/x/s.duckdb": No space left on device'))).toMatch(/schijf is vol \(bij \/x\/s\.duckdb\)/);
    expect(osFoutTekst(new Error("gewone bug"))).toBeNull();
  });

  it("runMain toont de melding zonder stack trace en stopt met code 1; een bug houdt zijn stack", async () => {
    const uit: string[] = [];
    const schrijf = vi.spyOn(process.stderr, "write").mockImplementation((s) => { uit.push(String(s)); return true; });
    const stop = vi.spyOn(process, "exit").mockImplementation(((code: number) => { throw new Error(`exit ${code}`); }) as never);
    try {
      await expect(runMain(async () => { readFileSync("/bestaat/niet/regio.json"); })).rejects.toThrow("exit 1");
      expect(uit.join("")).toBe("Fout: /bestaat/niet/regio.json bestaat niet (of is een snelkoppeling naar iets dat niet meer bestaat). Controleer het pad.\n");
      await expect(runMain(async () => { throw new TypeError("bug"); })).rejects.toThrow("bug");
    } finally {
      schrijf.mockRestore();
      stop.mockRestore();
    }
  });

  it("een onbekende optie in het Nederlands, met de bekende opties", () => {
    const opties = { out: { type: "string" }, intern: { type: "boolean" } } as const;
    expect(() => leesOpties(opties, ["--x"])).toThrow("Onbekende optie --x; bekende opties: --out …, --intern");
    expect(() => leesOpties(opties, ["--out"])).toThrow(/De optie --out mist een waarde/);
    expect(() => leesOpties(opties, ["--intern=ja"])).toThrow(/De optie --intern neemt geen waarde/);
    expect(() => leesOpties(opties, ["los"])).toThrow(/Onverwacht argument "los"/);
    expect(leesOpties(opties, ["--out", "a", "--intern"])).toEqual({ out: "a", intern: true });
  });
});

describe("rapporten schrijven", () => {
  it("alles of niets: bij een fout halverwege blijven de oude bestanden en gaan de tijdelijke weg", () => {
    const d = tmp();
    writeFileSync(join(d, "a.json"), "oud");
    // A real full disk: the temp file of b is a link to /dev/full (ENOSPC on write).
    symlinkSync("/dev/full", join(d, `.b.json.${process.pid}.tmp`));
    const e = fout(() => schrijfAtomisch(d, { "a.json": "nieuw", "b.json": "nieuw" }));
    expect(osFoutTekst(e)).toMatch(/de schijf is vol/);
    expect(readFileSync(join(d, "a.json"), "utf8")).toBe("oud");
    expect(readdirSync(d)).toEqual(["a.json"]);
  });

  it("--out die een bestand is, of een doel dat een map is: een duidelijke melding", () => {
    const d = tmp();
    writeFileSync(join(d, "bestand"), "");
    expect(() => schrijfAtomisch(join(d, "bestand"), { "a.json": "x" })).toThrow(/is een bestand, geen map/);
    mkdirSync(join(d, "uit", "a.json"), { recursive: true });
    expect(() => schrijfAtomisch(join(d, "uit"), { "a.json": "x" })).toThrow(/is een map; daar moet het bestand a\.json komen/);
  });

  it("ruimt tijdelijke bestanden van een gestopt proces op", () => {
    const d = tmp();
    writeFileSync(join(d, ".a.json.999999999.tmp"), "half");
    schrijfAtomisch(d, { "a.json": "x" });
    expect(readdirSync(d)).toEqual(["a.json"]);
  });

  it("een interne rapportage niet in de map van de site, ook niet via een snelkoppeling", () => {
    expect(() => weigerInSite(join(PROJECT_ROOT, "dist", "intern"))).toThrow(GebruikersFout);
    expect(() => weigerInSite(join(PROJECT_ROOT, "dist"))).toThrow(/ligt in de map van de site/);
    expect(() => weigerInSite(join(PROJECT_ROOT, "distributie"))).not.toThrow();
    // The site built elsewhere (VSV_DIST), reached through a link.
    const d = tmp();
    const site = join(d, "site");
    mkdirSync(site);
    symlinkSync(site, join(d, "link"));
    const vorige = process.env.VSV_DIST;
    process.env.VSV_DIST = site;
    try {
      expect(() => weigerInSite(join(d, "link", "intern"))).toThrow(/ligt in de map van de site/);
      expect(() => weigerInSite(join(d, "uitvoer"))).not.toThrow();
    } finally {
      if (vorige === undefined) delete process.env.VSV_DIST;
      else process.env.VSV_DIST = vorige;
    }
  });
});

/** Runs a command of the project; resolves with its exit code and stderr. */
function draai(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((klaar) => {
    const p = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    p.stderr.on("data", (b) => { stderr += b; });
    p.on("close", (code) => klaar({ code, stderr }));
  });
}

describe("de opdrachten zelf", () => {
  it("melden elke fout in het Nederlands, zonder stack trace", async () => {
    const d = tmp();
    symlinkSync(join(d, "bestaat-niet"), join(d, "dangling"));
    const regioIsMap = join(d, "regio-map");
    cpSync(join(PROJECT_ROOT, "docs", "voorbeeld"), regioIsMap, { recursive: true });
    rmSync(join(regioIsMap, "regio.json"));
    mkdirSync(join(d, "ergens"));
    symlinkSync(join(d, "ergens"), join(regioIsMap, "regio.json"));
    writeFileSync(join(d, "bestand"), "");
    const gevallen: [string[], RegExp][] = [
      [["scripts/build.ts", "--onbekend"], /^Fout: Onbekende optie --onbekend; bekende opties: --data …, --dev\n$/],
      [["scripts/build.ts", "--data", join(d, "dangling")], /^Fout: De datamap .*dangling bestaat niet \(het is een snelkoppeling naar iets dat niet meer bestaat\)/],
      [["scripts/build.ts", "--data", join(d, "bestand")], /^Fout: De datamap .*bestand is een bestand, geen map/],
      [["reports/verdeling.ts", "--jaar", "2026", "--x"], /^Fout: Onjuiste opdracht: Onbekende optie --x; bekende opties: --jaar …, --out …, --data …\n$/],
      [["reports/verdeling.ts", "--jaar", "2026", "--out", join(d, "uit"), "--data", regioIsMap], /^Fout: .*regio\.json is een map \(of een snelkoppeling naar een map\); daar hoort het bestand regio\.json/],
      [["reports/jaarverslag.ts", "--schooljaar", "2025-2026", "--intern", "--out", "dist/intern"], /^Fout: --out dist\/intern ligt in de map van de site/],
      [["reports/monitor.ts", "--moment", "2026-02-01", "--out", "dist/monitor"], /^Fout: --out dist\/monitor ligt in de map van de site/],
    ];
    const uitkomsten = await Promise.all(gevallen.map(([a]) => draai(a)));
    uitkomsten.forEach(({ code, stderr }, i) => {
      expect(stderr, gevallen[i][0].join(" ")).toMatch(gevallen[i][1]);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(code).toBe(1);
    });
    expect(existsSync(join(PROJECT_ROOT, "dist", "intern"))).toBe(false);
  }, 120_000);
});
