// The SPUK verdeling: how the gemeentelijk part of the specifieke uitkering is split over
// the member gemeenten. One pure function, used by the CLI and the site loader (via
// loaders/marts/verdeling.ts) and by the verdeling page for scenarios in the browser, so
// an amount is computed one way everywhere.
//
// The rule:
//  1. Each gemeente first gets its vaste voet (whole euros), taken off the top.
//  2. The rest (gemeentelijk − Σ vaste voet) is split in proportion to the CBS risicoscores.
//  3. Whole euros by largest remainder (Hamilton): every exact amount is rounded down, and the
//     euros left over go one by one to the largest remainders; equal remainders go to the
//     lowest gemeente code. The amounts therefore add up to the budget exactly and each one
//     differs less than one euro from its exact proportional amount.
//
// Decisions (documented because they move money):
//  - A gemeente without risicoscore (null) gets only its vaste voet, with a warning. A score
//    of 0 is a real score and gets nothing from the rest, without a warning.
//  - If the vaste voeten together exceed the budget, they are lowered pro rata (the same
//    largest-remainder rule on the vaste voeten) and nothing is split by risicoscore.
//  - If no gemeente has a positive risicoscore, the rest is split in equal parts.
//  - Budget and vaste voeten are whole euros; a fraction is rounded with a warning.
//
// The arithmetic is exact: risicoscores are taken with six decimals as integers and the
// shares are computed with BigInt, so ties are real ties and the result does not depend on
// the order of the input or on floating point.
import { euro } from "./format.js";

export interface VerdeelGemeente {
  code: string;
  naam: string;
  /** CBS risicoscore (expected number of VSV'ers), null when CBS has none. */
  risicoscore: number | null;
  /** Fixed amount in euros taken off the top for this gemeente; default 0. */
  vasteVoet?: number;
}

export interface VerdeelInvoer {
  /** The gemeentelijk budget in euros (whole euros). */
  gemeentelijk: number;
  gemeenten: VerdeelGemeente[];
  /** Only for the text of warnings ("heeft geen risicoscore voor 2022"). */
  risicoscoreJaar?: number;
}

export interface VerdeelRegel {
  code: string;
  naam: string;
  risicoscore: number | null;
  /** risicoscore / Σ risicoscores of the taking-part gemeenten (0 without score). */
  aandeel: number;
  /** The vaste voet actually given (lower than asked only when the voeten exceed the budget). */
  vasteVoet: number;
  /** The exact amount before rounding: vasteVoet + aandeel × rest. */
  exact: number;
  /** Whole euros. */
  bedrag: number;
  /** Got one of the euros left over after rounding down. */
  opgehoogd: boolean;
}

export interface VerdeelUitkomst {
  /** The budget that was distributed (whole euros). */
  gemeentelijk: number;
  /** Σ vaste voet actually given. */
  vasteVoetTotaal: number;
  /** The part split by risicoscore: gemeentelijk − vasteVoetTotaal. */
  rest: number;
  /** Σ risicoscore of the gemeenten that have one. */
  risicoscoreSom: number;
  /** Number of gemeenten with a risicoscore. */
  metRisicoscore: number;
  /** How many euros were left over after rounding down. */
  restEuros: number;
  /** Sorted by gemeente code. */
  gemeenten: VerdeelRegel[];
  waarschuwingen: string[];
}

/** Risicoscores are used with this many decimals (CBS publishes one or two). */
const SCHAAL = 1_000_000;

function geheel(n: number, wat: string): bigint {
  if (!Number.isFinite(n) || !Number.isSafeInteger(Math.round(n))) {
    throw new RangeError(`${wat} is geen geldig bedrag: ${n}`);
  }
  return BigInt(Math.round(n));
}

/**
 * Largest remainder: splits `totaal` (≥ 0) in whole units in proportion to `gewichten`
 * (≥ 0, Σ > 0). Equal remainders go to the lower index — callers sort by code first.
 */
function grootsteRest(totaal: bigint, gewichten: bigint[]): { delen: bigint[]; opgehoogd: boolean[]; over: number } {
  const som = gewichten.reduce((a, b) => a + b, 0n);
  const delen = gewichten.map((w) => (totaal * w) / som);
  const resten = gewichten.map((w) => (totaal * w) % som);
  const over = Number(totaal - delen.reduce((a, b) => a + b, 0n));
  const volgorde = gewichten
    .map((_, i) => i)
    .sort((a, b) => (resten[a] === resten[b] ? a - b : resten[a] > resten[b] ? -1 : 1));
  const opgehoogd = gewichten.map(() => false);
  // over < number of positive remainders, because each remainder is below one unit.
  for (let k = 0; k < over; k++) {
    delen[volgorde[k]] += 1n;
    opgehoogd[volgorde[k]] = true;
  }
  return { delen, opgehoogd, over };
}

/** The verdeling. Pure and deterministic; the input order does not matter. */
export function verdeel(invoer: VerdeelInvoer): VerdeelUitkomst {
  const waarschuwingen: string[] = [];
  const jaarTekst = invoer.risicoscoreJaar !== undefined ? ` voor ${invoer.risicoscoreJaar}` : "";

  if (!Number.isFinite(invoer.gemeentelijk) || invoer.gemeentelijk < 0) {
    throw new RangeError(`Het gemeentelijk budget moet een bedrag van 0 of meer zijn, niet ${invoer.gemeentelijk}`);
  }
  const budget = geheel(invoer.gemeentelijk, "Het gemeentelijk budget");
  if (Number(budget) !== invoer.gemeentelijk) {
    waarschuwingen.push(`het gemeentelijk budget (${euro(invoer.gemeentelijk, 2)}) is afgerond op hele euro's: ${euro(Number(budget))}`);
  }

  const gezien = new Set<string>();
  for (const g of invoer.gemeenten) {
    if (gezien.has(g.code)) throw new RangeError(`Gemeente ${g.code} staat twee keer in de verdeling`);
    gezien.add(g.code);
    if (g.risicoscore !== null && (!Number.isFinite(g.risicoscore) || g.risicoscore < 0)) {
      throw new RangeError(`${g.naam}: risicoscore moet 0 of meer zijn, niet ${g.risicoscore}`);
    }
    if (g.vasteVoet !== undefined && (!Number.isFinite(g.vasteVoet) || g.vasteVoet < 0)) {
      throw new RangeError(`${g.naam}: vaste voet moet 0 of meer zijn, niet ${g.vasteVoet}`);
    }
  }
  // Sorting by code first makes the result independent of the input order and breaks ties.
  const gem = [...invoer.gemeenten].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  if (gem.length === 0) {
    if (budget > 0n) waarschuwingen.push("er zijn geen deelnemende gemeenten; het gemeentelijk budget is niet verdeeld");
    return {
      gemeentelijk: Number(budget), vasteVoetTotaal: 0, rest: Number(budget), risicoscoreSom: 0,
      metRisicoscore: 0, restEuros: 0, gemeenten: [], waarschuwingen,
    };
  }

  let voeten = gem.map((g) => {
    const v = geheel(g.vasteVoet ?? 0, `De vaste voet van ${g.naam}`);
    if (Number(v) !== (g.vasteVoet ?? 0)) {
      waarschuwingen.push(`de vaste voet van ${g.naam} (${euro(g.vasteVoet ?? 0, 2)}) is afgerond op hele euro's: ${euro(Number(v))}`);
    }
    return v;
  });
  let voetTotaal = voeten.reduce((a, b) => a + b, 0n);
  let voetOpgehoogd = gem.map(() => false);
  if (voetTotaal > budget) {
    waarschuwingen.push(
      `de vaste voeten (${euro(Number(voetTotaal))}) zijn samen meer dan het gemeentelijk budget (${euro(Number(budget))}); ` +
        `ze zijn naar verhouding verlaagd en er wordt niets naar risicoscore verdeeld`,
    );
    const r = grootsteRest(budget, voeten);
    voeten = r.delen;
    voetOpgehoogd = r.opgehoogd;
    voetTotaal = budget;
  }
  const rest = budget - voetTotaal;

  const scores = gem.map((g) => (g.risicoscore === null ? 0n : BigInt(Math.round(g.risicoscore * SCHAAL))));
  const scoreSom = scores.reduce((a, b) => a + b, 0n);
  for (const [i, g] of gem.entries()) {
    if (g.risicoscore === null) {
      waarschuwingen.push(
        `${g.naam} heeft geen risicoscore${jaarTekst} en krijgt daarom alleen de vaste voet (${euro(Number(voeten[i]))})`,
      );
    }
  }

  let aandeel: number[];
  let gewichten: bigint[];
  if (scoreSom > 0n) {
    gewichten = scores;
    aandeel = scores.map((s) => Number(s) / Number(scoreSom));
  } else {
    // Nothing to go by: equal parts, so the budget is still paid out in full.
    gewichten = gem.map(() => 1n);
    aandeel = gem.map(() => 0);
    if (rest > 0n) {
      waarschuwingen.push(
        `geen enkele deelnemende gemeente heeft een risicoscore${jaarTekst}; ` +
          `het budget na de vaste voeten (${euro(Number(rest))}) is in gelijke delen verdeeld`,
      );
    }
  }
  const verdeeld = grootsteRest(rest, gewichten);
  const gelijk = scoreSom === 0n;

  const regels: VerdeelRegel[] = gem.map((g, i) => {
    const deel = gelijk ? 1 / gem.length : aandeel[i];
    return {
      code: g.code,
      naam: g.naam,
      risicoscore: g.risicoscore,
      aandeel: aandeel[i],
      vasteVoet: Number(voeten[i]),
      exact: Number(voeten[i]) + Number(rest) * deel,
      bedrag: Number(voeten[i] + verdeeld.delen[i]),
      opgehoogd: verdeeld.opgehoogd[i] || voetOpgehoogd[i],
    };
  });

  return {
    gemeentelijk: Number(budget),
    vasteVoetTotaal: Number(voetTotaal),
    rest: Number(rest),
    risicoscoreSom: Number(scoreSom) / SCHAAL,
    metRisicoscore: gem.filter((g) => g.risicoscore !== null).length,
    restEuros: verdeeld.over,
    gemeenten: regels,
    waarschuwingen,
  };
}

// ------------------------------------------------------------------ comparison (the words: verdeling-uitleg.ts)

export interface Vergelijking {
  code: string;
  naam: string;
  /** Amount in the reference (current verdeling / previous year), null when not taking part. */
  was: number | null;
  /** Amount in the new verdeling, null when not taking part. */
  wordt: number | null;
  /** wordt − was (a gemeente missing on one side counts as 0). */
  verschil: number;
  /** verschil / was, null when was is 0 or missing. */
  verschilRelatief: number | null;
}

/** Who gains and who loses: every gemeente of either side, largest gain first. */
export function vergelijk(
  was: { code: string; naam: string; bedrag: number }[],
  wordt: { code: string; naam: string; bedrag: number }[],
): Vergelijking[] {
  const codes = [...new Set([...was.map((g) => g.code), ...wordt.map((g) => g.code)])].sort();
  return codes
    .map((code) => {
      const a = was.find((g) => g.code === code);
      const b = wordt.find((g) => g.code === code);
      const verschil = (b?.bedrag ?? 0) - (a?.bedrag ?? 0);
      return {
        code,
        naam: (b ?? a)!.naam,
        was: a ? a.bedrag : null,
        wordt: b ? b.bedrag : null,
        verschil,
        verschilRelatief: a && a.bedrag > 0 ? verschil / a.bedrag : null,
      };
    })
    .sort((x, y) => y.verschil - x.verschil || (x.code < y.code ? -1 : 1));
}

// ------------------------------------------------------------------ scenarios (the page)

export interface ScenarioInvoer {
  /** The current verdeling of the year: its gemeenten (the members) and their amounts. */
  huidig: { code: string; naam: string; bedrag: number }[];
  gemeentelijk: number;
  risicoscoreJaar: number;
  /** All CBS risicoscores (the loader's `risicoscores`). */
  risicoscores: { jaar: number; code: string; risicoscore: number }[];
  /** Vaste voet per gemeente code; missing means 0. */
  vasteVoet: Record<string, number>;
}

export interface Scenario {
  uitkomst: VerdeelUitkomst;
  /** Against the current verdeling, largest gain first. */
  vergelijking: Vergelijking[];
}

/** The same members with another budget, CBS year or vaste voet, compared with the current verdeling. */
export function scenario(s: ScenarioInvoer): Scenario {
  const uitkomst = verdeel({
    gemeentelijk: s.gemeentelijk,
    risicoscoreJaar: s.risicoscoreJaar,
    gemeenten: s.huidig.map((g) => ({
      code: g.code,
      naam: g.naam,
      risicoscore: s.risicoscores.find((r) => r.jaar === s.risicoscoreJaar && r.code === g.code)?.risicoscore ?? null,
      vasteVoet: s.vasteVoet[g.code] ?? 0,
    })),
  });
  return { uitkomst, vergelijking: vergelijk(s.huidig, uitkomst.gemeenten) };
}

/** One sentence on who gains and who loses. */
export function winnaarsVerliezers(v: Vergelijking[]): string {
  const winst = v.filter((g) => g.verschil > 0);
  const verlies = v.filter((g) => g.verschil < 0);
  if (winst.length === 0 && verlies.length === 0) return "In dit scenario krijgt elke gemeente hetzelfde bedrag als nu.";
  const delen = [
    `${winst.length} ${winst.length === 1 ? "gemeente gaat" : "gemeenten gaan"} erop vooruit en ` +
      `${verlies.length} ${verlies.length === 1 ? "gaat" : "gaan"} erop achteruit ten opzichte van de huidige verdeling.`,
  ];
  if (winst.length) delen.push(`De grootste winst is voor ${winst[0].naam} (+${euro(winst[0].verschil)}).`);
  if (verlies.length) {
    const v1 = verlies[verlies.length - 1];
    delen.push(`Het grootste verlies is voor ${v1.naam} (-${euro(-v1.verschil)}).`);
  }
  return delen.join(" ");
}

/** A row of the verdeling as the loader gives it (loaders/marts/verdeling.ts). */
export interface VerdelingRij {
  code: string;
  naam: string;
  risicoscore: number | null;
  /** Share of the risicoscores, 4 decimals. */
  aandeel: number;
  vasteVoet: number;
  bedrag: number;
  // Extra keys (docs/uitvoer.md allows them):
  aantalJongeren: number | null;
  /** Amount in the previous budget year; null when there is none or it did not take part. */
  vorigBedrag: number | null;
  /** bedrag − vorigBedrag (null without a previous amount). */
  verschil: number | null;
  /** verschil / vorigBedrag, 4 decimals (null without a previous amount). */
  verschilRelatief: number | null;
  /** Plain-Dutch explanation of the amount. */
  uitleg: string;
}
