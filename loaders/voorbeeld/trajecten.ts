// The Doorstroompunt trajecten of one synthetic jongere (populatie.ts), read from the life the
// career simulation built: a traject starts after a real dropout, and ends as that life goes
// on (back to school, work, moved away). Run after Persoon.bouw(), with the same random stream.
import { maxLeeftijd } from "../definitions.ts";
import { dag, iso, weekdag } from "./datum.ts";
import { DATA_BEGIN, DATA_EIND, NOOIT, UITVAL_MAANDEN, type Persoon, type Traject } from "./populatie.ts";

/**
 * Doorstroompunt trajecten: after a dropout without SK (NIEUW), and for oud-VSV'ers who are
 * approached later (OUD) — from 2026 also the 23–26-year-olds who are new in the doelgroep.
 */
export function maakTrajecten(p: Persoon): void {
  const r = p.r;
  let vrijVanaf = Number.NEGATIVE_INFINITY;
  const probeer = (start: number, type: "NIEUW" | "OUD" | null) => {
    // Coaches work on weekdays.
    if (weekdag(start) === 6) start += 2;
    else if (weekdag(start) === 0) start += 1;
    if (start <= vrijVanaf || start < DATA_BEGIN || start > DATA_EIND) return;
    const s = p.op(start);
    if (!s || s.soort !== "GEEN" || s.vrij || p.sk <= start) return;
    const lft = p.leeftijdOp(start);
    if (lft < 18 || lft >= maxLeeftijd(iso(start))) return;
    const t = afloop(p, start, type ?? (s.uit >= 0 && start - s.uit <= 365 ? "NIEUW" : "OUD"));
    p.trajecten.push(t);
    vrijVanaf = t.eind ?? NOOIT;
  };
  for (const u of p.uitval) {
    if (u.metSk || !r.kans(0.8)) continue;
    let start = u.datum + r.int(7, 75);
    const b18 = p.verjaardag(18);
    if (start < b18) start = b18 + r.int(0, 60);
    const s = p.op(start);
    probeer(start, s && s.uit >= 0 && start - s.uit <= 365 ? "NIEUW" : "OUD");
  }
  for (let j = 2021; j <= 2025; j++) {
    const d = p.schoolDag(j, UITVAL_MAANDEN);
    const s = p.op(d);
    if (!s || s.soort !== "GEEN" || (s.uit >= 0 && d - s.uit <= 365)) continue;
    if (r.kans(0.1)) probeer(d, "OUD");
  }
  // Wet van school naar duurzaam werk: 23–26-year-olds are approached from 2026.
  if (p.leeftijdOp(dag(2026, 1, 1)) >= 23 && r.kans(0.3)) probeer(dag(2026, 1, 5) + r.int(0, 180), "OUD");
}

function afloop(p: Persoon, start: number, type: "NIEUW" | "OUD"): Traject {
  const r = p.r;
  const terug = p.volgendeInschrijving(start);
  let verhuisd = NOOIT;
  for (const w of p.woon) if (w.van > start && w.gem < 0) { verhuisd = w.van; break; }
  // Under the old law a jongere leaves the doelgroep at 23.
  const b23 = p.verjaardag(23);
  const teOud = b23 > start && b23 < dag(2026, 1, 1) ? b23 : NOOIT;
  let eind: number;
  let resultaat: Traject["resultaat"];
  if (terug - start <= 330) {
    if (p.sk > start && p.sk < terug + 540 && r.kans(0.4)) {
      eind = p.sk;
      resultaat = "STARTKWALIFICATIE";
    } else if (r.kans(0.8)) {
      eind = terug + r.int(0, 21);
      resultaat = "ONDERWIJS_GESTART";
    } else {
      eind = Math.max(start + 14, terug - r.int(10, 45));
      resultaat = "ONDERWIJS_AANGEMELD";
    }
  } else if (verhuisd - start <= 300 || teOud - start <= 300) {
    eind = Math.min(verhuisd, teOud);
    resultaat = "BUITEN_DOELGROEP";
  } else if (p.op(start + 90)?.werk === "J" && r.kans(0.85)) {
    eind = start + r.int(30, 160);
    resultaat = "WERK";
  } else {
    resultaat = r.kies<NonNullable<Traject["resultaat"]>>(
      ["WERKZOEKEND", "NIET_HAALBAAR_PROFIEL", "NIET_HAALBAAR_HULPVERLENING", "NIET_HAALBAAR_UITKERING",
        "INBURGERING", "GEEN_BEHOEFTE", "NIET_BEREIKT"],
      [16, 6, 10, 5, 3, 14, 18],
    );
    eind = start + Math.round(Math.min(600, Math.max(14, 110 * r.factor(0.6))));
    if (resultaat === "NIET_HAALBAAR_HULPVERLENING" || resultaat === "NIET_HAALBAAR_PROFIEL") {
      p.zorgVan = Math.min(p.zorgVan, eind);
    }
    if (resultaat === "NIET_HAALBAAR_UITKERING" || resultaat === "WERKZOEKEND") {
      p.participatieVan = Math.min(p.participatieVan, eind);
    }
  }
  if (eind > DATA_EIND) return { start, eind: null, resultaat: null, type };
  return { start, eind, resultaat, type };
}
