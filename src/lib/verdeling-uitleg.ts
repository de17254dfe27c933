// The SPUK verdeling in words (src/lib/verdeling.ts does the sums): a plain-Dutch explanation
// of one gemeente's amount, and why it differs from the previous year, in parts that add up to
// the difference exactly. Pure, like the verdeling itself: the CLI, the site loader and the
// page explain an amount one way.
import { euro, getal, procent } from "./format.js";
import type { VerdeelUitkomst } from "./verdeling.js";

export interface UitlegContext {
  jaar: number;
  risicoscoreJaar: number;
  uitkomst: VerdeelUitkomst;
  /**
   * The previous budget year, if there is one: the amount, and (for the explanation of the
   * change) that year's verdeling and CBS year.
   */
  vorig?: { jaar: number; bedrag: number | null; risicoscoreJaar?: number; uitkomst?: VerdeelUitkomst } | null;
}

/** "meer"/"minder" sentence part for a change, e.g. "€ 15.822 (3,4 %) meer". */
function verandering(verschil: number, was: number): string {
  if (verschil === 0) return "evenveel";
  const rel = was > 0 ? ` (${procent(Math.abs(verschil) / was)})` : "";
  return `${euro(Math.abs(verschil))}${rel} ${verschil > 0 ? "meer" : "minder"}`;
}

/**
 * A plain-Dutch explanation of one gemeente's amount, with its own numbers filled in.
 */
export function uitleg(code: string, ctx: UitlegContext): string {
  const u = ctx.uitkomst;
  const g = u.gemeenten.find((x) => x.code === code);
  if (!g) return "";
  const n = u.gemeenten.length;
  const delen: string[] = [];

  if (g.risicoscore === null) {
    delen.push(`${g.naam} heeft geen risicoscore van het CBS voor ${ctx.risicoscoreJaar} en telt daarom niet mee in de verdeling naar risicoscore.`);
  } else {
    const wie = u.metRisicoscore === n
      ? `alle ${n} deelnemende gemeenten`
      : `de ${u.metRisicoscore} deelnemende gemeenten met een risicoscore`;
    delen.push(
      `${g.naam} had in ${ctx.risicoscoreJaar} een risicoscore van ${getal(g.risicoscore, 1)}; ` +
        `dat is ${procent(g.aandeel)} van de risicoscores van ${wie} (samen ${getal(u.risicoscoreSom, 1)}).`,
    );
  }

  if (u.vasteVoetTotaal > 0) {
    delen.push(
      `Van het gemeentelijk budget van ${euro(u.gemeentelijk)} gaat eerst ${euro(u.vasteVoetTotaal)} naar vaste voeten` +
        (g.vasteVoet > 0 ? `, waarvan ${euro(g.vasteVoet)} naar ${g.naam}.` : ` (${g.naam} heeft geen vaste voet).`) +
        ` De overige ${euro(u.rest)} wordt verdeeld naar risicoscore.`,
    );
  } else {
    delen.push(`Van het gemeentelijk budget van ${euro(u.gemeentelijk)} gaat niets naar vaste voeten: het hele bedrag wordt verdeeld naar risicoscore.`);
  }

  if (g.risicoscore !== null && u.risicoscoreSom > 0) {
    const deel = g.exact - g.vasteVoet;
    delen.push(
      `${g.naam} krijgt daarvan ${procent(g.aandeel)}, precies ${euro(deel, 2)}` +
        (g.vasteVoet > 0 ? `, samen met de vaste voet ${euro(g.exact, 2)}.` : "."),
    );
  } else if (g.risicoscore !== null) {
    delen.push(`Geen enkele gemeente heeft een risicoscore boven 0; het bedrag na de vaste voeten is daarom in gelijke delen verdeeld.`);
  }

  if (u.restEuros > 0) {
    const een = u.restEuros === 1;
    delen.push(
      `Omdat alleen hele euro's worden uitgekeerd, is elk bedrag eerst naar beneden afgerond. ` +
        (een
          ? `De 1 euro die daardoor overbleef, ging naar de gemeente met de grootste rest achter de komma`
          : `De ${getal(u.restEuros)} euro die daardoor overbleven, gingen één voor één naar de gemeenten met de grootste rest achter de komma`) +
        ` (bij gelijke rest eerst de laagste gemeentecode); ` +
        (g.opgehoogd ? `${g.naam} kreeg er één.` : `${g.naam} kreeg er geen.`),
    );
  }
  delen.push(`In ${ctx.jaar} krijgt ${g.naam} dus ${euro(g.bedrag)}.`);

  if (ctx.vorig) {
    if (ctx.vorig.bedrag === null) {
      delen.push(`In ${ctx.vorig.jaar} deed ${g.naam} nog niet mee aan de verdeling.`);
    } else {
      const v = g.bedrag - ctx.vorig.bedrag;
      delen.push(`In ${ctx.vorig.jaar} was dat ${euro(ctx.vorig.bedrag)}; dat is ${verandering(v, ctx.vorig.bedrag)}.`);
      if (v !== 0 && ctx.vorig.uitkomst && ctx.vorig.risicoscoreJaar !== undefined) {
        const w = waaromAnders(code, { jaar: ctx.jaar, risicoscoreJaar: ctx.risicoscoreJaar, uitkomst: u },
          { jaar: ctx.vorig.jaar, risicoscoreJaar: ctx.vorig.risicoscoreJaar, uitkomst: ctx.vorig.uitkomst });
        if (w) delen.push(w);
      }
    }
  }
  return delen.join(" ");
}

export interface Jaarverdeling {
  jaar: number;
  risicoscoreJaar: number;
  uitkomst: VerdeelUitkomst;
}

/** One cause of a change: its amount in whole euros and why (a clause that follows "doordat"). */
export interface Oorzaak {
  soort: "vasteVoet" | "budget" | "aandeel" | "afronding";
  bedrag: number;
  tekst: string;
}

const metTeken = (n: number) => (n > 0 ? `+${euro(n)}` : euro(n));

/**
 * Why a gemeente's amount differs from the previous year, split in parts that add up to the
 * difference exactly. With amount = vaste voet + aandeel × rest (rest: the budget after the
 * vaste voeten), the change is
 *   Δ vaste voet  +  aandeel_vorig × Δ rest  +  Δ aandeel × rest_nu  +  afronding,
 * where the share changes through new CBS scores (the gemeente's own or the others') and
 * through gemeenten joining or leaving the regio. Each part is rounded to whole euros and
 * the rounding to whole euros of both years is the last part, so the parts add up to the
 * difference. Empty when the gemeente is missing in either year or a year had no scores to
 * split by (then the rest went in equal parts and this formula does not apply).
 */
export function oorzaken(code: string, nu: Jaarverdeling, vorig: Jaarverdeling): Oorzaak[] {
  const a = vorig.uitkomst.gemeenten.find((g) => g.code === code);
  const b = nu.uitkomst.gemeenten.find((g) => g.code === code);
  if (!a || !b || nu.uitkomst.risicoscoreSom <= 0 || vorig.uitkomst.risicoscoreSom <= 0) return [];
  const totaal = b.bedrag - a.bedrag;
  const uit: Oorzaak[] = [];

  const voet = b.vasteVoet - a.vasteVoet;
  if (voet !== 0) {
    const tekst = a.vasteVoet > 0 && b.vasteVoet > 0
      ? `de vaste voet van ${b.naam} in ${nu.jaar} ${euro(b.vasteVoet)} is tegen ${euro(a.vasteVoet)} in ${vorig.jaar}`
      : a.vasteVoet > 0
        ? `${b.naam} in ${vorig.jaar} een vaste voet van ${euro(a.vasteVoet)} kreeg en in ${nu.jaar} geen`
        : `${b.naam} in ${nu.jaar} een vaste voet van ${euro(b.vasteVoet)} krijgt en in ${vorig.jaar} geen`;
    uit.push({ soort: "vasteVoet", bedrag: voet, tekst });
  }

  const budget = Math.round(a.aandeel * (nu.uitkomst.rest - vorig.uitkomst.rest));
  if (budget !== 0) {
    uit.push({
      soort: "budget", bedrag: budget,
      tekst: `er ${euro(nu.uitkomst.rest)} naar risicoscore gaat tegen ${euro(vorig.uitkomst.rest)} in ${vorig.jaar}`,
    });
  }

  const aandeel = Math.round((b.aandeel - a.aandeel) * nu.uitkomst.rest);
  if (aandeel !== 0) {
    const redenen: string[] = [];
    if (nu.risicoscoreJaar !== vorig.risicoscoreJaar) {
      redenen.push(
        `de verdeling nu de risicoscores van CBS ${nu.risicoscoreJaar} gebruikt in plaats van die van CBS ${vorig.risicoscoreJaar}` +
          (a.risicoscore !== null && b.risicoscore !== null
            ? ` (${b.naam}: ${getal(b.risicoscore, 1)} tegen ${getal(a.risicoscore, 1)}; alle deelnemende gemeenten samen: ${getal(nu.uitkomst.risicoscoreSom, 1)} tegen ${getal(vorig.uitkomst.risicoscoreSom, 1)})`
            : ""),
      );
    }
    const codesVorig = new Set(vorig.uitkomst.gemeenten.map((g) => g.code));
    const codesNu = new Set(nu.uitkomst.gemeenten.map((g) => g.code));
    const erbij = nu.uitkomst.gemeenten.filter((g) => !codesVorig.has(g.code)).map((g) => g.naam);
    const eraf = vorig.uitkomst.gemeenten.filter((g) => !codesNu.has(g.code)).map((g) => g.naam);
    // Subordinate clauses (after "omdat"): the verb goes last.
    if (erbij.length) redenen.push(`${opsomming(erbij)} in ${nu.jaar} voor het eerst ${erbij.length === 1 ? "meedoet" : "meedoen"}`);
    if (eraf.length) redenen.push(`${opsomming(eraf)} in ${nu.jaar} niet meer ${eraf.length === 1 ? "meedoet" : "meedoen"}`);
    uit.push({
      soort: "aandeel", bedrag: aandeel,
      tekst: `het aandeel van ${b.naam} in de risicoscores ${procent(b.aandeel, 2)} is tegen ${procent(a.aandeel, 2)} in ${vorig.jaar}` +
        (redenen.length ? `, omdat ${opsomming(redenen)}` : ""),
    });
  }

  const afronding = totaal - uit.reduce((s, o) => s + o.bedrag, 0);
  if (afronding !== 0) uit.push({ soort: "afronding", bedrag: afronding, tekst: "de afronding op hele euro's" });
  return uit;
}

function opsomming(delen: string[]): string {
  return delen.length <= 1 ? (delen[0] ?? "") : `${delen.slice(0, -1).join(", ")} en ${delen.at(-1)}`;
}

/** The causes of the change as one sentence, "" when there is nothing to explain. */
export function waaromAnders(code: string, nu: Jaarverdeling, vorig: Jaarverdeling): string {
  const o = oorzaken(code, nu, vorig);
  if (o.length === 0) return "";
  if (o.length === 1) return `Het verschil komt ${o[0].soort === "afronding" ? "door" : "doordat"} ${o[0].tekst}.`;
  return `Het verschil is zo opgebouwd: ${o.map((x) => `${metTeken(x.bedrag)} ${x.soort === "afronding" ? "door" : "doordat"} ${x.tekst}`).join("; ")}.`;
}
