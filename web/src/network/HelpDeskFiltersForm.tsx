import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { commonLanguages, helpDeskServices } from '../../../src/core/help-desk.ts';
import { SelectFilters } from '../common/SelectFilter.tsx';
import type { SelectFilterSpec } from '../common/SelectFilter.tsx';
import { TextField } from '../common/TextField.tsx';
import { useT } from '../i18n/useT.ts';
import { useOrganisations } from '../users/useOrganisations.ts';
import { useCodeLabel } from './labels.ts';
import { MunicipalityPicker } from './MunicipalityPicker.tsx';

/** The list's filters as kept in the address; `municipalityName` only labels the choice. */
export const helpDeskListKeys = [
  'query',
  'organisationId',
  'municipality',
  'municipalityName',
  'service',
  'language',
  'status',
] as const;
export type HelpDeskListFilters = Record<(typeof helpDeskListKeys)[number], string>;

interface Props {
  filters: HelpDeskListFilters;
  onSearch: (filters: HelpDeskListFilters) => void;
}

export function HelpDeskFiltersForm({ filters, onSearch }: Props) {
  const t = useT();
  const label = useCodeLabel();
  const { organisations } = useOrganisations();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);

  function set(key: keyof HelpDeskListFilters, value: string) {
    setDraft((previous) => ({ ...previous, [key]: value }));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(draft);
  }
  const any = t('bo.network.filter.any');
  const codes = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: label(prefix, value) }));
  const municipality = draft.municipality
    ? [
        {
          code: draft.municipality,
          name: draft.municipalityName || draft.municipality,
          provinceAcronym: '',
        },
      ]
    : [];
  const selects: SelectFilterSpec<keyof HelpDeskListFilters>[] = [
    {
      name: 'organisationId',
      id: 'desk-filter-organisation',
      label: t('bo.network.helpDeskList.organisation'),
      options: organisations.map((organisation) => ({
        value: organisation.id,
        label: organisation.name,
      })),
    },
    {
      name: 'status',
      id: 'desk-filter-status',
      label: t('bo.network.field.status'),
      options: codes('bo.network.status', ['active', 'inactive']),
    },
    {
      name: 'service',
      id: 'desk-filter-service',
      label: t('bo.network.helpDeskList.service'),
      options: codes('network.service', helpDeskServices),
    },
    {
      name: 'language',
      id: 'desk-filter-language',
      label: t('bo.network.helpDeskList.language'),
      options: codes('network.language', commonLanguages),
    },
  ];
  return (
    <form
      role="search"
      aria-label={t('bo.network.helpDeskList.filters')}
      onSubmit={submit}
      className="mb-4"
    >
      <TextField
        id="desk-filter-query"
        type="search"
        label={t('bo.network.helpDeskList.query')}
        value={draft.query}
        onChange={(value) => set('query', value)}
      />
      <div className="row">
        <SelectFilters
          specs={selects}
          draft={draft}
          onChange={set}
          any={any}
          className="col-md-6 mb-3"
        />
      </div>
      <MunicipalityPicker
        id="desk-filter-municipality"
        legend={t('bo.network.helpDeskList.municipality')}
        single
        chosen={municipality}
        onChange={(chosen) => {
          const first = chosen[0];
          setDraft((previous) => ({
            ...previous,
            municipality: first?.code ?? '',
            municipalityName: first ? first.name : '',
          }));
        }}
      />
      <Button type="submit" color="primary">
        {t('bo.network.filter.submit')}
      </Button>
    </form>
  );
}
