import { checkChildIdentifying, isValidNhsNumber, describeKinds, type Kind } from '../../bot/shared/privacy/child-identifying';
import { guardedText } from '../../bot/shared/privacy/purpose';

// Every positive below is synthetic: invented numbers (with or without a valid check digit as the
// row needs), made-up streets and example.org addresses.
const positives: [string, Kind[]][] = [
  // dates of birth: a date with birth context
  ['DOB 03/04/2015', ['dob']],
  ['dob: 3.4.15', ['dob']],
  ['D.O.B. 2015-04-03', ['dob']],
  ['born on 3 April 2015', ['dob']],
  ['She was born 3rd Apr 2015 and moved schools', ['dob']],
  ['date of birth 12/11/2012', ['dob']],
  ['birthday is 1 January 2019', ['dob']],
  ['child b. 05/06/2017', ['dob']],
  ['03/04/2015 (DOB)', ['dob']],
  ['Born: April 3, 2015', ['dob']],
  ['Date of Birth - 2016-02-29', ['dob']],
  // NHS numbers with a valid modulus-11 check digit
  ['NHS no 943 476 5919', ['nhs_number']],
  ['9434765919', ['nhs_number']],
  ['ref 401-023-2137 for the referral', ['nhs_number']],
  ['nhs 1234567881', ['nhs_number']],
  ['the number is 450 557 7104', ['nhs_number']],
  ['640 883 1028 on the form', ['nhs_number']],
  // postcodes
  ['lives near CW1 2BJ', ['postcode']],
  ['sk10 1ab', ['postcode']],
  ['M1 1AE', ['postcode']],
  ['moved to CW111HZ last week', ['postcode']],
  ['EC1A 1BB', ['postcode']],
  ['W1A 0AX', ['postcode']],
  // street addresses
  ['lives at 12 Acacia Avenue', ['address']],
  ['14 Mill Lane', ['address']],
  ['3b Church Street with grandparents', ['address']],
  ['Flat 4, the old school', ['address']],
  ['221 baker street', ['address']],
  ['27 Old Park Road', ['address']],
  ['9 Station Rd', ['address']],
  ['apartment 12 in the new block', ['address']],
  // phone numbers
  ['call mum on 07700 900123', ['phone']],
  ['07700900123', ['phone']],
  ['+44 7700 900123', ['phone']],
  ['0161 496 0000', ['phone']],
  ['(01270) 555012', ['phone']],
  ['tel 020 7946 0018', ['phone']],
  ['0044 1625 555010', ['phone']],
  ['0300 123 4567', ['phone']],
  // e-mail addresses
  ['email jo.parent@example.org about it', ['email']],
  ['family.contact+school@example.co.uk', ['email']],
  // several at once
  ['DOB 03/04/2015, lives at 12 Acacia Avenue CW1 2BJ', ['dob', 'postcode', 'address']],
  ['NHS 943 476 5919, mum 07700 900123, jo@example.org', ['nhs_number', 'phone', 'email']],
];

const negatives: string[] = [
  'LCSPR-2025-01/R3',
  'MACA-2026-014',
  'FD-2025-11-03',
  'RR-2024-07 recommendation 2',
  'Meeting on 12/03/2026 at 10:00',
  'Review due by 3 April 2027',
  'Deadline 2026-12-31',
  'Working Together 2023',
  'Section 11 self-assessment',
  'Section 175 audit for schools',
  '7-minute briefing on neglect',
  'the 0-19 service',
  'KCSIE 2024 update',
  '45% of agencies attended',
  'Budget of £43,146 from the ICB',
  'We met on 3.4.15 to agree the plan',
  'Paper for the board on 5 November 2026',
  'Training attended by 1,234 practitioners',
  'GCP2 screening tool used',
  'Within 5 working days notify the national panel',
  'Call 999 if a child is in immediate danger',
  'The escalation policy has 4 stages',
  '1234567890',
  '943 476 5918',
  'score 123 456 7890 on the scale',
  'Quarter 3 2026/27 figures',
  'CW1',
  'postcode district CW',
  'Contact the front door, ChECS',
  'We agreed 12 actions in the neglect strategy',
  'The board meets every 6 weeks',
  'Plan reviewed on 14 Feb 2026 by the chair',
  'Learning from 3 rapid reviews and 2 LCSPRs',
  'Agenda item 3: MAQAG report',
  'The QA officer reviewed 20 cases',
  'Version 1.5 of the card',
  'Phase 2 starts in 2027',
  'Outstanding, good, requires improvement, inadequate',
  'Nothing identifying here at all',
  '',
];

describe('child-identifying guard', () => {
  it.each(positives)('flags %j as %j', (text, kinds) => {
    const r = checkChildIdentifying(text);
    expect(r.flagged).toBe(true);
    expect(r.kinds).toEqual(kinds);
    expect(r.message).toContain(describeKinds(kinds));
    expect(r.message).toMatch(/not case records/);
  });

  it.each(negatives.map((n) => [n]))('does not flag %j', (text) => {
    expect(checkChildIdentifying(text)).toEqual({ flagged: false, kinds: [] });
  });

  it.each([
    ['9434765919', true],
    ['9434765918', false],
    ['4010232137', true],
    ['1234567890', false],
    ['123456789', false],
  ])('NHS check digit of %s valid: %s', (digits, ok) => {
    expect(isValidNhsNumber(digits)).toBe(ok);
  });

  it('gives zod schemas the same refusal', () => {
    const schema = guardedText(200, 'narrative');
    const r = schema.safeParse('Lives at 12 Acacia Avenue');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].message).toMatch(/street address/);
    expect(schema.safeParse('Shared the learning at the team meeting').success).toBe(true);
    expect(schema.safeParse('   ').success).toBe(false);
    expect(guardedText(200, 'narrative', { required: false }).safeParse('').success).toBe(true);
    expect(schema.safeParse('x'.repeat(201)).success).toBe(false);
  });

  it('checks the length before the guard runs, so an over-long field costs one comparison', () => {
    const r = guardedText(200, 'narrative').safeParse('a.'.repeat(50_000));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues).toHaveLength(1);
  });
});
