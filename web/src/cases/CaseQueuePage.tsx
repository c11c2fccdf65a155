import { Alert } from 'design-react-kit';
import { Link, useLocation } from 'react-router-dom';
import { caseFilterKeys, listCases } from '../api/cases.ts';
import type { CaseFilters } from '../api/cases.ts';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { PageHeading } from '../common/PageHeading.tsx';
import { PagedResults } from '../common/PagedResults.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useUrlFilters } from '../common/useUrlFilters.ts';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useT } from '../i18n/useT.ts';
import { CaseFiltersForm } from './CaseFiltersForm.tsx';
import { CasesTable } from './CasesTable.tsx';
import { useTaxonomy, useTaxonomyLabel } from './taxonomy.ts';

const scopes = ['mine', 'desk', 'organisation', 'referred'] as const;

/** Set by the detail page after a reassignment, which may take the case out of this queue. */
export interface QueueNotice {
  notice?: 'reassigned';
  reference?: string;
}

/** The operator's queue: one tab per scope, the filters in the address, keyset pages. */
export function CaseQueuePage() {
  const t = useT();
  const user = useSignedInUser();
  const [filters, key, setFilters] = useUrlFilters(caseFilterKeys);
  const { taxonomy, error: taxonomyError } = useTaxonomy();
  const label = useTaxonomyLabel(taxonomy);
  const scope = filters.scope || 'organisation';
  const list = usePagedList(key, (cursor) => {
    const query: CaseFilters = {};
    for (const name of caseFilterKeys) if (filters[name]) query[name] = filters[name];
    return listCases(query, cursor);
  });
  const filtered = caseFilterKeys.some((name) => name !== 'scope' && filters[name]);
  const scopeName = t(`bo.cases.scope.${scope}`);
  const notice = (useLocation().state ?? {}) as QueueNotice;
  return (
    <>
      <PageHeading title={t('bo.cases.queue.title')} />
      <StatusMessage
        message={
          notice.notice === 'reassigned'
            ? t('bo.cases.reassign.done', { reference: notice.reference ?? '' })
            : null
        }
      />
      {can(user, 'cases.intake') && (
        <p>
          <Link className="btn btn-primary" to="/cases/new">
            {t('bo.cases.new.link')}
          </Link>
        </p>
      )}
      <nav aria-label={t('bo.cases.scope.label')} className="mb-4">
        <ul className="nav nav-tabs">
          {scopes.map((name) => {
            const params = new URLSearchParams(filters);
            for (const [k, v] of [...params]) if (!v) params.delete(k);
            params.set('scope', name);
            const active = name === scope;
            return (
              <li key={name} className="nav-item">
                <Link
                  className={`nav-link${active ? ' active' : ''}`}
                  aria-current={active ? 'page' : undefined}
                  to={`/cases?${params.toString()}`}
                >
                  {t(`bo.cases.scope.${name}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {Boolean(taxonomyError) && (
        <Alert color="warning" fade={false}>
          {describeError(taxonomyError, t)}
        </Alert>
      )}
      <CaseFiltersForm
        filters={filters}
        taxonomy={taxonomy}
        onSearch={(next) => setFilters({ ...next, scope: filters.scope })}
      />
      <PagedResults
        list={list}
        none={filtered ? t('bo.cases.queue.noneFiltered') : t(`bo.cases.queue.none.${scope}`)}
        count={(count) => t('bo.cases.queue.count', { count })}
      >
        <CasesTable
          cases={list.items}
          label={label}
          caption={t('bo.cases.queue.caption', { scope: scopeName })}
        />
      </PagedResults>
    </>
  );
}
