import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { listUsers } from '../api/users.ts';
import { can } from '../auth/permissions.ts';
import { useSignedInUser } from '../auth/SessionProvider.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { PagedResults } from '../common/PagedResults.tsx';
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

      <PagedResults
        list={list}
        none={t('bo.users.none')}
        count={(count) => t('bo.users.count', { count })}
      >
        <UsersTable users={list.items} caption={caption} />
      </PagedResults>
    </>
  );
}
