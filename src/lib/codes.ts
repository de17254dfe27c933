// Codes that both the pipeline (loaders/) and the pages use, defined once here because pages
// cannot import outside src/. The input contract's other code lists are in loaders/schema.ts.

/** The gemeente code of the regio as a whole, in every published table and on every page. */
export const REGIO = "REGIO";
/** Total over a dimension's codes (statussen, verzuimsoorten, months, the margins of a matrix). */
export const TOTAAL = "TOTAAL";
/** Total over groepen or herkomsten. */
export const ALLE = "ALLE";
/** The gemeente code of Nederland as a whole (the official VSV figures and the BBV's vsv %). */
export const LANDELIJK = "LANDELIJK";

/** The doelgroepen of docs/exports.md, in the order of tables and charts. */
export const DOELGROEPEN = ["LEERPLICHTIG", "KWALIFICATIEPLICHTIG", "VSV_NIEUW", "VSV_OUD", "NEET"] as const;
export type Doelgroep = (typeof DOELGROEPEN)[number];

/** verzuimsoort in verzuimmeldingen.csv (docs/exports.md), in the order of tables and charts. */
export const VERZUIMSOORTEN = ["WETTELIJK", "LUXE", "OVERIG", "LRV", "ABSOLUUT"] as const;
