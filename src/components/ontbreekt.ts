// A page whose data loader found an export missing (a partial delivery, loaders/nodig.ts):
// the loader writes `{ regio, ontbreekt: { uitvoer, bestanden, tekst } }` instead of its
// figures. The page shows that sentence where its figures would be, and its other cells,
// which all wait for `data`, never run: no chart or table is drawn from data that is not there
// and no cell shows an error. Pages use it in their FileAttachment cell and one cell after it:
//
//   const bron = FileAttachment("data/dashboard.json").json();
//   const data = bron.then(compleet);
//
//   { const melding = ontbreektMelding(await bron); if (melding) display(melding); }
import {html} from "htl";
import type { Ontbreekt } from "../lib/ontbreekt.js";

function isOntbreekt(d: unknown): d is Ontbreekt {
  return typeof d === "object" && d !== null && "ontbreekt" in d && typeof (d as Ontbreekt).ontbreekt?.tekst === "string";
}

/** The data itself, or, when its exports are missing, a promise that never settles (the cells that need it do not run). */
export function compleet<T>(d: T | Ontbreekt): T | Promise<T> {
  return isOntbreekt(d) ? new Promise<T>(() => {}) : d;
}

/**
 * The sentence of each data file whose exports are missing (once per sentence), or undefined
 * when nothing is missing (a cell showing null would print "null" on the page). While it is shown, the page's waiting cells and the headings and texts
 * that would hold figures are hidden (src/style.css, .vsv-ontbreekt): only the page title and
 * this remain. The note's label is Dutch (Framework's own would say "Note").
 */
export function ontbreektMelding(...data: unknown[]): HTMLElement | undefined {
  const teksten = [...new Set(data.filter(isOntbreekt).map((d) => d.ontbreekt.tekst))];
  if (!teksten.length) return undefined;
  return html`<div class="note vsv-ontbreekt" role="status" label="Nog niet aangeleverd">
    ${teksten.map((t) => html`<p>${t}</p>`)}
  </div>` as HTMLElement;
}
