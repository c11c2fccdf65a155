import { Alert, Button } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import { describeError } from './errors.ts';
import { Loading } from './Loading.tsx';
import type { PagedList } from './usePagedList.ts';

interface PagedResultsProps<T> {
  list: PagedList<T>;
  /** "No … found"; shown when the first page is empty. */
  none: string;
  /** "N … shown", announced to screen readers when a search ends. */
  count: (count: number) => string;
  /** The table of `list.items`, rendered only when there are some. */
  children: ReactNode;
}

/**
 * The results of a keyset-paginated search: an announced count, the error if any, the table,
 * and a "load more" button while the server has further pages.
 */
export function PagedResults<T>({ list, none, count, children }: PagedResultsProps<T>) {
  const t = useT();
  return (
    <>
      <div aria-live="polite">
        {list.loading ? (
          <Loading announce={false} />
        ) : (
          !list.error && <p>{list.items.length === 0 ? none : count(list.items.length)}</p>
        )}
      </div>
      {Boolean(list.error) && (
        <Alert color="danger" fade={false} role="alert">
          {describeError(list.error, t)}
        </Alert>
      )}
      {list.items.length > 0 && children}
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
