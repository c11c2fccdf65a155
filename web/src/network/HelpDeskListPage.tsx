import { Link } from 'react-router-dom';
import { searchHelpDesks } from '../api/help-desks.ts';
import { PageHeading } from '../common/PageHeading.tsx';
import { PagedResults } from '../common/PagedResults.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useUrlFilters } from '../common/useUrlFilters.ts';
import { useT } from '../i18n/useT.ts';
import { HelpDeskFiltersForm, helpDeskListKeys } from './HelpDeskFiltersForm.tsx';
import { HelpDesksTable } from './HelpDesksTable.tsx';

/** Every help desk of the network, filtered by what a coordinator looks for. */
export function HelpDeskListPage() {
  const t = useT();
  const [filters, key, setFilters] = useUrlFilters(helpDeskListKeys);
  const list = usePagedList(key, (cursor) => {
    // The municipality's name is kept in the address only to label the choice.
    const { municipalityName: _label, ...query } = filters;
    return searchHelpDesks(query, cursor);
  });
  const caption = key
    ? t('bo.network.helpDeskList.captionFiltered')
    : t('bo.network.helpDeskList.caption');
  return (
    <>
      <PageHeading title={t('bo.network.helpDeskList.title')} />
      <p>
        <Link to="/network">{t('bo.network.map.backToList')}</Link>
      </p>
      <HelpDeskFiltersForm filters={filters} onSearch={setFilters} />
      <PagedResults
        list={list}
        none={t('bo.network.helpDeskList.none')}
        count={(count) => t('bo.network.helpDeskList.count', { count })}
      >
        <HelpDesksTable desks={list.items} caption={caption} />
      </PagedResults>
    </>
  );
}
