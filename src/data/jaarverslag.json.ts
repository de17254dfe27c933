// The jaarverslag chapters' tables for every schooljaar (suppressed) and the coördinator's texts.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { jaarverslagSite } from "../../loaders/marts/jaarverslag.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    process.stdout.write(JSON.stringify(await jaarverslagSite(db)));
  } finally {
    db.close();
  }
});
