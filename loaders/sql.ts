// How a name or a value goes into SQL text, once: DuckDB takes no parameters where these stand
// (a file path in ATTACH or read_csv, a code list in IN, a column name), so they are quoted.
// Doubling the quote is DuckDB's (and standard SQL's) only escape inside a quoted string.

/** An identifier (table, column): "naam", with " doubled. */
export const q = (naam: string) => `"${naam.replace(/"/g, '""')}"`;
/** A text literal: 'waarde', with ' doubled. */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Text literals for IN (…): 'a', 'b'. */
export const lijst = (codes: readonly string[]) => codes.map(lit).join(", ");
