import { hasAnyRole, refusal, effectiveRoles } from '../../bot/core/roles';
import { matchCommand, normaliseCommandText } from '../../bot/core/command-registry';
import { cleanCardData } from '../../bot/core/verb-registry';
import { explainInvalid } from '../../bot/core/invalid';
import type { CommandDef } from '../../bot/core/contract';
import type { Role } from '../../content/schema/partnership';
import { z } from 'zod';

describe('role checks', () => {
  const table: [Role[], Role[] | undefined, boolean][] = [
    [[], undefined, true],
    [[], [], true],
    [[], ['practitioner'], true],
    [[], ['businessUnit'], false],
    [['dsp'], ['businessUnit', 'chair'], false],
    [['chair'], ['businessUnit', 'chair'], true],
    [['businessUnit'], ['businessUnit'], true],
    [['lsp', 'dsp'], ['dsp'], true],
  ];
  it.each(table)('roles %j against %j → %s', (mine, allowed, expected) => {
    expect(hasAnyRole(mine, allowed)).toBe(expected);
  });

  it('treats everyone as a practitioner', () => {
    expect(effectiveRoles([])).toEqual(['practitioner']);
    expect(effectiveRoles(['chair'])).toEqual(['chair', 'practitioner']);
  });

  it('names who may act in the refusal', () => {
    expect(refusal(['businessUnit'])).toMatch(/only the business unit can do that\. Nothing has been changed/);
    expect(refusal(['businessUnit', 'chair'])).toMatch(/business unit or chair/);
  });
});

describe('command matching', () => {
  const cmd = (name: string, patterns: RegExp[], scopes?: CommandDef['scopes']): CommandDef => ({
    feature: 'help', name, description: name, patterns, scopes, run: async () => undefined,
  });
  const commands = [
    cmd('my actions', [/^my actions$/i]),
    cmd('grant', [/^grant (?<role>\w+) to (?<who>.+)$/i]),
    cmd('channel only', [/^use this channel$/i], ['channel']),
  ];
  const table: [string, string | undefined, Record<string, string> | null][] = [
    ['my actions', 'my actions', {}],
    ['  My   Actions!  ', 'my actions', {}],
    ['my actions please', undefined, null],
    ['grant chair to Jo Bloggs', 'grant', { role: 'chair', who: 'Jo Bloggs' }],
    ['use this channel', undefined, null],
    ['', undefined, null],
  ];
  it.each(table)('%j → %s', (text, expected, args) => {
    const m = matchCommand(commands, text, { kind: 'personal' });
    expect(m?.command.name).toBe(expected);
    if (args) expect(m?.args).toEqual(args);
  });
  it('respects scopes', () => {
    expect(matchCommand(commands, 'use this channel', { kind: 'channel' })?.command.name).toBe('channel only');
  });
  it('normalises curly quotes and trailing punctuation', () => {
    expect(normaliseCommandText('what\u2019s  this?')).toBe("what's this");
  });
});

describe('card data hygiene', () => {
  it('drops prototype-pollution keys and routing fields', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "verb": "x", "msteams": {}, "ok": 2}');
    const clean = cleanCardData(raw);
    expect(Object.keys(clean)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(clean)).toBeNull();
  });
  it.each([[null], [undefined], ['text'], [[1, 2]], [42]])('treats %j as no data', (v) => {
    expect(Object.keys(cleanCardData(v))).toEqual([]);
  });
  it('names the field by its label in validation messages, never by its key', () => {
    const r = z.object({ dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-12-31') }).safeParse({ dueDate: 'soon' });
    expect(r.success).toBe(false);
    if (!r.success) expect(explainInvalid(r.error, { dueDate: 'Due date' }).message).toBe('Due date: Use a date like 2026-12-31.');
    if (!r.success) expect(explainInvalid(r.error).message).toBe('Please check the form. Use a date like 2026-12-31.');
  });
});
