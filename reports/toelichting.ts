// The "Toelichting" sheet of each report workbook (src/lib/werkblad.ts): what it is, where the
// numbers come from, the date of the data, the definitions that decide how they are counted,
// and the legend of the suppression mark. The definitions are worded from the constants in
// loaders/definitions.ts, so a changed rule changes the sentence.
import { datum, onderdruktLegenda } from "../src/lib/format.ts";
import { label } from "../src/components/jaarverslag.ts";
import type { Toelichting } from "../src/lib/werkblad.ts";
import { definitiesInWoorden, LANDELIJKE_DEFINITIES, type Definities } from "../src/lib/definities.ts";
import {
  MAX_LEEFTIJD_NIEUW, MAX_LEEFTIJD_OUD, RAPPORTGROEPEN, VSV_NIEUW_DAGEN, WET_SDW_INGANG,
  MONITOR_STATUSSEN, schooljaarEinde, schooljaarStart,
} from "../loaders/definitions.ts";

function onderdrukking(minimumCel: number, intern: string): string {
  return minimumCel > 1 ? onderdruktLegenda(minimumCel) : intern;
}

const lijst = (codes: readonly string[]) => codes.map((c) => label(c).toLowerCase()).join(", ");

/** Definitions of the jaarverslag's numbers, with the regio's own choices (national ones by default). */
export function jaarverslagDefinities(d: Definities = LANDELIJKE_DEFINITIES): { term: string; uitleg: string }[] {
  return [
    { term: "Schooljaar", uitleg: `Van 1 augustus tot en met 31 juli; bijvoorbeeld 2024-2025 loopt van ${datum(schooljaarStart("2024-2025"))} tot en met ${datum(schooljaarEinde("2024-2025"))}.` },
    { term: "Leerplicht of Doorstroompunt", uitleg: "Een verzuimmelding valt onder Leerplicht als de jongere bij de melding jonger is dan 18 jaar, anders onder het Doorstroompunt (preventief, 18+)." },
    // The regio's own definitions (regio.json definities), worded once in src/lib/definities.ts as in the PDF and on /over.
    ...definitiesInWoorden(d, VSV_NIEUW_DAGEN).map(([term, uitleg]) => ({ term, uitleg })),
    { term: "VSV oud", uitleg: "Een voortijdig schoolverlater die niet nieuw is." },
    {
      term: "Rapportgroepen VSV",
      uitleg: Object.entries(RAPPORTGROEPEN).map(([g, rs]) => `${label(g)}: ${lijst(rs)}`).join("; ") + ".",
    },
    { term: "VSV-percentage", uitleg: "Het officiële percentage van OCW/DUO: het aantal nieuwe voortijdig schoolverlaters gedeeld door het aantal deelnemers aan vo en mbo, per gemeente, regio en voor heel Nederland." },
    { term: "Maximumleeftijd Doorstroompunt", uitleg: `Tot ${datum(WET_SDW_INGANG)} ${MAX_LEEFTIJD_OUD} jaar, daarna ${MAX_LEEFTIJD_NIEUW} jaar (Wet van school naar duurzaam werk).` },
  ];
}

export function jaarverslagToelichting(o: {
  regio: string; schooljaar: string; gemeenteNaam?: string; peildatum?: string | null; minimumCel: number; opgesteld?: string;
  definities?: Definities;
}): Toelichting {
  return {
    titel: `Jaarverslag Leerplicht en Doorstroompunt ${o.schooljaar} — ${o.gemeenteNaam ? `gemeente ${o.gemeenteNaam}, ` : ""}${o.regio}`,
    bron: "De exports van de regio (jongeren, verzuimmeldingen, vrijstellingen, VSV-trajecten en inzet) en de officiële VSV-cijfers van OCW/DUO. Elk getal is één keer berekend en afgeschermd in de publicatielaag, zoals op de website en in het PDF-jaarverslag.",
    gegevens: `Schooljaar ${o.schooljaar} (${datum(schooljaarStart(o.schooljaar))} tot en met ${datum(schooljaarEinde(o.schooljaar))}), met het schooljaar ervoor ter vergelijking` +
      (o.peildatum ? `; leerlingen en doelgroepen op ${datum(o.peildatum)}.` : "."),
    opgesteld: o.opgesteld,
    definities: jaarverslagDefinities(o.definities),
    onderdrukking: onderdrukking(o.minimumCel, "Alle aantallen zijn exact (--intern): alleen voor intern gebruik van de regio, niet publiceren."),
  };
}

export function monitorToelichting(o: { regio: string; moment: string; vorigMoment: string | null; minimumCel: number; maxLeeftijd: number }): Toelichting {
  return {
    titel: `Standaard monitor JIKP ${datum(o.moment)} — ${o.regio}`,
    bron: "De monitor-export van de regio (jikp_monitor.csv): per jongere de status op elk monitormoment.",
    gegevens: `Monitormoment ${datum(o.moment)}` + (o.vorigMoment ? `, vergeleken met ${datum(o.vorigMoment)}.` : "; er is geen eerder moment in de gegevens."),
    definities: [
      { term: "Groep en herkomst", uitleg: "De monitor volgt twee groepen: JIKP (jongeren in een kwetsbare positie) en VSV (voortijdig schoolverlaters). De herkomst is het onderwijs waar de jongere vandaan komt, zoals praktijkonderwijs, vso, vmbo basis, entree of mbo 2." },
      { term: "Status", uitleg: `Elke jongere krijgt de eerste status die geldt, in deze volgorde: ${MONITOR_STATUSSEN.map((s) => label(s).toLowerCase()).join(" → ")}.` },
      { term: "Maximumleeftijd", uitleg: `Op dit moment ${o.maxLeeftijd} jaar: wie deze leeftijd heeft, valt uit de doelgroep (${MAX_LEEFTIJD_OUD} tot ${datum(WET_SDW_INGANG)}, ${MAX_LEEFTIJD_NIEUW} daarna).` },
    ],
    onderdrukking: onderdrukking(o.minimumCel, "Alle aantallen zijn exact: de monitor zonder --publiek is alleen voor intern gebruik van de regio."),
  };
}

export function verdelingToelichting(o: { regio: string; jaar: number; risicoscoreJaar: number; vorigJaar: number | null }): Toelichting {
  return {
    titel: `SPUK-verdeling ${o.jaar} — ${o.regio}`,
    bron: `Het budget uit regio.json van de regio en de risicoscores voortijdig schoolverlaten van het CBS (${o.risicoscoreJaar}).`,
    gegevens: `Budgetjaar ${o.jaar}, risicoscores CBS ${o.risicoscoreJaar}` + (o.vorigJaar !== null ? `; vergeleken met budgetjaar ${o.vorigJaar}.` : "."),
    definities: [
      { term: "Verdeling", uitleg: "Elke deelnemende gemeente krijgt eerst haar vaste voet; de rest van het gemeentelijk deel gaat naar verhouding van de risicoscores. Alleen gemeenten die in het jaar lid van de regio zijn, doen mee." },
      { term: "Risicoscore", uitleg: "Het verwachte aantal voortijdig schoolverlaters onder vo-leerlingen en mbo-studenten in de gemeente, volgens het CBS." },
      { term: "Afronding", uitleg: "Elk bedrag wordt naar beneden afgerond op hele euro's; de overgebleven euro's gaan naar de grootste resten, bij gelijke rest eerst de laagste gemeentecode. De bedragen zijn samen precies het gemeentelijk deel." },
      { term: "Aandeel en verschil %", uitleg: "Opgeslagen als fractie met een %-opmaak: 0,0479 staat er als 4,79 %, zodat u ermee kunt rekenen." },
    ],
    onderdrukking: "Niets in de verdeling is afgeschermd: het zijn bedragen en openbare CBS-cijfers.",
  };
}
