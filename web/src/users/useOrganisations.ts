import { useEffect, useState } from 'react';
import { listOrganisations } from '../api/organisations.ts';
import type { Organisation } from '../api/types.ts';

export interface OrganisationsState {
  organisations: Organisation[];
  loading: boolean;
  error: unknown;
}

export function useOrganisations(): OrganisationsState {
  const [state, setState] = useState<OrganisationsState>({
    organisations: [],
    loading: true,
    error: null,
  });
  useEffect(() => {
    let current = true;
    listOrganisations().then(
      (organisations) => {
        if (current) setState({ organisations, loading: false, error: null });
      },
      (error: unknown) => {
        if (current) setState({ organisations: [], loading: false, error });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
