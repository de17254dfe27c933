import { describe, expect, it } from "vitest";
import {
  poissonInterval, poissonVerdeling, binomiaalVerdeling, cijferMetInterval, waargenomenTegenVerwacht,
  vergelijkTellingen, poissonKwantiel, trechterGrenzen,
} from "../../src/lib/statistiek.ts";

// ------------------------------------------------------------------ a second implementation
// Independent of jstat: the Poisson CDF summed term by term (in logs, so large means do not
// underflow the sum's largest terms), and the interval found by bisection on it.
function cdfSom(k: number, lambda: number): number {
  let log = -lambda;
  let som = Math.exp(log);
  for (let i = 1; i <= k; i++) {
    log += Math.log(lambda) - Math.log(i);
    som += Math.exp(log);
  }
  return som;
}
/** The λ where cdf(k, λ) falls through `doel`: the cdf falls as λ grows. */
function bisectie(k: number, doel: number): number {
  let lo = 0;
  let hi = 10 * k + 50;
  for (let i = 0; i < 200; i++) {
    const m = (lo + hi) / 2;
    if (cdfSom(k, m) > doel) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}
function intervalBisectie(x: number, b: number) {
  const a = (1 - b) / 2;
  // Lower: P(X ≥ x) = α/2, i.e. cdf(x−1) = 1 − α/2; upper: cdf(x) = α/2.
  return { onder: x === 0 ? 0 : bisectie(x - 1, 1 - a), boven: bisectie(x, a) };
}

/** Exact binomial upper tail P(X ≥ k) for p = 1/2, with whole numbers. */
function staartHalf(k: number, n: number): number {
  let teller = 0n;
  let c = 1n;
  for (let i = 0; i <= n; i++) {
    if (i >= k) teller += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  return Number((teller * 10n ** 15n) / 2n ** BigInt(n)) / 1e15;
}

describe("poissonInterval (Garwood)", () => {
  // Published table: Gehrels N. (1986), "Confidence limits for small numbers of events in
  // astrophysical data", ApJ 303:336–346, tables 1 (upper) and 2 (lower), column CL 0,975
  // (one-sided 0,975 = two-sided 95 %), to three decimals (four for 0,0253).
  const TABEL: [number, number, number][] = [
    [0, 0, 3.689], [1, 0.0253, 5.572], [2, 0.242, 7.225], [3, 0.619, 8.767], [4, 1.090, 10.242],
    [5, 1.623, 11.668], [6, 2.202, 13.059], [7, 2.814, 14.423], [8, 3.454, 15.763],
    [9, 4.115, 17.085], [10, 4.795, 18.390],
  ];
  it.each(TABEL)("x = %i at 95 %% matches the published table", (x, onder, boven) => {
    const i = poissonInterval(x);
    expect(i.onder).toBeCloseTo(onder, x === 1 ? 4 : 3);
    expect(i.boven).toBeCloseTo(boven, 3);
  });

  it("at 99,8 % for x = 0 the upper limit is −ln(0,001) = 6,908 (a closed form)", () => {
    expect(poissonInterval(0, 0.998).boven).toBeCloseTo(-Math.log(0.001), 9);
  });

  it("agrees with bisection on a summed Poisson CDF, small and large counts, 95 % and 99,8 %", () => {
    for (const b of [0.95, 0.998]) {
      for (const x of [0, 1, 2, 3, 7, 15, 31, 64, 150, 400, 1000, 3000]) {
        const i = poissonInterval(x, b);
        const j = intervalBisectie(x, b);
        expect(Math.abs(i.onder - j.onder)).toBeLessThan(1e-6 * Math.max(1, x));
        expect(Math.abs(i.boven - j.boven)).toBeLessThan(1e-6 * Math.max(1, x));
      }
    }
  });

  it("refuses what is no count, and a confidence outside (0, 1)", () => {
    expect(() => poissonInterval(-1)).toThrow(/geheel getal/);
    expect(() => poissonInterval(2.5)).toThrow(/geheel getal/);
    expect(() => poissonInterval(3, 1)).toThrow(/betrouwbaarheid/);
  });
});

describe("verdelingen", () => {
  it("poissonVerdeling: hand-computed P(X ≤ 3) and P(X ≤ 4) at λ = 10, and the summed CDF", () => {
    // e^−10 · (1 + 10 + 50 + 166,67) = 0,010336; + 416,67 · e^−10 = 0,029253.
    expect(poissonVerdeling(3, 10)).toBeCloseTo(0.010336, 6);
    expect(poissonVerdeling(4, 10)).toBeCloseTo(0.029253, 6);
    for (const [k, l] of [[0, 0.5], [12, 9.3], [200, 230], [1000, 1063.95]]) expect(poissonVerdeling(k, l)).toBeCloseTo(cdfSom(k, l), 9);
    expect(poissonVerdeling(-1, 3)).toBe(0);
    expect(poissonVerdeling(0, 0)).toBe(1);
  });

  it("binomiaalVerdeling: P(X ≤ 3) for n = 10, p = ½ is 176/1024, and exact tails at n = 40", () => {
    expect(binomiaalVerdeling(3, 10, 0.5)).toBeCloseTo(176 / 1024, 12);
    // jstat's incomplete beta is good to about 1e-8: ample to tell p = 0,04 from 0,06.
    for (const k of [5, 20, 30, 35]) expect(1 - binomiaalVerdeling(k - 1, 40, 0.5)).toBeCloseTo(staartHalf(k, 40), 7);
  });

  it("poissonKwantiel: the 2,5 % quantile of Poisson(10) is 4 (P(X ≤ 3) < 0,025 ≤ P(X ≤ 4))", () => {
    expect(poissonKwantiel(0.025, 10)).toBe(4);
    expect(poissonKwantiel(0.975, 10)).toBe(17);
    expect(poissonKwantiel(0.5, 0.2)).toBe(0);
  });
});

describe("rates and ratios", () => {
  it("cijferMetInterval: 10 meldingen among 2.000 leerplichtigen is 5,0 per 1.000 (2,40 to 9,20)", () => {
    const c = cijferMetInterval(10, 2000);
    expect(c.waarde).toBe(5);
    expect(c.onder).toBeCloseTo(4.795 / 2, 3);
    expect(c.boven).toBeCloseTo(18.390 / 2, 3);
    expect(() => cijferMetInterval(1, 0)).toThrow(/noemer/);
  });

  it("waargenomenTegenVerwacht: 31 against 27 expected is within chance; 50 against 27 is higher; 10 against 27 lower", () => {
    const a = waargenomenTegenVerwacht(31, 27);
    expect(a.verhouding).toBeCloseTo(31 / 27, 12);
    expect(a.onder).toBeLessThan(1);
    expect(a.boven).toBeGreaterThan(1);
    expect(a.oordeel).toBe("ongeveer gelijk");
    expect(waargenomenTegenVerwacht(50, 27).oordeel).toBe("hoger");
    expect(waargenomenTegenVerwacht(10, 27).oordeel).toBe("lager");
    // At the edge: 4 observed against 10 expected — the upper limit of 4 is 10,242 > 10.
    expect(waargenomenTegenVerwacht(4, 10).oordeel).toBe("ongeveer gelijk");
    // 3 observed: upper limit 8,767 < 10.
    expect(waargenomenTegenVerwacht(3, 10).oordeel).toBe("lager");
  });
});

describe("vergelijkTellingen (exact conditional test)", () => {
  it("9,2 against 8,6 per 1.000 (46 of 5.000 against 430 of 50.000) is about equal", () => {
    const v = vergelijkTellingen({ aantal: 46, noemer: 5000 }, { aantal: 430, noemer: 50000 });
    expect(v.oordeel).toBe("ongeveer gelijk");
    expect(v.p).toBeGreaterThan(0.5);
  });

  it("equal denominators reduce to the sign test: 30 against 10 has p = 2·P(X ≥ 30 | 40, ½)", () => {
    const v = vergelijkTellingen({ aantal: 30, noemer: 1000 }, { aantal: 10, noemer: 1000 });
    expect(v.p).toBeCloseTo(2 * staartHalf(30, 40), 7);
    expect(v.oordeel).toBe("hoger");
    expect(vergelijkTellingen({ aantal: 10, noemer: 1000 }, { aantal: 30, noemer: 1000 }).oordeel).toBe("lager");
  });

  it("26 against 14 with equal denominators is not yet a difference (p = 0,081), 27 against 13 is (p = 0,038)", () => {
    const a = vergelijkTellingen({ aantal: 26, noemer: 1 }, { aantal: 14, noemer: 1 });
    expect(a.p).toBeCloseTo(2 * staartHalf(26, 40), 7);
    expect(a.oordeel).toBe("ongeveer gelijk");
    const b = vergelijkTellingen({ aantal: 27, noemer: 1 }, { aantal: 13, noemer: 1 });
    expect(b.p).toBeCloseTo(2 * staartHalf(27, 40), 7);
    expect(b.oordeel).toBe("hoger");
  });

  it("no counts at all: about equal, p = 1", () => {
    expect(vergelijkTellingen({ aantal: 0, noemer: 10 }, { aantal: 0, noemer: 90 })).toEqual({ p: 1, oordeel: "ongeveer gelijk" });
  });
});

describe("trechterGrenzen (Spiegelhalter)", () => {
  it("E = 10 at 95 %: lower (4 − 0,2248)/10 = 0,3775 from the hand-computed CDF above", () => {
    // t = (F(4) − 0,025) / (F(4) − F(3)) = (0,029253 − 0,025) / 0,018917 = 0,2248.
    expect(trechterGrenzen(10, 0.95).onder).toBeCloseTo(0.3775, 4);
  });

  it("approach 1 ± z/√E for a large E, the 99,8 % limits outside the 95 % ones", () => {
    const e = 10000;
    const g95 = trechterGrenzen(e, 0.95);
    expect(g95.onder).toBeCloseTo(1 - 1.96 / 100, 2);
    expect(g95.boven).toBeCloseTo(1 + 1.96 / 100, 2);
    for (const x of [2, 15, 80, 600]) {
      const a = trechterGrenzen(x, 0.95);
      const b = trechterGrenzen(x, 0.998);
      expect(b.onder).toBeLessThanOrEqual(a.onder);
      expect(b.boven).toBeGreaterThan(a.boven);
      expect(a.onder).toBeLessThan(1);
      expect(a.boven).toBeGreaterThan(1);
    }
  });

  it("a lower limit for a tiny expected count is 0, not negative", () => {
    expect(trechterGrenzen(0.5, 0.95).onder).toBe(0);
  });
});
