// Observable Framework configuration. The gemeente pages come from regio.json of the
// data directory in use (VSV_DATA, set by scripts/build.ts from --data), so another regio
// needs no code change.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, extname } from "node:path";
import { dataDir, PROJECT_ROOT } from "./loaders/config.ts";
import { loadRegio } from "./loaders/regio.ts";
import { GebruikersFout } from "./loaders/errors.ts";

const dir = dataDir([], process.env);
const regio = loadRegio(dir);

/** The regio's logo (optional, a file in the data directory), inlined: nothing comes from another host. */
const MIME: Record<string, string> = { ".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };
const logoPad = regio.logo ? join(dir, regio.logo) : null;
if (logoPad && !existsSync(logoPad)) throw new GebruikersFout(`regio.json: logo ${regio.logo} staat niet in de datamap ${dir}`);
const logo = logoPad ? `data:${MIME[extname(logoPad).toLowerCase()] ?? "application/octet-stream"};base64,${readFileSync(logoPad).toString("base64")}` : null;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

type Pagina = { name: string; path: string };
/** Only pages that exist: sections are filled in as their chapters are written. */
const bestaat = (p: Pagina) => existsSync(join(PROJECT_ROOT, "src", p.path.endsWith("/") ? `${p.path}index.md` : `${p.path}.md`));
const pagina = (name: string, path: string) => [{ name, path }].filter(bestaat);
const sectie = (name: string, pages: Pagina[]) => (pages.length ? [{ name, collapsible: true, pages }] : []);

/** The jaarverslag chapters: every page in src/jaarverslag, in the order of the report. */
const HOOFDSTUKKEN = ["index", "leerlingen", "verzuim", "thuiszitters", "vrijstellingen", "doorstroompunt", "vsv",
  "vsv-percentages", "inzet", "verhalen"];
function hoofdstukken(): Pagina[] {
  const dir = join(PROJECT_ROOT, "src", "jaarverslag");
  if (!existsSync(dir)) return [];
  const rang = (n: string) => (HOOFDSTUKKEN.indexOf(n) + 1 || 99);
  return readdirSync(dir).filter((f) => f.endsWith(".md") && !f.includes("["))
    .map((f) => f.slice(0, -3))
    .sort((a, b) => rang(a) - rang(b) || a.localeCompare(b))
    .map((n) => {
      const titel = /^title:\s*(.+)$/m.exec(readFileSync(join(dir, `${n}.md`), "utf8"))?.[1]?.replace(/^["']|["']$/g, "");
      return { name: n === "index" ? "Inhoud" : titel ?? n, path: n === "index" ? "/jaarverslag/" : `/jaarverslag/${n}` };
    });
}
const heeftOverleg = existsSync(join(PROJECT_ROOT, "src", "overleg", "[gemeente].md"));

export default {
  title: regio.naam,
  root: "src",
  output: process.env.VSV_DIST ?? "dist",
  lang: "nl",
  // No Google Fonts or other stylesheet from another host (AVG): only our own.
  globalStylesheets: [],
  style: "style.css",
  search: false,
  // Framework's pager says "Next page" in English; the sidebar is the navigation.
  pager: false,
  linkify: true,
  // Links end in .html: works on any static host, also without URL rewriting.
  preserveExtension: true,
  interpreters: { ".ts": ["node", "--import", "tsx"] },
  dynamicPaths: [
    ...regio.gemeenten.map((g) => `/gemeente/${g.code}`),
    ...(heeftOverleg ? regio.gemeenten.map((g) => `/overleg/${g.code}`) : []),
  ],
  pages: [
    { name: "Dashboard", path: "/" },
    {
      name: "Gemeenten",
      collapsible: true,
      open: false,
      pages: regio.gemeenten.map((g) => ({ name: g.naam, path: `/gemeente/${g.code}` })),
    },
    ...pagina("Trendverkenner", "/trends"),
    ...pagina("Kaart", "/kaart"),
    ...pagina("Bestuurlijk overleg", "/overleg/"),
    ...sectie("Jaarverslag", hoofdstukken()),
    ...pagina("Monitor JIKP", "/monitor"),
    ...pagina("SPUK-verdeling", "/verdeling"),
    ...pagina("Over deze cijfers", "/over"),
    ...pagina("Toegankelijkheid", "/toegankelijkheid"),
  ],
  // No favicon request (a 404 in the console) and nothing else from outside.
  head: `<link rel="icon" href="data:,">`,
  // alt="": the regio's name stands beside the logo.
  header: `<div class="regio-kop">${logo ? `<img src="${logo}" alt="" height="40">` : ""}<span>${esc(regio.naam)}</span></div>`,
  footer: `${regio.naam} · gegevens geanonimiseerd; aantallen kleiner dan ${regio.publicatie.minimumCel} zijn onderdrukt.`,
};
