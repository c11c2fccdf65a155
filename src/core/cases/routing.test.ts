import { describe, expect, it } from 'vitest';
import { routeReport, type CompetentDesk } from './routing.ts';

const desk = (id: string, name: string, member = true): CompetentDesk => ({
  helpDeskId: id,
  organisationId: `org-${id}`,
  name,
  organisationIsMember: member,
});

describe('routing a report', () => {
  it('goes to the central queue when no desk is competent', () => {
    expect(routeReport([], 'lead')).toEqual({ kind: 'central', organisationId: 'lead' });
    expect(routeReport([], null)).toEqual({ kind: 'central', organisationId: null });
  });

  it('goes to the only competent desk', () => {
    expect(routeReport([desk('a', 'Pisa')], 'lead')).toEqual({
      kind: 'help_desk',
      helpDeskId: 'a',
      organisationId: 'org-a',
    });
  });

  it('prefers a network member, then the first by name, then by id: a stable choice', () => {
    const desks = [desk('c', 'Zeta'), desk('b', 'Alfa', false), desk('a', 'Beta')];
    expect(routeReport(desks, 'lead')).toMatchObject({ helpDeskId: 'a' });
    expect(routeReport(desks.toReversed(), 'lead')).toMatchObject({ helpDeskId: 'a' });
    const twins = [desk('y', 'Stesso'), desk('x', 'Stesso')];
    expect(routeReport(twins, null)).toMatchObject({ helpDeskId: 'x' });
  });

  it('still prefers a competent non-member desk to the central queue', () => {
    expect(routeReport([desk('b', 'Alfa', false)], 'lead')).toMatchObject({
      kind: 'help_desk',
      helpDeskId: 'b',
    });
  });
});
