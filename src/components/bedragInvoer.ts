// A text field for an amount in euros that reads Dutch notation (src/lib/bedrag.ts) and says
// beside the field what is wrong. Works as an Observable view: `value` is the amount, or null
// while the text is not an amount, and every keystroke sends an "input" event. Setting
// `value` to a number shows it as 1.500.000 (tests and the page's defaults use that).
import { leesBedrag } from "../lib/bedrag.js";
import { getal } from "../lib/format.js";

let teller = 0;

export interface BedragVeld extends HTMLElement {
  value: number | null;
}

export function bedragInvoer({ label, value, wat }: { label: string; value: number; wat?: string }): BedragVeld {
  const id = `bedrag-${++teller}`;
  const vorm = document.createElement("form");
  vorm.className = "bedrag-invoer";
  vorm.addEventListener("submit", (e) => e.preventDefault());
  const lab = document.createElement("label");
  lab.htmlFor = id;
  lab.textContent = label;
  const veld = document.createElement("input");
  veld.type = "text";
  veld.id = id;
  veld.inputMode = "decimal";
  veld.autocomplete = "off";
  veld.spellcheck = false;
  const melding = document.createElement("p");
  melding.className = "bedrag-fout";
  melding.id = `${id}-fout`;
  melding.setAttribute("aria-live", "polite");
  vorm.append(lab, veld, melding);

  let waarde: number | null = null;
  const lees = () => {
    const u = leesBedrag(veld.value, wat ?? `het ${label.replace(/\s*\(€\)\s*$/, "").toLowerCase()}`);
    waarde = u.ok ? u.bedrag : null;
    melding.textContent = u.ok ? "" : u.fout;
    veld.setAttribute("aria-invalid", String(!u.ok));
    if (u.ok) veld.removeAttribute("aria-describedby");
    else veld.setAttribute("aria-describedby", melding.id);
  };
  veld.addEventListener("input", lees);

  Object.defineProperty(vorm, "value", {
    get: () => waarde,
    set: (v: number | string | null) => {
      veld.value = typeof v === "number" ? getal(v, Number.isInteger(v) ? 0 : 2) : (v ?? "");
      lees();
    },
  });
  (vorm as unknown as BedragVeld).value = value;
  // The field's "input" event bubbles to the form, where view() listens.
  return vorm as unknown as BedragVeld;
}
