// A gemeente against its regio, in words that only call a real difference a difference.
// Pure: used by the pages (in the browser) and testable without them.
import { vergelijkTellingen, BETROUWBAARHEID, type Oordeel } from "./statistiek.js";

/** A count and its denominator as published (null: suppressed or absent). */
export interface Telling { aantal: number | null | undefined; noemer: number | null | undefined }

/**
 * The gemeente's rate against the rest of the regio (the regio less the gemeente: a gemeente
 * is part of its regio, and compared with a total that contains it a large gemeente would
 * always look like the regio). Exact conditional test for two Poisson rates. Null when a
 * count is unknown, or when the rest is empty or does not add up (a count of distinct
 * jongeren over gemeenten need not be the sum of its gemeenten).
 */
export function tovRegio(gemeente: Telling, regio: Telling, betrouwbaarheid = BETROUWBAARHEID): Oordeel | null {
  const { aantal: a, noemer: n } = gemeente;
  const { aantal: ra, noemer: rn } = regio;
  if (a == null || n == null || ra == null || rn == null || !Number.isInteger(a) || !Number.isInteger(ra) || n <= 0) return null;
  const rest = { aantal: ra - a, noemer: rn - n };
  if (rest.aantal < 0 || rest.noemer <= 0) return null;
  return vergelijkTellingen({ aantal: a, noemer: n }, rest, betrouwbaarheid).oordeel;
}

/** "hoger dan de regio", "lager dan de regio", "ongeveer gelijk aan de regio". */
export function tovRegioTekst(o: Oordeel, wie = "de regio"): string {
  return o === "ongeveer gelijk" ? `ongeveer gelijk aan ${wie}` : `${o} dan ${wie}`;
}
