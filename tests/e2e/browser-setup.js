// The e2e project's global setup: one headless Chromium for the whole run; each spec file connects to it and opens
// its own phone (browser context). Teardown: tests/e2e/browser-teardown.js.
const { register } = require('tsx/cjs/api');

module.exports = async function e2eBrowserSetup() {
  const unregister = register();
  const { launchBrowserServer } = require('../../tools/mp-runtime/node/server');
  unregister();
  const server = await launchBrowserServer();
  globalThis.__mpBrowserServer = server;
  process.env.MP_BROWSER_WS = server.wsEndpoint();
};
