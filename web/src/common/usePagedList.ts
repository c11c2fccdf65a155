import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.ts';

interface PagedListState<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  /** The last failure (an ApiError, normally); null when the last call succeeded. */
  error: unknown;
}

export interface PagedList<T> extends PagedListState<T> {
  loadMore: () => Promise<void>;
}

/**
 * A keyset-paginated list: the first page is fetched whenever `key` (the filters) changes,
 * further pages are appended with the server's `nextCursor`. Answers to an outdated `key`
 * are dropped, so a slow earlier search cannot overwrite a newer one.
 */
export function usePagedList<T>(
  key: string,
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
): PagedList<T> {
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);
  const [state, setState] = useState<PagedListState<T>>({
    items: [],
    nextCursor: null,
    loading: true,
    loadingMore: false,
    error: null,
  });

  useEffect(() => {
    const current = ++generation.current;
    setState({ items: [], nextCursor: null, loading: true, loadingMore: false, error: null });
    fetchRef.current(null).then(
      (page) => {
        if (current !== generation.current) return;
        setState({
          items: page.items,
          nextCursor: page.nextCursor,
          loading: false,
          loadingMore: false,
          error: null,
        });
      },
      (error: unknown) => {
        if (current !== generation.current) return;
        setState((previous) => ({ ...previous, loading: false, error }));
      },
    );
  }, [key]);

  const { nextCursor } = state;
  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    const current = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true, error: null }));
    try {
      const page = await fetchRef.current(nextCursor);
      if (current !== generation.current) return;
      setState((previous) => ({
        items: [...previous.items, ...page.items],
        nextCursor: page.nextCursor,
        loading: false,
        loadingMore: false,
        error: null,
      }));
    } catch (error) {
      if (current !== generation.current) return;
      setState((previous) => ({ ...previous, loadingMore: false, error }));
    }
  }, [nextCursor]);

  return { ...state, loadMore };
}
