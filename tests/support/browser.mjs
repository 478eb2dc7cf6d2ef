// Shared by the browser suites: the repository's static server and one headless Debian Chromium
// per test file, started before its tests and closed after them.
import { before, after } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { launchChromium } from "./package.mjs";

/**
 * Registers the file's before and after hooks. The returned object's `browser` (playwright-core)
 * and `base` (the server's http://127.0.0.1:port) are set once the tests run.
 */
export function suite() {
  const shared = { browser: null, base: null };
  let server;
  before(async () => {
    server = await serve({ port: 0 });
    shared.base = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}`;
    shared.browser = await launchChromium();
  });
  after(async () => {
    await shared.browser?.close();
    server?.close();
  });
  return shared;
}
