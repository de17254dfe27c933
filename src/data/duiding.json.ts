// Duiding: observed against expected VSV per gemeente and schooljaar, suppressed.
import { schrijfSiteData } from "../../loaders/site-data.ts";
import { duiding } from "../../loaders/marts/duiding.ts";

await schrijfSiteData("duiding", duiding);
