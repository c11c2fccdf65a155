import { Alert, Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { listUsers } from '../api/users.ts';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { describeError } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { TextField } from '../common/TextField.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useT } from '../i18n/useT.ts';
import { UsersTable } from './UsersTable.tsx';

export function UsersPage() {
  const t = useT();
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const query = params.get('query') ?? '';
  const [draft, setDraft] = useState(query);
  const list = usePagedList(query, (cursor) => listUsers(query, cursor));

  // Back/forward between searches changes the URL: keep the box in step with it.
  useEffect(() => setDraft(query), [query]);

  function search(event: FormEvent) {
    event.preventDefault();
    const trimmed = draft.trim();
    setParams(trimmed ? { query: trimmed } : {});
  }

  const caption = query ? t('bo.users.captionFiltered', { query }) : t('bo.users.caption');
  return (
    <>
      <PageHeading title={t('bo.users.title')} />
      {can(user, 'users.manage') && (
        <p>
          <Link to="/users/new" className="btn btn-primary">
            {t('bo.users.create')}
          </Link>
        </p>
      )}
      <form role="search" aria-label={t('bo.users.searchLabel')} onSubmit={search} className="mb-4">
        <div className="d-flex flex-wrap align-items-end gap-3">
          <TextField
            id="users-query"
            type="search"
            label={t('bo.users.query')}
            value={draft}
            onChange={setDraft}
            className="flex-grow-1 mb-0"
          />
          <Button type="submit" color="primary">
            {t('bo.users.search')}
          </Button>
        </div>
      </form>

      <div aria-live="polite">
        {list.loading ? (
          <Loading announce={false} />
        ) : (
          !list.error && (
            <p>
              {list.items.length === 0
                ? t('bo.users.none')
                : t('bo.users.count', { count: list.items.length })}
            </p>
          )
        )}
      </div>
      {Boolean(list.error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(list.error, t)}
        </Alert>
      )}
      {list.items.length > 0 && <UsersTable users={list.items} caption={caption} />}
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
    </>
  );
}
