// The README's architecture section ("Hoe het werkt") against the folders as they are: a
// newcomer reads there where things live, so every folder of the project, and every file of
// loaders/ itself (each a step of the pipeline), is named in it.
import { describe, it, expect } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../loaders/config.ts";

// What .gitignore keeps out of the repository (built, generated or temporary).
const OVERSLAAN = new Set(["node_modules", ".git", ".staging", ".observablehq", "dist", "out", "tmp", "test-output"]);

/** The section from its heading to the next heading of the same level. */
function sectie(tekst: string, kop: string): string {
  const begin = tekst.indexOf(`\n## ${kop}\n`);
  if (begin < 0) return "";
  const eind = tekst.indexOf("\n## ", begin + 1);
  return tekst.slice(begin, eind < 0 ? undefined : eind);
}

/** Folders up to `diepte` levels below `root` (relative, with /). */
function mappen(root: string, diepte: number, onder = ""): string[] {
  if (diepte === 0) return [];
  const uit: string[] = [];
  for (const n of readdirSync(join(root, onder)).sort()) {
    if (OVERSLAAN.has(n)) continue;
    const p = onder ? `${onder}/${n}` : n;
    if (!statSync(join(root, p)).isDirectory()) continue;
    uit.push(p, ...mappen(root, diepte - 1, p));
  }
  return uit;
}

/** Whether the text names a folder: `a/b/` in full, or `b/` where its parent `a/` is named. */
function noemtMap(tekst: string, map: string): boolean {
  if (tekst.includes(`${map}/`)) return true;
  const delen = map.split("/");
  return delen.length > 1 && noemtMap(tekst, delen.slice(0, -1).join("/")) && tekst.includes(`\`${delen.at(-1)}/`);
}

describe("the README's architecture section", () => {
  const tekst = sectie(readFileSync(join(PROJECT_ROOT, "README.md"), "utf8"), "Hoe het werkt");

  it("is found, and the check tells a named folder from one that is not", () => {
    expect(tekst.length).toBeGreaterThan(500);
    expect(noemtMap("`a/` met `b/`", "a/b")).toBe(true);
    expect(noemtMap("`a/` zonder", "a/b")).toBe(false);
    expect(noemtMap("`b/` zonder ouder", "a/b")).toBe(false);
    expect(sectie("x\n## Een\neen\n## Twee\ntwee\n", "Een")).toBe("\n## Een\neen");
  });

  it("names every folder of the project", () => {
    const mist = mappen(PROJECT_ROOT, 2).filter((m) => !noemtMap(tekst, m));
    expect(mist).toEqual([]);
  });

  it("names every file of loaders/", () => {
    const bestanden = readdirSync(join(PROJECT_ROOT, "loaders")).filter((n) => n.endsWith(".ts"));
    expect(bestanden.length).toBeGreaterThan(10);
    expect(bestanden.filter((n) => !tekst.includes(n))).toEqual([]);
  });
});
