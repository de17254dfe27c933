// What the site receives about the regio beside its figures (src/data/trends.json.ts, made by
// loaders/marts/trends.ts): the settings, the sources, the gemeenten with their map tile and
// the boundaries. Once here, for the mart and the pages' components.
import type { Definities } from "./definities.js";
import type { Gemeente } from "./dashboard-data.js";

/** Tile position on the schematic map: column x, row y, both from 0. */
export interface Tegel { code: string; x: number; y: number }

/** A gemeente on the map: its membership and its tile. */
export interface KaartGemeente extends Gemeente { x: number; y: number }

export interface Geometrie { type: "Polygon" | "MultiPolygon"; coordinates: number[][][] | number[][][][] }
export interface Grenzen {
  type: "FeatureCollection";
  /** "lonlat": WGS84 degrees; "rd": metres (Rijksdriehoek), drawn without a projection. */
  stelsel: "lonlat" | "rd";
  features: { type: "Feature"; properties: { code: string; naam: string }; geometry: Geometrie }[];
}

export interface Bron {
  bestand: string;
  /** First and last date (or year / schooljaar) in the export; null when it has no rows. */
  van: string | null;
  tot: string | null;
  /** Distinct peildata / monitormomenten / schooljaren when the export has a few of them. */
  momenten: string[];
  /** False when the export was not delivered (a partial delivery, loaders/nodig.ts). */
  aangeleverd: boolean;
}

export interface SiteInfo {
  regio: string;
  nummer: string | null;
  contactgemeente: { code: string; naam: string };
  dataDatum: string;
  minimumCel: number;
  /** How much the publication hides (primary, secondary, share of the total count). */
  afscherming: { cellen: number; primair: number; secundair: number; aandeelTotaal: number; relaties: number } | null;
  /** Month-day of the yearly peildatum, e.g. "10-15". */
  vsvPeildatum: string;
  gemeenten: KaartGemeente[];
  /** Tiles were given in regio.json (true) or laid out alphabetically (false). */
  tegelsUitRegio: boolean;
  grenzen: Grenzen | null;
  /** Why the boundaries in the data directory are not used, when they are not. */
  kaartMelding: string | null;
  bronnen: Bron[];
  /** Where to report an accessibility problem (regio.json `contact`, optional). */
  contact: Contact | null;
  definities: {
    wetSdwIngang: string; maxLeeftijdOud: number; maxLeeftijdNieuw: number; neetMax: number; vsvNieuwDagen: number;
    doelgroepen: string[]; monitorStatussen: string[];
    /** The regio's own choices (regio.json "definities", defaults filled in) and each in words, for /over. */
    gekozen: Definities;
    inWoorden: [string, string][];
  };
}

export interface Contact { naam?: string; email?: string; telefoon?: string; url?: string }
