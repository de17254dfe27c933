// Where the data directory is, and regio.json read and checked against the contract.
import { readFileSync, existsSync } from "node:fs";
import { resolve, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { GebruikersFout } from "./errors.ts";

/** The project root, resolved from this file so loaders work from any cwd. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, "data");

/** `--data DIR` beats `VSV_DATA`, which beats the shipped sample. */
export function dataDir(argv: string[] = process.argv, env = process.env): string {
  const i = argv.indexOf("--data");
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]);
  const eq = argv.find((a) => a.startsWith("--data="));
  if (eq) return resolve(eq.slice("--data=".length));
  if (env.VSV_DATA) return resolve(env.VSV_DATA);
  return DEFAULT_DATA_DIR;
}

const isoDatum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "een datum JJJJ-MM-DD");
const gmCode = z.string().regex(/^GM\d{4}$/, "een CBS-gemeentecode GMnnnn");

const RegioSchema = z.object({
  naam: z.string().min(1),
  contactgemeente: gmCode,
  /** Regio number as used in vsv_cijfers.csv (REGIO rows); optional. */
  nummer: z.union([z.string(), z.number()]).optional(),
  vsvPeildatum: z.string().regex(/^\d{2}-\d{2}$/, "maand-dag, bijvoorbeeld 10-15").default("10-01"),
  gemeenten: z.array(z.object({
    code: gmCode,
    naam: z.string().min(1),
    vanaf: isoDatum.optional(),
    tot: isoDatum.optional(),
    /** Optional place on the schematic tile map (column, row). */
    x: z.number().int().min(0).optional(),
    y: z.number().int().min(0).optional(),
  })).min(1, "minstens één gemeente"),
  budget: z.array(z.object({
    jaar: z.number().int(),
    rijksbijdrage: z.number().nonnegative(),
    gemeentelijk: z.number().nonnegative(),
    regionaal: z.number().nonnegative(),
    risicoscoreJaar: z.number().int(),
    vasteVoet: z.record(z.string(), z.number().nonnegative()).default({}),
  })).default([]),
  publicatie: z.object({ minimumCel: z.number().int().min(0).default(5) }).default({ minimumCel: 5 }),
  /** Optional presentation: a logo file in the data directory. */
  logo: z.string().optional(),
  /** Optional contact for the toegankelijkheidsverklaring and the /over page. */
  contact: z.object({
    naam: z.string().optional(), email: z.string().optional(), telefoon: z.string().optional(), url: z.string().optional(),
  }).optional(),
});

export type Regio = z.infer<typeof RegioSchema>;
export type RegioGemeente = Regio["gemeenten"][number];
export type Budget = Regio["budget"][number];

/** zod's own messages are English: a missing field says so, the rest in zod's Dutch locale. */
const nlLocale = z.locales.nl().localeError;
const foutInHetNederlands: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined ? "ontbreekt (verplicht veld)" : nlLocale(issue);

export function loadRegio(dir: string = dataDir()): Regio {
  const file = join(dir, "regio.json");
  if (!existsSync(file)) {
    throw new GebruikersFout(`regio.json ontbreekt in de datamap ${dir}`);
  }
  let raw: unknown;
  const tekst = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  try {
    raw = JSON.parse(tekst);
  } catch (e) {
    // The parser's message is English and technical: lead with where and what to check.
    const pos = /at position (\d+)/.exec((e as Error).message);
    const voor = pos ? tekst.slice(0, Number(pos[1])).split("\n") : null;
    const plaats = voor ? ` (regel ${voor.length}, kolom ${voor[voor.length - 1].length + 1})` : "";
    throw new GebruikersFout(`regio.json is geen geldige JSON${plaats}; controleer komma's, aanhalingstekens en haakjes ` +
      `(melding van de JSON-lezer: ${(e as Error).message})`);
  }
  const parsed = RegioSchema.safeParse(raw, { error: foutInHetNederlands });
  if (!parsed.success) {
    const msgs = parsed.error.issues.map((i) => `regio.json, veld ${i.path.join(".") || "(hoofdniveau)"}: ${i.message}`);
    throw new GebruikersFout(msgs.join("\n"));
  }
  const regio = parsed.data;
  const codes = new Set<string>();
  for (const g of regio.gemeenten) {
    if (codes.has(g.code)) throw new GebruikersFout(`regio.json: gemeente ${g.code} staat er twee keer in`);
    codes.add(g.code);
  }
  for (const g of regio.gemeenten) {
    if (g.vanaf && g.tot && g.tot < g.vanaf) {
      throw new GebruikersFout(`regio.json: gemeente ${g.code} heeft tot (${g.tot}) vóór vanaf (${g.vanaf})`);
    }
  }
  if (!codes.has(regio.contactgemeente)) {
    throw new GebruikersFout(`regio.json: contactgemeente ${regio.contactgemeente} staat niet in gemeenten`);
  }
  return regio;
}

/** Member on a date (ISO string). `tot` is the last day of membership, inclusive. */
export function isLidOp(g: RegioGemeente, datum: string): boolean {
  return (!g.vanaf || g.vanaf <= datum) && (!g.tot || datum <= g.tot);
}

/** Member at any moment of the period [van, tot] (ISO strings, inclusive). */
export function isLidIn(g: RegioGemeente, van: string, tot: string): boolean {
  return (!g.vanaf || g.vanaf <= tot) && (!g.tot || g.tot >= van);
}

export function gemeentenInJaar(regio: Regio, jaar: number): RegioGemeente[] {
  return regio.gemeenten.filter((g) => isLidIn(g, `${jaar}-01-01`, `${jaar}-12-31`));
}
