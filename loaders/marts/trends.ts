// What the trend explorer, the map and the /over and /toegankelijkheid pages need beyond
// dashboard.json: the regio's settings, the definitions as numbers, the period each export
// covers, the gemeenten with their tile on the schematic map, and (when the regio supplies
// grenzen.geojson) the gemeente boundaries. No counts of jongeren at all: the figures
// themselves come from the dashboard mart, suppressed once, so no cell is published twice
// with a different suppression pattern.
import { aanwezig } from "../nodig.ts";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { definitiesVan, definitiesInWoorden } from "../../src/lib/definities.ts";
import type { Tegel, Geometrie, Grenzen, Bron, SiteInfo, Contact } from "../../src/lib/site-info.ts";
import type { Staging } from "../db.ts";
import type { Regio, RegioGemeente } from "../config.ts";
import { GebruikersFout } from "../errors.ts";
import { publicatie, type Informatieverlies } from "../publish/publicatie.ts";
import {
  DOELGROEPEN, MONITOR_STATUSSEN, WET_SDW_INGANG, MAX_LEEFTIJD_OUD, MAX_LEEFTIJD_NIEUW, NEET_MAX, VSV_NIEUW_DAGEN,
} from "../definitions.ts";

export const GRENZEN_BESTAND = "grenzen.geojson";

type MetTegel = RegioGemeente & { x?: number; y?: number };

/**
 * Tiles for the schematic map. Positions from regio.json (optional `x`, `y` per gemeente)
 * when every gemeente has them; otherwise alphabetically in a compact grid about as wide
 * as a screen (16 : 9), so no regio's geography is assumed in code.
 */
export function tegelIndeling(gemeenten: MetTegel[]): { tegels: Tegel[]; uitRegio: boolean } {
  const met = gemeenten.filter((g) => g.x !== undefined && g.y !== undefined);
  if (met.length > 0 && met.length < gemeenten.length) {
    const zonder = gemeenten.filter((g) => g.x === undefined || g.y === undefined).map((g) => g.code);
    throw new GebruikersFout(`regio.json: geef x en y (tegel op de kaart) bij alle gemeenten of bij geen; ze ontbreken bij ${zonder.join(", ")}`);
  }
  if (met.length === gemeenten.length && met.length > 0) {
    const bezet = new Map<string, string>();
    for (const g of gemeenten) {
      if (!Number.isInteger(g.x) || !Number.isInteger(g.y) || g.x! < 0 || g.y! < 0) {
        throw new GebruikersFout(`regio.json: gemeente ${g.code}: x en y moeten hele getallen vanaf 0 zijn (kolom en rij op de kaart), niet ${g.x}, ${g.y}`);
      }
      const plek = `${g.x},${g.y}`;
      if (bezet.has(plek)) throw new GebruikersFout(`regio.json: gemeenten ${bezet.get(plek)} en ${g.code} staan op dezelfde tegel (x ${g.x}, y ${g.y})`);
      bezet.set(plek, g.code);
    }
    return { tegels: gemeenten.map((g) => ({ code: g.code, x: g.x!, y: g.y! })), uitRegio: true };
  }
  const n = gemeenten.length;
  // About 16 : 9, then as few empty tiles in the last row as that many rows allow.
  const rijen = Math.ceil(n / Math.max(1, Math.min(n, Math.ceil(Math.sqrt((n * 16) / 9)))));
  const kolommen = Math.max(1, Math.ceil(n / Math.max(1, rijen)));
  const opNaam = [...gemeenten].sort((a, b) => a.naam.localeCompare(b.naam, "nl"));
  return { tegels: opNaam.map((g, i) => ({ code: g.code, x: i % kolommen, y: Math.floor(i / kolommen) })), uitRegio: false };
}

// ------------------------------------------------------------------ boundaries

/** Property names under which boundary files carry the CBS gemeentecode. */
const CODE_VELDEN = ["code", "statcode", "gemeentecode", "GM_CODE"];

function ringOppervlak(ring: number[][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[i][0] - ring[j][0]) * (ring[i][1] + ring[j][1]);
  // Positive for a clockwise ring with y pointing up (north).
  return s / 2;
}

/**
 * d3-geo (and so Plot.geo) reads spherical polygons with the exterior ring clockwise, the
 * opposite of RFC 7946 GeoJSON; read the RFC way, a gemeente becomes "the whole earth
 * except the gemeente". Rings are turned as d3 expects, coordinates rounded (about 1 m).
 */
export function voorD3(geometrie: Geometrie, stelsel: "lonlat" | "rd"): Geometrie {
  const factor = stelsel === "rd" ? 1 : 1e5;
  const rond = (ring: number[][]) => ring.map(([x, y]) => [Math.round(x * factor) / factor, Math.round(y * factor) / factor]);
  const polygoon = (p: number[][][]) => p.map((ring, i) => {
    const r = rond(ring);
    const rechtsom = ringOppervlak(r) > 0;
    // Exterior (i = 0) clockwise, holes counter-clockwise.
    return (i === 0) === rechtsom ? r : r.reverse();
  });
  return geometrie.type === "Polygon"
    ? { type: "Polygon", coordinates: polygoon(geometrie.coordinates as number[][][]) }
    : { type: "MultiPolygon", coordinates: (geometrie.coordinates as number[][][][]).map(polygoon) };
}

/**
 * The regio's own boundaries file, reduced to the regio's gemeenten (public geometry, no
 * personal data). Null with a reason when there is no usable file; a file that is not
 * GeoJSON is a user error.
 */
export function leesGrenzen(dataDir: string, gemeenten: { code: string; naam: string }[]): { grenzen: Grenzen | null; melding: string | null } {
  const pad = join(dataDir, GRENZEN_BESTAND);
  if (!existsSync(pad)) return { grenzen: null, melding: null };
  let geo: any;
  try {
    geo = JSON.parse(readFileSync(pad, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new GebruikersFout(`${GRENZEN_BESTAND} is geen geldige JSON: ${(e as Error).message}`);
  }
  if (geo?.type !== "FeatureCollection" || !Array.isArray(geo.features)) {
    throw new GebruikersFout(`${GRENZEN_BESTAND}: verwacht een GeoJSON FeatureCollection met een feature per gemeente`);
  }
  const gevonden = new Map<string, Geometrie>();
  for (const f of geo.features) {
    const props = f?.properties ?? {};
    const veld = CODE_VELDEN.find((k) => typeof props[k] === "string" || typeof props[k] === "number");
    if (!veld) continue;
    const ruw = String(props[veld]).trim().toUpperCase();
    const code = /^\d{1,4}$/.test(ruw) ? `GM${ruw.padStart(4, "0")}` : ruw;
    const t = f?.geometry?.type;
    if (t === "Polygon" || t === "MultiPolygon") gevonden.set(code, f.geometry);
  }
  const ontbreekt = gemeenten.filter((g) => !gevonden.has(g.code)).map((g) => g.code);
  if (ontbreekt.length > 0) {
    return {
      grenzen: null,
      melding: `${GRENZEN_BESTAND} heeft geen vlak voor ${ontbreekt.join(", ")} (properties.code = GMnnnn); daarom een schematische kaart.`,
    };
  }
  const eerste = (gevonden.get(gemeenten[0].code)!.coordinates as any).flat(3) as number[];
  const stelsel = eerste.some((v) => Math.abs(v) > 180) ? "rd" : "lonlat";
  return {
    grenzen: {
      type: "FeatureCollection",
      stelsel,
      features: gemeenten.map((g) => ({
        type: "Feature", properties: { code: g.code, naam: g.naam }, geometry: voorD3(gevonden.get(g.code)!, stelsel),
      })),
    },
    melding: null,
  };
}

// ------------------------------------------------------------------ sources

/** Per export: which column dates it, and whether its few distinct values are listed. */
const BRONNEN: { bestand: string; tabel: string; kolom: string; lijst: boolean }[] = [
  { bestand: "jongeren.csv", tabel: "jongeren", kolom: "peildatum", lijst: true },
  { bestand: "verzuimmeldingen.csv", tabel: "verzuimmeldingen", kolom: "melddatum", lijst: false },
  { bestand: "vrijstellingen.csv", tabel: "vrijstellingen", kolom: "begindatum", lijst: false },
  { bestand: "vsv_trajecten.csv", tabel: "vsv_trajecten", kolom: "startdatum", lijst: false },
  { bestand: "jikp_monitor.csv", tabel: "jikp_monitor", kolom: "moment", lijst: true },
  { bestand: "cbs_risicoscores.csv", tabel: "cbs_risicoscores", kolom: "jaar", lijst: true },
  { bestand: "vsv_cijfers.csv", tabel: "vsv_cijfers", kolom: "schooljaar", lijst: true },
  { bestand: "inzet.csv", tabel: "inzet", kolom: "schooljaar", lijst: true },
];

async function bronnen(db: Staging): Promise<Bron[]> {
  const uit: Bron[] = [];
  const er = await aanwezig(db);
  for (const b of BRONNEN) {
    if (!er.has(b.bestand)) {
      uit.push({ bestand: b.bestand, van: null, tot: null, momenten: [], aangeleverd: false });
      continue;
    }
    // Only the dates (or years) an export covers: no count of anything leaves here.
    const waarden = await db.all<{ w: string }>(`SELECT DISTINCT ${b.kolom}::VARCHAR AS w FROM ${b.tabel} ORDER BY 1`);
    const lijst = waarden.map((r) => r.w);
    uit.push({ bestand: b.bestand, van: lijst[0] ?? null, tot: lijst[lijst.length - 1] ?? null, momenten: b.lijst ? lijst : [], aangeleverd: true });
  }
  return uit;
}

function afscherming(v: Informatieverlies | null): SiteInfo["afscherming"] {
  if (!v) return null;
  return { cellen: v.cellen, primair: v.primair, secundair: v.secundair, aandeelTotaal: v.totaal ? v.verborgenTotaal / v.totaal : 0, relaties: v.relaties };
}

export async function siteInfo(db: Staging): Promise<SiteInfo> {
  const regio: Regio = db.regio;
  const [meta] = await db.all<{ data_datum: string }>(`SELECT data_datum::VARCHAR AS data_datum FROM meta`);
  const { tegels, uitRegio } = tegelIndeling(regio.gemeenten as MetTegel[]);
  const tegel = new Map(tegels.map((t) => [t.code, t]));
  const { grenzen, melding } = leesGrenzen(db.dataDir, regio.gemeenten);
  if (melding) process.stderr.write(`Let op: ${melding}\n`);
  const contact = regio.gemeenten.find((g) => g.code === regio.contactgemeente)!;
  return {
    regio: regio.naam,
    nummer: regio.nummer === undefined ? null : String(regio.nummer),
    contactgemeente: { code: contact.code, naam: contact.naam },
    dataDatum: meta.data_datum,
    minimumCel: regio.publicatie.minimumCel,
    afscherming: afscherming((await publicatie(db)).verlies),
    vsvPeildatum: regio.vsvPeildatum,
    gemeenten: regio.gemeenten.map((g) => ({
      code: g.code, naam: g.naam, vanaf: g.vanaf ?? null, tot: g.tot ?? null, x: tegel.get(g.code)!.x, y: tegel.get(g.code)!.y,
    })),
    tegelsUitRegio: uitRegio,
    grenzen,
    kaartMelding: melding,
    bronnen: await bronnen(db),
    contact: (regio as Regio & { contact?: Contact }).contact ?? null,
    definities: {
      wetSdwIngang: WET_SDW_INGANG, maxLeeftijdOud: MAX_LEEFTIJD_OUD, maxLeeftijdNieuw: MAX_LEEFTIJD_NIEUW,
      neetMax: NEET_MAX, vsvNieuwDagen: VSV_NIEUW_DAGEN, doelgroepen: [...DOELGROEPEN], monitorStatussen: [...MONITOR_STATUSSEN],
      gekozen: definitiesVan(regio), inWoorden: definitiesInWoorden(definitiesVan(regio), VSV_NIEUW_DAGEN),
    },
  };
}
