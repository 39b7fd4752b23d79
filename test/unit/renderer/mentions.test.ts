import { describe, expect, it } from 'vitest';

import { splitMentions } from '../../../renderer/src/features/document/mentions';

const marked = (passage: string, name?: string) =>
  splitMentions(passage, name)
    .filter((p) => p.mention)
    .map((p) => p.text);

describe('splitMentions', () => {
  it('marks every whole-word mention of the entity, whatever its case or line breaks', () => {
    expect(marked('Call me Ishmael. Then MOBY\nDICK rose; moby dick again.', 'moby dick')).toEqual(['MOBY\nDICK', 'moby dick']);
  });
  it('never marks a name inside a longer word', () => {
    expect(marked('the ahabian mood of Ahab', 'ahab')).toEqual(['Ahab']);
    expect(marked('éléphant and élan', 'élan')).toEqual(['élan']);
  });
  it('keeps the whole passage, in order, whether or not the name occurs', () => {
    const text = 'A (strange) name: C++ [sic] and c++.';
    expect(
      splitMentions(text, 'c++')
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
    expect(marked(text, 'c++')).toEqual(['C++', 'c++']);
    expect(splitMentions('nothing here', 'whale')).toEqual([{ text: 'nothing here', mention: false }]);
    expect(splitMentions('nothing here', undefined)).toEqual([{ text: 'nothing here', mention: false }]);
  });
});
