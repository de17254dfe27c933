// The coördinator's texts of the jaarverslag: Markdown files in the data directory,
// teksten/<schooljaar>/<naam>.md and, per gemeente, teksten/<schooljaar>/<GMnnnn>/<naam>.md
// (docs/exports.md), made into HTML once here, with raw HTML off and images only from the
// text's own folder. Apart from the tables in jaarverslag.ts, which reads them.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join, relative, resolve, sep } from "node:path";
import type MarkdownIt from "markdown-it";
import { TEKST_NAMEN } from "../../src/lib/hoofdstukken.ts";

// Made on the first text: loading markdown-it takes a tenth of a second, and most data
// directories (the sample too) have no teksten/ at all.
let md: MarkdownIt | undefined;

function markdown(): MarkdownIt {
  if (md) return md;
  const Markdown = createRequire(import.meta.url)("markdown-it") as typeof MarkdownIt;
  md = new Markdown({ html: false, linkify: false, typographer: false });
  // An image (![Foto van het team](team.jpg)) comes from the text's own folder and goes into
  // the HTML itself as a data: URL: the PDF and the site load nothing from elsewhere.
  md.renderer.rules.image = (tokens, idx, _opties, env: BeeldEnv) => {
    const t = tokens[idx];
    const alt = t.children?.map((c) => c.content).join("") ?? t.content;
    const src = beeldAlsData(t.attrGet("src") ?? "", env);
    return src ? `<img src="${src}" alt="${md!.utils.escapeHtml(alt)}" class="jv-beeld">` : "";
  };
  // The text sits under a chapter heading: its own headings start one level lower (# → h3).
  md.core.ruler.push("kopniveau", (state) => {
    for (const t of state.tokens) {
      if (t.type === "heading_open" || t.type === "heading_close") t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 2)}`;
    }
  });
  return md;
}

/** Where a text's images may come from, and where a refused one is reported. */
interface BeeldEnv { map?: string; waar?: string; meldingen?: string[] }

const BEELD_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif" };
/** Larger images make the site's data and the PDF heavy; the coördinator can scale them down. */
const BEELD_MAX = 2 * 1024 * 1024;

/** A picture of the text's folder as a data: URL, or null (with a notice) when it cannot be used. */
function beeldAlsData(src: string, env: BeeldEnv): string | null {
  const meld = (m: string) => env.meldingen?.push(`${env.waar ?? "teksten"}: afbeelding ${src}: ${m}; weggelaten`);
  if (!env.map) return meld("afbeeldingen kunnen alleen uit de map van de tekst komen"), null;
  if (/^[a-z]+:/i.test(src) || src.startsWith("/")) return meld("alleen een bestand in dezelfde map, geen adres of pad"), null;
  const pad = resolve(env.map, decodeURIComponent(src));
  if (relative(env.map, pad).split(sep)[0] === "..") return meld("het bestand moet in dezelfde map staan"), null;
  const type = BEELD_TYPES[extname(pad).toLowerCase()];
  if (!type) return meld(`geen png, jpg, webp of gif`), null;
  if (!existsSync(pad) || !statSync(pad).isFile()) return meld("bestand niet gevonden"), null;
  if (statSync(pad).size > BEELD_MAX) return meld("groter dan 2 MB"), null;
  return `data:${type};base64,${readFileSync(pad).toString("base64")}`;
}

export function markdownNaarHtml(tekst: string, env: BeeldEnv = {}): string {
  return markdown().render(tekst.replace(/^\uFEFF/, ""), env);
}

export interface Teksten {
  teksten: Record<string, string>;
  gemeenteTeksten: Record<string, Record<string, string>>;
  /** Notices about files that are not used (a misspelt name). */
  meldingen: string[];
}

/**
 * teksten/<schooljaar>/<naam>.md and, for one gemeente's jaarverslag,
 * teksten/<schooljaar>/<GMnnnn>/<naam>.md. Missing files mean no text.
 */
export function leesTeksten(dataDir: string, schooljaar: string, gemeenten: string[]): Teksten {
  const uit: Teksten = { teksten: {}, gemeenteTeksten: {}, meldingen: [] };
  const map = join(dataDir, "teksten", schooljaar);
  if (!existsSync(map)) return uit;
  const lees = (dir: string, doel: Record<string, string>, waar: string) => {
    for (const f of readdirSync(dir)) {
      const pad = join(dir, f);
      if (statSync(pad).isDirectory()) continue;
      const naam = f.replace(/\.md$/i, "");
      // Pictures beside the texts are used by them (markdownNaarHtml), not reported.
      if (BEELD_TYPES[extname(f).toLowerCase()]) continue;
      if (!f.toLowerCase().endsWith(".md") || !(TEKST_NAMEN as readonly string[]).includes(naam.toLowerCase())) {
        uit.meldingen.push(`${waar}/${f} wordt niet gebruikt; bekende namen: ${TEKST_NAMEN.map((n) => `${n}.md`).join(", ")}`);
        continue;
      }
      doel[naam.toLowerCase()] = markdownNaarHtml(readFileSync(pad, "utf8"), { map: dir, waar: `${waar}/${f}`, meldingen: uit.meldingen });
    }
  };
  lees(map, uit.teksten, `teksten/${schooljaar}`);
  for (const f of readdirSync(map)) {
    const pad = join(map, f);
    if (!statSync(pad).isDirectory()) continue;
    if (!gemeenten.includes(f.toUpperCase())) {
      uit.meldingen.push(`teksten/${schooljaar}/${f}/ wordt niet gebruikt: geen gemeentecode van de regio in ${schooljaar}`);
      continue;
    }
    lees(pad, (uit.gemeenteTeksten[f.toUpperCase()] = {}), `teksten/${schooljaar}/${f}`);
  }
  return uit;
}

