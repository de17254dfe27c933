// Monitor JIKP for the site: every monitormoment, suppressed (counts only, never a pseudo_id).
import { schrijfSiteData } from "../../loaders/site-data.ts";
import { monitorSite } from "../../loaders/marts/monitor.ts";

await schrijfSiteData("monitor", monitorSite);
