import { apiRequest } from './client.ts';

export interface Municipality {
  code: string;
  name: string;
  provinceAcronym: string;
}

export async function searchMunicipalities(query: string, limit = 10): Promise<Municipality[]> {
  const page = await apiRequest<{ items: Municipality[] }>('GET', '/api/municipalities', {
    query: { query, limit },
  });
  return page.items;
}
