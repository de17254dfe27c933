// SPUK verdeling (docs/uitvoer.md §4): the budget line of a jaar from regio.json, the CBS
// risicoscores of its risicoscoreJaar and the gemeenten that are members in that jaar,
// split by the pure verdeel() that the page also runs for scenarios.
//
// Amounts are money and risicoscores/aantal_jongeren are public CBS figures, so nothing
// here goes through small-cell suppression.
import { gemeentenInJaar, type Regio } from "../config.ts";
import { GebruikersFout } from "../errors.ts";
import { euro } from "../../src/lib/format.ts";
import { verdeel, type VerdeelUitkomst } from "../../src/lib/verdeling.ts";
import { uitleg } from "../../src/lib/verdeling-uitleg.ts";
import type { VerdelingRij } from "../../src/lib/verdeling.ts";

/** What this mart needs of the staging (loaders/db.ts openStaging). */
export interface VerdelingDb {
  regio: Regio;
  all<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]>;
}

export interface RisicoscoreRij {
  jaar: number;
  code: string;
  aantalJongeren: number;
  risicoscore: number;
}

/**
 * A gemeente's line: the row the page shows (VerdelingRij, the one definition, in the page's
 * component) plus the rounding details the files carry.
 */
export interface VerdelingGemeente extends VerdelingRij {
  /** The exact proportional amount before rounding to whole euros (2 decimals). */
  exact: number;
  /** Got one of the euros left over after rounding down. */
  opgehoogd: boolean;
}

export interface Verdeling {
  jaar: number;
  rijksbijdrage: number;
  gemeentelijk: number;
  regionaal: number;
  risicoscoreJaar: number;
  waarschuwingen: string[];
  gemeenten: VerdelingGemeente[];
  // Extra keys:
  regio: string;
  /** The previous budget year, the comparison's reference (null for the first). */
  vorigJaar: number | null;
  vasteVoetTotaal: number;
  /** The part split by risicoscore. */
  naarRisicoscore: number;
  risicoscoreSom: number;
}

/** What the verdeling page loads: every budget year, and every CBS year for scenarios. */
export interface VerdelingSite {
  regio: string;
  jaren: Verdeling[];
  /** The CBS years in the data, ascending. */
  cbsJaren: number[];
  risicoscores: RisicoscoreRij[];
}

const rond = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

export async function risicoscores(db: VerdelingDb): Promise<RisicoscoreRij[]> {
  return db.all<RisicoscoreRij>(
    `SELECT jaar::INTEGER AS jaar, gemeente_code AS code, aantal_jongeren::INTEGER AS "aantalJongeren",
            risicoscore::DOUBLE AS risicoscore
     FROM cbs_risicoscores ORDER BY jaar, gemeente_code`,
  );
}

function budgetJaren(regio: Regio): number[] {
  const jaren = regio.budget.map((b) => b.jaar).sort((a, b) => a - b);
  const dubbel = jaren.find((j, i) => jaren[i + 1] === j);
  if (dubbel !== undefined) throw new GebruikersFout(`regio.json, veld budget: het jaar ${dubbel} staat er twee keer in`);
  return jaren;
}

/** The verdeling of one jaar without comparison: the budget line, members, scores, warnings. */
function bereken(regio: Regio, scores: RisicoscoreRij[], jaar: number): { uitkomst: VerdeelUitkomst; waarschuwingen: string[] } {
  const budget = regio.budget.find((b) => b.jaar === jaar)!;
  const leden = gemeentenInJaar(regio, jaar);
  if (leden.length === 0) {
    throw new GebruikersFout(`regio.json: in ${jaar} is geen enkele gemeente lid van de regio, dus er valt niets te verdelen`);
  }
  const vanJaar = scores.filter((s) => s.jaar === budget.risicoscoreJaar);
  if (!leden.some((g) => vanJaar.some((s) => s.code === g.code))) {
    const cbs = [...new Set(scores.map((s) => s.jaar))].sort();
    throw new GebruikersFout(
      `regio.json, budget ${jaar}: cbs_risicoscores.csv heeft geen risicoscores voor ${budget.risicoscoreJaar} ` +
        `van de gemeenten in de regio (wel voor: ${cbs.join(", ") || "geen enkel jaar"})`,
    );
  }

  const waarschuwingen: string[] = [];
  const som = budget.gemeentelijk + budget.regionaal;
  if (Math.abs(som - budget.rijksbijdrage) > 0.005) {
    waarschuwingen.push(`gemeentelijk + regionaal (${euro(som)}) wijkt af van de rijksbijdrage (${euro(budget.rijksbijdrage)})`);
  }
  for (const code of Object.keys(budget.vasteVoet).sort()) {
    if (!leden.some((g) => g.code === code)) {
      const naam = regio.gemeenten.find((g) => g.code === code)?.naam ?? code;
      waarschuwingen.push(`de vaste voet voor ${naam} telt niet mee: die gemeente is in ${jaar} geen lid van de regio`);
    }
  }

  const uitkomst = verdeel({
    gemeentelijk: budget.gemeentelijk,
    risicoscoreJaar: budget.risicoscoreJaar,
    gemeenten: leden.map((g) => ({
      code: g.code,
      naam: g.naam,
      risicoscore: vanJaar.find((s) => s.code === g.code)?.risicoscore ?? null,
      vasteVoet: budget.vasteVoet[g.code] ?? 0,
    })),
  });
  return { uitkomst, waarschuwingen: [...waarschuwingen, ...uitkomst.waarschuwingen] };
}

/** Refuses a jaar without a budget line, naming the years that have one; returns those years. */
export function controleerJaar(regio: Regio, jaar: number): number[] {
  const jaren = budgetJaren(regio);
  if (!jaren.includes(jaar)) {
    throw new GebruikersFout(
      jaren.length === 0
        ? `Geen budget voor ${jaar}: regio.json heeft geen enkele budgetregel (veld budget)`
        : `Geen budget voor ${jaar} in regio.json; er is een budget voor: ${jaren.join(", ")}`,
    );
  }
  return jaren;
}

/**
 * The verdeling of `jaar` from regio.json and the CBS risicoscores, compared with the
 * previous budget year. Pure: the staging is only needed for the risicoscores.
 */
export function maakVerdeling(regio: Regio, scores: RisicoscoreRij[], jaar: number): Verdeling {
  const jaren = controleerJaar(regio, jaar);
  const budget = regio.budget.find((b) => b.jaar === jaar)!;
  const { uitkomst, waarschuwingen } = bereken(regio, scores, jaar);
  const vorigJaar = jaren.filter((j) => j < jaar).at(-1) ?? null;
  const vorig = vorigJaar === null ? null : bereken(regio, scores, vorigJaar).uitkomst;
  const vorigCbs = vorigJaar === null ? undefined : regio.budget.find((b) => b.jaar === vorigJaar)!.risicoscoreJaar;

  const gemeenten = uitkomst.gemeenten.map((g): VerdelingGemeente => {
    const vorigBedrag = vorig?.gemeenten.find((v) => v.code === g.code)?.bedrag ?? null;
    const verschil = vorigBedrag === null ? null : g.bedrag - vorigBedrag;
    return {
      code: g.code,
      naam: g.naam,
      risicoscore: g.risicoscore,
      aandeel: rond(g.aandeel, 4),
      vasteVoet: g.vasteVoet,
      bedrag: g.bedrag,
      aantalJongeren: scores.find((s) => s.jaar === budget.risicoscoreJaar && s.code === g.code)?.aantalJongeren ?? null,
      exact: rond(g.exact, 2),
      opgehoogd: g.opgehoogd,
      vorigBedrag,
      verschil,
      verschilRelatief: verschil === null || !vorigBedrag ? null : rond(verschil / vorigBedrag, 4),
      uitleg: uitleg(g.code, {
        jaar,
        risicoscoreJaar: budget.risicoscoreJaar,
        uitkomst,
        vorig: vorigJaar === null ? null : { jaar: vorigJaar, bedrag: vorigBedrag, risicoscoreJaar: vorigCbs, uitkomst: vorig! },
      }),
    };
  });

  return {
    jaar,
    rijksbijdrage: budget.rijksbijdrage,
    gemeentelijk: uitkomst.gemeentelijk,
    regionaal: budget.regionaal,
    risicoscoreJaar: budget.risicoscoreJaar,
    waarschuwingen,
    gemeenten,
    regio: regio.naam,
    vorigJaar,
    vasteVoetTotaal: uitkomst.vasteVoetTotaal,
    naarRisicoscore: uitkomst.rest,
    risicoscoreSom: rond(uitkomst.risicoscoreSom, 6),
  };
}

/** The verdeling of one jaar (the CLI). Unknown jaar → GebruikersFout listing the budget years. */
export async function verdeling(db: VerdelingDb, jaar: number): Promise<Verdeling> {
  return maakVerdeling(db.regio, await risicoscores(db), jaar);
}

/** Everything the verdeling page needs (src/data/verdeling.json.ts). */
export async function verdelingSite(db: VerdelingDb): Promise<VerdelingSite> {
  const scores = await risicoscores(db);
  return {
    regio: db.regio.naam,
    jaren: budgetJaren(db.regio).map((j) => maakVerdeling(db.regio, scores, j)),
    cbsJaren: [...new Set(scores.map((s) => s.jaar))].sort((a, b) => a - b),
    risicoscores: scores,
  };
}
