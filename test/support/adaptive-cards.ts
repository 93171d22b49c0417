import { JSDOM } from 'jsdom';

/**
 * The official Adaptive Cards renderer (adaptivecards/dist, mapped in jest.config.js) with a jsdom
 * window, so cards are parsed, validated and rendered to HTML as a Teams-like host would.
 */
const dom = new JSDOM('<!doctype html><html><body></body></html>');
const g = globalThis as Record<string, unknown>;
const win = dom.window as unknown as Record<string, unknown>;
const domNames = Object.getOwnPropertyNames(win).filter((k) => /^(HTML|SVG)\w*Element$|^(Element|Node|Event|KeyboardEvent|MouseEvent|DOMParser)$/.test(k));
for (const key of ['window', 'document', 'navigator', 'getComputedStyle', ...domNames]) {
  if (g[key] === undefined) g[key] = win[key];
}
// jsdom has no layout, so innerText is missing; the renderer only reads and writes it as text.
const proto = (dom.window as unknown as { HTMLElement: { prototype: object } }).HTMLElement.prototype;
if (!Object.getOwnPropertyDescriptor(proto, 'innerText')) {
  Object.defineProperty(proto, 'innerText', {
    get(this: { textContent: string | null }) {
      return this.textContent ?? '';
    },
    set(this: { textContent: string | null }, v: string) {
      this.textContent = v;
    },
  });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const AC = require('adaptivecards') as typeof import('adaptivecards');

export interface CardCheck {
  errors: string[];
  html?: string;
}

/** Teams' own host config (light theme), as the adaptivecards-designer package ships it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const TEAMS_HOST_CONFIG = new AC.HostConfig(require('adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json'));

/** Parses a card for version 1.5 and returns every parse event and validation failure, then renders it as Teams would. */
export function checkCard(json: object): CardCheck {
  const card = new AC.AdaptiveCard();
  card.hostConfig = TEAMS_HOST_CONFIG;
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push(`parse: ${e.message}`);
  }
  const validation = card.validateProperties();
  for (const e of validation.validationEvents) errors.push(`validate: ${e.message}`);
  const el = card.render();
  return { errors, html: el?.outerHTML };
}

/**
 * Presses a top-level button as a person would in a client built on the official renderer: the
 * renderer first checks the inputs the button sends (required fields), and sends nothing when one
 * fails. Returns whether the press reached the bot, and with which data.
 */
export function pressButton(json: object, title: string): { sent: boolean; data?: unknown } {
  const card = new AC.AdaptiveCard();
  card.hostConfig = TEAMS_HOST_CONFIG;
  card.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
  card.render();
  let sent: unknown;
  card.onExecuteAction = (a) => {
    sent = (a as unknown as { data?: unknown }).data ?? {};
  };
  for (let i = 0; i < card.getActionCount(); i++) {
    const action = card.getActionAt(i);
    if (action?.title === title) {
      action.execute();
      return { sent: sent !== undefined, data: sent };
    }
  }
  throw new Error(`no button "${title}" on the card`);
}
