// Shared by the Node and browser suites: the packed tarball installed into an empty folder, a
// headless Debian Chromium, and the repository's static server.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");

/** `npm pack`s the repository and installs the tarball into a new folder; returns the folder. */
export function installPackage() {
  const dir = mkdtempSync(join(tmpdir(), "sdo-openness-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop();
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", "--loglevel=error", join(dir, tarball)], {
    cwd: dir,
  });
  return dir;
}

/** Debian's Chromium, headless, with no background traffic (this machine has no internet). */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
