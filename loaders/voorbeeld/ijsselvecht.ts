// The synthetic sample regio. This is the ONLY place where IJssel-Vecht is described: the
// project itself reads everything from the generated regio.json.

import type { Definities } from "../../src/lib/definities.ts";

export interface GemeenteProfiel {
  code: string;
  naam: string;
  /** Inhabitants (rounded, about 2024): sets the relative size of the population. */
  inwoners: number;
  vanaf: string;
  /** Last day of membership, if the gemeente left the regio. */
  tot?: string;
  /** Relative risk of early school leaving (urban Zwolle higher, rural lower). */
  vsvFactor: number;
  /** Relative frequency of vrijstelling 5B (richtingbezwaren: the Bible belt gemeenten). */
  factor5B: number;
  /** Relative frequency of vrijstelling 5C (school abroad: the German border). */
  factor5C: number;
  /** Students move in (Zwolle has the HO institutions) or out (rural gemeenten). */
  stad: boolean;
}

const g = (
  code: string, naam: string, inwoners: number, vsvFactor: number,
  extra: Partial<GemeenteProfiel> = {},
): GemeenteProfiel => ({
  code, naam, inwoners, vanaf: "2020-01-01", vsvFactor, factor5B: 1, factor5C: 1, stad: false, ...extra,
});

export const GEMEENTEN: GemeenteProfiel[] = [
  g("GM0193", "Zwolle", 132_000, 1.25, { stad: true }),
  g("GM0148", "Dalfsen", 29_500, 0.8),
  g("GM0160", "Hardenberg", 62_000, 1.05, { factor5C: 4 }),
  g("GM0244", "Hattem", 12_600, 0.9),
  g("GM0246", "Heerde", 19_000, 0.85),
  g("GM0166", "Kampen", 55_000, 1.0, { factor5B: 2 }),
  g("GM1773", "Olst-Wijhe", 18_800, 0.85, { vanaf: "2026-01-01" }),
  g("GM0175", "Ommen", 18_500, 0.95, { factor5C: 1.5 }),
  g("GM0177", "Raalte", 38_500, 0.85),
  g("GM0180", "Staphorst", 17_800, 0.75, { factor5B: 10 }),
  g("GM1708", "Steenwijkerland", 45_000, 0.95),
  g("GM1896", "Zwartewaterland", 23_500, 0.85, { factor5B: 4 }),
];

export interface Budget {
  jaar: number; rijksbijdrage: number; gemeentelijk: number; regionaal: number;
  risicoscoreJaar: number; vasteVoet: Record<string, number>;
}

export const REGIO: {
  naam: string; contactgemeente: string; nummer: number; vsvPeildatum: string;
  budget: Budget[]; publicatie: { minimumCel: number }; definities?: Partial<Definities>;
  contact?: { naam?: string; email?: string; telefoon?: string; url?: string };
} = {
  naam: "Leerplicht & Doorstroompuntregio IJssel-Vecht",
  contactgemeente: "GM0193",
  nummer: 15,
  vsvPeildatum: "10-15",
  budget: [
    { jaar: 2024, rijksbijdrage: 1_612_000, gemeentelijk: 1_241_240, regionaal: 370_760, risicoscoreJaar: 2020, vasteVoet: {} },
    { jaar: 2025, rijksbijdrage: 1_671_000, gemeentelijk: 1_286_670, regionaal: 384_330, risicoscoreJaar: 2021, vasteVoet: { GM0244: 12_000 } },
    { jaar: 2026, rijksbijdrage: 1_730_000, gemeentelijk: 1_423_884, regionaal: 401_608, risicoscoreJaar: 2022, vasteVoet: {} },
  ],
  publicatie: { minimumCel: 5 },
  // A made-up address (example.nl is reserved for examples): the sample shows where it appears.
  contact: { naam: "het Bureau Leerplicht en Doorstroompunt (voorbeeld)", email: "leerplicht@example.nl" },
  // The regio's own choices (beleidsplan 7.1): a thuiszitter is enrolled and longer than 4
  // weeks at home (LRV only), nieuw-VSV is read from the snapshots, vrijgestelde jeugdigen are
  // those with a vrijstelling running on the peildatum, OVERIG is vroegsignalering.
  definities: {
    thuiszitters: "LRV", vsvNieuw: "INGESCHREVEN_VORIGE_PEILDATUM", vrijgestelden: "ACTIEF_OP_PEILDATUM", overigVerzuim: "Vroegsignalering",
  },
};

/** Official national VSV figures (OCW/DUO, rounded) for comparison; not scaled. */
export const LANDELIJK: Record<string, { deelnemers: number; vsv: number }> = {
  "2021-2022": { deelnemers: 1_005_300, vsv: 19_905 },
  "2022-2023": { deelnemers: 1_008_400, vsv: 21_680 },
  "2023-2024": { deelnemers: 1_010_000, vsv: 21_715 },
  "2024-2025": { deelnemers: 1_004_800, vsv: 21_300 },
};

/** Jongeren 4..27 are about 28% of the inhabitants: 24 birth years. */
export const AANDEEL_JONGEREN = 0.28;
