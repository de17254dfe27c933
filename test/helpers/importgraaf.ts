// The project's import graph, read from the source with the TypeScript compiler's own
// pre-processor (static imports, `import type`, `export … from`, `import()`), the pages'
// code blocks (src/**/*.md) included, and the rules the layers keep: which folder may not
// import which, and no circles.
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import ts from "typescript";

/** One import: from a project file to another project file (both relative to the root, with /). */
export interface Kant { van: string; naar: string; dynamisch: boolean }
/** A bare import (a package or a Node builtin) from a project file. */
export interface Pakket { van: string; naam: string }
export interface Graaf { bestanden: string[]; kanten: Kant[]; pakketten: Pakket[] }

/** A folder (prefix), or the files a pattern matches, that may not import another folder or package. */
export interface Regel { van: string | RegExp; niet: string[]; waarom: string }

const MAPPEN = ["loaders", "src", "reports", "scripts", "test"];
const LOS = ["observablehq.config.ts", "vitest.config.ts"];
const OVERSLAAN = new Set(["node_modules", ".observablehq", "dist", "fixtures"]);

function bronnen(root: string, dir: string, uit: string[]): void {
  if (!existsSync(join(root, dir))) return;
  for (const n of readdirSync(join(root, dir))) {
    if (OVERSLAAN.has(n)) continue;
    const p = `${dir}/${n}`;
    if (statSync(join(root, p)).isDirectory()) bronnen(root, p, uit);
    else if (/\.(ts|mts|mjs|js)$/.test(n) && !n.endsWith(".d.ts")) uit.push(p);
    else if (dir.startsWith("src") && n.endsWith(".md")) uit.push(p);
  }
}

/** A relative specifier to a project file: `./x.js` may stand for `./x.ts` (Framework, NodeNext). */
function zoekBestand(root: string, van: string, spec: string): string | null {
  const basis = resolve(root, dirname(van), spec);
  const kandidaten = [basis, basis.replace(/\.js$/, ".ts"), `${basis}.ts`, join(basis, "index.ts")];
  for (const k of kandidaten) if (existsSync(k) && statSync(k).isFile()) return relative(root, k).split("\\").join("/");
  return null;
}

/**
 * The module specifiers of one file, from its syntax tree: import and export … from
 * (type-only ones too: a type circle is still a circle to a reader), import("x") calls, and
 * `typeof import("x")` types.
 */
export function importsVan(naam: string, tekst: string): { spec: string; dynamisch: boolean }[] {
  const bron = ts.createSourceFile(naam, tekst, ts.ScriptTarget.Latest, false);
  const uit: { spec: string; dynamisch: boolean }[] = [];
  const loop = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      uit.push({ spec: n.moduleSpecifier.text, dynamisch: false });
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      uit.push({ spec: n.arguments[0].text, dynamisch: true });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      uit.push({ spec: n.argument.literal.text, dynamisch: false });
    }
    ts.forEachChild(n, loop);
  };
  loop(bron);
  return uit;
}

/**
 * The code of a Framework page: its ```js blocks (with options such as `echo` after the
 * language), in order, as one module. Other fences (```sql, ```text) are no code here.
 */
export function paginaCode(tekst: string): string {
  const uit: string[] = [];
  for (const m of tekst.matchAll(/^(`{3,})(?:js|javascript)\b[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm)) uit.push(m[2]);
  return uit.join("\n");
}

/** Reads every source file of the project under `root`. */
export function leesGraaf(root: string): Graaf {
  const bestanden: string[] = [];
  for (const d of MAPPEN) bronnen(root, d, bestanden);
  for (const f of LOS) if (existsSync(join(root, f))) bestanden.push(f);
  const kanten: Kant[] = [];
  const pakketten: Pakket[] = [];
  for (const van of bestanden.sort()) {
    const bron = readFileSync(join(root, van), "utf8");
    const tekst = van.endsWith(".md") ? paginaCode(bron) : bron;
    for (const { spec, dynamisch } of importsVan(van.endsWith(".md") ? `${van}.js` : van, tekst)) {
      if (spec.startsWith(".")) {
        const naar = zoekBestand(root, van, spec);
        if (!naar) throw new Error(`${van}: import "${spec}" wijst naar geen bestand`);
        kanten.push({ van, naar, dynamisch });
      } else {
        pakketten.push({ van, naam: spec });
      }
    }
  }
  return { bestanden, kanten, pakketten };
}

const onder = (pad: string, map: string) => pad === map || pad.startsWith(map.endsWith("/") ? map : `${map}/`);
const valtOnder = (pad: string, van: string | RegExp) => (typeof van === "string" ? onder(pad, van) : van.test(pad));

/** Every import against a rule, as a sentence. A rule's `niet` names folders or packages (`node:` for all builtins). */
export function overtredingen(g: Graaf, regels: Regel[]): string[] {
  const uit: string[] = [];
  for (const r of regels) {
    for (const k of g.kanten) {
      if (!valtOnder(k.van, r.van)) continue;
      const fout = r.niet.find((n) => onder(k.naar, n));
      if (fout) uit.push(`${k.van} importeert ${k.naar} (${r.waarom})`);
    }
    for (const p of g.pakketten) {
      if (!valtOnder(p.van, r.van)) continue;
      const fout = r.niet.find((n) => (n.endsWith(":") ? p.naam.startsWith(n) : p.naam === n || p.naam.startsWith(`${n}/`)));
      if (fout) uit.push(`${p.van} importeert ${p.naam} (${r.waarom})`);
    }
  }
  return uit;
}

/** Every project file `start` loads, itself included, through static imports (sorted). */
export function afhankelijkheden(g: Pick<Graaf, "kanten">, start: string): string[] {
  const gezien = new Set<string>();
  const stapel = [start];
  while (stapel.length) {
    const v = stapel.pop()!;
    if (gezien.has(v)) continue;
    gezien.add(v);
    for (const k of g.kanten) if (k.van === v && !k.dynamisch) stapel.push(k.naar);
  }
  return [...gezien].sort();
}

/**
 * The circles of the graph (strongly connected components of more than one file, or a file
 * importing itself), each as its files in order. Dynamic import() is left out when
 * `zonderDynamisch`: a module loaded late on purpose (so a mart can run the publication that
 * itself runs the marts) is no load-order circle.
 */
export function kringen(g: Pick<Graaf, "kanten">, zonderDynamisch = true): string[][] {
  const buren = new Map<string, string[]>();
  for (const k of g.kanten) {
    if (zonderDynamisch && k.dynamisch) continue;
    (buren.get(k.van) ?? buren.set(k.van, []).get(k.van)!).push(k.naar);
  }
  // Tarjan (recursive: the chains of a few hundred files are short).
  let teller = 0;
  const index = new Map<string, number>();
  const laag = new Map<string, number>();
  const stapel: string[] = [];
  const op = new Set<string>();
  const uit: string[][] = [];
  const bezoek = (v: string) => {
    index.set(v, teller); laag.set(v, teller); teller++;
    stapel.push(v); op.add(v);
    for (const w of buren.get(v) ?? []) {
      if (!index.has(w)) { bezoek(w); laag.set(v, Math.min(laag.get(v)!, laag.get(w)!)); }
      else if (op.has(w)) laag.set(v, Math.min(laag.get(v)!, index.get(w)!));
    }
    if (laag.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do { w = stapel.pop()!; op.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1 || (buren.get(v) ?? []).includes(v)) uit.push(comp.sort());
    }
  };
  for (const v of [...buren.keys()].sort()) if (!index.has(v)) bezoek(v);
  return uit.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * One circle through the files of a circle of kringen(), as the path a reader follows:
 * from its first file by imports back to it (shortest first), e.g. a.ts → b.ts → a.ts.
 */
export function kringPad(g: Pick<Graaf, "kanten">, kring: string[], zonderDynamisch = true): string[] {
  const binnen = new Set(kring);
  const start = kring[0];
  const vorige = new Map<string, string>();
  const rij = [start];
  for (let i = 0; i < rij.length; i++) {
    const v = rij[i];
    for (const k of g.kanten) {
      if (k.van !== v || !binnen.has(k.naar) || (zonderDynamisch && k.dynamisch)) continue;
      if (k.naar === start) {
        // Back at the start: the path to v (start has no predecessor), then start again.
        const pad: string[] = [];
        for (let x: string | undefined = v; x !== undefined; x = vorige.get(x)) pad.unshift(x);
        return [...pad, start];
      }
      if (!vorige.has(k.naar) && k.naar !== start) { vorige.set(k.naar, v); rij.push(k.naar); }
    }
  }
  return kring;
}
