import { judgeText, judgeFields, type FieldPurpose } from '../../bot/shared/privacy/purpose';

/**
 * Issue 19, item 8: the guard decides by what a field is for, and asks rather than refuses when it
 * is unsure (the word NHS and ten digits that fail the check digit; a likely child's name).
 */
describe('judgeText by purpose', () => {
  it.each<[string, FieldPurpose, 'ok' | 'refuse' | 'ask']>([
    // A venue's postcode and address are what the field is for; in a narrative they are a child's record.
    ['Committee room, Westfields, Middlewich Road, Sandbach CW11 1HZ', 'venue', 'ok'],
    ['Committee room, Westfields, Middlewich Road, Sandbach CW11 1HZ', 'narrative', 'refuse'],
    ['Reception 01270 371 000', 'venue', 'ok'],
    ['DOB 01/02/2019', 'venue', 'refuse'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_4857773456@thread.v2/0?context=x', 'link', 'ok'],
    ['Sarah Jones, designated nurse', 'person', 'ok'],
    ['Sarah Jones 07700 900123', 'person', 'refuse'],
    // The word NHS and ten digits: a valid number is refused, an invalid one is asked about.
    ['NHS number 943 476 5919', 'narrative', 'refuse'],
    ['NHS 485 777 3456', 'narrative', 'ask'],
    ['NHS 485 777 3456', 'person', 'ask'],
    ['485 777 3456', 'narrative', 'ok'],
    // Likely children's names in narrative text; reviews' anonymised labels are fine.
    ['Met a boy called Jamie at the school gate', 'narrative', 'ask'],
    ['Jamie (7) was seen at home', 'narrative', 'ask'],
    ['Jamie, aged 7, was seen', 'narrative', 'ask'],
    ["Jamie's mum called the school", 'narrative', 'ask'],
    ['Child A was seen by the health visitor', 'narrative', 'ok'],
    ['Recommendation 3 from the LCSPR (2025)', 'narrative', 'ok'],
    ["CEC children's services", 'narrative', 'ok'],
    ['A boy called Jamie', 'person', 'ok'],
  ])('%j as %s → %s', (text, purpose, outcome) => expect(judgeText(text, purpose, { confirmed: false }).outcome).toBe(outcome));

  it('a confirmation turns an ask into ok, never a refusal', () => {
    expect(judgeText('NHS 485 777 3456', 'narrative', { confirmed: true }).outcome).toBe('ok');
    expect(judgeText('NHS number 943 476 5919', 'narrative', { confirmed: true }).outcome).toBe('refuse');
  });

  it('names the first field to change, preferring a refusal to a question', () => {
    const found = judgeFields([
      { label: 'Background', text: 'A boy called Jamie', purpose: 'narrative' },
      { label: 'Source', text: 'Seen at CW11 1HZ', purpose: 'narrative' },
    ], { confirmed: false });
    expect(found).toMatchObject({ label: 'Source', verdict: { outcome: 'refuse' } });
  });
});
