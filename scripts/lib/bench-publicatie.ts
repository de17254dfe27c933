// Child process of `npm run bench`: the publication of one (staged) data directory computed
// afresh, the way a build does it before the loaders run: every mart on exact counts, the
// linked suppression and the interval audit (never a decision stored before). Prints JSON: the information loss and its time.
import { openStaging } from "../../loaders/db.ts";
import { bereken } from "../../loaders/publish/publicatie.ts";

const db = await openStaging(process.argv[2]);
const { verlies } = await bereken(db, undefined, { opnieuw: true });
db.close();
process.stdout.write(JSON.stringify(verlies));
