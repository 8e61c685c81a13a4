// shot.mjs: open Neo4j Browser in headless Chromium, log in, apply a Browser
// style (.grass), run one Cypher query and save a screenshot of the graph.
//
// Called by scripts/screenshot/run, which builds newsgraph and loads the
// data first; it can also run on its own against any graph:
//
//   node shot.mjs --browser-url http://127.0.0.1:7474/browser/ \
//     --bolt bolt://127.0.0.1:7687 --user neo4j --password newsgraph-dev \
//     --style ../../cypher/style.grass --query-file seed-graph.cypher \
//     --out ../../docs/img/seed-graph.png
//
// Every option also has an environment variable (SHOT_*, see options below).
// Chromium is the system's (/usr/bin/chromium, or SHOT_CHROMIUM): Playwright
// never downloads a browser build here.
import { readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: opt } = parseArgs({
  options: {
    'browser-url': { type: 'string', default: process.env.SHOT_BROWSER_URL ?? 'http://127.0.0.1:7474/browser/' },
    bolt: { type: 'string', default: process.env.SHOT_BOLT_URI ?? 'bolt://127.0.0.1:7687' },
    user: { type: 'string', default: process.env.SHOT_USER ?? 'neo4j' },
    password: { type: 'string', default: process.env.SHOT_PASSWORD ?? '' },
    style: { type: 'string', default: process.env.SHOT_STYLE ?? '' },
    'query-file': { type: 'string', default: process.env.SHOT_QUERY_FILE ?? '' },
    out: { type: 'string', default: process.env.SHOT_OUT ?? 'seed-graph.png' },
    width: { type: 'string', default: process.env.SHOT_WIDTH ?? '1400' },
    height: { type: 'string', default: process.env.SHOT_HEIGHT ?? '900' },
    settle: { type: 'string', default: process.env.SHOT_SETTLE_MS ?? '4000' },
    chromium: { type: 'string', default: process.env.SHOT_CHROMIUM ?? '/usr/bin/chromium' },
  },
});

const log = (msg) => process.stderr.write(`screenshot: ${msg}\n`);

// fail stops the run with a message; the browser is closed on the way out.
class ShotError extends Error {}
function fail(msg) {
  throw new ShotError(msg);
}

function usage(msg) {
  log(msg);
  process.exit(2);
}

if (!opt['query-file']) usage('--query-file is required');
// A Browser command is one line in the editor: drop // comments and join.
const query = readFileSync(opt['query-file'], 'utf8')
  .split('\n')
  .map((l) => l.replace(/\/\/.*$/, '').trim())
  .filter(Boolean)
  .join(' ');
const grass = opt.style ? readFileSync(opt.style, 'utf8').replace(/\s+/g, ' ').trim() : '';

const bolt = opt.bolt.match(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/(.+)$/);
if (!bolt) usage(`--bolt must be bolt://HOST:PORT or neo4j://HOST:PORT, got ${opt.bolt}`);
const scheme = `${bolt[1]}${bolt[2] ?? ''}://`;
const hostPort = bolt[3].replace(/\/$/, '');

const browserURL = new URL(opt['browser-url']);
const localHosts = new Set([browserURL.hostname, '127.0.0.1', 'localhost', '[::1]']);

// Browser settings, as Neo4j Browser keeps them in local storage: no
// welcome guide, no usage statistics, the light theme, no zoom hint.
const settings = {
  theme: 'normal',
  initCmd: '',
  playImplicitInitCommands: false,
  showSampleScripts: false,
  allowCrashReports: false,
  allowUserStats: false,
  showWheelZoomInfo: false,
  codeFontLigatures: false,
  autoComplete: true,
};

// The flags the machines here need: no sandbox as root, and no background
// networking (the closed network refuses those connections).
const browser = await chromium.launch({
  executablePath: opt.chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let page;
try {
  const context = await browser.newContext({
    viewport: { width: Number(opt.width), height: Number(opt.height) },
    deviceScaleFactor: 1,
  });
  await context.addInitScript((s) => {
    if (!window.localStorage.getItem('neo4j.settings')) {
      window.localStorage.setItem('neo4j.settings', JSON.stringify(s));
    }
  }, settings);
  // Neo4j Browser asks for fonts, release notes and usage endpoints on the
  // internet: refuse them at once instead of waiting for timeouts.
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || localHosts.has(u.hostname)) return route.continue();
    return route.abort();
  });
  page = await context.newPage();

  log(`opening ${browserURL.href}`);
  await page.goto(browserURL.href);
  await page.waitForSelector('[data-testid=boltaddress]', { timeout: 60_000 });

  log(`connecting to ${scheme}${hostPort} as ${opt.user}`);
  await page.selectOption('[data-testid=bolt-scheme-select]', scheme).catch(() => {});
  await page.fill('[data-testid=boltaddress]', hostPort);
  await page.fill('[data-testid=username]', opt.user);
  await page.fill('[data-testid=password]', opt.password);
  await page.click('[data-testid=connect]');
  const connected = await page.waitForFunction(
    () => {
      const t = document.body.innerText;
      if (/You are connected/i.test(t)) return 'ok';
      const m = t.match(/[^\n]*(Neo4jError|ServiceUnavailable|unauthorized|authentication failure|incorrect authentication|too many|refused|could not)[^\n]*/i);
      return m ? m[0] : false;
    },
    null,
    { timeout: 60_000 },
  );
  const status = await connected.jsonValue();
  if (status !== 'ok') fail(`Neo4j Browser could not connect: ${status}`);

  // run types one command into the main editor and runs it (Ctrl+Enter).
  const editor = page.locator('[data-testid=activeEditor] textarea, #monaco-main textarea').first();
  async function run(cmd) {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(cmd);
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(500);
  }

  if (grass) {
    log(`applying the style ${opt.style}`);
    await run(`:style ${grass}`);
    const bad = await page.getByText('Could not parse grass').count();
    if (bad) fail(`Neo4j Browser could not parse ${opt.style}`);
  }
  await run(':clear');

  log('running the query');
  await run(query);
  const frame = page.locator('[data-testid=frame]').first();
  await frame
    .locator('svg .node')
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(() => fail('the query drew no graph within 60 s: an empty result, or a Cypher error?'));
  // The frame fills the window (its full-screen button), then the force
  // layout gets time to settle before the picture is taken.
  await frame
    .locator('[title="Fullscreen"]')
    .first()
    .click({ timeout: 10_000 })
    .catch(() => fail('no Fullscreen button on the result frame: has Neo4j Browser changed?'));
  await page.mouse.move(0, Number(opt.height) - 1);
  await page.waitForTimeout(Number(opt.settle));
  // Zoom to fit: the layout starts small in the middle of the frame.
  await frame.locator('[aria-label=zoom-to-fit]').first().click();
  await page.mouse.move(0, Number(opt.height) - 1);
  await page.waitForTimeout(1500);

  mkdirSync(dirname(opt.out), { recursive: true });
  await page.screenshot({ path: opt.out });
  log(`saved ${opt.out}`);
} catch (err) {
  log(err instanceof ShotError ? err.message : `${err.stack ?? err}`);
  process.exitCode = 1;
  if (page) {
    const where = join(tmpdir(), 'newsgraph-screenshot-failed.png');
    await page.screenshot({ path: where }).then(() => log(`the page as it was: ${where}`), () => {});
  }
} finally {
  await browser.close();
}
