// Monitor JIKP for the site: every monitormoment, suppressed (counts only, never a pseudo_id).
import { openStaging } from "../../loaders/db.ts";
import { monitorSite } from "../../loaders/marts/monitor.ts";

process.stdout.write(JSON.stringify(await monitorSite(await openStaging())));
