import type { MapCategory } from './map-category.ts';

/**
 * Colours of the public network map. Each pair that sits side by side on the map differs by at
 * least 3:1 (WCAG 1.4.11, graphical objects): help desk and member against white, against
 * non-members and against each other. Help desks and members also differ in hue (orange and
 * blue stay apart for the common colour-vision deficiencies). Non-members are a light grey,
 * the map's background class, and are told apart from the page by their outlines.
 */
export const networkFills = {
  helpDesk: '#d95f02',
  member: '#17324d',
  notMember: '#e8ebef',
} as const;

export type NetworkCategoryKey = 'help-desk' | 'member' | 'not-member';

/** The network map's legend, with labels in the page's language. */
export function networkCategories(labels: Record<NetworkCategoryKey, string>): MapCategory[] {
  return [
    { key: 'help-desk', label: labels['help-desk'], fill: networkFills.helpDesk },
    { key: 'member', label: labels.member, fill: networkFills.member },
    { key: 'not-member', label: labels['not-member'], fill: networkFills.notMember },
  ];
}

/**
 * Five classes of a single-hue sequential scale, light (few) to dark (many): "Blues" from
 * ColorBrewer 2.0 (Cynthia Brewer, Pennsylvania State University, Apache-2.0), chosen for
 * staying readable in greyscale and for colour-vision deficiencies. Neighbouring classes cannot
 * all be 3:1 apart in five steps, which is one reason the page also shows the data as a table.
 */
export const sequentialFills = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

/**
 * Fills for fewer classes than five, spread over the scale so that they stay far apart: two
 * classes take the lightest and the darkest colour, one class the lightest.
 */
export function sequentialFillsFor(classCount: number): string[] {
  if (!Number.isInteger(classCount) || classCount < 0 || classCount > sequentialFills.length) {
    throw new Error(`The sequential palette has at most ${sequentialFills.length} classes`);
  }
  const last = sequentialFills.length - 1;
  return Array.from(
    { length: classCount },
    (_, index) =>
      sequentialFills[classCount === 1 ? 0 : Math.round((index * last) / (classCount - 1))]!,
  );
}

/**
 * Territories without a value (not reported, or suppressed by disclosure control) are white
 * hatched with grey lines: a plain white would read as the lightest class, and the hatching
 * says "no data" without relying on colour (WCAG 1.4.1).
 */
export const noDataFill = '#ffffff';
export const noDataHatch = '#8e9aa6';

/** Borders between territories: visible on every fill above, quiet on the light ones. */
export const borderStroke = '#8e9aa6';
