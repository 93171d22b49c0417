import { DialogTestClient } from 'botbuilder-testing';
import cases from './testData/levels-dialog.json';
import { LevelsOfNeedDialog } from '../../dialogs/queries/levels-of-need-dialog';
import { suggestLevel } from '../../bot/queries/level-suggestion';
import { defaultContentPack } from '../../content/load';

const content = defaultContentPack();

describe('"help me decide" levels-of-need dialog', () => {
  it.each((cases as { name: string; answers: string[]; expect: string }[]).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const client = new DialogTestClient('msteams', new LevelsOfNeedDialog(() => content));
    let reply = await client.sendActivity('help me decide');
    expect(reply.text).toMatch(/consult the front door \(ChECS\) if unsure/);
    reply = client.getNextReply();
    expect(reply.text).toMatch(/^1 of 4: /);
    for (const [i, answer] of c.answers.entries()) {
      reply = await client.sendActivity(answer);
      if (i < c.answers.length - 1) expect(reply.text).toMatch(new RegExp(`^${i + 2} of 4: `));
    }
    expect(reply.text).toContain(c.expect);
    if (!/999/.test(c.expect)) expect(reply.text).toMatch(/suggestion, not a decision: consult the front door \(ChECS\) if unsure/);
    expect(client.dialogTurnResult.status).toBe('complete');
  });

  it('asks again when the answer is not yes or no', async () => {
    const client = new DialogTestClient('msteams', new LevelsOfNeedDialog(() => content));
    await client.sendActivity('start');
    expect(client.getNextReply().text).toMatch(/^1 of 4/);
    const reply = await client.sendActivity('maybe');
    expect(reply.text).toMatch(/Please answer Yes or No/);
  });

  it.each([
    [{ immediateDanger: true, significantHarm: true, multipleNeeds: true, extraSupport: true }, { kind: 'emergency' }],
    [{ immediateDanger: false, significantHarm: true, multipleNeeds: false, extraSupport: false }, { kind: 'level', band: 'statutory' }],
    [{ immediateDanger: false, significantHarm: false, multipleNeeds: true, extraSupport: true }, { kind: 'level', band: 'multi-agency' }],
    [{ immediateDanger: false, significantHarm: false, multipleNeeds: false, extraSupport: true }, { kind: 'level', band: 'additional' }],
    [{ immediateDanger: false, significantHarm: false, multipleNeeds: false, extraSupport: false }, { kind: 'level', band: 'universal' }],
  ])('suggestLevel(%j) = %j', (answers, expected) => {
    expect(suggestLevel(answers)).toEqual(expected);
  });
});
