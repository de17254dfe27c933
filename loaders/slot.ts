// One process at a time (staging a data directory, generating the sample, building the site),
// and the leftovers of a process that was killed. Locks are proper-lockfile's: a directory
// made with mkdir (atomic, also on network disks) whose modification time the holder renews
// every few seconds, so a lock nobody renews is stale after STALE_MS, whatever happened to its
// holder (another computer, a reused process id). Inside it the holder writes who it is; a
// waiter on the same computer whose holder no longer runs takes the lock over at once instead
// of waiting STALE_MS, and one whose holder does run says so in Dutch, with what it waits for.
import lockfile from "proper-lockfile";
import * as fs from "node:fs";
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/**
 * A lock not renewed for this long is stale (the holder renews it every UPDATE_MS). Generous:
 * a dead holder on this computer is found at once by its pid, and the privacy audit keeps the
 * event loop (and so the renewal) busy for a second or more at a time on a large regio.
 */
const STALE_MS = 120_000;
const UPDATE_MS = 5_000;
/** Between two attempts while another process holds the lock. */
const POGING_MS = 200;
/** How often a waiter repeats that it is still waiting. */
const HERHAAL_MS = 30_000;

/** Who holds a lock: written into the lock directory right after taking it. */
export interface Eigenaar {
  pid: number;
  host: string;
  /** What the holder does, as a Dutch phrase: "de gegevens klaarzetten". */
  wat: string;
  sinds: string;
}

const EIGENAAR = "eigenaar.json";

/**
 * proper-lockfile removes a lock (on release, and when stale) with rmdir, which refuses the
 * owner file inside it: with this fs it removes the directory with its contents.
 */
const lockFs = {
  ...fs,
  rmdir: (pad: string, klaar: (e: NodeJS.ErrnoException | null) => void) => fs.rm(pad, { recursive: true, force: true }, klaar),
  rmdirSync: (pad: string) => fs.rmSync(pad, { recursive: true, force: true }),
};

/** Whether a process with this id runs on this computer (EPERM: it runs, as another user). */
export function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function leesEigenaar(slot: string): Eigenaar | null {
  try {
    const e = JSON.parse(readFileSync(join(slot, EIGENAAR), "utf8")) as Eigenaar;
    return Number.isInteger(e.pid) ? e : null;
  } catch {
    // Not written yet (the holder took the lock a moment ago), or no directory at all.
    return null;
  }
}

/** The holder of the lock, when it is a process on this computer that no longer runs. */
function doodEigenaar(slot: string): Eigenaar | null {
  const e = leesEigenaar(slot);
  return e && e.host === hostname() && e.pid !== process.pid && !leeft(e.pid) ? e : null;
}

export interface SlotOpties {
  /** What the holder does, for whoever has to wait: "de gegevens klaarzetten". */
  wat: string;
  /** Messages to the user (waiting, a lock taken over); none by default. */
  melding?: (m: string) => void;
  /** When true (asked before waiting and again once the lock is taken), the work was done by another process. */
  klaar?: () => boolean;
}

export interface Slot {
  /** Set when the lock was lost while held (not renewed in time, or removed): the work may not be alone. */
  verloren(): Error | null;
}

const tijd = (iso: string) => new Date(iso).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/**
 * Runs `werk` holding the lock `slot` (a directory path; its parent must exist), unless
 * `klaar()` says another process did the work meanwhile. Waits as long as a running process
 * holds it, saying so; takes over at once a lock whose holder is gone.
 */
export async function metSlot<T>(slot: string, opties: SlotOpties, werk: (s: Slot) => Promise<T>): Promise<T | undefined> {
  let gemeldVoor: string | null = null;
  let gemeldOp = 0;
  const begin = Date.now();
  for (;;) {
    if (opties.klaar?.()) return undefined;
    let verloren: Error | null = null;
    let vrijgeven: () => Promise<void>;
    try {
      vrijgeven = await lockfile.lock(slot, {
        lockfilePath: slot, realpath: false, stale: STALE_MS, update: UPDATE_MS, retries: 0, fs: lockFs,
        // Instead of proper-lockfile's default (an exception thrown from a timer, which would
        // end the process with a stack trace): remembered, and the caller decides.
        onCompromised: (e) => { verloren = e; },
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw e;
      const dood = doodEigenaar(slot);
      if (dood) {
        neemOver(slot, dood);
        opties.melding?.(`Slot ${slot} van proces ${dood.pid} (${dood.wat}, gestopt) opgeruimd.`);
        continue;
      }
      const e2 = leesEigenaar(slot);
      const wie = e2 ? `proces ${e2.pid}${e2.host === hostname() ? "" : ` op ${e2.host}`} is sinds ${tijd(e2.sinds)} bezig met ${e2.wat}`
        : "een ander proces houdt het slot";
      const sleutel = e2 ? `${e2.host}:${e2.pid}` : "?";
      if (sleutel !== gemeldVoor) {
        opties.melding?.(`Wacht: ${wie} (slot ${slot}). Deze opdracht gaat verder zodra dat klaar is.`);
        gemeldVoor = sleutel;
        gemeldOp = Date.now();
      } else if (Date.now() - gemeldOp > HERHAAL_MS) {
        opties.melding?.(`Nog steeds aan het wachten (${Math.round((Date.now() - begin) / 1000)} s): ${wie}.`);
        gemeldOp = Date.now();
      }
      await new Promise((r) => setTimeout(r, POGING_MS));
      continue;
    }
    try {
      const eigenaar: Eigenaar = { pid: process.pid, host: hostname(), wat: opties.wat, sinds: new Date().toISOString() };
      // Writing into the directory changes its modification time, which proper-lockfile
      // checks as its own on every renewal (another time means another holder): put it back.
      const st = statSync(slot);
      writeFileSync(join(slot, EIGENAAR), JSON.stringify(eigenaar));
      utimesSync(slot, st.atime, st.mtime);
      if (opties.klaar?.()) return undefined;
      return await werk({ verloren: () => verloren });
    } finally {
      // Lost meanwhile: proper-lockfile no longer counts it as ours and refuses; nothing to free.
      await vrijgeven().catch(() => {});
    }
  }
}

/** Removes the lock `slot` when its holder is a process on this computer that no longer runs. */
export function ruimDoodSlotOp(slot: string): boolean {
  const dood = doodEigenaar(slot);
  if (dood) neemOver(slot, dood);
  return dood !== null;
}

/**
 * Removes the lock of a process that is gone. Checked once more just before: the directory
 * must still be that process's (a second waiter may have removed it and taken a new one in
 * between; the window left is the one proper-lockfile's own stale check has as well).
 */
function neemOver(slot: string, dood: Eigenaar): void {
  const nu = leesEigenaar(slot);
  if (!nu || nu.pid !== dood.pid || nu.sinds !== dood.sinds) return;
  rmSync(slot, { recursive: true, force: true });
}

/**
 * Removes what processes that are gone left in `dir`: every entry whose name matches `patroon`
 * with the process id in its group `pid` (temp files and folders carry their maker's id),
 * when that process no longer runs. Returns the names removed.
 */
export function ruimRestenOp(dir: string, patroon: RegExp): string[] {
  let namen: string[];
  try {
    namen = readdirSync(dir);
  } catch {
    return [];
  }
  const weg: string[] = [];
  for (const naam of namen) {
    const pid = Number(patroon.exec(naam)?.groups?.pid);
    if (!pid || pid === process.pid || leeft(pid)) continue;
    try {
      rmSync(join(dir, naam), { recursive: true, force: true });
      weg.push(naam);
    } catch {
      // Not ours to remove (another user's temp folder): left alone.
    }
  }
  return weg;
}
