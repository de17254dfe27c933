// Which cells add up to which: found in the exact counts, the way an informed outsider knows
// them (a regio total is the sum of its gemeenten, a table summed over a breakdown is the
// figure another file shows, the same figure appears in two files). A relation is accepted
// only when it holds in every row where it applies, in at least three rows with a total above
// zero: a coincidence seldom does that. Found relations may be more than an outsider knows
// (that makes the attack stronger, never weaker), never fewer of the structural ones.

export interface Verband {
  totaal: number;
  delen: number[];
  /** How it was found, for the report: the table and what was summed. */
  soort: string;
}

export interface Tabellen {
  /** Per table: the cells (indices into `waar`/`dims`). */
  cellen: Map<string, number[]>;
  dims: string[][];
  waar: number[];
}

const MAX_DEELVERZAMELING = 13;

/** Totals inside one table: along one dimension, a value that is the sum of some others. */
export function binnenTabel(t: Tabellen, tabel: string, idx: number[]): { verbanden: Verband[]; totalen: Set<string>[] } {
  const k = t.dims[idx[0]]?.length ?? 0;
  const verbanden: Verband[] = [];
  const totalen: Set<string>[] = Array.from({ length: k }, () => new Set());
  for (let p = 0; p < k; p++) {
    const groepen = new Map<string, Map<string, number>>();
    for (const i of idx) {
      const d = t.dims[i];
      const rest = d.filter((_, q) => q !== p).join("|");
      let g = groepen.get(rest);
      if (!g) groepen.set(rest, (g = new Map()));
      g.set(d[p], i);
    }
    const waarden = new Set(idx.map((i) => t.dims[i][p]));
    if (waarden.size < 3 || waarden.size > 40) continue;
    // A value that is zero everywhere says nothing about structure.
    const nietNul = [...waarden].filter((w) => idx.some((i) => t.dims[i][p] === w && t.waar[i] !== 0));
    for (const tot of nietNul) {
      const metTotaal = [...groepen.values()].filter((g) => g.has(tot));
      if (metTotaal.filter((g) => t.waar[g.get(tot)!] > 0).length < 3) continue;
      metTotaal.sort((a, b) => t.waar[b.get(tot)!] - t.waar[a.get(tot)!]);
      const anderen = nietNul.filter((w) => w !== tot);
      if (anderen.length < 2) continue;
      const klopt = (leden: string[]) => metTotaal.every((g) => {
        let som = 0;
        for (const l of leden) { const i = g.get(l); if (i !== undefined) som += t.waar[i]; }
        return som === t.waar[g.get(tot)!];
      });
      const kandidaten: string[][] = [];
      if (anderen.length <= MAX_DEELVERZAMELING) {
        for (let m = 1; m < 1 << anderen.length; m++) {
          if ((m & (m - 1)) === 0) continue; // at least two parts
          kandidaten.push(anderen.filter((_, b) => m & (1 << b)));
        }
      } else kandidaten.push(anderen);
      for (const leden of kandidaten) {
        if (!klopt(leden)) continue;
        totalen[p].add(tot);
        for (const g of metTotaal) {
          const delen = leden.map((l) => g.get(l)).filter((i): i is number => i !== undefined);
          verbanden.push({ totaal: g.get(tot)!, delen, soort: `${tabel} [${p}] ${tot} = ${leden.join(" + ")}` });
        }
      }
    }
  }
  return { verbanden, totalen };
}

function deelverzamelingen(k: number): number[][] {
  const uit: number[][] = [];
  for (let m = 0; m < 1 << k; m++) uit.push([...Array(k).keys()].filter((b) => m & (1 << b)));
  return uit;
}

/**
 * Between tables: a cell of one table equals a sum over another table (the same figure in two
 * files, or a breakdown summed over one or more of its dimensions).
 */
export function tussenTabellen(t: Tabellen, totalen: Map<string, Set<string>[]>): Verband[] {
  const verbanden: Verband[] = [];
  const tabellen = [...t.cellen.entries()].filter(([, idx]) => idx.length > 0);
  // Per table: its values, and its margins over every subset of its dimensions.
  const marges = new Map<string, { waarden: Set<string>; perDeel: { deel: number[]; som: Map<string, { som: number; cellen: number[] }> }[] }>();
  for (const [naam, idx] of tabellen) {
    const k = t.dims[idx[0]].length;
    if (k > 7) continue;
    const tot = totalen.get(naam) ?? [];
    const waarden = new Set(idx.flatMap((i) => t.dims[i]));
    const perDeel = deelverzamelingen(k).filter((d) => d.length > 0).map((deel) => {
      const som = new Map<string, { som: number; cellen: number[] }>();
      for (const i of idx) {
        const d = t.dims[i];
        // Only the finest cells outside the kept dimensions: totals would count twice.
        if (d.some((w, q) => !deel.includes(q) && tot[q]?.has(w))) continue;
        const sleutel = deel.map((q) => d[q]).sort().join("|");
        let e = som.get(sleutel);
        if (!e) som.set(sleutel, (e = { som: 0, cellen: [] }));
        e.som += t.waar[i];
        e.cellen.push(i);
      }
      return { deel, som };
    });
    marges.set(naam, { waarden, perDeel });
  }
  for (const [naam1, idx1] of tabellen) {
    for (const [naam2, m] of marges) {
      if (naam1 === naam2) continue;
      // The cells of table 1 in series: the values table 2 does not know fix the series.
      const reeksen = new Map<string, { cel: number; sleutel: string[] }[]>();
      for (const i of idx1) {
        const d = t.dims[i];
        const eigen = d.map((w, q) => (m.waarden.has(w) ? "" : `${q}=${w}`)).join("|");
        const gedeeld = d.filter((w) => m.waarden.has(w));
        if (gedeeld.length === 0) continue;
        let r = reeksen.get(eigen);
        if (!r) reeksen.set(eigen, (r = []));
        r.push({ cel: i, sleutel: gedeeld });
      }
      for (const reeks of reeksen.values()) {
        if (reeks.filter((c) => t.waar[c.cel] > 0).length < 3) continue;
        const n = reeks[0].sleutel.length;
        if (reeks.some((c) => c.sleutel.length !== n)) continue;
        for (const { deel, som } of m.perDeel) {
          if (deel.length !== n) continue;
          const passend = reeks.every((c) => som.get([...c.sleutel].sort().join("|"))?.som === t.waar[c.cel]);
          if (!passend) continue;
          for (const c of reeks) {
            const e = som.get([...c.sleutel].sort().join("|"))!;
            verbanden.push({ totaal: c.cel, delen: e.cellen, soort: `${naam1} = ${naam2} opgeteld over [${[...Array(t.dims[e.cellen[0]].length).keys()].filter((q) => !deel.includes(q)).join(",")}]` });
          }
        }
      }
    }
  }
  return verbanden;
}
