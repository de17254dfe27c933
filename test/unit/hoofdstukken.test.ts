// The chapter registry (src/lib/hoofdstukken.ts) and what it drives: the sidebar and routes of
// observablehq.config.ts, the page titles of the dynamic chapter page and the mart's text names.
import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { HOOFDSTUKKEN, hoofdstuk, volgendHoofdstuk, hoofdstukPad, TEKST_NAMEN } from "../../src/lib/hoofdstukken.ts";
import { TEKST_NAMEN as MART_TEKST_NAMEN } from "../../loaders/marts/jaarverslag.ts";
import { dynamischeTitels } from "../../scripts/lib/site.ts";
import { PROJECT_ROOT } from "../../loaders/config.ts";
import { loadRegio } from "../../loaders/regio.ts";

const FIXTURE = join(PROJECT_ROOT, "test", "fixtures", "jaarverslag");

describe("the chapter registry", () => {
  it("looks a chapter up by its id, and names the known ids for an unknown one", () => {
    expect(hoofdstuk("verzuim").titel).toBe("Verzuim Leerplicht");
    expect(() => hoofdstuk("voorwoord")).toThrow(/onbekend hoofdstuk "voorwoord"; verwacht een van leerlingen, verzuim, /);
  });

  it("links each chapter to the next one, the last one to none", () => {
    expect(volgendHoofdstuk("leerlingen")?.id).toBe("verzuim");
    expect(volgendHoofdstuk("inzet")?.id).toBe("verhalen");
    expect(volgendHoofdstuk("verhalen")).toBeNull();
    expect(volgendHoofdstuk("onbekend")).toBeNull();
  });

  it("has unique ids that are safe as a path and a file name", () => {
    const ids = HOOFDSTUKKEN.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z-]*$/);
    expect(hoofdstukPad("vsv-percentages")).toBe("/jaarverslag/vsv-percentages");
  });

  it("gives the mart its text names: the voorwoord, then one per chapter", () => {
    expect(TEKST_NAMEN[0]).toBe("voorwoord");
    expect(TEKST_NAMEN.slice(1)).toEqual(HOOFDSTUKKEN.map((h) => h.id));
    expect(MART_TEKST_NAMEN).toBe(TEKST_NAMEN);
  });

  it("titles every chapter page, which Framework cannot (one front matter for all)", () => {
    const titels = dynamischeTitels(loadRegio(FIXTURE));
    expect(titels["jaarverslag/verzuim.html"]).toMatch(/^Verzuim Leerplicht \| /);
    for (const h of HOOFDSTUKKEN) expect(titels[`jaarverslag/${h.id}.html`]).toBe(`${h.titel} | ${loadRegio(FIXTURE).naam}`);
  });
});

describe("observablehq.config.ts", () => {
  it("routes and lists every chapter of the registry, in its order, after the contents", async () => {
    const vorig = process.env.VSV_DATA;
    process.env.VSV_DATA = FIXTURE;
    try {
      const config = (await import("../../observablehq.config.ts")).default as {
        dynamicPaths: string[]; pages: { name: string; path?: string; pages?: { name: string; path: string }[] }[];
      };
      const paden = HOOFDSTUKKEN.map((h) => `/jaarverslag/${h.id}`);
      expect(config.dynamicPaths).toEqual(expect.arrayContaining(paden));
      const sectie = config.pages.find((p) => p.name === "Jaarverslag")!;
      expect(sectie.pages).toEqual([
        { name: "Inhoud", path: "/jaarverslag/" },
        ...HOOFDSTUKKEN.map((h) => ({ name: h.titel, path: `/jaarverslag/${h.id}` })),
      ]);
    } finally {
      if (vorig === undefined) delete process.env.VSV_DATA; else process.env.VSV_DATA = vorig;
    }
  });
});
