// Duiding: observed against expected VSV per gemeente and schooljaar, suppressed.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { duiding } from "../../loaders/marts/duiding.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    process.stdout.write(JSON.stringify(await duiding(db)));
  } finally {
    db.close();
  }
});
