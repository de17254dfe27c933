// The jaarverslag chapters' tables for every schooljaar (suppressed) and the coördinator's texts;
// or, when an export it needs was not delivered, which.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { jaarverslagSite } from "../../loaders/marts/jaarverslag.ts";
import { ontbrekend, ontbreektUitvoer } from "../../loaders/nodig.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    // Without an export it needs, the chapters say which (loaders/nodig.ts).
    const mist = await ontbrekend(db, "jaarverslag");
    process.stdout.write(JSON.stringify(mist.length ? ontbreektUitvoer(db.regio.naam, "jaarverslag", mist) : await jaarverslagSite(db)));
  } finally {
    db.close();
  }
});
