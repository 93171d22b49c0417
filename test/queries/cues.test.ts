import { cues } from '../../bot/queries/cues';
import { modelTerms } from '../../bot/queries/normalise';

describe('situation cues', () => {
  it.each([
    ['A pupil said his dad hit his mum last night', ['cue:adult-harmed']],
    ['A lad said his mum\'s boyfriend hits him with a belt', ['cue:child-harmed']],
    ['Her stepdad is waiting outside the school right now', ['cue:now']],
    ['Dad said he will kill her when she gets home', ['cue:threat']],
    ['Children are regularly left alone in the evenings', ['cue:pattern', 'cue:alone']],
    ['The assistant coach messages a player late at night', ['cue:works-with-children']],
    ['A girl is picked up by older men who give her money', ['cue:older-adult', 'cue:money-gifts']],
    ['how do I book a meeting room', ['cue:question-how']],
  ])('%j shows %j', (text, expected) => {
    expect(cues(text)).toEqual(expect.arrayContaining(expected));
  });

  it('shows none for a plain request', () => {
    expect(cues('the printer on the second floor is jammed')).toEqual([]);
  });
});

describe('classifier words', () => {
  it('keep small words and mothers and fathers apart, which the lexical words fold away', () => {
    expect(modelTerms("Dad hit mum right now")).toEqual(['father', 'hit', 'mother', 'right', 'now']);
    expect(modelTerms('dad hit him')).toEqual(['father', 'hit', 'him']);
  });
});
