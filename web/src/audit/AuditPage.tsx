import { Alert, Button } from 'design-react-kit';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listAudit } from '../api/audit.ts';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useT } from '../i18n/useT.ts';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { apiFilters, formFromParams, paramsFromForm } from './filters.ts';
import { VerifyChain } from './VerifyChain.tsx';

export function AuditPage() {
  const t = useT();
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Keyed on the query string so the form keeps what is being typed across re-renders.
  const applied = useMemo(() => formFromParams(new URLSearchParams(key)), [key]);
  const list = usePagedList(key, (cursor) => listAudit(apiFilters(applied), cursor));

  return (
    <>
      <PageHeading title={t('bo.audit.title')} />
      {can(user, 'audit.verify') && <VerifyChain />}
      <section>
        <h2 id="audit-entries-heading" className="h4">
          {t('bo.audit.entries')}
        </h2>
        <AuditFiltersForm applied={applied} onApply={(form) => setParams(paramsFromForm(form))} />
        <div aria-live="polite">
          {list.loading ? (
            <Loading announce={false} />
          ) : (
            !list.error && (
              <p>
                {list.items.length === 0
                  ? t('bo.audit.none')
                  : t('bo.audit.count', { count: list.items.length })}
              </p>
            )
          )}
        </div>
        {Boolean(list.error) && (
          <Alert color="danger" fade={false}>
            {describeError(list.error, t)}
          </Alert>
        )}
        {list.items.length > 0 && <AuditTable entries={list.items} />}
        {list.nextCursor && (
          <Button
            color="primary"
            outline
            disabled={list.loadingMore}
            onClick={() => void list.loadMore()}
          >
            {list.loadingMore ? t('bo.loading') : t('bo.loadMore')}
          </Button>
        )}
      </section>
    </>
  );
}
