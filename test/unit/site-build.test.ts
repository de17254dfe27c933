// The build never serves stale loader output: any change to the data or to loader code
// changes the inputs' hash, and a changed hash empties Framework's loader cache.
import { describe, it, expect } from "vitest";
import { cpSync, mkdtempSync, writeFileSync, mkdirSync, existsSync, utimesSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { siteInvoerHash, leegCacheBijWijziging, htmlBijwerken, zoekenBijwerken } from "../../scripts/lib/site.ts";

const VOORBEELD = join(import.meta.dirname, "..", "..", "docs", "voorbeeld");

function kopie(): string {
  const dir = mkdtempSync(join(tmpdir(), "vsv-site-"));
  cpSync(VOORBEELD, dir, { recursive: true });
  return dir;
}

describe("cache van de data loaders", () => {
  it("de invoer-hash verandert als een export verandert, en niet zonder wijziging", () => {
    const dir = kopie();
    const a = siteInvoerHash(dir);
    expect(siteInvoerHash(dir)).toBe(a);
    writeFileSync(join(dir, "inzet.csv"), "schooljaar,gemeente_code,functie,fte\n2025-2026,GM0193,JOBHUNTER,1\n");
    expect(siteInvoerHash(dir)).not.toBe(a);
  });

  it("een gewijzigde hash leegt de opgeslagen loader-uitkomsten maar niet Framework's modules", () => {
    const cache = mkdtempSync(join(tmpdir(), "vsv-cache-"));
    mkdirSync(join(cache, "data"));
    writeFileSync(join(cache, "data", "dashboard.json"), "{}");
    mkdirSync(join(cache, "_node"));
    const stil = () => {};
    expect(leegCacheBijWijziging("a", cache, stil)).toBe(true);
    expect(existsSync(join(cache, "data", "dashboard.json"))).toBe(false);
    expect(existsSync(join(cache, "_node"))).toBe(true);
    mkdirSync(join(cache, "data"));
    writeFileSync(join(cache, "data", "dashboard.json"), "{}");
    expect(leegCacheBijWijziging("a", cache, stil)).toBe(false);
    expect(existsSync(join(cache, "data", "dashboard.json"))).toBe(true);
    expect(leegCacheBijWijziging("b", cache, stil)).toBe(true);
    expect(existsSync(join(cache, "data", "dashboard.json"))).toBe(false);
  });

  it("een export met dezelfde grootte maar een nieuwe wijzigingstijd telt als gewijzigd", () => {
    const dir = kopie();
    const a = siteInvoerHash(dir);
    const t = new Date(Date.now() + 5000);
    utimesSync(join(dir, "jongeren.csv"), t, t);
    expect(siteInvoerHash(dir)).not.toBe(a);
  });
});

describe("HTML na de build", () => {
  const framework = `<!DOCTYPE html>\n<html>\n<head>\n<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">\n` +
    `</head><body><input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">\n<nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <li>x</li>\n  </ol></nav></body></html>`;
  it("krijgt lang=nl, staat zoomen toe en heeft geldige lijsten", () => {
    const uit = htmlBijwerken(framework);
    expect(uit).toContain('<html lang="nl">');
    expect(uit).not.toContain("maximum-scale");
    expect(uit).toMatch(/<\/label>\s*<ol>\s*<li>/);
    expect(htmlBijwerken(uit)).toBe(uit);
  });
});

describe("zoeken in het Nederlands", () => {
  const bron = readFileSync(join(PROJECT_ROOT, "node_modules", "@observablehq", "framework", "dist", "client", "search.js"), "utf8");
  it("het zoekveld heet Zoeken", () => {
    const uit = htmlBijwerken('<nav><div id="observablehq-search"><input type="search" placeholder="Search"></div></nav>');
    expect(uit).toContain('<input type="search" placeholder="Zoeken" aria-label="Zoeken op deze site">');
  });
  it("de uitkomsten van Framework's zoekfunctie, zoals geschreven en geminimaliseerd, in het Nederlands", async () => {
    const { transformSync } = await import("esbuild");
    for (const js of [bron, transformSync(bron, { minify: true, format: "esm" }).code]) {
      const uit = zoekenBijwerken(js);
      expect(uit).not.toMatch(/no results|"en-US"|} result\$/);
      // The result line, evaluated as the client does: "1 resultaat", "1.234 resultaten".
      const regel = /`<div>\$\{([^`]*?)\}<\/div><ol>/.exec(uit)![0];
      const maak = (n: number) => new Function("e", "results", `return ${regel.replace(/<ol>$/, "")}\``)({ length: n }, { length: n });
      expect([maak(1), maak(1234)]).toEqual(["<div>1 resultaat</div>", "<div>1.234 resultaten</div>"]);
      expect(uit).toContain("<div>geen resultaten</div>");
      expect(zoekenBijwerken(uit)).toBe(uit);
    }
  });
});
