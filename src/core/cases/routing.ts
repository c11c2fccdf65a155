/**
 * Which queue a new report lands in. The desk competent for the municipality where it
 * happened (the network map's competences) takes it; when several are, the one whose
 * organisation is a current network member and then the first by name, so the choice is
 * stable; when none is, the network's central queue (the lead partner) takes it.
 */

export interface CompetentDesk {
  helpDeskId: string;
  organisationId: string;
  name: string;
  organisationIsMember: boolean;
}

export type Queue =
  | { kind: 'help_desk'; helpDeskId: string; organisationId: string }
  | { kind: 'central'; organisationId: string | null };

export function routeReport(
  competentDesks: readonly CompetentDesk[],
  centralOrganisationId: string | null,
): Queue {
  const ranked = [...competentDesks].sort(
    (a, b) =>
      Number(b.organisationIsMember) - Number(a.organisationIsMember) ||
      a.name.localeCompare(b.name, 'it') ||
      a.helpDeskId.localeCompare(b.helpDeskId),
  );
  const chosen = ranked[0];
  if (chosen) {
    return {
      kind: 'help_desk',
      helpDeskId: chosen.helpDeskId,
      organisationId: chosen.organisationId,
    };
  }
  return { kind: 'central', organisationId: centralOrganisationId };
}
