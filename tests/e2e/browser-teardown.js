module.exports = async function e2eBrowserTeardown() {
  await globalThis.__mpBrowserServer?.close();
};
