// The header of an export checked against the contract (docs/exports.md): its columns, the
// forbidden ones (no BSN, no names), the encoding and the delimiter, before a row is read
// (stage.ts). The rules over the values are in validate.ts and validate-rijen.ts.
import type { ExportSpec } from "./schema.ts";
import { VERBODEN_KOLOMMEN } from "./schema.ts";
import type { Bevinding } from "./errors.ts";
import type { Kop } from "./read.ts";
import { toonWaarde } from "./validate.ts";

/**
 * Header checks: what the file is not (empty, UTF-16, tab-separated), forbidden identifiers,
 * missing and doubled columns. Returns findings and notices.
 */
export function controleerKop(spec: ExportSpec, kop: Pick<Kop, "codering" | "scheidingsteken" | "leeg" | "kolommen" | "regeleinde">):
  { bevindingen: Bevinding[]; meldingen: string[] } {
  const bevindingen: Bevinding[] = [];
  const meldingen: string[] = [];
  const bestand = spec.bestand;
  if (kop.codering === "utf-16") {
    bevindingen.push({ bestand, verwacht: "een bestand in UTF-8 of Windows-1252; dit bestand is opgeslagen als UTF-16 " +
      "(in Excel: 'Unicode-tekst'): sla het op als 'CSV UTF-8 (door komma's gescheiden)'" });
    return { bevindingen, meldingen };
  }
  if (kop.leeg) {
    bevindingen.push({ bestand, verwacht: `een kopregel met de kolommen ${spec.kolommen.map((k) => k.naam).join(", ")}; het bestand is leeg` });
    return { bevindingen, meldingen };
  }
  if (kop.scheidingsteken === "\t") {
    bevindingen.push({ bestand, regel: 1, waarde: toonWaarde(kop.kolommen.join("\t")),
      verwacht: "kolommen gescheiden door ; of ,; dit bestand is gescheiden door tabs: sla het op als CSV" });
    return { bevindingen, meldingen };
  }
  const namen = kop.kolommen.map((k) => k.trim().toLowerCase());
  for (const naam of namen) {
    if ((VERBODEN_KOLOMMEN as readonly string[]).includes(naam)) {
      bevindingen.push({
        bestand, regel: 1, kolom: naam,
        verwacht: "deze kolom is een direct identificerend gegeven en mag niet geleverd worden; het hele bestand is geweigerd",
      });
    }
  }
  if (bevindingen.length) return { bevindingen, meldingen };
  const gezien = new Set<string>();
  // Nameless columns are no doubles of each other: they must be empty (waardeRegels).
  for (const naam of namen.filter((n) => n !== "")) {
    if (gezien.has(naam)) bevindingen.push({ bestand, regel: 1, kolom: naam, verwacht: "elke kolomnaam één keer" });
    gezien.add(naam);
  }
  for (const k of spec.kolommen) {
    if (!gezien.has(k.naam)) {
      bevindingen.push({ bestand, regel: 1, kolom: k.naam, verwacht: "deze verplichte kolom ontbreekt in de kopregel" });
    }
  }
  const extra = namen.filter((n) => n !== "" && !spec.kolommen.some((k) => k.naam === n));
  if (extra.length) meldingen.push(`${bestand}: extra kolom${extra.length > 1 ? "men" : ""} ${extra.join(", ")} genegeerd`);
  if (kop.regeleinde === "\r") meldingen.push(`${bestand}: regeleinden alleen CR (oud Mac-formaat) gelezen`);
  return { bevindingen, meldingen };
}
