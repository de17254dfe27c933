// The layers, as the developers' guide states them, checked on every import of the project:
// the pipeline (loaders/) imports no UI, scripts or tests; src/lib is the pure core (no DOM,
// no Node, nothing outside itself); the browser code imports no Node code; the pages
// (src/**/*.md) import only src/components and src/lib; and no circles, each named as a path.
import { describe, it, expect } from "vitest";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { STAGING_CODE } from "../../loaders/db.ts";
import {
  leesGraaf, overtredingen, kringen, kringPad, importsVan, paginaCode, afhankelijkheden, type Graaf, type Regel,
} from "../helpers/importgraaf.ts";

const NODE_EN_DOM = ["node:", "fs", "path", "url", "child_process", "htl", "@observablehq/plot", "@observablehq/inputs", "d3", "jsdom", "npm:"];

const REGELS: Regel[] = [
  { van: "loaders", niet: ["src/components", "src/data", "scripts", "reports", "test"], waarom: "de pijplijn gebruikt src/lib, geen UI, scripts, rapporten of tests" },
  { van: "src/lib", niet: ["src/components", "src/data", "loaders", "reports", "scripts", "test", ...NODE_EN_DOM], waarom: "src/lib is puur: geen DOM, geen Node" },
  { van: "src/components", niet: ["src/data", "loaders", "reports", "scripts", "test", "node:"], waarom: "componenten draaien in de browser" },
  // The pages: Framework resolves their imports in the browser, from src/ only.
  { van: /^src\/.*\.md$/, niet: ["src/data", "loaders", "reports", "scripts", "test", "node:", "npm:", "fs", "path"], waarom: "pagina's importeren alleen src/components en src/lib" },
  { van: "src/data", niet: ["src/components", "reports", "scripts", "test"], waarom: "data loaders roepen loaders/marts aan" },
  { van: "reports", niet: ["scripts", "test"], waarom: "rapporten bouwen op loaders en src" },
  { van: "scripts", niet: ["test"], waarom: "scripts importeren geen tests" },
  { van: "observablehq.config.ts", niet: ["src/components", "scripts", "test"], waarom: "de siteconfiguratie leest loaders en src/lib" },
];

describe("the checker itself, on a hand-made graph", () => {
  const g: Graaf = {
    bestanden: ["loaders/a.ts", "loaders/b.ts", "src/components/c.ts", "src/lib/d.ts", "scripts/e.ts", "scripts/f.ts", "src/p.md"],
    kanten: [
      { van: "loaders/a.ts", naar: "src/components/c.ts", dynamisch: false },
      { van: "loaders/a.ts", naar: "src/lib/d.ts", dynamisch: false },
      { van: "loaders/b.ts", naar: "loaders/a.ts", dynamisch: false },
      { van: "loaders/a.ts", naar: "loaders/b.ts", dynamisch: true },
      { van: "scripts/e.ts", naar: "scripts/f.ts", dynamisch: false },
      { van: "scripts/f.ts", naar: "scripts/e.ts", dynamisch: false },
      { van: "src/lib/d.ts", naar: "src/lib/d.ts", dynamisch: false },
      { van: "src/p.md", naar: "src/components/c.ts", dynamisch: false },
      { van: "src/p.md", naar: "loaders/a.ts", dynamisch: false },
    ],
    pakketten: [{ van: "src/lib/d.ts", naam: "node:fs" }, { van: "src/lib/d.ts", naam: "zod" }, { van: "src/lib/d.ts", naam: "d3-array" }, { van: "src/p.md", naam: "htl" }],
  };

  it("names every forbidden direction and forbidden package, and only those", () => {
    expect(overtredingen(g, REGELS)).toEqual([
      "loaders/a.ts importeert src/components/c.ts (de pijplijn gebruikt src/lib, geen UI, scripts, rapporten of tests)",
      "src/lib/d.ts importeert node:fs (src/lib is puur: geen DOM, geen Node)",
      "src/p.md importeert loaders/a.ts (pagina's importeren alleen src/components en src/lib)",
    ]);
  });

  it("finds circles of two files and a file importing itself; a late import() closes none unless asked", () => {
    expect(kringen(g)).toEqual([["scripts/e.ts", "scripts/f.ts"], ["src/lib/d.ts"]]);
    expect(kringen(g, false)).toContainEqual(["loaders/a.ts", "loaders/b.ts"]);
  });

  it("gives a circle as the path a reader follows, back to where it starts", () => {
    expect(kringPad(g, ["scripts/e.ts", "scripts/f.ts"])).toEqual(["scripts/e.ts", "scripts/f.ts", "scripts/e.ts"]);
    expect(kringPad(g, ["src/lib/d.ts"])).toEqual(["src/lib/d.ts", "src/lib/d.ts"]);
    const drie = [
      { van: "a.ts", naar: "b.ts", dynamisch: false }, { van: "b.ts", naar: "c.ts", dynamisch: false },
      { van: "c.ts", naar: "a.ts", dynamisch: false }, { van: "b.ts", naar: "a.ts", dynamisch: true },
    ];
    expect(kringPad({ kanten: drie }, ["a.ts", "b.ts", "c.ts"])).toEqual(["a.ts", "b.ts", "c.ts", "a.ts"]);
    expect(kringPad({ kanten: drie }, ["a.ts", "b.ts", "c.ts"], false)).toEqual(["a.ts", "b.ts", "a.ts"]);
  });

  it("reads a page's code from its js blocks only", () => {
    const pagina = [
      "# Titel", "", "```js", `import {a} from "./components/a.js";`, "```", "",
      "Tekst met `import {x} from \"./niet.js\"` erin.", "",
      "```js echo", `const b = await import("./lib/b.js");`, "```", "",
      "```sql", `SELECT 1`, "```",
    ].join("\n");
    expect(importsVan("p.md.js", paginaCode(pagina))).toEqual([
      { spec: "./components/a.js", dynamisch: false }, { spec: "./lib/b.js", dynamisch: true },
    ]);
  });

  it("follows static imports to every file a module loads, not late import() calls", () => {
    expect(afhankelijkheden(g, "loaders/b.ts")).toEqual(["loaders/a.ts", "loaders/b.ts", "src/components/c.ts", "src/lib/d.ts"]);
    expect(afhankelijkheden(g, "scripts/e.ts")).toEqual(["scripts/e.ts", "scripts/f.ts"]);
  });

  it("reads every kind of import from the syntax, not from comments or strings", () => {
    const tekst = [
      `import { a } from "./a.ts";`,
      `import type { B } from "./b.ts";`,
      `export { c } from "./c.js";`,
      `export * from "./d.ts";`,
      `import "./e.ts";`,
      `const f = await import("./f.ts");`,
      `type G = typeof import("./g.ts");`,
      `// import { x } from "./niet.ts";`,
      "const s = 'import { y } from \"./ook-niet.ts\"';",
    ].join("\n");
    expect(importsVan("x.ts", tekst)).toEqual([
      { spec: "./a.ts", dynamisch: false }, { spec: "./b.ts", dynamisch: false }, { spec: "./c.js", dynamisch: false },
      { spec: "./d.ts", dynamisch: false }, { spec: "./e.ts", dynamisch: false }, { spec: "./f.ts", dynamisch: true },
      { spec: "./g.ts", dynamisch: false },
    ]);
  });
});

describe("the project's import graph", () => {
  const g = leesGraaf(PROJECT_ROOT);

  it("reads the whole project", () => {
    // A wrong root or a broken reader would pass every rule on an empty graph.
    expect(g.bestanden).toContain("loaders/db.ts");
    expect(g.bestanden).toContain("src/lib/format.ts");
    expect(g.kanten).toContainEqual({ van: "src/index.md", naar: "src/components/dashboard.ts", dynamisch: false });
    expect(g.kanten.length).toBeGreaterThan(100);
  });

  it("keeps every layer's direction", () => {
    expect(overtredingen(g, REGELS)).toEqual([]);
  });

  it("has no import circles (static imports and import types)", () => {
    expect(kringen(g).map((k) => kringPad(g, k).join(" → "))).toEqual([]);
  });

  it("hashes all the code the staging runs: a change in any of it stages again (db.ts STAGING_CODE)", () => {
    expect([...STAGING_CODE].sort()).toEqual(afhankelijkheden(g, "loaders/stage.ts"));
  });
});
