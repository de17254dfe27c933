// The definitions a regio chooses itself (regio.json "definities", checked in
// loaders/regio.ts), each as a pure rule in TypeScript and, where the loaders count in SQL,
// as the SQL written from the same choice. The national definitions are the defaults.
// Shared by the loaders, the reports and the pages (/over lists the definitions in force).

/** Which verzuimsoorten make a leerplichtige a thuiszitter. */
export const THUISZITTER_DEFINITIES = ["LRV_EN_ABSOLUUT", "LRV"] as const;
export type ThuiszitterDefinitie = (typeof THUISZITTER_DEFINITIES)[number];

/** When a voortijdig schoolverlater is "nieuw". */
export const VSV_NIEUW_DEFINITIES = ["UITGESCHREVEN_365_DAGEN", "INGESCHREVEN_VORIGE_PEILDATUM"] as const;
export type VsvNieuwDefinitie = (typeof VSV_NIEUW_DEFINITIES)[number];

/** Which count of vrijgestelde jeugdigen is the key figure (both are published). */
export const VRIJGESTELDEN_DEFINITIES = ["AFGEGEVEN_IN_SCHOOLJAAR", "ACTIEF_OP_PEILDATUM"] as const;
export type VrijgesteldenDefinitie = (typeof VRIJGESTELDEN_DEFINITIES)[number];

export interface Definities {
  thuiszitters: ThuiszitterDefinitie;
  vsvNieuw: VsvNieuwDefinitie;
  vrijgestelden: VrijgesteldenDefinitie;
  /** What the regio calls the verzuimsoort OVERIG (e.g. "Vroegsignalering"). */
  overigVerzuim: string;
}

/** The national definitions: what a regio.json without "definities" gets. */
export const LANDELIJKE_DEFINITIES: Definities = {
  thuiszitters: "LRV_EN_ABSOLUUT",
  vsvNieuw: "UITGESCHREVEN_365_DAGEN",
  vrijgestelden: "AFGEGEVEN_IN_SCHOOLJAAR",
  overigVerzuim: "Overig verzuim",
};

/**
 * The labels a regio gives codes itself, per column (OVERIG by its own name): every output
 * (the site's chapters, tabellen.xlsx) names a code the same way.
 */
export function eigenLabels(d: Pick<Definities, "overigVerzuim">): Record<string, Record<string, string>> {
  return { verzuimsoort: { OVERIG: d.overigVerzuim } };
}

/** The definitions in force: the regio's own, the national ones where it chose none. */
export function definitiesVan(regio: { definities?: Partial<Definities> }): Definities {
  return { ...LANDELIJKE_DEFINITIES, ...regio.definities };
}

// ---------------------------------------------------------------- thuiszitters

/** A thuiszitter is always leerplichtig in the sense of the Leerplichtwet: under 18 at the melding. */
export const THUISZITTER_MAX_LEEFTIJD = 18;

/** The verzuimsoorten that count as thuiszitten under a definition. */
export function thuiszitterSoorten(d: ThuiszitterDefinitie): ("ABSOLUUT" | "LRV")[] {
  return d === "LRV" ? ["LRV"] : ["ABSOLUUT", "LRV"];
}

/**
 * The row of the table per soort a jongere with these verzuimsoorten in the schooljaar counts
 * in (once): both soorten are always shown, the soort of the definition goes first, so the
 * thuiszitters of the definition are exactly the rows of its soorten.
 */
export function thuiszitterRij(soorten: readonly string[], d: ThuiszitterDefinitie): "ABSOLUUT" | "LRV" | null {
  const volgorde: ("ABSOLUUT" | "LRV")[] = d === "LRV" ? ["LRV", "ABSOLUUT"] : ["ABSOLUUT", "LRV"];
  return volgorde.find((s) => soorten.includes(s)) ?? null;
}

/** Whether a jongere with these meldingen (leeftijd, verzuimsoort) in a schooljaar is a thuiszitter. */
export function isThuiszitter(meldingen: readonly { leeftijd: number; verzuimsoort: string }[], d: ThuiszitterDefinitie): boolean {
  const soorten = meldingen.filter((m) => m.leeftijd < THUISZITTER_MAX_LEEFTIJD).map((m) => m.verzuimsoort);
  const rij = thuiszitterRij(soorten, d);
  return rij !== null && thuiszitterSoorten(d).includes(rij);
}

/**
 * The thuiszitters per schooljaar, gemeente, soort and onderwijssoort (SQL on verzuim_def):
 * one row per jongere, in the soort thuiszitterRij gives it, counted in the gemeente and
 * onderwijssoort of the latest melding of that soort, so gemeenten add up to the regio.
 */
export function sqlThuiszitters(d: ThuiszitterDefinitie): string {
  const eerst = d === "LRV" ? "LRV" : "ABSOLUUT";
  const dan = eerst === "LRV" ? "ABSOLUUT" : "LRV";
  return `
    WITH m AS (
      SELECT schooljaar, pseudo_id, gemeente_code, onderwijssoort, verzuimsoort, melddatum, melding_id
      FROM verzuim_def WHERE verzuimsoort IN ('LRV', 'ABSOLUUT') AND leeftijd < ${THUISZITTER_MAX_LEEFTIJD}),
    p AS (
      SELECT schooljaar, pseudo_id, CASE WHEN bool_or(verzuimsoort = '${eerst}') THEN '${eerst}' ELSE '${dan}' END AS soort
      FROM m GROUP BY ALL),
    l AS (
      SELECT p.schooljaar, p.soort, m.gemeente_code, m.onderwijssoort,
        row_number() OVER (PARTITION BY p.schooljaar, p.pseudo_id ORDER BY m.melddatum DESC, m.melding_id DESC) AS nr
      FROM p JOIN m ON m.schooljaar = p.schooljaar AND m.pseudo_id = p.pseudo_id AND m.verzuimsoort = p.soort)
    SELECT schooljaar, gemeente_code AS gemeente, soort, onderwijssoort, COUNT(*)::INTEGER AS jongeren
    FROM l WHERE nr = 1 GROUP BY ALL`;
}

// ---------------------------------------------------------------- nieuw-VSV

/**
 * "Nieuw" under INGESCHREVEN_VORIGE_PEILDATUM: the jongere (a VSV'er on this peildatum) was
 * enrolled on the previous year's peildatum — the latest peildatum in the data that lies a
 * year or more before this one. `vorige` is the jongere's onderwijssoort on it (null: not in
 * that snapshot); `heeftVorige` whether the data has such a peildatum at all. Without one
 * (the first year of the data) nothing can be compared: the 365-dagen rule decides.
 */
export function isVsvNieuwVolgensPeildata(vorige: string | null, heeftVorige: boolean, nieuwVolgens365: boolean): boolean {
  if (!heeftVorige) return nieuwVolgens365;
  return vorige !== null && vorige !== "GEEN";
}

/** The previous year's peildatum of `peildatum` among `peildata` (ISO), or null. */
export function vorigePeildatum(peildatum: string, peildata: readonly string[]): string | null {
  const grens = `${Number(peildatum.slice(0, 4)) - 1}${peildatum.slice(4)}`;
  let beste: string | null = null;
  for (const p of peildata) if (p <= grens && (beste === null || p > beste)) beste = p;
  return beste;
}

/**
 * SQL run once while staging when the regio chooses INGESCHREVEN_VORIGE_PEILDATUM: the
 * vsv_nieuw and vsv_oud flags of jongeren_def set by the snapshots (the pseudo_id is stable
 * across peildata). Same rule as isVsvNieuwVolgensPeildata / vorigePeildatum.
 */
export const SQL_VSV_NIEUW_PEILDATA = `
  UPDATE jongeren_def AS j SET vsv_nieuw = n.nieuw, vsv_oud = NOT n.nieuw
  FROM (
    WITH peil AS (SELECT DISTINCT peildatum FROM jongeren_def),
    vorig AS (
      SELECT p.peildatum, max(q.peildatum) AS vorige
      FROM peil p LEFT JOIN peil q ON q.peildatum <= CAST(p.peildatum - INTERVAL 1 YEAR AS DATE) GROUP BY p.peildatum)
    SELECT a.peildatum, a.pseudo_id,
      CASE WHEN v.vorige IS NULL THEN a.vsv_nieuw
           ELSE COALESCE(bool_or(q.onderwijssoort <> 'GEEN'), false) END AS nieuw
    FROM jongeren_def a JOIN vorig v ON v.peildatum = a.peildatum
      LEFT JOIN jongeren_def q ON q.peildatum = v.vorige AND q.pseudo_id = a.pseudo_id
    WHERE a.vsv_nieuw OR a.vsv_oud
    GROUP BY a.peildatum, a.pseudo_id, v.vorige, a.vsv_nieuw
  ) n
  WHERE j.peildatum = n.peildatum AND j.pseudo_id = n.pseudo_id`;

// ---------------------------------------------------------------- vrijgestelde jeugdigen

/** A granted vrijstelling is active on the peildatum when it began on or before it and had not ended. */
export function isVrijgesteldOp(v: { besluit: string; begindatum: string; einddatum: string | null }, peildatum: string): boolean {
  return v.besluit === "TOEGEKEND" && v.begindatum <= peildatum && (v.einddatum === null || v.einddatum >= peildatum);
}

export const SQL_VRIJGESTELD_OP = (peildatum: string) =>
  `(besluit = 'TOEGEKEND' AND begindatum <= ${peildatum} AND (einddatum IS NULL OR einddatum >= ${peildatum}))`;

// ---------------------------------------------------------------- the definitions in words

const THUISZITTER_TEKST: Record<ThuiszitterDefinitie, string> = {
  LRV_EN_ABSOLUUT: "Een leerplichtige jongere (jonger dan 18 bij de melding) met een melding van langdurig relatief verzuim " +
    "(ingeschreven, langer dan 4 weken thuis) of absoluut verzuim (niet ingeschreven) in het schooljaar. Wie beide heeft, telt één keer mee, als absoluut verzuim.",
  LRV: "Een leerplichtige jongere (jonger dan 18 bij de melding) met een melding van langdurig relatief verzuim in het schooljaar: " +
    "ingeschreven en langer dan 4 weken thuis. Absoluut verzuim (niet ingeschreven) staat ernaast in de tabel per soort, maar telt niet mee in het totaal.",
};

const VSV_NIEUW_TEKST: Record<VsvNieuwDefinitie, (dagen: number) => string> = {
  UITGESCHREVEN_365_DAGEN: (dagen) => `Voortijdig schoolverlater (in de doelgroep van het Doorstroompunt, zonder startkwalificatie en zonder onderwijs) ` +
    `die ten hoogste ${dagen} dagen voor de peildatum is uitgeschreven.`,
  INGESCHREVEN_VORIGE_PEILDATUM: () => "Voortijdig schoolverlater (in de doelgroep van het Doorstroompunt, zonder startkwalificatie en zonder onderwijs) " +
    "die op de peildatum niet ingeschreven is en op de peildatum een jaar eerder wel. Voor de eerste peildatum in de gegevens is er geen vorig jaar: " +
    "daar telt wie ten hoogste 365 dagen voor de peildatum is uitgeschreven.",
};

const VRIJGESTELDEN_TEKST: Record<VrijgesteldenDefinitie, string> = {
  AFGEGEVEN_IN_SCHOOLJAAR: "Het kerncijfer is het aantal vrijstellingen dat in het schooljaar is afgegeven (de instroom); " +
    "het aantal vrijgestelde jeugdigen op de peildatum (de voorraad) staat ernaast.",
  ACTIEF_OP_PEILDATUM: "Het kerncijfer is het aantal jeugdigen met een toegekende vrijstelling die op de peildatum loopt (de voorraad); " +
    "het aantal vrijstellingen dat in het schooljaar is afgegeven (de instroom) staat ernaast.",
};

/** The definitions in force as [term, text], for /over and the PDF jaarverslag. */
export function definitiesInWoorden(d: Definities, vsvNieuwDagen = 365): [string, string][] {
  return [
    ["Thuiszitter", THUISZITTER_TEKST[d.thuiszitters]],
    ["VSV nieuw", VSV_NIEUW_TEKST[d.vsvNieuw](vsvNieuwDagen)],
    ["Vrijgestelde jeugdigen", VRIJGESTELDEN_TEKST[d.vrijgestelden]],
    [d.overigVerzuim, `De verzuimsoort die in de exports OVERIG heet; deze regio noemt haar "${d.overigVerzuim}".`],
  ];
}
