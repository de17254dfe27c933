// @vitest-environment jsdom
// The map: tiles from regio.json or alphabetical, the regio's own boundaries (turned the way
// d3 expects), colour classes with readable text, and the site information the loader emits.
import { describe, it, expect, afterAll } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
// @ts-ignore: d3 ships no type declarations in this project
import { geoArea } from "d3";
import { tegelIndeling, leesGrenzen, voorD3, siteInfo } from "../../loaders/marts/trends.ts";
import { loadRegio } from "../../loaders/regio.ts";
import { GebruikersFout } from "../../loaders/errors.ts";
import {
  kaartWaarden, kleurKlassen, tekstKleur, contrast, PALET, GEEN_WAARDE, TegelKaart, GrenzenKaart, kaartSamenvatting,
} from "../../src/components/kaart.ts";
import type { KaartGemeente } from "../../src/lib/site-info.ts";
import { maakDataMap, ruimDataMappenOp, stageDb, STANDAARD_REGIO } from "../helpers/datamap.ts";

afterAll(ruimDataMappenOp);

const G = (code: string, naam: string, extra: object = {}) => ({ code, naam, vanaf: "2020-01-01", ...extra });

describe("tegelIndeling", () => {
  it("lays gemeenten out alphabetically in a compact grid without x/y", () => {
    const { tegels, uitRegio } = tegelIndeling([G("GM0003", "Ceeveen"), G("GM0001", "Aastad"), G("GM0002", "Beedorp"), G("GM0004", "'s-Dorp")]);
    expect(uitRegio).toBe(false);
    // 4 gemeenten: 3 columns would leave 2 empty tiles; 2 rows of 2 fit exactly.
    expect(tegels).toEqual([
      { code: "GM0004", x: 0, y: 0 }, { code: "GM0001", x: 1, y: 0 }, { code: "GM0002", x: 0, y: 1 }, { code: "GM0003", x: 1, y: 1 },
    ]);
    const twaalf = tegelIndeling(Array.from({ length: 12 }, (_, i) => G(`GM01${String(i).padStart(2, "0")}`, `G${String(i).padStart(2, "0")}`)));
    expect(Math.max(...twaalf.tegels.map((t) => t.x)) + 1).toBe(4);
    expect(Math.max(...twaalf.tegels.map((t) => t.y)) + 1).toBe(3);
    expect(tegelIndeling([G("GM0001", "A")]).tegels).toEqual([{ code: "GM0001", x: 0, y: 0 }]);
  });

  it("uses x/y from regio.json when every gemeente has them", () => {
    const { tegels, uitRegio } = tegelIndeling([G("GM0001", "A", { x: 3, y: 0 }), G("GM0002", "B", { x: 0, y: 2 })]);
    expect(uitRegio).toBe(true);
    expect(tegels).toEqual([{ code: "GM0001", x: 3, y: 0 }, { code: "GM0002", x: 0, y: 2 }]);
  });

  it("refuses half-given, doubled or broken tiles with a Dutch message", () => {
    expect(() => tegelIndeling([G("GM0001", "A", { x: 0, y: 0 }), G("GM0002", "B")])).toThrow(/ontbreken bij GM0002/);
    expect(() => tegelIndeling([G("GM0001", "A", { x: 1, y: 1 }), G("GM0002", "B", { x: 1, y: 1 })])).toThrow(/GM0001 en GM0002 staan op dezelfde tegel/);
    expect(() => tegelIndeling([G("GM0001", "A", { x: -1, y: 0.5 })])).toThrow(GebruikersFout);
  });
});

// A square gemeente around (6°, 52.5°) with its ring counter-clockwise, as RFC 7946 writes it.
const vierkant = (x: number, y: number) => [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]];

describe("leesGrenzen", () => {
  const gemeenten = [{ code: "GM0001", naam: "A" }, { code: "GM0002", naam: "B" }];

  it("keeps only the regio's gemeenten, turned the way d3 draws them", () => {
    const dir = maakDataMap();
    writeFileSync(join(dir, "grenzen.geojson"), JSON.stringify({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { code: "GM0001", extra: "weg" }, geometry: { type: "Polygon", coordinates: vierkant(6, 52.5) } },
        { type: "Feature", properties: { statcode: "GM0002" }, geometry: { type: "MultiPolygon", coordinates: [vierkant(6.2, 52.5)] } },
        { type: "Feature", properties: { code: "GM9999" }, geometry: { type: "Polygon", coordinates: vierkant(1, 1) } },
      ],
    }));
    const { grenzen, melding } = leesGrenzen(dir, gemeenten);
    expect(melding).toBeNull();
    expect(grenzen!.stelsel).toBe("lonlat");
    expect(grenzen!.features.map((f) => f.properties)).toEqual([{ code: "GM0001", naam: "A" }, { code: "GM0002", naam: "B" }]);
    // Read the RFC way d3 would fill the whole earth (≈ 4π steradians); turned, a tiny area.
    expect(geoArea({ type: "Polygon", coordinates: vierkant(6, 52.5) } as any)).toBeGreaterThan(12);
    for (const f of grenzen!.features) expect(geoArea(f.geometry as any)).toBeLessThan(1e-5);
  });

  it("falls back to tiles, saying why, when a gemeente has no boundary; refuses a broken file", () => {
    const dir = maakDataMap();
    writeFileSync(join(dir, "grenzen.geojson"), JSON.stringify({ type: "FeatureCollection", features: [
      { type: "Feature", properties: { code: "GM0001" }, geometry: { type: "Polygon", coordinates: vierkant(6, 52.5) } },
    ] }));
    const r = leesGrenzen(dir, gemeenten);
    expect(r.grenzen).toBeNull();
    expect(r.melding).toMatch(/geen vlak voor GM0002/);
    writeFileSync(join(dir, "grenzen.geojson"), "{ kapot");
    expect(() => leesGrenzen(dir, gemeenten)).toThrow(/grenzen.geojson is geen geldige JSON/);
    expect(leesGrenzen(maakDataMap(), gemeenten)).toEqual({ grenzen: null, melding: null });
  });

  it("keeps Rijksdriehoek metres as metres, rounded to the metre", () => {
    const rd = voorD3({ type: "Polygon", coordinates: [[[200000.4, 500000], [200000, 501000], [201000, 501000], [200000.4, 500000]]] }, "rd");
    expect((rd.coordinates as number[][][])[0][0]).toEqual([200000, 500000]);
  });
});

describe("colours", () => {
  it("puts readable text on every colour of the palette (WCAG 1.4.3: 4,5 : 1)", () => {
    for (const k of [...PALET, GEEN_WAARDE]) expect(contrast(k, tekstKleur(k))).toBeGreaterThanOrEqual(4.5);
    expect(contrast("#ffffff", "#000000")).toBeCloseTo(21, 5);
  });

  it("makes classes on round numbers, darker for higher values", () => {
    const k = kleurKlassen([10.2, 14, 19.9, 25.8, null]);
    expect(k.grenzen).toEqual([15, 20, 25]);
    expect(k.labels).toEqual(["lager dan 15,0", "15,0 tot 20,0", "20,0 tot 25,0", "25,0 of hoger"]);
    expect(k.kleur(10.2)).toBe(k.kleuren[0]);
    expect(k.kleur(15)).toBe(k.kleuren[1]);
    expect(k.kleur(25.8)).toBe(k.kleuren[3]);
    expect(k.kleur(null)).toBe(GEEN_WAARDE);
    expect(k.kleuren[0]).toBe(PALET[0]);
    expect(k.kleuren[3]).toBe(PALET[PALET.length - 1]);
    expect(kleurKlassen([7, 7]).kleuren).toHaveLength(1);
  });
});

const GEM: KaartGemeente[] = [
  { code: "GM0001", naam: "Aastad", vanaf: null, tot: null, x: 1, y: 0 },
  { code: "GM0002", naam: "Beedorp", vanaf: null, tot: null, x: 0, y: 0 },
  { code: "GM0003", naam: "Ceeveen", vanaf: "2025-01-01", tot: null, x: 0, y: 1 },
];
const KERN = [
  { gemeente: "GM0001", schooljaar: "2023-2024", maat: "thuiszitters", waarde: 12 },
  { gemeente: "GM0001", schooljaar: "2023-2024", maat: "leerplichtig", waarde: 800 },
  { gemeente: "GM0002", schooljaar: "2023-2024", maat: "thuiszitters", waarde: null, onderdrukt: true as const },
  { gemeente: "GM0002", schooljaar: "2023-2024", maat: "leerplichtig", waarde: 200 },
];

describe("the map", () => {
  const w = kaartWaarden(KERN, GEM, { schooljaar: "2023-2024", maat: "thuiszitters", minimumCel: 5 });

  it("prints the rate, • when suppressed, and 'geen lid' before a gemeente joined", () => {
    expect(w.map((x) => x.tekst)).toEqual(["15,0", "•", "geen lid"]);
    expect(kaartSamenvatting(w, { maatLabel: "Thuiszitters", eenheidTekst: "per 1.000 leerplichtigen", schooljaar: "2023-2024", regio: 13.2 }))
      .toBe("Thuiszitters per 1.000 leerplichtigen, schooljaar 2023-2024. De hele regio: 13,2. Zonder cijfer: Beedorp (•), Ceeveen (geen lid).");
  });

  it("draws tiles as links on their grid place, value in text", () => {
    const el = TegelKaart(w, { klassen: kleurKlassen(w.map((x) => x.per1000)), link: (c) => `./gemeente/${c}.html`, label: "Kaart" }) as HTMLElement;
    const items = [...el.querySelectorAll("li")];
    expect(items.map((li) => li.textContent!.replace(/\s+/g, " ").trim())).toEqual(["Beedorp •", "Aastad 15,0", "Ceeveen geen lid"]);
    expect(items[1].getAttribute("style")).toContain("grid-column:2;grid-row:1");
    expect(items[1].querySelector("a")!.getAttribute("href")).toBe("./gemeente/GM0001.html");
    expect(el.getAttribute("style")).toBe("--kolommen:2");
  });

  it("draws the regio's own boundaries with the value at each gemeente", () => {
    const grenzen = {
      type: "FeatureCollection" as const, stelsel: "lonlat" as const,
      features: GEM.map((g, i) => ({ type: "Feature" as const, properties: { code: g.code, naam: g.naam }, geometry: voorD3({ type: "Polygon", coordinates: vierkant(6 + i * 0.2, 52.5) }, "lonlat") })),
    };
    const el = GrenzenKaart(grenzen, w, { width: 640, klassen: kleurKlassen(w.map((x) => x.per1000)), beschrijving: "Kaart X" }) as Element;
    const svg = el.tagName.toLowerCase() === "svg" ? el : el.querySelector("svg")!;
    expect(svg.getAttribute("aria-label")).toBe("Kaart X");
    expect(svg.querySelectorAll("path").length).toBeGreaterThanOrEqual(3);
    expect(el.textContent).toContain("15,0");
    expect(el.textContent).toContain("geen lid");
  });
});

describe("siteInfo", () => {
  it("emits periods, settings and tiles but no counts", async () => {
    const regio = { ...STANDAARD_REGIO, contact: { email: "leerplicht@example.nl" } };
    const dir = maakDataMap({}, regio);
    const t = await stageDb(dir);
    const info = await siteInfo({ dataDir: dir, regio: loadRegio(dir), all: t.all as any, close: () => t.close() });
    t.close();
    expect(info.regio).toBe("Testregio");
    expect(info.contactgemeente).toEqual({ code: "GM0100", naam: "Alfastad" });
    expect(info.dataDatum).toBe("2026-02-01");
    expect(info.minimumCel).toBe(5);
    expect(info.gemeenten.map((g) => [g.code, g.x, g.y])).toEqual([["GM0100", 0, 0], ["GM0200", 1, 0], ["GM0300", 1, 1], ["GM0400", 0, 1]]);
    expect(info.gemeenten[3].tot).toBe("2024-12-31");
    const bron = (b: string) => info.bronnen.find((x) => x.bestand === b);
    expect(bron("jongeren.csv")).toEqual({ bestand: "jongeren.csv", van: "2025-10-01", tot: "2025-10-01", momenten: ["2025-10-01"], aangeleverd: true });
    expect(bron("verzuimmeldingen.csv")).toEqual({ bestand: "verzuimmeldingen.csv", van: "2025-06-30", tot: "2025-10-02", momenten: [], aangeleverd: true });
    expect(bron("cbs_risicoscores.csv")!.momenten).toEqual(["2022"]);
    expect(info.definities.doelgroepen).toContain("NEET");
    expect(info.grenzen).toBeNull();
    // Nothing record-level, and no count of jongeren in it at all.
    expect(JSON.stringify(info)).not.toMatch(/pseudo_id|_id"|j00/);
  });
  it("names an export that was not delivered, and the date of the data from the rest", async () => {
    const dir = maakDataMap({ "inzet.csv": null, "jikp_monitor.csv": null });
    const t = await stageDb(dir);
    const info = await siteInfo({ dataDir: dir, regio: loadRegio(dir), all: t.all as any, close: () => t.close() });
    t.close();
    expect(info.bronnen.find((b) => b.bestand === "inzet.csv")).toEqual({ bestand: "inzet.csv", van: null, tot: null, momenten: [], aangeleverd: false });
    expect(info.bronnen.filter((b) => !b.aangeleverd).map((b) => b.bestand)).toEqual(["jikp_monitor.csv", "inzet.csv"]);
    // The monitor's 2026-02-01 is gone: the latest date left is a verzuimmelding's (M2).
    expect(info.dataDatum).toBe("2025-10-02");
  });
});
