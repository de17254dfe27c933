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
export async function aanval(gepubliceerd: Bestand[], exact: Bestand[], minimumCel: number, genoeg = Infinity): Promise<Aanval> {
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
  // A breakdown published coarser (the monitor's herkomst per gemeente, months per gemeente)
  // is hidden whole, zeros too: there the outsider cannot assume a hidden cell is at least 1.
  const ondergrens = new Array<number>(sleutels.length).fill(1);
  for (const idx of t.cellen.values()) {
    const verborgen = idx.filter((i) => gp[i] === null).length;
    if (verborgen > 0.85 * idx.filter((i) => gp[i] !== undefined).length) for (const i of idx) ondergrens[i] = 0;
  }
  const uit = await valAan({ waar: t.waar, gepubliceerd: gp, sleutels, ondergrens }, verbanden, minimumCel, genoeg);
  const kleinVerborgen = gp.filter((w, i) => w === null && t.waar[i] >= 1 && t.waar[i] < minimumCel).length;
  return { ...uit, cellen: sleutels.length, sleutels, kleinVerborgen };
}

/** The attack's outcome in Dutch, with up to 30 examples of each finding. */
export function aanvalTekst(u: Aanval, min: number, wat: string, ms: number): string {
  const g = new Intl.NumberFormat("nl-NL");
  const regels = [
    `Aanval op ${wat} (minimumCel ${min}): ${g.format(u.cellen)} cellen, ${g.format(u.verborgen)} afgeschermd ` +
    `(${g.format(u.kleinVerborgen)} kleine aantallen), ${g.format(u.verbanden)} verbanden gevonden, ` +
    `${g.format(u.lps)} lineaire programma's, ${g.format(Math.round(ms / 100) / 10)} s.`,
  ];
  for (const t of u.tegenspraak) regels.push(`  tegenspraak: ${t}`);
  const toon = (v: Aanval["exact"][number]) => `  ${u.sleutels[v.cel]} = ${v.waar}: afgeleid ${g.format(v.laag)} .. ${g.format(v.hoog)} (${v.hoe})`;
  const perTabel = (l: Aanval["exact"]) => {
    const n = new Map<string, number>();
    for (const v of l) { const t = u.sleutels[v.cel].split("|")[0]; n.set(t, (n.get(t) ?? 0) + 1); }
    return [...n].map(([t, k]) => `    ${k} × ${t}`);
  };
  const klein = u.exact.filter((v) => v.waar >= 1 && v.waar < min);
  regels.push(`Exact terug te rekenen: ${u.exact.length} (waarvan klein: ${klein.length}).`, ...perTabel(klein));
  if (u.smal.length) regels.push(`Versmald, per tabel:`, ...perTabel(u.smal));
  [...klein.slice(0, 30), ...u.exact.filter((v) => !klein.includes(v)).slice(0, 5)].forEach((v) => regels.push(toon(v)));
  regels.push(`Te versmallen tot 1..${min - 1}: ${u.smal.length}.`);
  u.smal.slice(0, 30).forEach((v) => regels.push(toon(v)));
  for (const v of [...klein, ...u.smal].slice(0, 30)) {
    if (!v.bewijs?.length) continue;
    regels.push(`Bewijs voor ${u.sleutels[v.cel]}:`, ...v.bewijs.map((b) => `    ${b}`));
  }
  return regels.join("\n");
}
