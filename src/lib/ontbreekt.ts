// What a data loader writes instead of its figures when exports it needs are missing (a
// partial delivery, loaders/nodig.ts), and what the pages read (src/components/ontbreekt.ts).

/** `uitvoer` names the output; `tekst` is the Dutch sentence the page shows. */
export interface Ontbreekt<U extends string = string> {
  regio: string;
  ontbreekt: { uitvoer: U; bestanden: string[]; tekst: string };
}
