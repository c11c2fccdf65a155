import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { networkRoles, organisationKinds } from '../api/organisations.ts';
import type { OrganisationFilters } from '../api/organisations.ts';
import { SelectFilters } from '../common/SelectFilter.tsx';
import type { SelectFilterSpec } from '../common/SelectFilter.tsx';
import { TextField } from '../common/TextField.tsx';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from './labels.ts';

export const filterKeys = ['query', 'kind', 'member', 'role', 'unar', 'status'] as const;

interface Props {
  filters: OrganisationFilters;
  onSearch: (filters: OrganisationFilters) => void;
  /**
   * 'map' leaves out the text search and the choices that would leave the map blank: it shows
   * only active organisations, and members through their seats and territories.
   */
  variant?: 'list' | 'map';
}

export function NetworkFiltersForm({ filters, onSearch, variant = 'list' }: Props) {
  const onList = variant === 'list';
  const t = useT();
  const label = useCodeLabel();
  const [draft, setDraft] = useState<OrganisationFilters>(filters);
  useEffect(() => setDraft(filters), [filters]);

  function set(key: keyof OrganisationFilters, value: string) {
    setDraft((previous) => ({ ...previous, [key]: value }));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch({ ...draft, query: draft.query?.trim() ?? '' });
  }
  const yesNo = [
    { value: 'yes', label: t('bo.network.yes') },
    { value: 'no', label: t('bo.network.no') },
  ];
  const any = t('bo.network.filter.any');
  const selects: SelectFilterSpec<keyof OrganisationFilters>[] = [
    {
      name: 'kind',
      id: 'network-kind',
      label: t('bo.network.field.kind'),
      options: organisationKinds.map((kind) => ({
        value: kind,
        label: label('bo.network.kind', kind),
      })),
    },
    {
      name: 'member',
      id: 'network-member',
      label: t('bo.network.filter.member'),
      options: onList ? yesNo : yesNo.filter((option) => option.value === 'yes'),
    },
    {
      name: 'role',
      id: 'network-role',
      label: t('bo.network.field.networkRole'),
      options: networkRoles.map((role) => ({
        value: role,
        label: label('bo.network.role', role),
      })),
    },
    { name: 'unar', id: 'network-unar', label: t('bo.network.filter.unar'), options: yesNo },
    // The map shows active organisations only.
    ...(onList
      ? [
          {
            name: 'status' as const,
            id: 'network-status',
            label: t('bo.network.field.status'),
            options: ['active', 'inactive'].map((status) => ({
              value: status,
              label: t(`bo.network.status.${status}`),
            })),
          },
        ]
      : []),
  ];
  return (
    <form
      role="search"
      aria-label={t('bo.network.filter.label')}
      onSubmit={submit}
      className="mb-4"
    >
      {onList && (
        <TextField
          id="network-query"
          type="search"
          label={t('bo.network.filter.query')}
          value={draft.query ?? ''}
          onChange={(value) => set('query', value)}
        />
      )}
      <div className="row">
        <SelectFilters
          specs={selects}
          draft={draft}
          onChange={set}
          any={any}
          className="col-md-4 mb-3"
        />
      </div>
      <Button type="submit" color="primary">
        {t('bo.network.filter.submit')}
      </Button>
    </form>
  );
}
