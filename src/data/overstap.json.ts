// De overstap: where jongeren went from PrO, VSO, VO and mbo-1 between two peildata, suppressed.
import { schrijfSiteData } from "../../loaders/site-data.ts";
import { overstap } from "../../loaders/marts/overstap.ts";

await schrijfSiteData("overstap", overstap);
