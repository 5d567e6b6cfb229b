// Debian's Chromium, as the e2e suite and the editor benchmark launch it: Playwright cannot
// download its own browser here, and the closed network refuses Chromium's background calls.
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
