// Publishing the site safely (scripts/lib/site.ts): every page gets a Content-Security-Policy
// that allows exactly its own inline scripts, no id of the input may stand in the new site,
// and the new site replaces dist/ only by renames, with the leftovers of a killed build
// cleared (the previous site put back when the swap itself was cut off).
import { describe, it, expect, afterAll } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tableToIPC, tableFromArrays } from "apache-arrow";
import {
  inlineScripts, metCsp, zoekIds, controleerGeenIds, wisselIn, ruimPublicatieRestenOp, nieuweMap, ruimCacheRestenOp, ID_KOLOMMEN,
} from "../../scripts/lib/site.ts";
import { stage } from "../../loaders/stage.ts";
import { controleerGeenIds as controleerKolommen } from "../../loaders/publish.ts";
import { GebruikersFout } from "../../loaders/errors.ts";
import { dodePid, maakDataMap, metRegels, rij, ruimDataMappenOp, tijdelijkeMap } from "../helpers/datamap.ts";

const tmp = (voorvoegsel: string) => tijdelijkeMap(voorvoegsel);
afterAll(ruimDataMappenOp);


const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

describe("Content-Security-Policy", () => {
  const pagina = `<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>x</title>\n` +
    `<script type="module">\nimport {define} from "./_observablehq/client.js";\n</script>\n` +
    `<script src="./_import/a.js"></script>\n</head>\n<body><script>{const e=1;}</script></body></html>`;

  it("staat precies de inline scripts van de pagina toe, scripts verder alleen van de site zelf", () => {
    expect(inlineScripts(pagina)).toEqual([`\nimport {define} from "./_observablehq/client.js";\n`, "{const e=1;}"]);
    const uit = metCsp(pagina);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(uit)![1];
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toBe(`script-src 'self' ${sha(`\nimport {define} from "./_observablehq/client.js";\n`)} ${sha("{const e=1;}")}`);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src [^;]*unsafe|https?:/);
    // Event handler attributes: only htl's placeholder texts "::N", which are no JavaScript.
    const attr = csp.split("; ").find((d) => d.startsWith("script-src-attr "))!.split(" ");
    expect(attr[1]).toBe("'unsafe-hashes'");
    expect(attr).toContain(sha("::3"));
    expect(attr.length).toBe(2 + 32);
    // Directly after the charset, before any script, and only once even when run again.
    expect(uit.indexOf("Content-Security-Policy")).toBeLessThan(uit.indexOf("<script"));
    expect(metCsp(uit)).toBe(uit);
  });

  it("een script dat later in de pagina terechtkomt, valt buiten de toegestane hashes", () => {
    const csp = metCsp(pagina);
    expect(csp).not.toContain(sha("alert(1)"));
  });
});

describe("geen id uit de invoer in de site", () => {
  // Hand-made input: a pseudo_id, a melding_id of two words, a numeric one that cannot be told
  // from a count, and a gemeente whose name contains a column name.
  const data = maakDataMap({
    "verzuimmeldingen.csv": metRegels("verzuimmeldingen.csv",
      rij("verzuimmeldingen.csv", { melding_id: "VZ 2021/7", pseudo_id: "pgeheim42" }),
      rij("verzuimmeldingen.csv", { melding_id: "314", pseudo_id: "pgeheim43" })),
  });
  let staging: Promise<string> | null = null;
  const gestaged = () => (staging ??= (async () => {
    const pad = join(tmp("vsv-pub-stage-"), "s.duckdb");
    await stage(data, pad);
    return pad;
  })());

  function site(bestanden: Record<string, string | Uint8Array>): string {
    const d = tmp("vsv-pub-dist-");
    for (const [naam, inhoud] of Object.entries(bestanden)) {
      mkdirSync(join(d, naam, ".."), { recursive: true });
      writeFileSync(join(d, naam), inhoud);
    }
    return d;
  }

  it("de id-kolommen komen uit het contract: pseudo_id en elke record-id", () => {
    const kolommen = new Set(ID_KOLOMMEN.map((k) => k.kolom));
    expect([...kolommen].sort()).toEqual(["melding_id", "pseudo_id", "traject_id", "vrijstelling_id"]);
  });

  it("een site zonder id's gaat door, ook met 'traject_id' als woord in een gemeentenaam", async () => {
    const d = site({
      "index.html": "<footer>Dorp traject_id · pseudo_id</footer>",
      "_file/data/x.json": JSON.stringify({ n: 314, code: "GM0100", regio: "Testregio", deel: "VZ", jaar: 2021, nr: 7 }),
      // Framework's own code is not read: minified names there look like short ids.
      "_observablehq/client.js": "var pgeheim42=1;",
    });
    const { vondsten, nietGezocht } = await zoekIds(d, await gestaged());
    expect(vondsten).toEqual([]);
    expect(nietGezocht).toBe(1); // "314": only digits, indistinguishable from a count
    await expect(controleerGeenIds(d, await gestaged(), () => {})).resolves.toBeUndefined();
  });

  it("vindt een pseudo_id als woord in JSON, maar niet als deel van een langer woord", async () => {
    expect((await zoekIds(site({ "_file/data/x.json": '{"id":"pgeheim42"}' }), await gestaged())).vondsten)
      .toEqual([{ kolom: "pseudo_id", bestand: join("_file", "data", "x.json") }]);
    expect((await zoekIds(site({ "x.json": '{"id":"pgeheim42x"}' }), await gestaged())).vondsten).toEqual([]);
  });

  it("vindt een id van meer woorden alleen als geheel", async () => {
    expect((await zoekIds(site({ "a.csv": "melding;VZ 2021/7;x" }), await gestaged())).vondsten)
      .toEqual([{ kolom: "melding_id", bestand: "a.csv" }]);
    expect((await zoekIds(site({ "a.csv": "VZ;2021;7" }), await gestaged())).vondsten).toEqual([]);
  });

  it("leest Arrow-bestanden op hun waarden (daar staan strings tegen elkaar aan)", async () => {
    const arrow = tableToIPC(tableFromArrays({ a: ["xx", "pgeheim43", "yy"] }));
    expect((await zoekIds(site({ "_file/t.arrow": arrow }), await gestaged())).vondsten)
      .toEqual([{ kolom: "pseudo_id", bestand: join("_file", "t.arrow") }]);
  });

  it("weigert met een Nederlandse melding die bestand en kolom noemt, niet de waarde", async () => {
    const d = site({ "gemeente/GM0100.html": "<p>pgeheim42</p>" });
    const fout = await controleerGeenIds(d, await gestaged(), () => {}).catch((e) => e);
    expect(fout).toBeInstanceOf(GebruikersFout);
    expect(fout.message).toMatch(/niet gepubliceerd/);
    expect(fout.message).toContain(join("gemeente", "GM0100.html"));
    expect(fout.message).toContain("pseudo_id");
    expect(fout.message).not.toContain("pgeheim42");
  });

  it("weigert een gecomprimeerd bestand, dat niet te controleren is", async () => {
    await expect(controleerGeenIds(site({ "_file/x.zip": "PK" }), await gestaged(), () => {})).rejects.toThrow(/niet op identificerende/);
  });

  it("controleert een PDF of Excel die de build zelf maakte op de tekst waaruit die gemaakt is", async () => {
    const d = site({ "jaarverslag/bestanden/j.pdf": "%PDF-binair", "jaarverslag/bestanden/t.xlsx": "PK" });
    const schoon = new Map([["jaarverslag/bestanden/j.pdf", "<h1>Jaarverslag</h1>"], ["jaarverslag/bestanden/t.xlsx", "Toelichting\nBron"]]);
    await expect(controleerGeenIds(d, await gestaged(), () => {}, schoon)).resolves.toBeUndefined();
    // Only the files the build vouches for: any other xlsx is still refused.
    await expect(controleerGeenIds(d, await gestaged(), () => {}, new Map([["jaarverslag/bestanden/j.pdf", "x"]]))).rejects.toThrow(/t\.xlsx .*niet op identificerende/);
    // An id in the text a PDF was made from stops the build, naming the PDF.
    const vuil = new Map([...schoon, ["jaarverslag/bestanden/j.pdf", "<p>pgeheim42</p>"]]);
    const fout = await controleerGeenIds(d, await gestaged(), () => {}, vuil).catch((e) => e);
    expect(fout).toBeInstanceOf(GebruikersFout);
    expect(fout.message).toContain(join("jaarverslag", "bestanden", "j.pdf"));
    // An id of several words is looked up as a whole in that text too.
    expect((await zoekIds(d, await gestaged(), new Map([...schoon, ["jaarverslag/bestanden/t.xlsx", "melding\nVZ 2021/7"]]))).vondsten)
      .toEqual([{ kolom: "melding_id", bestand: join("jaarverslag", "bestanden", "t.xlsx") }]);
  });

  it("controleerGeenIds van de publicatielaag weigert ook een kolom die gewoon 'id' heet", () => {
    expect(() => controleerKolommen([{ id: 3, n: 5 }], "x")).toThrow(/kolom id/);
    expect(() => controleerKolommen([{ gemeente: "GM0100", n: 5 }], "x")).not.toThrow();
  });
});

describe("publiceren met renames", () => {
  function boom(d: string, inhoud: string) {
    mkdirSync(join(d, "sub"), { recursive: true });
    writeFileSync(join(d, "index.html"), inhoud);
    writeFileSync(join(d, "sub", "a.json"), inhoud);
  }

  it("wisselt de nieuwe site in en ruimt de oude op", () => {
    const ouder = tmp("vsv-pub-swap-");
    const dist = join(ouder, "dist");
    boom(dist, "oud");
    const nieuw = nieuweMap(dist);
    boom(nieuw, "nieuw");
    wisselIn(nieuw, dist);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("nieuw");
    expect(readdirSync(ouder)).toEqual(["dist"]);
  });

  it("ruimt een half gebouwde site van een gestopt proces op, en die van een lopend proces niet", () => {
    const ouder = tmp("vsv-pub-rest-");
    const dist = join(ouder, "dist");
    boom(dist, "vorige");
    boom(nieuweMap(dist, dodePid()), "half");
    boom(nieuweMap(dist, process.ppid), "loopt nog");
    const log: string[] = [];
    ruimPublicatieRestenOp(dist, (m) => log.push(m));
    expect(readdirSync(ouder).sort()).toEqual(["dist", `dist.nieuw-${process.ppid}`]);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("vorige");
    expect(log.join("\n")).toMatch(/opgeruimd/);
  });

  it("zet de vorige site terug als een build tussen de twee renames werd gestopt", () => {
    const ouder = tmp("vsv-pub-terug-");
    const dist = join(ouder, "dist");
    const pid = dodePid();
    boom(join(ouder, `dist.oud-${pid}`), "vorige");
    boom(nieuweMap(dist, pid), "nieuw");
    ruimPublicatieRestenOp(dist, () => {});
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("vorige");
    expect(readdirSync(ouder)).toEqual(["dist"]);
  });

  it("ruimt tijdelijke loader-uitvoer van gestopte builds op in de cache, niet Framework's modules", () => {
    const cache = tmp("vsv-pub-cache-");
    const pid = dodePid();
    mkdirSync(join(cache, "data"));
    mkdirSync(join(cache, "_npm", "x"), { recursive: true });
    for (const f of [`data/dashboard.json.${pid}.voor`, `data/trends.json.${pid}`, `data/trends.json.${pid}.err`, "data/dashboard.json",
      `data/kaart.json.${process.pid}.voor`, `_npm/x/index.${pid}`]) writeFileSync(join(cache, f), "");
    ruimCacheRestenOp(cache);
    expect(readdirSync(join(cache, "data")).sort()).toEqual(["dashboard.json", `kaart.json.${process.pid}.voor`]);
    expect(existsSync(join(cache, "_npm", "x", `index.${pid}`))).toBe(true);
  });
});
