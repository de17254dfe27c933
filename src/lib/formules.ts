// CSV and spreadsheet injection (OWASP "CSV Injection"): a text cell that starts with =, +,
// -, @, a tab or a carriage return is read by Excel and LibreOffice as a formula, so a
// gemeente name or a label from the data such as `=HYPERLINK("http://…")` would run in the
// coördinator's spreadsheet. Such text gets a leading ' and is then shown as text. One rule
// for every download and report (site CSV/XLSX, reports/xlsx.ts, werklijst.csv): pure, no DOM
// or Node, so both the browser and the reports import it.

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULE_BEGIN = /^[=+\-@\t\r]/;

/**
 * A number written out as text ("-250", "+3,5", "-12.5%"): it starts with - or + but is no
 * formula, and a leading ' would spoil it as a number. Anything more (letters, brackets, a
 * second sign) is treated as a possible formula.
 */
const GETAL = /^[+-]?\d[\d.,]*%?$/;

/** The text as a spreadsheet may show it: formula-like text with a leading '. */
export function ontwapen(tekst: string): string {
  return FORMULE_BEGIN.test(tekst) && !GETAL.test(tekst) ? `'${tekst}` : tekst;
}

/**
 * A cell value made safe: text through `ontwapen`, everything else (numbers, including
 * negative ones, booleans, dates, null) unchanged, since only text can become a formula.
 */
export function veiligeCel<T>(waarde: T): T | string {
  return typeof waarde === "string" ? ontwapen(waarde) : waarde;
}
