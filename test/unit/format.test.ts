// Numbers the Dutch way, as every output writes them (src/lib/format.ts).
import { describe, it, expect } from "vitest";
import { getal } from "../../src/lib/format.ts";

describe("getal", () => {
  it("groups thousands with dots and writes decimals with a comma, each number of decimals its own", () => {
    expect(getal(1234567)).toBe("1.234.567");
    expect(getal(1234.56, 1)).toBe("1.234,6");
    expect(getal(2, 2)).toBe("2,00");
    // Asked again after another number of decimals: the formatter of its own, not the last one made.
    expect(getal(1234.56, 1)).toBe("1.234,6");
    expect(getal(1234.56)).toBe("1.235");
    expect(getal(1000)).toBe("1.000");
    expect(getal(-1500, 1)).toBe("-1.500,0");
  });

  it("writes – for no number", () => {
    expect([getal(null), getal(undefined), getal(Number.NaN, 1)]).toEqual(["–", "–", "–"]);
  });
});
