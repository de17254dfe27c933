// Reading exports as their authors meant them: encodings, delimiters, quotes, headers,
// line endings. Unit tests of read.ts plus end-to-end checks through stage(), which is
// where a wrongly decoded value would surface.
import { describe, test, expect, afterAll } from "vitest";
import { writeFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import iconv from "iconv-lite";
import fc from "fast-check";
import {
  detecteerCodering, splitRegel, detecteerScheidingsteken, leesKop, naarUtf8, regelSprongen,
} from "../../loaders/read.ts";
import {
  maakDataMap, stageDb, verwachtFout, csv, KOP, ruimDataMappenOp, STANDAARD_RIJEN,
} from "../helpers/datamap.ts";

afterAll(ruimDataMappenOp);

const tmp = mkdtempSync(join(tmpdir(), "vsv-test-read-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SPECIAAL = "M-é-ë-€-'s-Gravenhage";
const VERZUIM_KOP = KOP["verzuimmeldingen.csv"];
/** A melding whose id carries the characters that break with a wrong decoding. */
const rijMet = (id: string, pseudo = "pé1", d = ";") =>
  [id, pseudo, "GM0100", "11", "PO", "LUXE", "2025-06-30", "", "", ""].join(d);

describe("detecteerCodering", () => {
  test("ASCII and UTF-8 are UTF-8, a BOM is noted, other bytes are Windows-1252", () => {
    expect(detecteerCodering(Buffer.from("a;b\n1;2\n"))).toBe("utf-8");
    expect(detecteerCodering(Buffer.from("a;b\né;€\n", "utf8"))).toBe("utf-8");
    expect(detecteerCodering(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a;b\n")]))).toBe("utf-8-bom");
    expect(detecteerCodering(iconv.encode("a;b\né;€\n", "windows-1252"))).toBe("windows-1252");
  });

  test("UTF-16, with a BOM either way round or without one (half its bytes NUL), is recognised", () => {
    const tekst = "a;b\n1;2\n";
    expect(detecteerCodering(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tekst, "utf16le")]))).toBe("utf-16");
    expect(detecteerCodering(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(tekst, "utf16le").swap16()]))).toBe("utf-16");
    expect(detecteerCodering(Buffer.from(tekst, "utf16le"))).toBe("utf-16");
    // One NUL in a long line is a damaged value, found per field: not UTF-16.
    expect(detecteerCodering(Buffer.from(`a;b\n1;x\0y${"z".repeat(20)}\n`))).toBe("utf-8");
  });
});

describe("splitRegel and detecteerScheidingsteken", () => {
  test("quoted fields keep the delimiter and doubled quotes", () => {
    expect(splitRegel('a;"b;c";"d ""e""";', ";")).toEqual(["a", "b;c", 'd "e"', ""]);
    expect(splitRegel('"x,y",z', ",")).toEqual(["x,y", "z"]);
    expect(splitRegel("", ";")).toEqual([""]);
  });
  test("the delimiter is the one that splits the header into more columns", () => {
    expect(detecteerScheidingsteken("a;b;c")).toBe(";");
    expect(detecteerScheidingsteken("a,b,c")).toBe(",");
    // A comma inside a quoted name does not fool it.
    expect(detecteerScheidingsteken('"a,b";c;d')).toBe(";");
    expect(detecteerScheidingsteken('"a;b;c",d')).toBe(",");
  });
});

describe("leesKop", () => {
  test("reads header names, encoding and delimiter; strips the BOM and CR", () => {
    const p1 = join(tmp, "bom.csv");
    writeFileSync(p1, "\uFEFFMelding_ID, Pseudo_id \r\nM1,p1\r\n");
    expect(leesKop(p1)).toEqual({
      codering: "utf-8-bom", scheidingsteken: ",", regeleinde: "\n", leeg: false, kolommen: ["Melding_ID", " Pseudo_id "], sprongen: [],
    });
    const p2 = join(tmp, "cp.csv");
    writeFileSync(p2, iconv.encode("naam_é;€\n1;2\n", "windows-1252"));
    expect(leesKop(p2)).toEqual({ codering: "windows-1252", scheidingsteken: ";", regeleinde: "\n", leeg: false, kolommen: ["naam_é", "€"], sprongen: [] });
  });

  test("CR-only line ends, an empty file and a tab-separated header are recognised", () => {
    const kop = (naam: string, inhoud: string | Buffer) => {
      const p = join(tmp, naam);
      writeFileSync(p, inhoud);
      return leesKop(p);
    };
    // Row 2 is on line 4: a blank line (a lone CR) before it.
    expect(kop("cr.csv", "a;b\r1;2\r\r3;4\r")).toMatchObject({ regeleinde: "\r", kolommen: ["a", "b"], sprongen: [{ vanaf: 2, extra: 1 }] });
    expect(kop("crlf.csv", "a;b\r\n1;2\r\n")).toMatchObject({ regeleinde: "\n", kolommen: ["a", "b"] });
    expect(kop("leeg.csv", "")).toMatchObject({ leeg: true });
    expect(kop("bom.csv", "\uFEFF\r\n  \n")).toMatchObject({ leeg: true, codering: "utf-8-bom" });
    expect(kop("alleen-kop.csv", "a;b\n")).toMatchObject({ leeg: false, kolommen: ["a", "b"] });
    expect(kop("tab.csv", "a\tb\tc\n1\t2\t3\n")).toMatchObject({ scheidingsteken: "\t", kolommen: ["a", "b", "c"] });
    // One tab in a name does not make a tab-separated file.
    expect(kop("tab-in-naam.csv", "a;b\tx;c\n")).toMatchObject({ scheidingsteken: ";" });
  });
  test("regelSprongen: blank lines and line breaks in quoted fields move the rows after them down", () => {
    const s = (t: string, d = ";") => regelSprongen(Buffer.from(t), d);
    expect(s("a;b\n1;2\n3;4\n")).toEqual([]);
    expect(s("a;b\n1;2\n3;4\n\n\r\n")).toEqual([]); // blank lines at the end move nothing
    // Row 2 ("3;4") is on line 4, row 3 on line 7.
    expect(s("a;b\n1;2\n\n3;4\n\r\n\n5;6\n")).toEqual([{ vanaf: 2, extra: 1 }, { vanaf: 3, extra: 3 }]);
    // A quoted field spanning three lines: the next row is 2 lines further down.
    expect(s('a;b\n1;"x\n\ny"\n3;4\n')).toEqual([{ vanaf: 2, extra: 2 }]);
    // "" inside quotes and a quote inside an unquoted field do not open or close anything.
    expect(s('a;b\n1;"x "" y"\n5"6;7\n\n8;9\n')).toEqual([{ vanaf: 3, extra: 1 }]);
    expect(s('a,b\n"1;\n",2\n3,4\n', ",")).toEqual([{ vanaf: 2, extra: 1 }]);
    // CR-only line ends: the same rows on the same lines as with LF.
    const cr = (t: string) => regelSprongen(Buffer.from(t.replace(/\n/g, "\r")), ";", "\r");
    for (const t of ["a;b\n1;2\n\n3;4\n\n\n5;6\n", 'a;b\n1;"x\n\ny"\n3;4\n']) expect(cr(t)).toEqual(s(t));
  });

  test("regelSprongen: a file without quotes (fast path) gives what the quote-aware scan gives", () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom("1;2", "", "\r", "3;4\r", "  "), { maxLength: 30 }), fc.boolean(),
      (regels, slotregel) => {
        const lijf = regels.join("\n") + (slotregel ? "\n" : "");
        const zonder = regelSprongen(Buffer.from("a;b\n" + lijf), ";");
        const met = regelSprongen(Buffer.from('"a";b\n' + lijf), ";"); // a quote forces the full scan
        expect(zonder).toEqual(met);
        // And the rows land on the lines they are on.
        const dataRegels = ("a;b\n" + lijf).split("\n").map((r, i) => ({ r, i: i + 1 })).slice(1)
          .filter(({ r }) => r !== "" && r !== "\r");
        dataRegels.forEach(({ i }, k) => {
          const s = [...zonder].reverse().find((x) => x.vanaf <= k + 1);
          expect(k + 2 + (s?.extra ?? 0)).toBe(i);
        });
      },
    ));
  });

  test("naarUtf8 decodes Windows-1252 to UTF-8", async () => {
    const van = join(tmp, "w.csv");
    const naar = join(tmp, "u.csv");
    writeFileSync(van, iconv.encode(`a\r\n${SPECIAAL}\r\n`, "windows-1252"));
    await naarUtf8(van, naar);
    expect(readFileSync(naar, "utf8")).toBe(`a\r\n${SPECIAAL}\r\n`);
  });
});

/** Stages a data dir with this verzuimmeldingen.csv and returns the staged melding ids and pseudo ids. */
async function gestaged(inhoud: string | Buffer) {
  const db = await stageDb(maakDataMap({ "verzuimmeldingen.csv": inhoud }));
  try {
    const rijen = await db.all<{ melding_id: string; pseudo_id: string; handhaving: string | null; melddatum: string }>(
      "SELECT melding_id, pseudo_id, handhaving, melddatum FROM verzuimmeldingen");
    return { rijen, meldingen: db.meldingen };
  } finally {
    db.close();
  }
}

describe("encodings through stage()", () => {
  test("UTF-8 without BOM", async ({ expect }) => {
    const { rijen } = await gestaged(csv("verzuimmeldingen.csv", [rijMet(SPECIAAL)]));
    expect(rijen.map((r) => [r.melding_id, r.pseudo_id])).toEqual([[SPECIAAL, "pé1"]]);
  });

  test("UTF-8 with BOM: the first column is still found and values decode", async ({ expect }) => {
    const { rijen } = await gestaged("\uFEFF" + csv("verzuimmeldingen.csv", [rijMet(SPECIAAL)]));
    expect(rijen.map((r) => [r.melding_id, r.pseudo_id])).toEqual([[SPECIAAL, "pé1"]]);
  });

  test("Windows-1252 with CRLF: é, ë, € and 's-Gravenhage survive, with a notice", async ({ expect }) => {
    const tekst = csv("verzuimmeldingen.csv", [rijMet(SPECIAAL), rijMet("Mëldîng-2", "p€")]).replace(/\n/g, "\r\n");
    const buf = iconv.encode(tekst, "windows-1252");
    expect(buf.includes(0x80)).toBe(true); // € is one byte 0x80 in Windows-1252
    const { rijen, meldingen } = await gestaged(buf);
    expect(rijen.map((r) => [r.melding_id, r.pseudo_id])).toEqual([[SPECIAAL, "pé1"], ["Mëldîng-2", "p€"]]);
    expect(meldingen.join("\n")).toMatch(/verzuimmeldingen\.csv: gelezen als Windows-1252/);
  });

  test("Windows-1252 extra column: its name decodes in the notice, its values are ignored", async ({ expect }) => {
    const tekst = csv("verzuimmeldingen.csv", [rijMet(SPECIAAL) + ";'s-Gravenhage €"], VERZUIM_KOP + ";opmerking_ë");
    const { rijen, meldingen } = await gestaged(iconv.encode(tekst, "windows-1252"));
    expect(rijen[0].melding_id).toBe(SPECIAAL);
    expect(meldingen.join("\n")).toContain("extra kolom opmerking_ë genegeerd");
  });
});

describe("delimiters, quotes, headers, line endings through stage()", () => {
  test("comma delimiter with a quoted decimal-free field holding a comma, DD-MM-YYYY date", async ({ expect }) => {
    const { rijen } = await gestaged(csv("verzuimmeldingen.csv",
      ['"M,1",p1,GM0100,11,PO,LUXE,30-06-2025,,,GEEN'], VERZUIM_KOP.replace(/;/g, ",")));
    expect(rijen).toEqual([{ melding_id: "M,1", pseudo_id: "p1", handhaving: "GEEN", melddatum: "2025-06-30" }]);
  });

  test("semicolon delimiter with a quoted field holding a semicolon and doubled quotes", async ({ expect }) => {
    const { rijen } = await gestaged(csv("verzuimmeldingen.csv", ['"M;1";"p ""x""";GM0100;11;PO;LUXE;2025-06-30;;;']));
    expect(rijen.map((r) => [r.melding_id, r.pseudo_id])).toEqual([["M;1", 'p "x"']]);
  });

  test("header names are matched case-insensitively and trimmed, in any order, quoted or not", async ({ expect }) => {
    const kop = VERZUIM_KOP.split(";").map((k, i) => (i % 2 ? ` ${k.toUpperCase()} ` : `"${k[0].toUpperCase()}${k.slice(1)}"`));
    // Reverse the column order too: columns are found by name, not position.
    const rij = rijMet("M1", "p1").split(";");
    const { rijen } = await gestaged(csv("verzuimmeldingen.csv", [rij.reverse().join(";")], kop.reverse().join(";")));
    expect(rijen).toEqual([{ melding_id: "M1", pseudo_id: "p1", handhaving: null, melddatum: "2025-06-30" }]);
  });

  test("extra columns are ignored with a notice naming them", async ({ expect }) => {
    const { rijen, meldingen } = await gestaged(csv("verzuimmeldingen.csv",
      [rijMet("M1") + ";x;y"], VERZUIM_KOP + "; Opmerking ;school"));
    expect(rijen.map((r) => r.melding_id)).toEqual(["M1"]);
    expect(meldingen).toContain("verzuimmeldingen.csv: extra kolommen opmerking, school genegeerd");
  });

  test("CRLF line endings: the last column of a row carries no CR", async ({ expect }) => {
    const rijen1 = STANDAARD_RIJEN["verzuimmeldingen.csv"];
    const { rijen } = await gestaged(csv("verzuimmeldingen.csv", rijen1).replace(/\n/g, "\r\n"));
    expect(rijen.map((r) => r.handhaving)).toEqual(["WAARSCHUWING", null]);
  });

  test("a file without a final newline reads its last row", async ({ expect }) => {
    const { rijen } = await gestaged(csv("verzuimmeldingen.csv", [rijMet("M1"), rijMet("M2")]).trimEnd());
    expect(rijen.map((r) => r.melding_id)).toEqual(["M1", "M2"]);
  });

  test("a Windows-1252 value is not mistaken for a code: a wrongly decoded file would fail validation", async ({ expect }) => {
    // If the bytes were read as UTF-8, "é" (0xE9) would be invalid and the row refused or garbled.
    const tekst = csv("verzuimmeldingen.csv", [rijMet("Mé")]);
    const fout = await verwachtFout(maakDataMap({
      "verzuimmeldingen.csv": iconv.encode(tekst, "windows-1252"),
      // And a second error elsewhere, to show the run is refused for that, not for the encoding.
      "inzet.csv": csv("inzet.csv", ["2025-2026;GM0100;LEERPLICHTAMBTENAAR;x"]),
    }));
    expect(fout.bevindingen.map((b) => b.bestand)).toEqual(["inzet.csv"]);
  });
});

describe("files the contract does not allow are named for what they are", () => {
  const V = "verzuimmeldingen.csv";
  /** The one finding of a run where only verzuimmeldingen.csv is wrong. */
  async function enige(inhoud: string | Buffer) {
    const fout = await verwachtFout(maakDataMap({ [V]: inhoud }));
    expect(fout.bevindingen).toHaveLength(1);
    expect(fout.message).not.toMatch(/\n\s+at |verplichte kolom/);
    return { b: fout.bevindingen[0], message: fout.message };
  }

  test("an empty file (or only a BOM and blank lines) is empty, not a file missing every column", async () => {
    for (const inhoud of ["", "\uFEFF\r\n\r\n"]) {
      const { b } = await enige(inhoud);
      expect(b.bestand).toBe(V);
      expect(b.regel).toBeUndefined();
      expect(b.verwacht).toBe(`een kopregel met de kolommen ${VERZUIM_KOP.replace(/;/g, ", ")}; het bestand is leeg`);
    }
    // A header without rows is an export with nothing in it: accepted.
    const { rijen } = await gestaged(csv(V, []));
    expect(rijen).toEqual([]);
  });

  test("UTF-16 (Excel's 'Unicode-tekst'), with or without BOM: save as UTF-8", async () => {
    const tekst = csv(V, [rijMet("M1")]).replace(/;/g, "\t");
    for (const buf of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tekst, "utf16le")]), Buffer.from(tekst, "utf16le")]) {
      const { b, message } = await enige(buf);
      expect(b.bestand).toBe(V);
      expect(b.verwacht).toMatch(/^een bestand in UTF-8 of Windows-1252; dit bestand is opgeslagen als UTF-16 .*CSV UTF-8/);
      expect(message).toContain(`${V}: een bestand in UTF-8`);
    }
  });

  test("a tab-separated file: use ; or ,", async () => {
    const { b, message } = await enige(csv(V, [rijMet("M1")]).replace(/;/g, "\t"));
    expect(b).toMatchObject({ bestand: V, regel: 1, verwacht: "kolommen gescheiden door ; of ,; dit bestand is gescheiden door tabs: sla het op als CSV" });
    expect(b.waarde).toBe("melding_id<TAB>pseudo_id<TAB>gemeente_code<TAB>leeftijd<TAB>onderwijssoort<TAB>v…(115 tekens)");
    expect(message).toContain(`${V}, regel 1: waarde "melding_id<TAB>`);
  });

  test("CR-only line ends (old Mac exports) are read as line ends: the same rows, the right line numbers", async () => {
    const lf = csv(V, [rijMet("M1"), "", rijMet("M2")]);
    const { rijen, meldingen } = await gestaged(lf.replace(/\n/g, "\r"));
    expect(rijen).toEqual((await gestaged(lf)).rijen);
    expect(rijen.map((r) => r.melding_id)).toEqual(["M1", "M2"]);
    expect(meldingen).toContain(`${V}: regeleinden alleen CR (oud Mac-formaat) gelezen`);
    // A bad value after a blank line is on line 4, as the user sees it.
    const fout = await verwachtFout(maakDataMap({ [V]: csv(V, [rijMet("M1"), "", rijMet("M2").replace("LUXE", "SPIJBELEN")]).replace(/\n/g, "\r") }));
    expect(fout.bevindingen.map((b) => [b.regel, b.kolom, b.waarde])).toEqual([[4, "verzuimsoort", "SPIJBELEN"]]);
  });

  test("Excel's empty trailing fields (a;b;c;;; and 1;2;3;;;) are ignored; a value under a nameless column is not", async () => {
    const { rijen, meldingen } = await gestaged(csv(V, [rijMet("M1") + ";;;", rijMet("M2") + ";; ;"], VERZUIM_KOP + ";;;"));
    expect(rijen).toEqual((await gestaged(csv(V, [rijMet("M1"), rijMet("M2")]))).rijen);
    expect(meldingen.join("\n")).not.toContain("genegeerd");
    const fout = await verwachtFout(maakDataMap({ [V]: csv(V, [rijMet("M1") + ";;;", rijMet("M2") + ";;x;"], VERZUIM_KOP + ";;;") }));
    expect(fout.bevindingen).toEqual([{
      bestand: V, regel: 3, kolom: "(zonder naam, kolom 12)", waarde: "x",
      verwacht: "leeg: deze kolom heeft geen naam in de kopregel; geef de kolom een naam of haal de waarden weg",
    }]);
  });
});
