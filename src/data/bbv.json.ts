// The BBV-indicatoren per gemeente, regio and Nederland over the schooljaren, suppressed.
import { schrijfSiteData } from "../../loaders/site-data.ts";
import { bbv } from "../../loaders/marts/bbv.ts";

await schrijfSiteData("bbv", bbv);
