import { useEffect, useState } from 'react';

export interface RecordState<T> {
  record: T | null;
  error: unknown;
  loading: boolean;
  setRecord: (record: T) => void;
}

/** Loads one record by id (none for a "new" page); `setRecord` takes the saved version. */
export function useRecord<T>(id: string | null, load: (id: string) => Promise<T>): RecordState<T> {
  const [record, setRecord] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(id !== null);
  useEffect(() => {
    if (id === null) return;
    let current = true;
    setLoading(true);
    setError(null);
    load(id).then(
      (value) => {
        if (!current) return;
        setRecord(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [id, load]);
  return { record, error, loading, setRecord };
}
