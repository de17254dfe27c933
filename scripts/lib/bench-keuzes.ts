// Child process of `npm run bench`: what the report commands are run with on a data
// directory: its latest schooljaar, monitormoment and budget year, and the contactgemeente.
// Prints JSON.
import { openStaging } from "../../loaders/db.ts";
import { schooljarenInData } from "../../loaders/marts/jaarverslag.ts";
import { monitorMomenten } from "../../loaders/marts/monitor.ts";

const db = await openStaging(process.argv[2]);
const schooljaren = await schooljarenInData(db);
const momenten = await monitorMomenten(db);
const jaren = db.regio.budget.map((b) => b.jaar).sort((a, b) => a - b);
db.close();
process.stdout.write(JSON.stringify({
  schooljaar: schooljaren[schooljaren.length - 1], moment: momenten[momenten.length - 1], jaar: jaren[jaren.length - 1],
  gemeente: db.regio.contactgemeente,
}));
