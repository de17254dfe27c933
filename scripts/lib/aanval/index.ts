// The differencing attack on a set of published files, checked against the exact counts
// behind them: which hidden cells an outsider can pin down or show to be small.
import { cellenVan, celSleutel } from "./cellen.ts";
import { binnenTabel, tussenTabellen, type Tabellen, type Verband } from "./verbanden.ts";
import { valAan, type AanvalUitkomst } from "./oplossen.ts";

export interface Bestand { naam: string; json: unknown }

export interface Aanval extends AanvalUitkomst {
  cellen: number;
  sleutels: string[];
  /** Hidden cells with a small true count (1 .. minimumCel − 1). */
  kleinVerborgen: number;
}

/** `gepubliceerd` and `exact` hold the same files (by name): as published, and exact. */
export async function aanval(gepubliceerd: Bestand[], exact: Bestand[], minimumCel: number): Promise<Aanval> {
  const gepub = new Map<string, number | null>();
  for (const b of gepubliceerd) for (const c of cellenVan(b.naam, b.json)) gepub.set(celSleutel(c), c.waarde);
  const t: Tabellen = { cellen: new Map(), dims: [], waar: [] };
  const sleutels: string[] = [];
  const alle = exact.flatMap((b) => cellenVan(b.naam, b.json));
  // Counts only: a table with a fraction in it (a percentage, per fte) is a rate, not a count.
  const perTabel = new Map<string, typeof alle>();
  for (const c of alle) {
    if (c.waarde === null) continue;
    let l = perTabel.get(c.tabel);
    if (!l) perTabel.set(c.tabel, (l = []));
    l.push(c);
  }
  for (const [naam, cellen] of perTabel) {
    if (cellen.some((c) => !Number.isInteger(c.waarde))) continue;
    const k = cellen[0].dims.length;
    if (cellen.some((c) => c.dims.length !== k)) continue;
    const idx: number[] = [];
    for (const c of cellen) {
      idx.push(sleutels.length);
      sleutels.push(celSleutel(c));
      t.dims.push(c.dims);
      t.waar.push(c.waarde!);
    }
    t.cellen.set(naam, idx);
  }
  const stap = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);
  stap(`${sleutels.length} cellen in ${t.cellen.size} tabellen; verbanden binnen tabellen zoeken…`);
  const verbanden: Verband[] = [];
  const totalen = new Map<string, Set<string>[]>();
  for (const [naam, idx] of t.cellen) {
    const b = binnenTabel(t, naam, idx);
    verbanden.push(...b.verbanden);
    totalen.set(naam, b.totalen);
  }
  stap(`${verbanden.length} verbanden binnen tabellen; tussen tabellen zoeken…`);
  verbanden.push(...tussenTabellen(t, totalen));
  stap(`${verbanden.length} verbanden; rekenen…`);
  // A cell the published files leave out: zero when it is zero (the site drops empty rows),
  // otherwise unknown to the outsider, and not one of the cells to protect.
  const gp = sleutels.map((s, i) => {
    if (gepub.has(s)) return gepub.get(s)!;
    return t.waar[i] === 0 ? 0 : undefined;
  });
  const uit = await valAan({ waar: t.waar, gepubliceerd: gp, sleutels }, verbanden, minimumCel);
  const kleinVerborgen = gp.filter((w, i) => w === null && t.waar[i] >= 1 && t.waar[i] < minimumCel).length;
  return { ...uit, cellen: sleutels.length, sleutels, kleinVerborgen };
}
