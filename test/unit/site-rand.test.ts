// Head, header and footer are put into every page by the build, not by Framework (loaders/
// site-rand.ts says why). They must be what Framework itself would have written: the same
// markup after Framework's own rewriting, escaped against a hostile regio.json, in the places
// of Framework's page.
import { describe, it, expect } from "vitest";
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRegio } from "../../loaders/regio.ts";
import { siteRand, randInvoegen } from "../../loaders/site-rand.ts";

// Framework's own HTML rewriting (it ships no types for its internals).
const { rewriteHtml } = (await import("@observablehq/framework/dist/html.js" as string)) as { rewriteHtml: (html: string, resolvers: object) => string };

const VOORBEELD = join(import.meta.dirname, "..", "..", "docs", "voorbeeld");
const regio = loadRegio(VOORBEELD);
const VIJANDIG = {
  ...regio,
  naam: `IJssel<svg onload="window.__x=1">Vecht & 'Co'\u00a0<img src=x>`,
  contact: { naam: `Team "Leerplicht" <b>`, email: `a&b"@example.nl`, telefoon: "038 <1>", url: `https://example.nl/?a=1&b="2"` },
};

describe("siteRand", () => {
  it("is what Framework's own rewriting makes of it, also for a hostile name and contact", () => {
    for (const r of [regio, VIJANDIG]) {
      const rand = siteRand(r, VOORBEELD);
      expect(rewriteHtml(rand.header, {})).toBe(rand.header);
      expect(rewriteHtml(rand.footer, {})).toBe(rand.footer);
      expect(rewriteHtml(rand.head, {})).toBe(rand.head);
    }
  });

  it("shows regio.json's text as text: no element or attribute of it runs", () => {
    const { header, footer } = siteRand(VIJANDIG, VOORBEELD);
    expect(header).toBe('<div class="regio-kop"><span>IJssel&lt;svg onload="window.__x=1"&gt;Vecht &amp; \'Co\'&nbsp;&lt;img src=x&gt;</span></div>');
    expect(footer).not.toMatch(/<(svg|img|b)\b/);
    expect(footer).toContain(`<a href="mailto:a&amp;b%22@example.nl" target="_blank" rel="noopener noreferrer">a&amp;b"@example.nl</a>`);
    expect(footer).toContain(`aantallen kleiner dan ${regio.publicatie.minimumCel} zijn onderdrukt`);
  });
});

describe("the logo", () => {
  const map = () => {
    const dir = mkdtempSync(join(tmpdir(), "vsv-logo-"));
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "data", "logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dir, "geheim.png"), "x");
    writeFileSync(join(dir, "data", "notities.txt"), "x");
    symlinkSync(join(dir, "geheim.png"), join(dir, "data", "link.png"));
    return join(dir, "data");
  };

  it("is inlined from the data directory, so nothing comes from another host", () => {
    expect(siteRand({ ...regio, logo: "logo.png" }, map()).header).toBe(`<div class="regio-kop"><img src="data:image/png;base64,iVBORw==" alt="" height="40"><span>${regio.naam.replace(/&/g, "&amp;")}</span></div>`);
  });

  it("is refused when missing, not an image, or outside the data directory (also through a link)", () => {
    const dir = map();
    expect(() => siteRand({ ...regio, logo: "weg.png" }, dir)).toThrow(`regio.json: logo weg.png staat niet in de datamap ${dir}`);
    expect(() => siteRand({ ...regio, logo: "notities.txt" }, dir)).toThrow("regio.json: logo notities.txt moet een afbeelding zijn (.png, .svg, .jpg, .jpeg, .webp)");
    expect(() => siteRand({ ...regio, logo: "../geheim.png" }, dir)).toThrow(`regio.json: logo ../geheim.png moet in de datamap ${dir} zelf staan`);
    expect(() => siteRand({ ...regio, logo: "link.png" }, dir)).toThrow(`regio.json: logo link.png moet in de datamap ${dir} zelf staan`);
  });
});

describe("randInvoegen", () => {
  // The shape of Framework 1.13's page (render.js), without head, header and footer.
  const pagina = () => `<!DOCTYPE html>\n<html>\n<head>\n<link rel="modulepreload" href="./_observablehq/client.js">\n<script type="module">\nimport {define} from "./_observablehq/client.js";\n</script>\n</head>\n<body>\n<nav id="observablehq-sidebar"></nav>\n<div id="observablehq-center">\n<main id="observablehq-main" class="observablehq">\n<h1>Titel</h1>\n</main>\n</div>\n</body>\n</html>\n`;
  const rand = { head: "<link rel=\"icon\" href=\"data:,\">", header: "<div>kop</div>", footer: "voet" };

  it("puts head, header and footer where Framework puts them", () => {
    expect(randInvoegen(pagina(), rand)).toBe(
      `<!DOCTYPE html>\n<html>\n<head>\n<link rel="modulepreload" href="./_observablehq/client.js">\n<link rel="icon" href="data:,">\n<script type="module">\nimport {define} from "./_observablehq/client.js";\n</script>\n</head>\n<body>\n<nav id="observablehq-sidebar"></nav>\n<div id="observablehq-center">\n<header id="observablehq-header">\n<div>kop</div>\n</header>\n<main id="observablehq-main" class="observablehq">\n<h1>Titel</h1>\n</main>\n<footer id="observablehq-footer">\n<div>voet</div>\n</footer>\n</div>\n</body>\n</html>\n`);
  });

  it("takes $ in the markup literally", () => {
    expect(randInvoegen(pagina(), { ...rand, footer: "$& $1 $$" })).toContain("<div>$& $1 $$</div>");
  });

  it("refuses a page that has them already, or that is not Framework's shape", () => {
    const met = randInvoegen(pagina(), rand);
    expect(() => randInvoegen(met, rand, "a.html")).toThrow("a.html: heeft al een kop of voet van Framework");
    expect(() => randInvoegen(pagina().replace("</main>", ""), rand, "b.html")).toThrow("b.html: </main> niet gevonden");
    expect(() => randInvoegen(pagina().replace('<div id="observablehq-center">', "<div>"), rand, "c.html")).toThrow('c.html: <div id="observablehq-center"> niet gevonden');
  });
});
