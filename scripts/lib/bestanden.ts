// Every file under a folder, for the hashes of the build's inputs and the check of the built
// site; Framework's cache and installed packages are no input.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function bestandenOnder(dir: string, uit: string[] = []): string[] {
  if (!existsSync(dir)) return uit;
  for (const naam of readdirSync(dir)) {
    if (naam === ".observablehq" || naam === "node_modules") continue;
    const pad = join(dir, naam);
    if (statSync(pad).isDirectory()) bestandenOnder(pad, uit);
    else uit.push(pad);
  }
  return uit;
}
