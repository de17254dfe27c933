// Where the site publishes the regio's jaarverslag files (built with the site by
// scripts/lib/publicaties.ts) and how the jaarverslag pages link to them: one naming for both.

/** Folder in the site, below the jaarverslag pages. */
export const JAARVERSLAG_MAP = "jaarverslag/bestanden";
export const jaarverslagPdfNaam = (schooljaar: string) => `jaarverslag-${schooljaar}.pdf`;
export const jaarverslagXlsxNaam = (schooljaar: string) => `jaarverslag-${schooljaar}-tabellen.xlsx`;

/** A file of JAARVERSLAG_MAP as linked from a page in src/jaarverslag/ (one folder up from it). */
export const vanJaarverslagPagina = (naam: string) => `./${JAARVERSLAG_MAP.replace(/^jaarverslag\//, "")}/${naam}`;
