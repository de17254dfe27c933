// The verdeling page without a build: Framework's own parser must accept every cell, the page
// may only load data/verdeling.json and use what that loader provides, every name a cell
// uses must be defined (the components' rendering is in verdelingRender.test.ts).
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error Framework ships no types for its internal modules.
import { createMarkdownIt, parseMarkdown } from "@observablehq/framework/dist/markdown.js";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { kleineSite } from "../fixtures/verdeling-klein.ts";

const bron = readFileSync(join(PROJECT_ROOT, "src/verdeling.md"), "utf8");

interface Cel {
  id: string;
  mode: string;
  node: { files: { name: string }[]; imports: { name: string }[]; declarations: { name: string }[] | null; references: { name: string }[] };
}
const pagina = parseMarkdown(bron, { md: createMarkdownIt(), path: "/verdeling" }) as { body: string; code: Cel[] };

// What Framework's runtime and the browser provide to cells.
const INGEBOUWD = new Set([
  "FileAttachment", "display", "view", "resize", "width", "invalidation", "visibility", "now", "Generators", "Mutable",
  "Math", "Number", "Object", "String", "Array", "JSON", "Date", "Set", "Map", "Error", "Boolean", "Infinity", "NaN",
  "document", "window", "URL", "Blob", "console", "Intl", "isFinite", "undefined",
]);

// The loader's output on a hand-made regio: the keys the page may use.
const site = kleineSite();

describe("src/verdeling.md", () => {
  it("parses: every js block is a cell, no syntax error", () => {
    const blokken = bron.match(/^```js$/gm)?.length ?? 0;
    expect(pagina.code.filter((c) => c.mode === "block")).toHaveLength(blokken);
    expect(pagina.body).not.toContain("SyntaxError");
    expect(pagina.code.filter((c) => c.mode === "inline").length).toBeGreaterThan(0);
  });

  it("loads only data/verdeling.json and imports only allowed modules", () => {
    const bestanden = pagina.code.flatMap((c) => c.node.files.map((f) => f.name));
    expect([...new Set(bestanden)]).toEqual(["./data/verdeling.json"]);
    const imports = new Set(pagina.code.flatMap((c) => c.node.imports.map((i) => i.name)));
    for (const i of imports) {
      expect(["@observablehq/inputs", "@observablehq/plot", "htl", "d3"].includes(i) || /^\.\/(components|lib)\/[\w]+\.js$/.test(i), i).toBe(true);
    }
    expect(bron).not.toMatch(/npm:|https?:\/\/|\.csv\(\)|\.parquet\(\)/);
  });

  it("uses no undefined name", () => {
    const gedeclareerd = new Set(pagina.code.flatMap((c) => (c.node.declarations ?? []).map((d) => d.name)));
    for (const c of pagina.code) {
      for (const r of c.node.references) {
        expect(gedeclareerd.has(r.name) || INGEBOUWD.has(r.name), `${r.name} in cel ${c.id}`).toBe(true);
      }
    }
  });

  it("uses only keys the loader provides", () => {
    const sleutels = (re: RegExp) => [...new Set([...bron.matchAll(re)].map((m) => m[1]))];
    for (const k of sleutels(/\bdata\.(\w+)/g)) expect(Object.keys(site), `data.${k}`).toContain(k);
    const jaarSleutels = Object.keys(site.jaren[1]);
    for (const k of sleutels(/\bv\??\.(\w+)/g)) expect(jaarSleutels, `v.${k}`).toContain(k);
    const gemSleutels = Object.keys(site.jaren[1].gemeenten[0]);
    for (const k of sleutels(/\b(?:g|uitlegGemeente|naarBedrag\[0\]|naarBedrag\.at\(-1\))\.(\w+)/g)) expect(gemSleutels, `gemeente.${k}`).toContain(k);
  });
});
