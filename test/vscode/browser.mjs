// Debian's Chromium, headless, driven by playwright-core from the tools cache. The page may only
// talk to our code-server: any other request is aborted and reported.
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { loadPlaywright } from './tools.mjs';

export async function launchBrowser(tools, profile, server) {
  if (!existsSync(tools.chromium)) {
    throw new Error(`Chromium not found at ${tools.chromium}: install Debian's chromium package (apt-get install chromium) or set ZHLENS_CHROMIUM`);
  }
  const { chromium } = loadPlaywright(tools.dir);
  const browser = await chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    env: { ...process.env, ...profile.xdg },
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === server.host || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    console.log(`[browser] blocked request to ${url.href}`);
    return route.abort();
  });
  return { browser, context };
}

/**
 * The extension host's console (mocha's reporter included) reaches the page console as
 * console.log('%c EXTHOST', 'color: ...', fmt, ...args); strip the styling and print it.
 */
export function forwardConsole(page, { filter = () => true } = {}) {
  page.on('console', async (message) => {
    let args;
    try {
      args = await Promise.all(message.args().map((a) => a.jsonValue()));
    } catch {
      args = [message.text()];
    }
    if (typeof args[0] === 'string' && args[0].startsWith('%c')) args = args.slice(2);
    const text = format(...args);
    if (filter(text)) console.log(text);
  });
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
}
