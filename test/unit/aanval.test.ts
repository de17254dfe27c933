// The independent differencing attack (scripts/lib/aanval) on hand-made published files
// whose leaks are known: it must find each one, and nothing in a table that is protected.
import { describe, expect, it } from "vitest";
import { aanval } from "../../scripts/lib/aanval/index.ts";
import { cellenVan } from "../../scripts/lib/aanval/cellen.ts";

const GEMEENTEN = ["GM0001", "GM0002", "GM0003", "GM0004"];
/** A table of meldingen per gemeente and soort with REGIO rows: the site's row shape. */
function tabel(waarden: Record<string, number[]>, verborgen: [string, number][] = []) {
  const soorten = ["A", "B", "C"];
  const rijen: Record<string, unknown>[] = [];
  const regio = soorten.map(() => 0);
  for (const g of GEMEENTEN) {
    waarden[g].forEach((w, s) => {
      regio[s] += w;
      const weg = verborgen.some(([vg, vs]) => vg === g && vs === s);
      rijen.push({ gemeente: g, soort: soorten[s], meldingen: weg ? null : w, ...(weg ? { onderdrukt: true } : {}) });
    });
  }
  soorten.forEach((s, i) => rijen.push({ gemeente: "REGIO", soort: s, meldingen: verborgen.some(([g, vs]) => g === "REGIO" && vs === i) ? null : regio[i] }));
  return { rijen };
}

const W: Record<string, number[]> = { GM0001: [20, 2, 31], GM0002: [15, 12, 9], GM0003: [40, 8, 22], GM0004: [11, 17, 6] };

describe("de aanval op gepubliceerde bestanden", () => {
  it("leest rijen, verpakte tabellen en geneste kubussen als cellen met dimensies", () => {
    const c = cellenVan("f", { a: [{ id: "t", kolommen: ["gemeente", "n"], vast: { schooljaar: "2024-2025" }, rijen: [["GM0001", 3]] }], m: { GM0001: { ALLE: [1, 2] } } });
    expect(c).toEqual([
      { tabel: "f.a[]#t.rijen[](gemeente,schooljaar).n", dims: ["GM0001", "2024-2025"], waarde: 3 },
      { tabel: "f.m{}{}[]", dims: ["GM0001", "ALLE", "0"], waarde: 1 },
      { tabel: "f.m{}{}[]", dims: ["GM0001", "ALLE", "1"], waarde: 2 },
    ]);
  });

  it("rekent één verborgen cel naast een zichtbaar totaal exact terug", async () => {
    const exact = [{ naam: "t", json: tabel(W) }];
    const u = await aanval([{ naam: "t", json: tabel(W, [["GM0001", 1]]) }], exact, 5);
    expect(u.verborgen).toBe(1);
    expect(u.exact.map((v) => [u.sleutels[v.cel], v.laag])).toEqual([[expect.stringContaining("GM0001|B"), 2]]);
  });

  it("vindt niets als elke verborgen cel een partner heeft in rij en kolom", async () => {
    // GM0001 B (2) hidden with GM0001 C, GM0004 B and GM0004 C: a rectangle, all ≥ 1.
    const weg: [string, number][] = [["GM0001", 1], ["GM0001", 2], ["GM0004", 1], ["GM0004", 2]];
    const u = await aanval([{ naam: "t", json: tabel(W, weg) }], [{ naam: "t", json: tabel(W) }], 5);
    expect(u.verborgen).toBe(4);
    expect(u.exact).toEqual([]);
    expect(u.smal).toEqual([]);
  });

  it("ziet dat twee verborgen cellen samen te klein zijn om groter dan de grens te zijn", async () => {
    // GM0001 B = 2 and GM0004 B hidden; their sum is the regio total minus the visible ones.
    const w = { ...W, GM0004: [11, 2, 6] };
    const weg: [string, number][] = [["GM0001", 1], ["GM0001", 2], ["GM0004", 1], ["GM0004", 2]];
    const veilig = await aanval([{ naam: "t", json: tabel(w, weg) }], [{ naam: "t", json: tabel(w) }], 5);
    // 2 + 2 = 4 in column B: each is at most 3 (the other is at least 1).
    expect(veilig.smal.map((v) => v.hoog).sort()).toEqual([3, 3]);
    // Each finding names what bounds it: column B's regio total over the gemeenten, with both cells.
    for (const v of veilig.smal) {
      const bewijs = (v.bewijs ?? []).join("\n");
      expect(bewijs).toMatch(/\[0\] REGIO = GM0001 \+ GM0002 \+ GM0003 \+ GM0004/);
      expect(bewijs).toContain("GM0001|B = 2");
      expect(bewijs).toContain("GM0004|B = 2");
    }
  });

  it("koppelt dezelfde cel in twee bestanden: verborgen in het ene, zichtbaar in het andere", async () => {
    const kern = { kerncijfers: GEMEENTEN.map((g) => ({ gemeente: g, maat: "meldingen_b", waarde: W[g][1] })) };
    const weg: [string, number][] = [["GM0001", 1], ["GM0001", 2], ["GM0004", 1], ["GM0004", 2]];
    const u = await aanval(
      [{ naam: "t", json: tabel(W, weg) }, { naam: "k", json: kern }],
      [{ naam: "t", json: tabel(W) }, { naam: "k", json: kern }], 5);
    // Column B is shown in the other file: both B cells come back (the C cells only as a sum).
    expect(u.exact.map((v) => [u.sleutels[v.cel].split("|").slice(1).join(" "), v.laag]).sort()).toEqual([["GM0001 B", 2], ["GM0004 B", 17]]);
  });
});
