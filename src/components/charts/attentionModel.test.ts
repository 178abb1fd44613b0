import { describe, expect, it } from 'vitest';
import { attentionCaption, strongestKey } from './attentionModel';

describe('attention caption', () => {
  it('finds the key the last query attends to most', () => {
    expect(strongestKey([1, 0, 0.2, 0.8], 2, 2)).toEqual({ key: 1, weight: 0.8 });
    expect(strongestKey([], 1, 0)).toBeNull();
  });

  it('names the shape and each head strongest key, or says there is nothing to show', () => {
    const heads = [{ weights: [1, 0, 0.3, 0.7] }, { label: 'syntax', weights: [1, 0, 0.9, 0.1] }];
    expect(attentionCaption('Two heads.', heads, ['a', 'b'], ['a', 'b'])).toBe(
      'Two heads. 2 heads, 2 queries × 2 keys. head 1: “b” attends most to “b” (0.7); syntax: “b” attends most to “a” (0.9).',
    );
    expect(attentionCaption(undefined, [], ['a'], ['a'])).toBe('No attention weights to show.');
  });
});
