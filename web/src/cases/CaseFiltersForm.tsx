import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { caseStatuses } from '../../../src/core/cases/workflow.ts';
import type { Taxonomy } from '../api/cases.ts';
import type { caseFilterKeys } from '../api/cases.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { SelectFilters } from '../common/SelectFilter.tsx';
import type { SelectFilterSpec } from '../common/SelectFilter.tsx';
import { TextField } from '../common/TextField.tsx';
import { useT } from '../i18n/useT.ts';
import { CheckboxGroup } from '../network/CheckboxGroup.tsx';
import { facetTree, useTaxonomyLabel } from './taxonomy.ts';
import { teamOrganisations, useColleagues, useHelpDesks } from './useCaseTeams.ts';

export type QueueFilters = Record<(typeof caseFilterKeys)[number], string>;

interface Props {
  filters: QueueFilters;
  taxonomy: Taxonomy | null;
  onSearch: (filters: QueueFilters) => void;
}

/** A facet's codes with the sub-codes indented under their parent. */
function codeOptions(
  taxonomy: Taxonomy | null,
  facet: string,
  label: (f: string, c: string) => string,
) {
  return facetTree(taxonomy, facet).flatMap(({ entry, children }) => [
    { value: entry.code, label: label(facet, entry.code) },
    ...children.map((child) => ({ value: child.code, label: `— ${label(facet, child.code)}` })),
  ]);
}

export function CaseFiltersForm({ filters, taxonomy, onSearch }: Props) {
  const t = useT();
  const user = useSignedInUser();
  const label = useTaxonomyLabel(taxonomy);
  const organisations = teamOrganisations(user);
  const desks = useHelpDesks(organisations.map((organisation) => organisation.id));
  const colleagues = useColleagues(user, organisations[0]?.id ?? null);
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);

  function set(key: keyof QueueFilters, value: string) {
    setDraft((previous) => ({ ...previous, [key]: value }));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(draft);
  }
  const any = t('bo.cases.filter.any');
  const people = [
    ...(user ? [{ value: user.id, label: t('bo.cases.filter.assigneeMe') }] : []),
    ...colleagues
      .filter((person) => person.id !== user?.id)
      .map((person) => ({ value: person.id, label: person.displayName })),
  ];
  const selects: SelectFilterSpec<keyof QueueFilters>[] = [
    {
      name: 'ground',
      id: 'case-filter-ground',
      label: t('bo.cases.filter.ground'),
      options: codeOptions(taxonomy, 'ground', label),
    },
    {
      name: 'domain',
      id: 'case-filter-domain',
      label: t('bo.cases.filter.domain'),
      options: codeOptions(taxonomy, 'domain', label),
    },
    {
      name: 'helpDeskId',
      id: 'case-filter-desk',
      label: t('bo.cases.filter.helpDesk'),
      options: desks.map((desk) => ({ value: desk.id, label: desk.name })),
    },
    {
      name: 'assigneeId',
      id: 'case-filter-assignee',
      label: t('bo.cases.filter.assignee'),
      options: people,
    },
  ];
  return (
    <form role="search" aria-label={t('bo.cases.filter.label')} onSubmit={submit} className="mb-4">
      <TextField
        id="case-filter-q"
        type="search"
        label={t('bo.cases.filter.q')}
        hint={t('bo.cases.filter.qHint')}
        value={draft.q}
        onChange={(value) => set('q', value)}
      />
      <CheckboxGroup
        id="case-filter-status"
        legend={t('bo.cases.filter.status')}
        options={caseStatuses.map((status) => ({
          value: status,
          label: t(`bo.cases.status.${status}`),
        }))}
        selected={draft.status ? draft.status.split(',') : []}
        onChange={(selected) => set('status', selected.join(','))}
      />
      <div className="row">
        <SelectFilters
          specs={selects}
          draft={draft}
          onChange={set}
          any={any}
          className="col-md-6 mb-3"
        />
        <TextField
          id="case-filter-from"
          type="date"
          className="col-md-6"
          label={t('bo.cases.filter.receivedFrom')}
          value={draft.receivedFrom}
          onChange={(value) => set('receivedFrom', value)}
        />
        <TextField
          id="case-filter-to"
          type="date"
          className="col-md-6"
          label={t('bo.cases.filter.receivedTo')}
          value={draft.receivedTo}
          onChange={(value) => set('receivedTo', value)}
        />
      </div>
      <div className="form-check mb-3">
        <input
          id="case-filter-overdue"
          type="checkbox"
          checked={draft.overdue === 'true'}
          onChange={(event) => set('overdue', event.target.checked ? 'true' : '')}
        />
        <label htmlFor="case-filter-overdue">{t('bo.cases.filter.overdue')}</label>
      </div>
      <Button type="submit" color="primary">
        {t('bo.cases.filter.submit')}
      </Button>
    </form>
  );
}
