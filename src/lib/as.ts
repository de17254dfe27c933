// Chart axes with round numbers (as d3.ticks does) and end labels kept apart: pure arithmetic
// for the trend charts (src/components/trends.ts) and the map's legend (kaart.ts).

/** A round step (1, 2 or 5 × 10^k) that cuts [min, max] into about `aantal` parts. */
export function rondeStap(min: number, max: number, aantal: number): number {
  const ruw = (max - min) / Math.max(1, aantal);
  if (!(ruw > 0)) return 1;
  const macht = 10 ** Math.floor(Math.log10(ruw));
  const f = ruw / macht;
  return (f >= Math.sqrt(50) ? 10 : f >= Math.sqrt(10) ? 5 : f >= Math.sqrt(2) ? 2 : 1) * macht;
}

const schoon = (v: number) => Number(v.toFixed(10));

/** Round values within [min, max], about `aantal` of them apart. */
export function rondeTicks(min: number, max: number, aantal: number): number[] {
  const stap = rondeStap(min, max, aantal);
  const uit: number[] = [];
  for (let k = Math.ceil(min / stap); k * stap <= max + stap * 1e-9; k++) uit.push(schoon(k * stap));
  return uit;
}

/** The bottom of an axis: `min` rounded down to a round step. */
export function rondOnder(min: number, max: number, aantal = 5): number {
  const stap = rondeStap(min, max, aantal);
  return schoon(Math.floor(min / stap + 1e-9) * stap);
}

/** The top of an axis from 0: `max` rounded up to a round step. */
export function rondBoven(max: number, aantal = 5): number {
  if (!(max > 0)) return 1;
  const stap = rondeStap(0, max, aantal);
  return schoon(Math.ceil(max / stap - 1e-9) * stap);
}

/**
 * End labels of lines pushed apart so they do not overlap: positions in pixels, at least
 * `afstand` apart, kept within [boven, onder] where there is room. Returns the new positions
 * in the order given.
 */
export function spreidLabels(posities: number[], afstand: number, boven: number, onder: number): number[] {
  const volgorde = posities.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const y = volgorde.map((v) => v.p);
  for (let k = 1; k < y.length; k++) y[k] = Math.max(y[k], y[k - 1] + afstand);
  if (y.length && y[y.length - 1] > onder) {
    y[y.length - 1] = onder;
    for (let k = y.length - 2; k >= 0; k--) y[k] = Math.min(y[k], y[k + 1] - afstand);
  }
  if (y.length && y[0] < boven) {
    // Not enough room for all: start at the top and accept running past the bottom.
    y[0] = boven;
    for (let k = 1; k < y.length; k++) y[k] = Math.max(y[k], y[k - 1] + afstand);
  }
  const uit = new Array<number>(posities.length);
  volgorde.forEach((v, k) => { uit[v.i] = y[k]; });
  return uit;
}

/**
 * The value axis of the trend chart: from 0, unless all lines lie close together high above
 * zero; then around them (the axis label says where it starts).
 */
export function trendAs(waarden: number[]): { yMin: number; yMax: number } {
  const max = waarden.length ? Math.max(...waarden) : 1;
  const min = waarden.length ? Math.min(...waarden) : 0;
  if (!(max > 0) || min <= max * 0.5) return { yMin: 0, yMax: rondBoven(max) };
  const stap = rondeStap(min, max, 5);
  const yMin = rondOnder(min, max);
  const yMax = schoon(Math.ceil(max / stap - 1e-9) * stap);
  return { yMin, yMax: yMax > yMin ? yMax : schoon(yMin + stap) };
}
