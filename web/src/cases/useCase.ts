import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { getCase } from '../api/cases.ts';
import type { CaseDetail } from '../api/cases.ts';

export interface CaseState {
  detail: CaseDetail | null;
  error: unknown;
  loading: boolean;
  /** Grows when the case is reloaded from the server, so editors start again from it. */
  generation: number;
  /** A conflict was answered and the case reloaded: the screen says so. */
  conflict: boolean;
  apply: (detail: CaseDetail) => void;
  /** For every change: a 409 reloads the case and is reported as a conflict. */
  change: (call: (rowVersion: number) => Promise<CaseDetail>) => Promise<void>;
  /** After a conflict answered outside `change`. */
  reload: () => void;
}

export function useCase(id: string): CaseState {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const [conflict, setConflict] = useState(false);
  const latest = useRef<CaseDetail | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const loaded = await getCase(id);
      latest.current = loaded;
      setDetail(loaded);
      setError(null);
      setGeneration((value) => value + 1);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    setConflict(false);
    void load();
  }, [load]);

  const apply = useCallback((next: CaseDetail) => {
    latest.current = next;
    setDetail(next);
    setConflict(false);
  }, []);

  const change = useCallback(
    async (call: (rowVersion: number) => Promise<CaseDetail>) => {
      const current = latest.current;
      if (!current) return;
      try {
        apply(await call(current.rowVersion));
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 409) {
          setConflict(true);
          await load();
          setConflict(true);
        }
        throw failure;
      }
    },
    [apply, load],
  );

  const reload = useCallback(() => {
    void load().then(() => setConflict(true));
  }, [load]);

  return { detail, error, loading, generation, conflict, apply, change, reload };
}
