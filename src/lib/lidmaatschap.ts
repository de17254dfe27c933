// Who is a member of the regio when, and what a regio total therefore covers: ONE rule used by
// every output (the loaders, the reports, the pages). A gemeente that joins or leaves during a
// schooljaar shows its figures from its start (or up to its end) with a note, and a regio
// total says which gemeenten and which period it covers.
//
// Two kinds of figures:
// - over the schooljaar (meldingen, trajecten, vrijstellingen afgegeven): each gemeente counts
//   for the part of the year it was a member; the regio total is the sum of those parts;
// - on a peildatum (jongeren, doelgroepen): the regio total is taken on the regio's peildatum
//   and covers the gemeenten that were members on it. A gemeente that was no member on that
//   day is shown on its own first peildatum in the schooljaar as a member (or, having left,
//   its last), and is not in that regio total.
import { datum } from "./format.js";
import { REGIO } from "./codes.js";
import { isLidOp, isLidIn, schooljaarStart, schooljaarEinde, dagInSchooljaar } from "./schooljaar.js";

/** A gemeente with its membership (other fields of regio.json may come along). */
export type Lidmaatschap = { vanaf?: string | null; tot?: string | null; [veld: string]: unknown };

export type Lid = Lidmaatschap & { code: string; naam: string };

// Membership on a date and in a period is schooljaar.ts's rule; this module builds on it.
export { isLidOp, isLidIn };
export const schooljaarVan = schooljaarStart;
export const schooljaarTot = schooljaarEinde;

/** The part of the schooljaar in which the gemeente is a member, or null. */
export function lidPeriode(g: Lidmaatschap, sj: string): { van: string; tot: string } | null {
  const van = schooljaarVan(sj);
  const tot = schooljaarTot(sj);
  if (!isLidIn(g, van, tot)) return null;
  return { van: g.vanaf && g.vanaf > van ? g.vanaf : van, tot: g.tot && g.tot < tot ? g.tot : tot };
}

/** Member for the whole schooljaar. */
export function heelJaarLid(g: Lidmaatschap, sj: string): boolean {
  const p = lidPeriode(g, sj);
  return p !== null && p.van === schooljaarVan(sj) && p.tot === schooljaarTot(sj);
}

export interface Peildatum {
  peildatum: string | null;
  /** "vsv": the regio's VSV-peildatum; "laatste": the latest peildatum in the schooljaar; "geen". */
  bron: "vsv" | "laatste" | "geen";
}

/**
 * The regio's peildatum of a schooljaar among the peildata in the data: the one on the regio's
 * vsvPeildatum (`MM-DD`) if present, else the latest; null when the schooljaar has none.
 */
export function regioPeildatum(vsvPeildatum: string, sj: string, peildata: readonly string[]): Peildatum {
  const vsv = dagInSchooljaar(vsvPeildatum, sj);
  const inJaar = peildata.filter((p) => p >= schooljaarVan(sj) && p <= schooljaarTot(sj)).sort();
  if (inJaar.includes(vsv)) return { peildatum: vsv, bron: "vsv" };
  if (inJaar.length) return { peildatum: inJaar[inJaar.length - 1], bron: "laatste" };
  return { peildatum: null, bron: "geen" };
}

/**
 * A gemeente's peildatum in a schooljaar: the regio's when it was a member on it; else its
 * first peildatum in the schooljaar as a member (it joined after the regio's peildatum) or its
 * last (it left before); null when it was a member on none of them.
 */
export function gemeentePeildatum(g: Lidmaatschap, regio: string | null, peildata: readonly string[], sj: string): string | null {
  if (regio !== null && isLidOp(g, regio)) return regio;
  const als = peildata.filter((p) => p >= schooljaarVan(sj) && p <= schooljaarTot(sj) && isLidOp(g, p)).sort();
  if (!als.length) return null;
  return regio !== null && als[0] > regio ? als[0] : als[als.length - 1];
}

/** What a regio total of one schooljaar covers. */
export interface Dekking {
  schooljaar: string;
  /** The regio's peildatum (null: none in the data). */
  peildatum: string | null;
  gemeenten: {
    code: string;
    naam: string;
    /** The part of the schooljaar as a member. */
    van: string;
    tot: string;
    heelJaar: boolean;
    /** The gemeente's own peildatum (null: none as a member). */
    peildatum: string | null;
  }[];
}

export function dekking(gemeenten: readonly Lid[], sj: string, peildata: readonly string[], vsvPeildatum: string): Dekking {
  const { peildatum } = regioPeildatum(vsvPeildatum, sj, peildata);
  return {
    schooljaar: sj,
    peildatum,
    gemeenten: gemeenten.flatMap((g) => {
      const p = lidPeriode(g, sj);
      if (!p) return [];
      return [{ code: g.code, naam: g.naam, ...p, heelJaar: heelJaarLid(g, sj), peildatum: gemeentePeildatum(g, peildatum, peildata, sj) }];
    }),
  };
}

/** Whether every member was one for the whole year and is counted on the regio's peildatum. */
export function volledig(d: Dekking): boolean {
  return d.gemeenten.every((g) => g.heelJaar && g.peildatum === d.peildatum);
}

function periodeTekst(g: Dekking["gemeenten"][number], sj: string): string {
  const delen: string[] = [];
  if (g.van !== schooljaarVan(sj)) delen.push(`vanaf ${datum(g.van)}`);
  if (g.tot !== schooljaarTot(sj)) delen.push(`tot en met ${datum(g.tot)}`);
  return delen.join(" ");
}

const aantalGemeenten = (n: number) => `${n} ${n === 1 ? "gemeente" : "gemeenten"}`;

/**
 * What a regio total covers, in a sentence; "" when all members were members all year and
 * are all counted on the regio's peildatum (nothing to say).
 */
export function dekkingTekst(d: Dekking): string {
  if (volledig(d)) return "";
  const deels = d.gemeenten.filter((g) => !g.heelJaar);
  let uit = `De regiocijfers over ${d.schooljaar} tellen ${aantalGemeenten(d.gemeenten.length)}` +
    (deels.length ? `, ${deels.map((g) => `${g.naam} ${periodeTekst(g, d.schooljaar)}`).join(", ")} (de periode van het lidmaatschap)` : "") + ".";
  if (d.peildatum) {
    const buiten = d.gemeenten.filter((g) => g.peildatum !== d.peildatum);
    if (buiten.length) {
      uit += ` Cijfers op de peildatum (${datum(d.peildatum)}) tellen de ${aantalGemeenten(d.gemeenten.length - buiten.length)} die toen lid waren, ` +
        `zonder ${buiten.map((g) => g.naam).join(", ")}.`;
    }
  }
  return uit;
}

/** A note for one gemeente in a schooljaar it was a member of part of; "" for a whole-year member. */
export function lidNoot(d: Dekking, code: string): string {
  const g = d.gemeenten.find((x) => x.code === code);
  if (!g) return "";
  if (g.heelJaar && g.peildatum === d.peildatum) return "";
  let uit = g.heelJaar ? `${g.naam} is heel ${d.schooljaar} lid`
    : `${g.naam} is in ${d.schooljaar} lid ${periodeTekst(g, d.schooljaar)}: cijfers over het schooljaar tellen alleen die periode`;
  if (g.peildatum && g.peildatum !== d.peildatum) {
    uit += `; cijfers op de peildatum gaan over ${datum(g.peildatum)} (niet de peildatum van de regio, ${datum(d.peildatum)}) en tellen niet mee in de regiocijfers op die peildatum`;
  } else if (!g.peildatum) {
    uit += "; op geen peildatum van het schooljaar was de gemeente lid, dus cijfers op een peildatum zijn er niet";
  }
  return uit + ".";
}

/** The note for a gemeente (or the regio, code REGIO) in a schooljaar: "" when there is nothing to say. */
export function noot(dekkingen: readonly Dekking[] | undefined, code: string, sj: string): string {
  const d = dekkingen?.find((x) => x.schooljaar === sj);
  if (!d) return "";
  return code === REGIO ? dekkingTekst(d) : lidNoot(d, code);
}

/**
 * Why a figure of `sj` cannot be compared like with like with the same figure of `vorig`
 * (null: it can): a gemeente that was no member for the whole of either year, or a regio
 * whose gemeenten (or their periods) differ between the two years.
 */
export function nietVergelijkbaar(dekkingen: readonly Dekking[] | undefined, code: string, sj: string, vorig: string): string | null {
  const nu = dekkingen?.find((x) => x.schooljaar === sj);
  const toen = dekkingen?.find((x) => x.schooljaar === vorig);
  if (!nu || !toen) return null;
  if (code !== REGIO) {
    const a = nu.gemeenten.find((g) => g.code === code);
    const b = toen.gemeenten.find((g) => g.code === code);
    if (!a) return null;
    if (!b) return `${a.naam} was in ${vorig} geen lid`;
    if (!a.heelJaar || !b.heelJaar) return `${a.naam} was niet beide schooljaren het hele jaar lid`;
    return null;
  }
  const samenstelling = (d: Dekking) => d.gemeenten.map((g) => `${g.code}:${g.heelJaar}`).sort().join(",");
  if (samenstelling(nu) === samenstelling(toen)) return null;
  const erbij = nu.gemeenten.filter((g) => !g.heelJaar || !toen.gemeenten.some((t) => t.code === g.code && t.heelJaar));
  const eraf = toen.gemeenten.filter((g) => !g.heelJaar || !nu.gemeenten.some((t) => t.code === g.code && t.heelJaar));
  const namen = [...new Set([...erbij, ...eraf].map((g) => g.naam))];
  return `de regio telt in ${sj} andere gemeenten of perioden dan in ${vorig} (${namen.join(", ")})`;
}

/** The peildatum a gemeente's (or the regio's) figures on a peildatum are taken on, per schooljaar; undefined without dekking. */
export function peildatumVan(dekkingen: readonly Dekking[] | undefined, code: string): ((sj: string) => string | null | undefined) | undefined {
  if (!dekkingen) return undefined;
  return (sj) => {
    const d = dekkingen.find((x) => x.schooljaar === sj);
    if (!d) return undefined;
    return code === REGIO ? d.peildatum : d.gemeenten.find((g) => g.code === code)?.peildatum;
  };
}
