/**
 * Saves screenshots of the main cards as the Microsoft 365 Agents Playground renders them (its
 * Teams-style web client), into docs/screenshots/. Not part of CI: it needs Debian's chromium
 * (`apt-get install chromium`). Run with `npx tsx scripts/screenshots.ts [--only a.png,b.png]`; with
 * CONTENT_PACK=<pack> (not the default) the files are named <pack>-<file>, so each partnership's cards
 * can be shown side by side.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PlaygroundSession, cardOf } from '../test/e2e/playground';
import { cardActions } from '../test/support/harness';

const OUT = join(__dirname, '..', 'docs', 'screenshots');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface Shot {
  file: string;
  say: string;
  press?: string;
  /** Switch the Playground user to a demo person first ("dev as police dsp"), for that person's view. */
  as?: string;
  /** A taller window for long cards. */
  height?: number;
}
const SHOTS: Shot[] = [
  { file: 'help.png', say: 'help' },
  { file: 'queries-escalation-route.png', say: 'what is the escalation route?' },
  { file: 'actions-my-actions.png', say: 'my actions' },
  { file: 'actions-tracker.png', say: 'tracker' },
  { file: 'briefings-library.png', say: 'briefings' },
  { file: 'meetings-agenda.png', say: 'meetings', press: 'meetings.show' },
  { file: 'audits-quick-check-in.png', say: 'audit rounds', press: 'audits.quick.open' },
  { file: 'briefings-briefing.png', say: 'briefings', press: 'briefings.open' },
  { file: 'meetings-list.png', say: 'meetings' },
  { file: 'actions-action-partner-view.png', say: 'my actions', press: 'actions.show', as: 'police dsp' },
  { file: 'queries-practitioner-help.png', say: 'help', as: 'health practitioner' },
  { file: 'queries-levels-of-need.png', say: 'levels of need', as: 'business unit' },
  { file: 'meetings-new.png', say: 'new meeting for board', as: 'business unit' },
  { file: 'content.png', say: 'content', as: 'business unit' },
  { file: 'content-fact.png', say: 'content', press: 'content.fact', as: 'business unit' },
  { file: 'numbers.png', say: 'numbers', height: 1800, as: 'business unit' },
];

const PACK = process.env.CONTENT_PACK || 'cheshire-east';
const fileFor = (file: string) => (PACK === 'cheshire-east' ? file : `${PACK}-${file}`);

async function shoot(page: Page, session: PlaygroundSession, shot: Shot) {
  await page.setViewportSize({ width: 1280, height: shot.height ?? 1000 });
  if (shot.as) await session.say(`dev as ${shot.as}`);
  const m = await session.say(shot.say);
  if (shot.press) {
    // Press the card's button in the page, as a person would; the Playground replaces the card.
    const button = cardActions(cardOf(m)).find((a) => a.verb === shot.press);
    if (button?.title) {
      await page.waitForTimeout(1500);
      await page.getByRole('button', { name: button.title, exact: true }).last().click();
    }
  }
  await page.waitForTimeout(2500);
  // Scroll the newest message into view so the card is what the picture shows.
  await page.evaluate(() => {
    const all = document.querySelectorAll('.ac-adaptiveCard');
    all[all.length - 1]?.scrollIntoView({ block: 'start' });
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, fileFor(shot.file)) });
  console.log(`saved docs/screenshots/${fileFor(shot.file)}`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const i = process.argv.indexOf('--only');
  const only = i > 0 ? new Set(process.argv[i + 1]?.split(',') ?? []) : undefined;
  const session = await new PlaygroundSession(PACK).start();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(session.base, { waitUntil: 'networkidle' });
    await page.waitForTimeout(2000);
    for (const shot of SHOTS.filter((x) => !only || only.has(x.file))) await shoot(page, session, shot);
  } finally {
    await browser.close();
    await session.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
