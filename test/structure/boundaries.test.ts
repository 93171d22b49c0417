import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The structure rules of docs/architecture.md, checked on every run: only the edge (bot/edge/) and
 * dialogs/ know the Bot Framework SDK, and no module outside the edge keeps mutable state at module
 * level (two bots in one process share nothing). Import cycles are checked by `npm run check:cycles`.
 */
const ROOT = join(__dirname, '..', '..');
const PRODUCT = ['bot', 'storage', 'cards', 'content', 'dialogs'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|cjs|js)$/.test(name) ? [path] : [];
  });
}

const productFiles = PRODUCT.flatMap((d) => files(join(ROOT, d))).map((p) => relative(ROOT, p));
const SDK = /(?:from\s+|require\(\s*|import\(\s*)['"](botbuilder[^'"]*|botframework-[^'"]*)['"]/;

describe('the SDK stays at the edge', () => {
  const outside = productFiles.filter((f) => !f.startsWith('bot/edge/') && !f.startsWith('dialogs/'));

  it('has files on both sides to check', () => {
    expect(outside.length).toBeGreaterThan(100);
    expect(productFiles.filter((f) => f.startsWith('bot/edge/')).length).toBeGreaterThan(5);
  });

  it('no file outside bot/edge/ and dialogs/ imports botbuilder or botframework-*', () => {
    const offenders = outside.filter((f) => SDK.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('features do not import dialogs/ (the edge wires dialogs in)', () => {
    const offenders = outside.filter((f) => f.startsWith('bot/') && /from\s+['"][./]+dialogs\//.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the checker itself would catch an SDK import', () => {
    expect(SDK.test("import { TurnContext } from 'botbuilder';")).toBe(true);
    expect(SDK.test("const x = require('botframework-connector');")).toBe(true);
    expect(SDK.test("import type { Dialog } from 'botbuilder-dialogs';")).toBe(true);
    expect(SDK.test("import { z } from 'zod';")).toBe(false);
  });
});

/**
 * Module-level mutable state: a top-level `let`/`var`, or a top-level Map/Set/WeakMap/WeakSet that is
 * not typed read-only. The allowed memo caches are pure functions of files or libraries that ship
 * with the code, so nothing in them can differ between two bots.
 */
const ALLOWED_MEMOS: Record<string, string> = {
  'cards/expand.ts:PARSED_TEMPLATES': 'parsed card templates, from files that ship with the code',
  'bot/shared/time/working-days.ts:HOLIDAYS_BY_YEAR': 'bank holidays per year, from the date-holidays library',
};

function moduleState(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    const isConst = (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const d of stmt.declarationList.declarations) {
      const name = d.name.getText(sf);
      if (!isConst) {
        found.push(`${file}:${name}`);
        continue;
      }
      const init = d.initializer;
      const readonlyType = d.type && /^Readonly(Map|Set)\b/.test(d.type.getText(sf));
      if (init && ts.isNewExpression(init) && /^(Map|Set|WeakMap|WeakSet)$/.test(init.expression.getText(sf)) && !readonlyType) found.push(`${file}:${name}`);
    }
  }
  return found;
}

describe('no module-level mutable state outside the edge', () => {
  const checked = productFiles.filter((f) => f.endsWith('.ts') && !f.startsWith('bot/edge/'));
  const state = checked.flatMap((f) => moduleState(f, readFileSync(join(ROOT, f), 'utf8')));

  it('finds only the documented memo caches', () => {
    expect(state.sort()).toEqual(Object.keys(ALLOWED_MEMOS).sort());
  });

  it.each([
    ['let counter = 0;', ['x.ts:counter']],
    ['const cache = new WeakMap<object, number>();', ['x.ts:cache']],
    ['const seen = new Set<string>();', ['x.ts:seen']],
    ['const KEYS: ReadonlySet<string> = new Set(["a"]);', []],
    ['const LIMIT = 5;', []],
    ['export function f() { let inside = 1; return inside; }', []],
  ])('the checker reads %s as %j', (source, expected) => {
    expect(moduleState('x.ts', source)).toEqual(expected);
  });
});
