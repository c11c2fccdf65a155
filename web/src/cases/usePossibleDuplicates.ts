import { useCallback } from 'react';
import { useReloadable } from '../common/useReloadable.ts';
import { listPossibleDuplicates } from './collaborationApi.ts';
import type { PossibleDuplicate } from './collaborationApi.ts';

export interface DuplicatesState {
  items: PossibleDuplicate[] | null;
  error: unknown;
  reload: () => Promise<void>;
  /** The reference of a case the reader may open, to name it in the timeline. */
  referenceOf: (caseId: string) => string | null;
}

/** The case's possible duplicates at any desk (team only; every read is audited). */
export function usePossibleDuplicates(caseId: string, enabled: boolean): DuplicatesState {
  const load = useCallback(() => listPossibleDuplicates(caseId), [caseId]);
  const { value, error, reload } = useReloadable(enabled ? load : null);
  const referenceOf = (id: string) => {
    for (const item of value ?? []) {
      if (item.visible && item.caseId === id) return item.reference;
    }
    return null;
  };
  return { items: value, error, reload, referenceOf };
}
