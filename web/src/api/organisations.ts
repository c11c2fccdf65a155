import { apiRequest } from './client.ts';
import type { Organisation } from './types.ts';

export async function listOrganisations(): Promise<Organisation[]> {
  const page = await apiRequest<{ items: Organisation[] }>('GET', '/api/organisations');
  return page.items;
}
