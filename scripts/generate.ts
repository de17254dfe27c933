// The command of the sample generator (loaders/voorbeeld/genereer.ts):
//
//   npm run generate -- --out DIR [--scale N] [--seed S] [--profiel regio-profiel.json]
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { GebruikersFout, runMain } from "../loaders/errors.ts";
import { genereer, STANDAARD_SEED, type Opties, type Profiel } from "../loaders/voorbeeld/genereer.ts";

function leesProfiel(pad: string): Profiel {
  let p: Profiel;
  try {
    p = JSON.parse(readFileSync(pad, "utf8"));
  } catch (e) {
    throw new GebruikersFout(`${pad}: geen geldig profiel (${(e as Error).message})`);
  }
  if (!p.regio || !Array.isArray(p.gemeenten) || p.gemeenten.length === 0) {
    throw new GebruikersFout(`${pad}: een profiel heeft "regio" en een lijst "gemeenten" (code, naam, inwoners)`);
  }
  return p;
}

function leesArgs(argv: string[]): Opties {
  let values: { out?: string; scale?: string; seed?: string; profiel?: string };
  try {
    values = parseArgs({
      args: argv,
      options: { out: { type: "string" }, scale: { type: "string" }, seed: { type: "string" }, profiel: { type: "string" } },
      strict: true, allowPositionals: false,
    }).values;
  } catch (e) {
    throw new GebruikersFout(`Onjuiste opdracht: ${(e as Error).message}\nGebruik: npm run generate -- --out MAP [--scale N] [--seed S] [--profiel regio-profiel.json]`);
  }
  if (!values.out) throw new GebruikersFout("--out ontbreekt, bijvoorbeeld --out data");
  const scale = values.scale === undefined ? 1 : Number(values.scale.replace(",", "."));
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) {
    throw new GebruikersFout(`--scale moet een getal groter dan 0 en hoogstens 100 zijn, niet "${values.scale}"`);
  }
  return { out: values.out, scale, seed: values.seed, profiel: values.profiel ? leesProfiel(values.profiel) : undefined };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runMain(async () => {
    const opties = leesArgs(process.argv.slice(2));
    const begin = Date.now();
    process.stderr.write(`Voorbeelddata genereren in ${resolve(opties.out)} (schaal ${opties.scale}, seed ${opties.seed ?? STANDAARD_SEED})\n`);
    const res = await genereer({ ...opties, melding: (t) => process.stderr.write(t + "\n") });
    for (const b of res.bestanden) {
      process.stderr.write(`  ${b.bestand.padEnd(22)} ${String(b.rijen).padStart(10)} rijen ${(b.bytes / 1e6).toFixed(2).padStart(9)} MB\n`);
    }
    process.stderr.write(`${res.personen} jongeren, klaar in ${((Date.now() - begin) / 1000).toFixed(1)} s\n`);
  });
}
