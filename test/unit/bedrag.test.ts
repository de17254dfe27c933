// @vitest-environment jsdom
// Reading an amount as a Dutch person types it (src/lib/bedrag.ts) and the scenario field that
// uses the rule (src/components/bedragInvoer.ts): hand-made inputs with known answers.
import { describe, it, expect } from "vitest";
import { leesBedrag } from "../../src/lib/bedrag.ts";
import { bedragInvoer } from "../../src/components/bedragInvoer.ts";

const waarde = (s: string) => {
  const u = leesBedrag(s);
  return u.ok ? u.bedrag : null;
};

describe("leesBedrag", () => {
  it("reads Dutch notation: thousands dots, euro sign, decimal comma, spaces", () => {
    expect(waarde("1.500.000")).toBe(1_500_000);
    expect(waarde("€ 1.500.000")).toBe(1_500_000);
    expect(waarde("€1.500.000")).toBe(1_500_000);
    expect(waarde("  1500000 ")).toBe(1_500_000);
    expect(waarde("1.500.000,00")).toBe(1_500_000);
    expect(waarde("1.500.000,-")).toBe(1_500_000);
    expect(waarde("1 500 000")).toBe(1_500_000);
    expect(waarde("1\u202f500\u202f000")).toBe(1_500_000); // what Intl nl-NL may write
    expect(waarde("EUR 12.000")).toBe(12_000);
    expect(waarde("12.000,5")).toBe(12_000.5);
    expect(waarde("12.000,75")).toBe(12_000.75);
    expect(waarde("0")).toBe(0);
    expect(waarde("999")).toBe(999);
  });

  it("refuses what is not an amount, with a Dutch sentence that says what to type", () => {
    for (const s of ["1.500000", "1.5", "15.00.000", "1500000.00", "1.500.000,001", "abc", "1,5,0", "€", "12 euro"]) {
      const u = leesBedrag(s, "het gemeentelijk budget");
      expect(u.ok, s).toBe(false);
      if (!u.ok) expect(u.fout, s).toMatch(/bijvoorbeeld 1\.500\.000/);
    }
    const punt = leesBedrag("1.500000");
    expect(punt.ok || punt.fout).toBe(`"1.500000" is geen bedrag: schrijf het met een punt alleen tussen groepen van drie cijfers en een komma voor de centen, bijvoorbeeld 1.500.000 of € 1.500.000.`);
    const komma = leesBedrag("1.500,001");
    expect(komma.ok || komma.fout).toMatch(/hoogstens twee cijfers achter de komma/);
  });

  it("refuses an empty field and a negative amount, naming the field", () => {
    const leeg = leesBedrag("  ", "het gemeentelijk budget");
    expect(leeg.ok || leeg.fout).toBe("Vul het gemeentelijk budget in, bijvoorbeeld 1.500.000 of € 1.500.000.");
    const min = leesBedrag("-12.000", "de vaste voet");
    expect(min.ok || min.fout).toBe(`De vaste voet kan niet negatief zijn: "-12.000".`);
  });
});

describe("bedragInvoer", () => {
  it("shows its value in Dutch notation and reads what is typed, with a message beside the field", () => {
    const el = bedragInvoer({ label: "Gemeentelijk budget (€)", value: 1_423_884, wat: "het gemeentelijk budget" });
    const veld = el.querySelector("input")!;
    const melding = el.querySelector(".bedrag-fout")!;
    expect(veld.value).toBe("1.423.884");
    expect(el.value).toBe(1_423_884);
    expect(el.querySelector("label")!.htmlFor).toBe(veld.id);

    let gezien = 0;
    el.addEventListener("input", () => gezien++);
    veld.value = "1.500.000";
    veld.dispatchEvent(new Event("input", { bubbles: true }));
    expect(el.value).toBe(1_500_000);
    expect(melding.textContent).toBe("");
    expect(gezien).toBe(1);

    veld.value = "1.500000";
    veld.dispatchEvent(new Event("input", { bubbles: true }));
    expect(el.value).toBeNull();
    expect(melding.textContent).toMatch(/"1\.500000" is geen bedrag/);
    expect(veld.getAttribute("aria-invalid")).toBe("true");
    expect(veld.getAttribute("aria-describedby")).toBe(melding.id);

    veld.value = "";
    veld.dispatchEvent(new Event("input", { bubbles: true }));
    expect(el.value).toBeNull();
    expect(melding.textContent).toBe("Vul het gemeentelijk budget in, bijvoorbeeld 1.500.000 of € 1.500.000.");

    el.value = 12_000;
    expect(veld.value).toBe("12.000");
    expect(el.value).toBe(12_000);
    expect(melding.textContent).toBe("");
  });
});
