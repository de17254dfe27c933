// What every site data loader (src/data/*.json.ts) does, once: open the staged data and write
// the mart's output as JSON to stdout (Framework stores it as the loader's file) — or, when an
// export it needs was not delivered, which one (loaders/nodig.ts; the page says so). A user's
// mistake is reported in Dutch without a stack trace (runMain).
import { openStaging, type Staging } from "./db.ts";
import { runMain } from "./errors.ts";
import { tekort, ontbreektUitvoer, type Uitvoer } from "./nodig.ts";

/** `uitvoer` null: the output needs no particular export (site information beside the figures). */
export async function schrijfSiteData(uitvoer: Uitvoer | null, mart: (db: Staging) => Promise<unknown>): Promise<void> {
  await runMain(async () => {
    const db = await openStaging();
    try {
      const mist = uitvoer ? await tekort(db, uitvoer) : [];
      const data = mist.length ? ontbreektUitvoer(db.regio.naam, uitvoer!, mist) : await mart(db);
      process.stdout.write(JSON.stringify(data));
    } finally {
      db.close();
    }
  });
}
