// The real build, end to end on the tiny sample (docs/voorbeeld): a regio name full of HTML
// lands on every page as text, every page sends a Content-Security-Policy under which it still
// works in Chromium without a console error, and a build killed (SIGKILL) while Framework runs
// leaves the previous site byte for byte as it was, with nothing that holds up the next build.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { CACHE_DIR, inlineScripts } from "../../scripts/lib/site.ts";
import { serveer, startBrowser, type Bediening } from "../../scripts/lib/browser.ts";
import { controleerPagina } from "../e2e/lib.ts";

const WERK = join(PROJECT_ROOT, "tmp", `publicatie-test-${process.pid}`);
const DATA = join(WERK, "data");
const DIST = join(WERK, "dist");
const NAAM = `IJssel<svg onload="window.__xss=1">Vecht & <img src=x onerror="window.__xss=2">`;

interface Uitkomst { code: number | null; signaal: NodeJS.Signals | null; stderr: string }

/** Starts a build of DATA into DIST; `bijStart` gets the process as soon as it runs. */
function bouw(bijStart?: (p: ReturnType<typeof spawn>) => void): Promise<Uitkomst> {
  return new Promise((klaar) => {
    const p = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", "--data", DATA], {
      cwd: PROJECT_ROOT, env: { ...process.env, VSV_DIST: relative(PROJECT_ROOT, DIST) }, stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    p.stderr!.on("data", (b) => { stderr += b; });
    p.on("close", (code, signaal) => klaar({ code, signaal, stderr }));
    bijStart?.(p);
  });
}

/** regio.json with another name, dated `tijd` (whole seconds, so the same date can be set again exactly). */
function regio(naam: string, tijd = 1_700_000_000): void {
  const pad = join(DATA, "regio.json");
  const r = JSON.parse(readFileSync(pad, "utf8"));
  writeFileSync(pad, JSON.stringify({ ...r, naam }, null, 2));
  utimesSync(pad, tijd, tijd);
}

/** Every file of a folder with the hash of its bytes. */
function inhoud(dir: string): Record<string, string> {
  const uit: Record<string, string> = {};
  const loop = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) loop(p);
      else uit[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  loop(dir);
  return uit;
}

const html = (p: string) => readFileSync(join(DIST, p), "utf8");
const naast = () => readdirSync(WERK).filter((n) => n.startsWith("dist.")).sort();

/** Processes (other than `behalve`) with this text in their environment: Linux /proc. */
function metOmgeving(tekst: string): number[] {
  if (!existsSync("/proc/self/environ")) return [];
  return readdirSync("/proc").filter((n) => /^\d+$/.test(n)).filter((n) => {
    try {
      return readFileSync(`/proc/${n}/environ`, "latin1").split("\0").includes(tekst);
    } catch {
      return false;
    }
  }).map(Number);
}

let eerste: Uitkomst;
beforeAll(async () => {
  rmSync(WERK, { recursive: true, force: true });
  mkdirSync(WERK, { recursive: true });
  cpSync(join(PROJECT_ROOT, "docs", "voorbeeld"), DATA, { recursive: true });
  regio(NAAM);
  eerste = await bouw();
}, 900_000);

afterAll(() => rmSync(WERK, { recursive: true, force: true }));

describe("een regionaam met HTML erin", () => {
  it("bouwt, en staat op elke pagina als tekst", () => {
    expect(eerste.stderr).toMatch(/Site gepubliceerd/);
    expect(eerste.code).toBe(0);
    expect(naast()).toEqual([]);
    for (const p of ["index.html", "gemeente/GM0193.html", "verdeling.html"]) {
      const h = html(p);
      expect(h, p).not.toMatch(/<svg onload|<img src=x/);
      // As text (Framework writes the footer out again: quotes in text need no escaping).
      expect(h, p).toContain('<footer id="observablehq-footer">\n<div>IJssel&lt;svg onload="window.__xss=1"&gt;Vecht &amp; &lt;img src=x');
      expect(h, p).toMatch(/<title>[^<]*IJssel&lt;svg/);
    }
  });

  it("elke pagina heeft een CSP die precies haar eigen inline scripts toestaat", () => {
    for (const p of ["index.html", "gemeente/GM0193.html", "jaarverslag/index.html", "404.html"].filter((p) => existsSync(join(DIST, p)))) {
      const h = html(p);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(h)?.[1];
      expect(csp, p).toBeDefined();
      const scriptSrc = csp!.split("; ").find((d) => d.startsWith("script-src "))!.split(" ").slice(1);
      const hashes = inlineScripts(h).map((s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`);
      expect(scriptSrc.sort(), p).toEqual(["'self'", ...new Set(hashes)].sort());
    }
  });
});

describe("in Chromium", () => {
  let srv: Bediening;
  let browser: Browser;
  beforeAll(async () => {
    srv = await serveer(DIST);
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  it("werken de pagina's onder de CSP zonder consolefout, en draait er niets uit de naam", async () => {
    const problemen: string[] = [];
    for (const p of ["/", "/gemeente/GM0193", "/verdeling", "/jaarverslag/verzuim"]) {
      problemen.push(...await controleerPagina(browser, srv.url, p, { breedte: 1280 }));
    }
    expect(problemen.join("\n")).toBe("");
    const page = await browser.newPage();
    await page.goto(`${srv.url}/`, { waitUntil: "networkidle" });
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("#observablehq-footer").textContent()).toContain(NAAM);
    await page.close();
  }, 180_000);
});

describe("een build die halverwege wordt gestopt", () => {
  it("laat de vorige site onaangeroerd, en de volgende build ruimt op zonder te wachten", async () => {
    const voor = inhoud(DIST);
    regio("Regio van de onderbroken build", 1_700_000_100);
    let nieuw = "";
    const gestopt = await bouw((p) => {
      nieuw = join(WERK, `dist.nieuw-${p.pid}`);
      // Framework's phase: the new folder (made empty by the build) gets its first files.
      const kijk = setInterval(() => {
        try {
          if (readdirSync(nieuw).length > 0) {
            clearInterval(kijk);
            p.kill("SIGKILL");
          }
        } catch { /* not made yet */ }
      }, 25);
      p.on("close", () => clearInterval(kijk));
    });
    expect(gestopt.signaal, gestopt.stderr).toBe("SIGKILL");
    expect(gestopt.stderr).not.toMatch(/Site gepubliceerd/);
    expect(inhoud(DIST)).toEqual(voor);
    expect(naast()).toEqual([basename(nieuw)]);
    // Framework and its loaders went with the build (stop-met-ouder.mjs): nothing writes on.
    const tot = Date.now() + 5000;
    while (metOmgeving(`VSV_DIST=${nieuw}`).length && Date.now() < tot) await new Promise((r) => setTimeout(r, 100));
    expect(metOmgeving(`VSV_DIST=${nieuw}`)).toEqual([]);

    // The next build, on the data of the site in dist/ again: it takes over the lock at once,
    // clears what the killed one left, and finds dist/ exactly as the last good build left it
    // (its files, sizes and times), so it has nothing to do; unless the code changed meanwhile
    // (other work in the checkout), when it builds and publishes that site.
    regio(NAAM);
    const pid = nieuw.slice(nieuw.lastIndexOf("-") + 1);
    const volgende = await bouw();
    expect(volgende.code, volgende.stderr).toBe(0);
    // Its lock is taken over at once (here, or by a build another test or developer started
    // meanwhile, which this one then rightly waits for): never waited on.
    expect(volgende.stderr).not.toMatch(new RegExp(`Wacht: proces ${pid}\\b`));
    expect(volgende.stderr).toMatch(/Resten van een afgebroken build opgeruimd: dist\.nieuw-/);
    expect(naast()).toEqual([]);
    if (/Niets gewijzigd sinds de vorige build/.test(volgende.stderr)) expect(inhoud(DIST)).toEqual(voor);
    else expect(volgende.stderr).toMatch(/Site gepubliceerd/);
    expect(html("index.html")).toContain("IJssel&lt;svg");
    // No leftovers of the killed build's loaders in the cache.
    const rest: string[] = [];
    const loop = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) { if (!n.startsWith("_") || d !== CACHE_DIR) loop(p); }
        else if (n.includes(`.${pid}`)) rest.push(relative(CACHE_DIR, p));
      }
    };
    loop(CACHE_DIR);
    expect(rest).toEqual([]);
  }, 900_000);
});
