import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { networkRoles, organisationKinds } from '../api/organisations.ts';
import type { OrganisationFilters } from '../api/organisations.ts';
import { SelectField } from '../common/SelectField.tsx';
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
        <SelectField
          id="network-kind"
          className="col-md-4 mb-3"
          label={t('bo.network.field.kind')}
          value={draft.kind ?? ''}
          onChange={(value) => set('kind', value)}
          placeholder={any}
          options={organisationKinds.map((kind) => ({
            value: kind,
            label: label('bo.network.kind', kind),
          }))}
        />
        <SelectField
          id="network-member"
          className="col-md-4 mb-3"
          label={t('bo.network.filter.member')}
          value={draft.member ?? ''}
          onChange={(value) => set('member', value)}
          placeholder={any}
          options={onList ? yesNo : yesNo.filter((option) => option.value === 'yes')}
        />
        <SelectField
          id="network-role"
          className="col-md-4 mb-3"
          label={t('bo.network.field.networkRole')}
          value={draft.role ?? ''}
          onChange={(value) => set('role', value)}
          placeholder={any}
          options={networkRoles.map((role) => ({
            value: role,
            label: label('bo.network.role', role),
          }))}
        />
        <SelectField
          id="network-unar"
          className="col-md-4 mb-3"
          label={t('bo.network.filter.unar')}
          value={draft.unar ?? ''}
          onChange={(value) => set('unar', value)}
          placeholder={any}
          options={yesNo}
        />
        {onList && (
          <SelectField
            id="network-status"
            className="col-md-4 mb-3"
            label={t('bo.network.field.status')}
            value={draft.status ?? ''}
            onChange={(value) => set('status', value)}
            placeholder={any}
            options={['active', 'inactive'].map((status) => ({
              value: status,
              label: t(`bo.network.status.${status}`),
            }))}
          />
        )}
      </div>
      <Button type="submit" color="primary">
        {t('bo.network.filter.submit')}
      </Button>
    </form>
  );
}
