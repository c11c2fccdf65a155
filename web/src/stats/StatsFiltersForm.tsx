import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { dimensions } from '../api/stats.ts';
import type { StatsQuery } from '../api/stats.ts';
import { SelectField } from '../common/SelectField.tsx';
import { TextField } from '../common/TextField.tsx';
import { useT } from '../i18n/useT.ts';
import { facetOptions, useTaxonomy, useTaxonomyLabel } from '../cases/taxonomy.ts';

interface Props {
  query: StatsQuery;
  onSearch: (query: StatsQuery) => void;
}

/**
 * What to count and by what: rows (one or two dimensions), columns, population, period, and
 * the ground and area the reports must have.
 */
export function StatsFiltersForm({ query, onSearch }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<StatsQuery>(query);
  useEffect(() => setDraft(query), [query]);
  const set = (key: keyof StatsQuery) => (value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(draft);
  }
  const { taxonomy } = useTaxonomy();
  const label = useTaxonomyLabel(taxonomy);
  const options = dimensions.map((dimension) => ({
    value: dimension,
    label: t(`stats.dimension.${dimension}`),
  }));
  return (
    <form onSubmit={submit} className="row mb-4" aria-label={t('bo.stats.form')}>
      <SelectField
        id="stats-rows"
        className="col-md-4 mb-3"
        label={t('bo.stats.rows')}
        value={draft.rows || 'ground'}
        onChange={set('rows')}
        options={options}
      />
      <SelectField
        id="stats-rows2"
        className="col-md-4 mb-3"
        label={t('bo.stats.rows2')}
        value={draft.rows2}
        onChange={set('rows2')}
        placeholder={t('bo.stats.none')}
        options={options}
      />
      <SelectField
        id="stats-columns"
        className="col-md-4 mb-3"
        label={t('bo.stats.columns')}
        value={draft.columns}
        onChange={set('columns')}
        placeholder={t('bo.stats.none')}
        options={options}
      />
      <SelectField
        id="stats-population"
        className="col-md-4 mb-3"
        label={t('bo.stats.population')}
        value={draft.population || 'reports'}
        onChange={set('population')}
        options={[
          { value: 'reports', label: t('bo.stats.population.reports') },
          { value: 'cases', label: t('bo.stats.population.cases') },
        ]}
      />
      <TextField
        id="stats-from"
        className="col-md-4 mb-3"
        type="month"
        label={t('bo.stats.from')}
        value={draft.from}
        onChange={set('from')}
      />
      <TextField
        id="stats-to"
        className="col-md-4 mb-3"
        type="month"
        label={t('bo.stats.to')}
        value={draft.to}
        onChange={set('to')}
      />
      <SelectField
        id="stats-ground"
        className="col-md-4 mb-3"
        label={t('bo.stats.ground')}
        value={draft.ground}
        onChange={set('ground')}
        placeholder={t('bo.stats.all')}
        options={facetOptions(taxonomy, 'ground', label)}
      />
      <SelectField
        id="stats-domain"
        className="col-md-4 mb-3"
        label={t('bo.stats.domain')}
        value={draft.domain}
        onChange={set('domain')}
        placeholder={t('bo.stats.all')}
        options={facetOptions(taxonomy, 'domain', label)}
      />
      <div className="col-12">
        <Button color="primary" type="submit">
          {t('bo.stats.show')}
        </Button>
      </div>
    </form>
  );
}
