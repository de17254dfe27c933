// regio.json read and checked against the contract: clear Dutch messages for every mistake.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { GebruikersFout } from "./errors.ts";
import {
  LANDELIJKE_DEFINITIES, THUISZITTER_DEFINITIES, VSV_NIEUW_DEFINITIES, VRIJGESTELDEN_DEFINITIES, type Definities,
} from "../src/lib/definities.ts";

/**
 * The lowest publicatie.minimumCel: below it a published count of 1 or 2 jongeren points to
 * persons. Internal outputs do not read regio.json for this; they pass 0 or 1 themselves.
 */
export const MINIMUM_CEL_PUBLIEK = 3;

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
  publicatie: z.object({
    minimumCel: z.number().int().min(MINIMUM_CEL_PUBLIEK, {
      error: (i) => `waarde ${String(i.input)}: verwacht een geheel getal van minstens ${MINIMUM_CEL_PUBLIEK}; ` +
        "aantallen van 1 of 2 jongeren zijn tot personen te herleiden en worden nooit gepubliceerd " +
        "(exacte aantallen voor intern gebruik geven de rapporten zelf, zoals npm run jaarverslag -- --intern)",
    }).default(5),
  }).default({ minimumCel: 5 }),
  /**
   * The regio's own definitions (src/lib/definities.ts); every one missing is the national
   * one, so a regio.json without this section counts as the national figures do.
   */
  definities: z.object({
    thuiszitters: z.enum(THUISZITTER_DEFINITIES).default(LANDELIJKE_DEFINITIES.thuiszitters),
    vsvNieuw: z.enum(VSV_NIEUW_DEFINITIES).default(LANDELIJKE_DEFINITIES.vsvNieuw),
    vrijgestelden: z.enum(VRIJGESTELDEN_DEFINITIES).default(LANDELIJKE_DEFINITIES.vrijgestelden),
    overigVerzuim: z.string().trim().min(1).max(60).default(LANDELIJKE_DEFINITIES.overigVerzuim),
  }).strict().default(LANDELIJKE_DEFINITIES),
  /** Optional presentation: a logo file in the data directory. */
  logo: z.string().optional(),
  /** Optional contact for the toegankelijkheidsverklaring, the /over page and the footer of every page. */
  contact: z.object({
    naam: z.string().min(1).max(200).optional(),
    email: z.string().regex(/^[^\s@<>"'()]+@[^\s@<>"'()]+\.[A-Za-z]{2,}$/, "een e-mailadres, bijvoorbeeld leerplicht@gemeente.nl").optional(),
    telefoon: z.string().regex(/^\+?[0-9][0-9 ()-]{5,20}$/, "een telefoonnummer, bijvoorbeeld 038 498 9111").optional(),
    // Only a web address: a javascript: or data: link would run or show something else in the footer.
    url: z.string().regex(/^https?:\/\/[^\s<>"']+$/, "een webadres dat begint met https://").optional(),
  }).optional(),
});

/**
 * The checked regio. `definities` is always filled in by loadRegio; it is optional in the type
 * so a regio made in code (tests, the generator) may leave it out: read it with definitiesVan()
 * (src/lib/definities.ts).
 */
export type Regio = Omit<z.infer<typeof RegioSchema>, "definities"> & { definities?: Definities };
export type RegioGemeente = Regio["gemeenten"][number];
export type Budget = Regio["budget"][number];

/** zod's own messages are English: a missing field says so, the rest in zod's Dutch locale. */
const nlLocale = z.locales.nl().localeError;
const foutInHetNederlands: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined ? "ontbreekt (verplicht veld)" : nlLocale(issue);

/** The data directory is always passed (dataDir() in config.ts): config.ts imports this module's types. */
export function loadRegio(dir: string): Regio {
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

