// Reading an amount of money as a Dutch person types it, for the scenario fields of the
// verdeling page. A browser's number field reads "1.500.000" as 1.5 (or refuses it) and an
// empty field as 0, so the page would silently compute a scenario of € 1; this rule accepts
// what a Dutch reader means and refuses the rest with a sentence that says what to type.
//
// Accepted: "1500000", "1.500.000", "€ 1.500.000", "€1.500.000", "1.500.000,00", "1.500.000,-",
// "1 500 000", "1500000,5" (a decimal comma with one or two digits). Refused: empty, a minus,
// a dot that does not separate groups of three digits ("1.500000", "1.5"), a decimal point
// ("1500000.00" is ambiguous in Dutch), letters, more than two decimals.

export type BedragUitkomst = { ok: true; bedrag: number } | { ok: false; fout: string };

const VOORBEELD = "bijvoorbeeld 1.500.000 of € 1.500.000";

/** Parses a Dutch amount in euros; `wat` names the field in the message ("het gemeentelijk budget"). */
export function leesBedrag(tekst: string, wat = "het bedrag"): BedragUitkomst {
  const ruw = tekst.trim();
  if (ruw === "") return { ok: false, fout: `Vul ${wat} in, ${VOORBEELD}.` };
  // The euro sign (or "EUR") in front, spaces (also the narrow no-break space of nl-NL) inside.
  const s = ruw.replace(/^(€|eur\b)/i, "").replace(/[\s\u00a0\u202f]/g, "");
  if (s.startsWith("-")) return { ok: false, fout: `${hoofdletter(wat)} kan niet negatief zijn: "${ruw}".` };
  const m = /^(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d{0,2}|-{1,2}))?$/.exec(s);
  if (!m) {
    if (/^[\d.,]+$/.test(s)) {
      const uitleg = /,\d{3,}$/.test(s)
        ? "met hoogstens twee cijfers achter de komma"
        : s.includes(".")
          ? "met een punt alleen tussen groepen van drie cijfers en een komma voor de centen"
          : "";
      return { ok: false, fout: `"${ruw}" is geen bedrag: schrijf het ${uitleg ? uitleg + ", " : ""}${VOORBEELD}.` };
    }
    return { ok: false, fout: `"${ruw}" is geen bedrag: gebruik alleen cijfers, punten en een komma, ${VOORBEELD}.` };
  }
  const heel = Number(m[1].replace(/\./g, ""));
  const centen = m[2] && /^\d+$/.test(m[2]) ? Number(m[2].padEnd(2, "0")) / 100 : 0;
  const bedrag = heel + centen;
  if (!Number.isSafeInteger(heel)) return { ok: false, fout: `"${ruw}" is te groot voor een bedrag.` };
  return { ok: true, bedrag };
}

function hoofdletter(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
