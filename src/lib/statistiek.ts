// Statistics for counts: is a difference real, or within chance? Pure (no DOM, no Node), so
// the loaders, the reports and the pages use the same answers. The special functions (the
// regularized incomplete gamma and beta and the gamma inverse) come from jstat; what is
// built on them is here, each with the reference it follows.
//
// Why exact methods: the counts of one gemeente are small (tens of vsv'ers, a handful of
// thuiszitters), where the normal approximation gives intervals below zero and calls noise a
// difference.
import jStat from "jstat";

/** What a comparison says: only a difference beyond chance is "hoger" or "lager". */
export type Oordeel = "hoger" | "lager" | "ongeveer gelijk";

/** The confidence of an interval or test unless told otherwise. */
export const BETROUWBAARHEID = 0.95;
/** The funnel plot's limits: 95 % and 99,8 % (about 2 and 3 standard deviations). */
export const TRECHTERGRENZEN = [0.95, 0.998] as const;

export interface Interval { onder: number; boven: number }

function telling(x: number, wat: string): void {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${wat} moet een geheel getal van 0 of meer zijn, niet ${x}`);
}
function positief(x: number, wat: string): void {
  if (!Number.isFinite(x) || x <= 0) throw new RangeError(`${wat} moet groter dan 0 zijn, niet ${x}`);
}
function kans(b: number): void {
  if (!(b > 0 && b < 1)) throw new RangeError(`betrouwbaarheid moet tussen 0 en 1 liggen, niet ${b}`);
}

/**
 * The exact (Garwood 1936) confidence interval for the mean of a Poisson count x: the means
 * for which x is not in either tail of α/2. In chi-square form, lower = χ²(α/2; 2x)/2 and
 * upper = χ²(1−α/2; 2x+2)/2; χ²(p; 2a)/2 is the gamma(a) quantile, used here directly.
 */
export function poissonInterval(x: number, betrouwbaarheid = BETROUWBAARHEID): Interval {
  telling(x, "het aantal");
  kans(betrouwbaarheid);
  const a = (1 - betrouwbaarheid) / 2;
  return { onder: x === 0 ? 0 : jStat.gammapinv(a, x), boven: jStat.gammapinv(1 - a, x + 1) };
}

/** P(X ≤ k) for X ~ Poisson(λ): the regularized upper incomplete gamma Q(k+1, λ). */
export function poissonVerdeling(k: number, lambda: number): number {
  if (!(lambda >= 0)) throw new RangeError(`het verwachte aantal moet 0 of meer zijn, niet ${lambda}`);
  if (k < 0) return 0;
  if (lambda === 0) return 1;
  return 1 - jStat.lowRegGamma(Math.floor(k) + 1, lambda);
}

/** P(X ≤ k) for X ~ Binomial(n, p), through the regularized incomplete beta. */
export function binomiaalVerdeling(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const j = Math.floor(k);
  return jStat.ibeta(1 - p, n - j, j + 1);
}

/** A rate with its exact interval: `per` (1.000) times count / denominator. */
export interface Cijfer extends Interval { waarde: number }

/**
 * A rate per `per` of a denominator with the exact Poisson interval of its count. The count
 * is treated as Poisson (a rare event in a large population: a verzuimmelding among
 * leerplichtigen), which is slightly wider than binomial where the rate is high: on the safe side.
 */
export function cijferMetInterval(aantal: number, noemer: number, per = 1000, betrouwbaarheid = BETROUWBAARHEID): Cijfer {
  positief(noemer, "de noemer");
  const { onder, boven } = poissonInterval(aantal, betrouwbaarheid);
  return { waarde: (aantal / noemer) * per, onder: (onder / noemer) * per, boven: (boven / noemer) * per };
}

export interface Verhouding extends Interval {
  waargenomen: number;
  verwacht: number;
  /** Observed / expected. */
  verhouding: number;
  oordeel: Oordeel;
}

/**
 * Observed against expected (an indirectly standardized ratio, like an SMR): the ratio O/E
 * with the exact interval of O divided by E. The expected count is taken as known: the CBS
 * risicoscore is a sum of many individual probabilities, far more precise than one year's
 * count. "Hoger" or "lager" only when 1 lies outside the interval, which is the exact
 * two-sided Poisson test with α/2 in each tail.
 */
export function waargenomenTegenVerwacht(waargenomen: number, verwacht: number, betrouwbaarheid = BETROUWBAARHEID): Verhouding {
  positief(verwacht, "het verwachte aantal");
  const { onder, boven } = poissonInterval(waargenomen, betrouwbaarheid);
  const r = { onder: onder / verwacht, boven: boven / verwacht };
  return {
    waargenomen, verwacht, verhouding: waargenomen / verwacht, ...r,
    oordeel: r.onder > 1 ? "hoger" : r.boven < 1 ? "lager" : "ongeveer gelijk",
  };
}

export interface Vergelijking {
  oordeel: Oordeel;
  /** Two-sided p-value of the exact conditional test. */
  p: number;
}

/**
 * Two rates of counts compared: a (count, denominator) against b. Given the total count
 * a + b, a's share is binomial with p = Na / (Na + Nb) when both rates are equal: the exact
 * conditional test for two Poisson rates (Przyborowski & Wereński 1940; Armitage, Berry &
 * Matthews, Statistical Methods in Medical Research §5.2). Two-sided p = twice the smaller
 * tail, at most 1. Compare a gemeente with the rest of the regio, not with a regio that
 * contains it.
 */
export function vergelijkTellingen(
  a: { aantal: number; noemer: number }, b: { aantal: number; noemer: number }, betrouwbaarheid = BETROUWBAARHEID,
): Vergelijking {
  telling(a.aantal, "het aantal");
  telling(b.aantal, "het aantal");
  positief(a.noemer, "de noemer");
  positief(b.noemer, "de noemer");
  kans(betrouwbaarheid);
  const n = a.aantal + b.aantal;
  const aandeel = a.noemer / (a.noemer + b.noemer);
  const links = binomiaalVerdeling(a.aantal, n, aandeel);
  const rechts = 1 - binomiaalVerdeling(a.aantal - 1, n, aandeel);
  const p = Math.min(1, 2 * Math.min(links, rechts));
  const verschil = a.aantal / a.noemer - b.aantal / b.noemer;
  return { p, oordeel: p >= 1 - betrouwbaarheid || verschil === 0 ? "ongeveer gelijk" : verschil > 0 ? "hoger" : "lager" };
}

/**
 * The smallest r with P(X ≤ r) ≥ p for X ~ Poisson(λ). Searched from below a normal
 * approximation's bound, so the loop takes a few √λ steps at most.
 */
export function poissonKwantiel(p: number, lambda: number): number {
  let r = Math.max(0, Math.floor(lambda - 6 * Math.sqrt(lambda) - 6));
  while (poissonVerdeling(r, lambda) < p) r++;
  return r;
}

/**
 * The funnel plot's control limits for the ratio O/E at expected count E (Spiegelhalter
 * 2005, "Funnel plots for comparing institutional performance", Stat Med 24:1185–1202,
 * appendix A.1.1): the Poisson quantiles of E, interpolated between whole counts so the
 * limits are smooth curves, divided by E. A lower limit below 0 (small E) is 0.
 */
export function trechterGrenzen(verwacht: number, betrouwbaarheid: number): Interval {
  positief(verwacht, "het verwachte aantal");
  kans(betrouwbaarheid);
  const grens = (p: number) => {
    const r = poissonKwantiel(p, verwacht);
    const f = poissonVerdeling(r, verwacht);
    const fVoor = poissonVerdeling(r - 1, verwacht);
    const t = (f - p) / (f - fVoor);
    return Math.max(0, (r - t) / verwacht);
  };
  const a = (1 - betrouwbaarheid) / 2;
  return { onder: grens(a), boven: grens(1 - a) };
}
