// The dashboard's data as the site receives it (src/data/dashboard.json.ts, made by
// loaders/marts/dashboard.ts): its row types, once for the mart and the pages' components.

import type { Dekking } from "./lidmaatschap.js";
export interface Gemeente { code: string; naam: string; vanaf: string | null; tot: string | null }
export interface DoelgroepRij { gemeente: string; peildatum: string; schooljaar: string; doelgroep: string; jongeren: number | null; onderdrukt?: true }
/** The monitor JIKP per moment and groep: jongeren in the doelgroep, and how many of them are nergens in beeld. */
export interface MonitorRij { gemeente: string; moment: string; schooljaar: string; groep: string; jongeren: number | null; niet_in_beeld: number | null; onderdrukt?: true }
export interface KerncijferRij { gemeente: string; schooljaar: string; maat: string; waarde: number | null; onderdrukt?: true }

export interface Dashboard {
  regio: string;
  dataDatum: string;
  minimumCel: number;
  gemeenten: Gemeente[];
  schooljaren: string[];
  /** Per schooljaar what the regio rows cover: the members, their period and their peildatum (lidmaatschap.ts). */
  dekking: Dekking[];
  doelgroepen: DoelgroepRij[];
  monitor: MonitorRij[];
  kerncijfers: KerncijferRij[];
}
