// Suppression of the whole linked set at once. Primary: every count of 1..minimumCel-1.
// Secondary: first the classic rule on every relation (one hidden member of "total = sum of
// parts" is given back by subtraction, so a second one is hidden: the smallest positive
// part, else the total), then the interval audit over everything; where the audit can still
// pin a hidden cell or show it small, one more cell is hidden for it (the cheapest of those
// the duals of its maximum say would give it room; else one beside it), and so on until the
// audit passes. Zeros are never hidden: "nobody" reveals no one, and it keeps the outsider's
// lower bound of a hidden cell at 1, which the audit assumes.
import { audit, nieuweKennis, type AuditUitkomst } from "./audit.ts";
import { lidVan, type Koppeling } from "./koppeling.ts";

export interface Onderdrukking {
  /** 1 = hidden, per cell of the Koppeling. */
  weg: Uint8Array;
  primair: number;
  secundair: number;
  /** Audit rounds until it passed. */
  rondes: number;
  audit: AuditUitkomst;
}

export class AuditMislukt extends Error {}

export async function onderdrukKoppeling(k: Koppeling, minimumCel: number, maxRondes = 200, log?: (m: string) => void): Promise<Onderdrukking> {
  const n = k.aantal;
  const w = k.waarden;
  const weg = new Uint8Array(n);
  // Ties between equal counts: the first key in code-point order, so every run is the same.
  const volgorde = new Int32Array(n);
  Array.from({ length: n }, (_x, i) => i).sort((a, b) => (k.sleutels[a] < k.sleutels[b] ? -1 : 1)).forEach((c, r) => { volgorde[c] = r; });
  // A cell that several tables publish (a status count that is also a margin of the
  // transitions) is the last choice: hiding it costs every table it is in.
  const kosten = (c: number) => (k.gedeeld[c] ? 1e12 : 0) + w[c];
  const beter = (a: number, b: number) => b < 0 || kosten(a) < kosten(b) || (kosten(a) === kosten(b) && volgorde[a] < volgorde[b]);
  const { start, rel } = lidVan(k);
  const verborgen = new Int32Array(k.relaties.length);
  // Per relation: hidden parts (not the total), their sum, and how many of them are small.
  const delenWeg = new Int32Array(k.relaties.length);
  const somWeg = new Float64Array(k.relaties.length);
  const kleinWeg = new Int32Array(k.relaties.length);
  const rij: number[] = [];
  const verberg = (i: number) => {
    weg[i] = 1;
    for (let j = start[i]; j < start[i + 1]; j++) {
      const g = rel[j];
      verborgen[g]++;
      if (k.relaties[g].totaal !== i) {
        delenWeg[g]++;
        somWeg[g] += w[i];
        if (w[i] > 0 && w[i] < minimumCel) kleinWeg[g]++;
      }
      rij.push(g);
    }
  };
  let primair = 0;
  let ongepubliceerd = 0;
  for (let i = 0; i < n; i++) {
    if (k.ongepubliceerd[i]) { verberg(i); ongepubliceerd++; }
    else if (w[i] > 0 && w[i] < minimumCel) { verberg(i); primair++; }
  }

  /**
   * Two rules per relation until nothing changes: no relation with exactly one hidden member
   * (subtraction gives it back), and where the total is shown, hidden parts that together
   * leave room for each small one to be minimumCel (else "at most 4" can be derived).
   */
  const klassiek = () => {
    while (rij.length) {
      const g = rij.pop()!;
      const r = k.relaties[g];
      // One hidden member is given back by subtraction; a cell of a coarser breakdown that is
      // 0 or at least minimumCel may be (it needs no protection).
      const een = verborgen[g] === 1 && ![r.totaal, ...r.delen].some((c) => weg[c] && k.vrij(c, minimumCel));
      const krap = !weg[r.totaal] && kleinWeg[g] > 0 && somWeg[g] - (delenWeg[g] - 1) < minimumCel;
      if (!een && !krap) continue;
      // The smallest positive part; the total only where no part but a twin is left.
      let beste = -1;
      for (const d of r.delen) if (!weg[d] && w[d] > 0 && beter(d, beste)) beste = d;
      if (!weg[r.totaal] && w[r.totaal] > 0 && (beste < 0 || (k.gedeeld[beste] && !k.gedeeld[r.totaal]))) beste = r.totaal;
      if (beste >= 0) verberg(beste);
    }
  };
  klassiek();
  let totaalProgrammas = 0;
  // After the first round only the groups that changed are solved again: a group that passed
  // and got no new hidden cell still passes.
  let alleen: Uint8Array | undefined;
  let laatste: AuditUitkomst | undefined;
  // Rounds in which a cell failed: one that keeps failing gets complements further out, in
  // steps (beside it; beside its group; at last everything two relations away).
  const pogingen = new Map<number, number>();
  // Cells are only ever added to the hidden ones here, so what a round's audit showed holds
  // in every later round (audit.ts, AuditKennis).
  const kennis = nieuweKennis(k);
  for (let ronde = 1; ; ronde++) {
    const uitkomst = await audit(k, weg, minimumCel, alleen, kennis);
    totaalProgrammas += uitkomst.programmas;
    laatste = uitkomst;
    if (log) {
      const soorten = new Map<string, number>();
      for (const f of uitkomst.fouten) soorten.set(f.sleutel.split("|")[0], (soorten.get(f.sleutel.split("|")[0]) ?? 0) + 1);
      log(`ronde ${ronde}: ${uitkomst.verborgen} afgeschermd, ${uitkomst.fouten.length} nog af te leiden (${[...soorten].map(([d, n]) => `${d} ${n}`).join(", ")}), ${uitkomst.programmas} programma's`);
    }
    if (uitkomst.fouten.length === 0) {
      let totaal = 0;
      for (let i = 0; i < n; i++) totaal += weg[i];
      return { weg, primair, secundair: totaal - primair - ongepubliceerd, rondes: ronde, audit: { ...laatste, programmas: totaalProgrammas } };
    }
    if (ronde >= maxRondes) throw new AuditMislukt(auditMelding(uitkomst, minimumCel));
    // One more cell beside each pinned one: the cheapest published positive cell that shares
    // a relation with it (else with any cell of its group). Cells pinned together are often
    // freed by one, so none beside a relation that got one this round.
    alleen = new Uint8Array(n);
    const voor = Uint8Array.from(weg);
    const gedaan = new Uint8Array(k.relaties.length);
    let erbij = 0;
    const naast = (cellen: readonly number[]) => {
      let beste = -1;
      for (const c0 of cellen) {
        for (let j = start[c0]; j < start[c0 + 1]; j++) {
          const r = k.relaties[rel[j]];
          for (const c of r.delen) if (!weg[c] && w[c] > 0 && beter(c, beste)) beste = c;
          if (!weg[r.totaal] && w[r.totaal] > 0 && beter(r.totaal, beste)) beste = r.totaal;
        }
      }
      return beste;
    };
    for (const f of uitkomst.fouten) {
      for (const c of f.groep) alleen[c] = 1;
      const keer = (pogingen.get(f.cel) ?? 0) + 1;
      pogingen.set(f.cel, keer);
      if (keer < 7 && f.uitwegen.length) {
        // The audit said which published cells would give it room (the duals of its
        // maximum): the cheapest of them, unless one was hidden this round already (cells
        // held down together are often freed by one).
        if (f.uitwegen.some((c) => weg[c] && !voor[c])) continue;
        let beste = -1;
        for (const c of f.uitwegen) if (!weg[c] && w[c] > 0 && beter(c, beste)) beste = c;
        if (beste >= 0) {
          verberg(beste);
          alleen[beste] = 1;
          erbij++;
          continue;
        }
      }
      if (keer >= 7 && keer < 15) {
        // Still pinned: one cell further out, the cheapest beside any cell of its group.
        const verder = naast(f.groep);
        if (verder >= 0) { verberg(verder); alleen[verder] = 1; erbij++; }
        continue;
      }
      if (keer >= 15) {
        // Last resort: every published cell two relations away (beside the hidden cells that
        // share a relation with it).
        const buren = new Set<number>([f.cel]);
        for (let j = start[f.cel]; j < start[f.cel + 1]; j++) {
          const r = k.relaties[rel[j]];
          for (const c of [...r.delen, r.totaal]) if (weg[c]) buren.add(c);
        }
        let hier = 0;
        for (const c0 of buren) {
          for (let j = start[c0]; j < start[c0 + 1]; j++) {
            const r = k.relaties[rel[j]];
            for (const c of [...r.delen, r.totaal]) if (!weg[c] && w[c] > 0) { verberg(c); alleen[c] = 1; hier++; }
          }
        }
        if (!hier) {
          const verder = naast(f.groep);
          if (verder >= 0) { verberg(verder); alleen[verder] = 1; hier++; }
        }
        erbij += hier;
        continue;
      }
      if (keer >= 3) {
        // Failed before: the cheapest cell beside it even where a relation got one this
        // round, else one beside its group.
        let beste = naast([f.cel]);
        if (beste < 0) beste = naast(f.groep);
        if (beste >= 0) { verberg(beste); alleen[beste] = 1; erbij++; }
        continue;
      }
      let al = false;
      for (let j = start[f.cel]; j < start[f.cel + 1]; j++) if (gedaan[rel[j]]) al = true;
      if (al) continue;
      let beste = naast([f.cel]);
      if (beste < 0) beste = naast(f.groep);
      if (beste < 0) continue;
      for (const c of [beste, f.cel]) for (let j = start[c]; j < start[c + 1]; j++) gedaan[rel[j]] = 1;
      verberg(beste);
      alleen[beste] = 1;
      erbij++;
    }
    if (erbij === 0) throw new AuditMislukt(auditMelding(uitkomst, minimumCel));
    klassiek();
    // Every cell hidden this round, by either rule: its group changed.
    for (let i = 0; i < n; i++) if (weg[i] && !voor[i]) alleen[i] = 1;
  }
}

/** The Dutch message of a failed audit: which cells stay derivable. */
export function auditMelding(u: AuditUitkomst, minimumCel: number): string {
  const voorbeelden = u.fouten.slice(0, 5).map((f) =>
    `  ${f.sleutel}: ${f.reden === "exact" ? `exact af te leiden (${f.min})` : `af te leiden tussen ${f.min} en ${f.max}, kleiner dan ${minimumCel}`}`);
  return `De privacycontrole is niet geslaagd: ${u.fouten.length} afgeschermde ${u.fouten.length === 1 ? "cel is" : "cellen zijn"} ` +
    `uit de andere gepubliceerde cijfers terug te rekenen. Er wordt niets gepubliceerd.\n${voorbeelden.join("\n")}`;
}
