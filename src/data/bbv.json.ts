// The BBV-indicatoren per gemeente, regio and Nederland over the schooljaren, suppressed.
import { openStaging } from "../../loaders/db.ts";
import { runMain } from "../../loaders/errors.ts";
import { bbv } from "../../loaders/marts/bbv.ts";

await runMain(async () => {
  const db = await openStaging();
  try {
    process.stdout.write(JSON.stringify(await bbv(db)));
  } finally {
    db.close();
  }
});
