// Property-based tests of verdeel(): for random risicoscores, vaste voeten and totals the
// amounts add up to the budget exactly, each is within one euro of its exact proportional
// amount, and the result is deterministic and independent of the input order.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { verdeel, type VerdeelGemeente } from "../../src/lib/verdeling.ts";

/** Risicoscores with up to three decimals (CBS publishes one), kept as thousandths so the
 *  test can compute the exact proportional amount as a fraction, without floating point. */
const gemeenten = (opties: { metNull?: boolean; metVoet?: boolean } = {}) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 25 })
    .chain((codes) =>
      fc.tuple(
        ...codes.map((c) =>
          fc.record({
            code: fc.constant(`GM${String(c).padStart(4, "0")}`),
            naam: fc.constant(`Gemeente ${c}`),
            duizendsten: opties.metNull ? fc.option(fc.integer({ min: 0, max: 500_000 }), { freq: 6 }) : fc.integer({ min: 0, max: 500_000 }),
            vasteVoet: opties.metVoet ? fc.integer({ min: 0, max: 50_000 }) : fc.constant(0),
          }),
        ),
      ),
    )
    .map((rijen) =>
      rijen.map((r): VerdeelGemeente & { duizendsten: number | null } => ({
        code: r.code, naam: r.naam, vasteVoet: r.vasteVoet, duizendsten: r.duizendsten,
        risicoscore: r.duizendsten === null ? null : r.duizendsten / 1000,
      })),
    );

const budget = fc.integer({ min: 0, max: 50_000_000 });

const som = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("verdeel: properties", () => {
  it("the amounts add up to the budget exactly, in whole euros", () => {
    fc.assert(
      fc.property(budget, gemeenten({ metNull: true, metVoet: true }), (gemeentelijk, gem) => {
        const u = verdeel({ gemeentelijk, gemeenten: gem });
        expect(u.gemeenten).toHaveLength(gem.length);
        for (const r of u.gemeenten) expect(Number.isInteger(r.bedrag) && r.bedrag >= 0).toBe(true);
        expect(som(u.gemeenten.map((r) => r.bedrag))).toBe(gemeentelijk);
      }),
      { numRuns: 500 },
    );
  });

  it("each amount is within one euro of vaste voet + its exact share of the rest", () => {
    fc.assert(
      fc.property(budget, gemeenten({ metNull: true, metVoet: true }), (gemeentelijk, gem) => {
        const voeten = som(gem.map((x) => x.vasteVoet ?? 0));
        fc.pre(voeten <= gemeentelijk);
        const S = BigInt(som(gem.map((x) => x.duizendsten ?? 0)));
        fc.pre(S > 0n);
        const rest = BigInt(gemeentelijk - voeten);
        const u = verdeel({ gemeentelijk, gemeenten: gem });
        for (const x of gem) {
          const r = u.gemeenten.find((y) => y.code === x.code)!;
          // |bedrag − (vasteVoet + rest·s/S)| < 1  ⇔  |(bedrag − vasteVoet)·S − rest·s| < S, in integers.
          const verschil = (BigInt(r.bedrag - (x.vasteVoet ?? 0))) * S - rest * BigInt(x.duizendsten ?? 0);
          expect(verschil < S && -verschil < S).toBe(true);
          expect(r.bedrag).toBeGreaterThanOrEqual(x.vasteVoet ?? 0);
          expect(Math.abs(r.bedrag - r.exact)).toBeLessThan(1 + 1e-6); // the reported exact amount agrees
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a gemeente without risicoscore gets exactly its vaste voet", () => {
    fc.assert(
      fc.property(budget, gemeenten({ metNull: true, metVoet: true }), (gemeentelijk, gem) => {
        fc.pre(som(gem.map((x) => x.vasteVoet ?? 0)) <= gemeentelijk);
        fc.pre(gem.some((x) => (x.duizendsten ?? 0) > 0));
        const u = verdeel({ gemeentelijk, gemeenten: gem });
        for (const x of gem.filter((y) => y.risicoscore === null)) {
          expect(u.gemeenten.find((y) => y.code === x.code)!.bedrag).toBe(x.vasteVoet);
        }
      }),
    );
  });

  it("is deterministic and does not depend on the order of the gemeenten", () => {
    fc.assert(
      fc.property(
        budget,
        gemeenten({ metNull: true, metVoet: true }).chain((gem) => fc.tuple(fc.constant(gem), fc.shuffledSubarray(gem, { minLength: gem.length, maxLength: gem.length }))),
        (gemeentelijk, [gem, geschud]) => {
          const a = verdeel({ gemeentelijk, gemeenten: gem });
          expect(verdeel({ gemeentelijk, gemeenten: gem })).toEqual(a);
          expect(verdeel({ gemeentelijk, gemeenten: geschud })).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a higher risicoscore never gets less (same vaste voet)", () => {
    fc.assert(
      fc.property(budget, gemeenten(), (gemeentelijk, gem) => {
        const u = verdeel({ gemeentelijk, gemeenten: gem });
        for (const a of u.gemeenten) {
          for (const b of u.gemeenten) {
            if ((a.risicoscore ?? 0) > (b.risicoscore ?? 0)) expect(a.bedrag).toBeGreaterThanOrEqual(b.bedrag);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("still adds up when the vaste voeten exceed the budget", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), gemeenten({ metVoet: true }), (gemeentelijk, gem) => {
        fc.pre(som(gem.map((x) => x.vasteVoet ?? 0)) > gemeentelijk);
        const u = verdeel({ gemeentelijk, gemeenten: gem });
        expect(som(u.gemeenten.map((r) => r.bedrag))).toBe(gemeentelijk);
        expect(u.waarschuwingen.some((w) => w.includes("naar verhouding verlaagd"))).toBe(true);
      }),
    );
  });

  it("handles arbitrary decimal risicoscores (doubles) with the same guarantees", () => {
    fc.assert(
      fc.property(
        budget,
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 20 }),
        (gemeentelijk, scores) => {
          const gem = scores.map((s, i) => ({ code: `GM${String(i + 1).padStart(4, "0")}`, naam: `G${i}`, risicoscore: s }));
          const u = verdeel({ gemeentelijk, gemeenten: gem });
          expect(som(u.gemeenten.map((r) => r.bedrag))).toBe(gemeentelijk);
          for (const r of u.gemeenten) expect(Math.abs(r.bedrag - r.exact)).toBeLessThan(1 + 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });
});
