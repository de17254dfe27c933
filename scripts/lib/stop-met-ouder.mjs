// node stop-met-ouder.mjs COMMAND [ARGS…]: runs COMMAND, and stops it (with everything it
// started) as soon as the process that started this one is gone. The build runs Observable
// Framework this way: a build that is killed (kill -9, out of memory) would otherwise leave
// Framework running on its own, still writing into the shared loader cache and the new site's
// folder after the build's lock is gone and the next build has begun.
//
// How it notices: the build holds the write end of this process's stdin; when the build ends,
// in whatever way, the operating system closes it and stdin ends here. COMMAND runs in a
// process group of its own (detached), so the whole group, Framework's data loaders included,
// can be stopped at once. Plain JavaScript: it starts in milliseconds, without tsx.
import { spawn } from "node:child_process";

const [opdracht, ...argumenten] = process.argv.slice(2);
const kind = spawn(opdracht, argumenten, { stdio: ["ignore", "inherit", "inherit"], detached: true });

function stopKind() {
  try {
    process.kill(-kind.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

process.stdin.on("end", () => {
  stopKind();
  process.exit(1);
});
process.stdin.on("error", () => {});
process.stdin.resume();
// Ctrl-C in the terminal reaches this process (the build's group), not the detached command.
for (const signaal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signaal, () => {
    stopKind();
    process.exit(130);
  });
}
kind.on("error", (e) => {
  process.stderr.write(`${opdracht} kon niet starten: ${e.message}\n`);
  process.exit(1);
});
kind.on("exit", (code, signaal) => process.exit(code ?? (signaal ? 1 : 0)));
