import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from './colour-contrast.ts';
import {
  networkCategories,
  networkFills,
  sequentialFills,
  sequentialFillsFor,
} from './palettes.ts';

const white = '#ffffff';

describe('contrastRatio', () => {
  it('follows WCAG 2: 21 for black on white, 1 for a colour on itself, in either order', () => {
    expect(contrastRatio('#000000', white)).toBeCloseTo(21, 5);
    expect(contrastRatio('#0066cc', '#0066CC')).toBe(1);
    expect(contrastRatio(white, '#767676')).toBeCloseTo(contrastRatio('#767676', white), 10);
    expect(contrastRatio('#767676', white)).toBeGreaterThanOrEqual(4.5);
    expect(() => relativeLuminance('red')).toThrow(/#rrggbb/);
  });
});

describe('network palette', () => {
  it('sets network members and help desks 3:1 apart from white, from non-members and from each other', () => {
    const { helpDesk, member, notMember } = networkFills;
    for (const inNetwork of [helpDesk, member]) {
      expect(contrastRatio(inNetwork, white)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(inNetwork, notMember)).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio(helpDesk, member)).toBeGreaterThanOrEqual(3);
  });

  it('labels the categories in the language given', () => {
    const categories = networkCategories({
      'help-desk': 'Sportello',
      member: 'Comune della rete',
      'not-member': 'Non aderente',
    });
    expect(categories.map(({ key, label }) => [key, label])).toEqual([
      ['help-desk', 'Sportello'],
      ['member', 'Comune della rete'],
      ['not-member', 'Non aderente'],
    ]);
  });
});

describe('sequential palette', () => {
  it('darkens from class to class, so it also reads in greyscale', () => {
    const luminances = sequentialFills.map(relativeLuminance);
    luminances.slice(1).forEach((luminance, index) => {
      expect(luminance).toBeLessThan(luminances[index]!);
    });
  });

  it('spreads fewer classes over the whole scale', () => {
    expect(sequentialFillsFor(0)).toEqual([]);
    expect(sequentialFillsFor(1)).toEqual([sequentialFills[0]]);
    expect(sequentialFillsFor(2)).toEqual([sequentialFills[0], sequentialFills[4]]);
    expect(sequentialFillsFor(3)).toEqual([
      sequentialFills[0],
      sequentialFills[2],
      sequentialFills[4],
    ]);
    expect(sequentialFillsFor(5)).toEqual([...sequentialFills]);
    expect(() => sequentialFillsFor(6)).toThrow(/at most 5/);
  });
});
