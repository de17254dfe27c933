// npm run verdeling -- --jaar 2026 --out DIR [--data DIR]
// Writes DIR/verdeling.json (docs/uitvoer.md §4) and DIR/verdeling.xlsx, both or neither.
import { pathToFileURL } from "node:url";
import { args, kiesDataDir, verplicht, voortgang, schrijfAtomisch } from "./cli.ts";
import { werkboek, type Tabel } from "./xlsx.ts";
import { verdelingToelichting } from "./toelichting.ts";
import { runMain, GebruikersFout } from "../loaders/errors.ts";
import { openStaging } from "../loaders/db.ts";
import { verdeling, controleerJaar, type Verdeling } from "../loaders/marts/verdeling.ts";
import { loadRegio } from "../loaders/regio.ts";
import { eisExports, NODIG } from "../loaders/nodig.ts";

export function leesJaar(waarde: string | undefined): number {
  const tekst = verplicht(waarde, "jaar", "2026");
  if (!/^\d{4}$/.test(tekst.trim())) {
    throw new GebruikersFout(`--jaar moet een jaartal van vier cijfers zijn, bijvoorbeeld --jaar 2026 (gekregen: "${tekst}")`);
  }
  return Number(tekst.trim());
}

/** The Excel tables: the verdeling with a total row, the budget lines, and the explanations. */
export function verdelingTabellen(v: Verdeling): Tabel[] {
  const vorigKolom = `bedrag_${v.vorigJaar}`;
  // Columns of the comparison only when there is a previous budget year. Shares are fractions
  // (0.0479) with a % format, so a person can compute with them.
  const vergelijking = (vorig: number | null, verschil: number | null, relatief: number | null) =>
    v.vorigJaar === null ? {} : { [vorigKolom]: vorig, verschil, verschil_relatief: relatief };
  const rijen: Record<string, unknown>[] = v.gemeenten.map((g) => ({
    code: g.code,
    gemeente: g.naam,
    aantal_jongeren: g.aantalJongeren,
    risicoscore: g.risicoscore,
    aandeel: g.aandeel,
    vaste_voet: g.vasteVoet,
    bedrag: g.bedrag,
    ...vergelijking(g.vorigBedrag, g.verschil, g.verschilRelatief),
  }));
  const som = (f: (g: Verdeling["gemeenten"][number]) => number | null) =>
    v.gemeenten.reduce((a, g) => a + (f(g) ?? 0), 0);
  const totaal = som((g) => g.bedrag);
  const vorigTotaal = som((g) => g.vorigBedrag);
  rijen.push({
    code: "",
    gemeente: "Totaal",
    aantal_jongeren: som((g) => g.aantalJongeren),
    risicoscore: v.risicoscoreSom,
    aandeel: som((g) => g.aandeel),
    vaste_voet: v.vasteVoetTotaal,
    bedrag: totaal,
    ...vergelijking(vorigTotaal, totaal - vorigTotaal, vorigTotaal ? (totaal - vorigTotaal) / vorigTotaal : null),
  });
  return [
    {
      id: "verdeling", naam: `Verdeling ${v.jaar}`, titel: `SPUK-verdeling ${v.jaar} — ${v.regio} (risicoscores CBS ${v.risicoscoreJaar})`, rijen,
      formaten: { verschil: "euro" },
      koppen: {
        code: "Gemeentecode", gemeente: "Gemeente", aantal_jongeren: "Aantal jongeren (vo en mbo)", risicoscore: `Risicoscore CBS ${v.risicoscoreJaar}`,
        aandeel: "Aandeel", vaste_voet: "Vaste voet", bedrag: `Bedrag ${v.jaar}`, [vorigKolom]: `Bedrag ${v.vorigJaar}`,
        verschil: "Verschil", verschil_relatief: "Verschil %",
      },
    },
    {
      id: "budget",
      naam: `Budget ${v.jaar}`,
      titel: `Budget ${v.jaar}`,
      koppen: { post: "Post", bedrag: "Bedrag" },
      kolommen: ["post", "bedrag"],
      rijen: [
        { post: "Rijksbijdrage", bedrag: v.rijksbijdrage },
        { post: "Gemeentelijk deel", bedrag: v.gemeentelijk },
        { post: "Regionaal deel (coördinatie)", bedrag: v.regionaal },
        { post: "Waarvan vaste voeten", bedrag: v.vasteVoetTotaal },
        { post: "Verdeeld naar risicoscore", bedrag: v.naarRisicoscore },
      ],
    },
    {
      id: "uitleg",
      naam: "Uitleg per gemeente",
      titel: "Waarschuwingen en uitleg per gemeente",
      kolommen: ["onderwerp", "tekst"],
      koppen: { onderwerp: "Gemeente", tekst: "Uitleg" },
      rijen: [
        ...v.waarschuwingen.map((w) => ({ onderwerp: "Waarschuwing", tekst: w })),
        ...v.gemeenten.map((g) => ({ onderwerp: g.naam, tekst: g.uitleg })),
      ],
    },
  ];
}

async function main(): Promise<void> {
  const a = args({ jaar: { type: "string" }, out: { type: "string" } }, process.argv.slice(2), {
    gebruik: "npm run verdeling -- --jaar JJJJ --out MAP",
    wat: "Verdeelt het SPUK-budget van een jaar over de gemeenten naar de CBS-risicoscores (docs/uitvoer.md, §4), als Excel en JSON.",
    opties: { "jaar JJJJ": "het budgetjaar, bijvoorbeeld 2026", "out MAP": "de map voor de uitvoer" },
  });
  const jaar = leesJaar(a.jaar);
  const out = verplicht(a.out, "out", "uitvoer/verdeling");
  const dir = kiesDataDir(a.data);
  // A year without budget is refused before the (slower) staging of the exports.
  controleerJaar(loadRegio(dir), jaar);

  eisExports(dir, "verdeling");

  voortgang(`Gegevens lezen uit ${dir} …`);
  // Only its own export: a budget check needs nothing else, and no other export can stop it.
  const db = await openStaging(dir, { alleen: NODIG.verdeling });
  let v: Verdeling;
  try {
    voortgang(`Verdeling ${jaar} berekenen …`);
    v = await verdeling(db, jaar);
  } finally {
    db.close();
  }
  for (const w of v.waarschuwingen) voortgang(`Let op: ${w}`);

  voortgang("Excel maken …");
  const xlsx = await werkboek(verdelingTabellen(v), {
    minimumCel: 0, maker: v.regio,
    toelichting: verdelingToelichting({ regio: v.regio, jaar: v.jaar, risicoscoreJaar: v.risicoscoreJaar, vorigJaar: v.vorigJaar }),
  });
  schrijfAtomisch(out, {
    "verdeling.json": JSON.stringify(v, null, 2) + "\n",
    "verdeling.xlsx": xlsx,
  });
  voortgang(`Klaar: ${out}/verdeling.json en verdeling.xlsx`);
}

// Only when run as a command, so tests can import the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runMain(main);
}
