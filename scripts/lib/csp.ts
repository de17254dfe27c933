// A Content-Security-Policy per page of the built site (scripts/lib/site.ts puts it in).
import { createHash } from "node:crypto";

/**
 * The inline scripts of a page, as the browser hashes them: the text between <script …> and
 * the first </script (script data ends there, whatever it holds), without src.
 */
export function inlineScripts(html: string): string[] {
  const uit: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script[\s/>]/gi)) {
    if (!/\bsrc\s*=/i.test(m[1])) uit.push(m[2]);
  }
  return uit;
}

const sha256 = (tekst: string) => `'sha256-${createHash("sha256").update(tekst, "utf8").digest("base64")}'`;

/**
 * htl (behind Observable Inputs) writes an event handler given as a function first as the
 * attribute text "::N" (N: its place in the template) into an inert template, then removes it
 * and sets the function as a property. Chromium checks that attribute against the policy and
 * logs a violation, although nothing runs. Allowed by exactly these texts (script-src-attr
 * only concerns event handler attributes): "::N" is no valid JavaScript, so an attribute with
 * that text can never run anything either. Inputs' templates use N up to 11.
 */
const HTL_PLAATSHOUDERS = Array.from({ length: 32 }, (_, n) => sha256(`::${n}`));

/**
 * The page's policy: scripts only from the site itself and the inline scripts Framework wrote
 * into this page (by their SHA-256), so text from the data that ends up as HTML can never run
 * as script; nothing from another host. Styles may be inline: Plot and Inputs set style
 * attributes from script. What a <meta> cannot say (frame-ancestors) belongs in the web
 * server's header (README).
 */
export function cspVoor(html: string): string {
  const hashes = [...new Set(inlineScripts(html).map(sha256))];
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`.trim(),
    `script-src-attr 'unsafe-hashes' ${HTL_PLAATSHOUDERS.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** The page with its policy as the first thing in <head> after the charset (it applies only to what follows it). */
export function metCsp(html: string): string {
  const zonder = html.replace(/\n?<meta http-equiv="Content-Security-Policy" content="[^"]*">/, "");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${cspVoor(zonder)}">`;
  return /<meta charset="[^"]*">/i.test(zonder)
    ? zonder.replace(/<meta charset="[^"]*">/i, (m) => `${m}\n${meta}`)
    : zonder.replace(/<head>/i, `<head>\n${meta}`);
}

