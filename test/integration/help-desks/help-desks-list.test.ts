import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
} from '../../helpers/test-app.ts';

interface Summary {
  id: string;
  name: string;
  organisationId: string;
  status: string;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}

describe('searching help desks', () => {
  let context: TestContext;
  let admin: TestClient;
  let reader: TestClient;
  let pisa: { id: string; name: string };
  let prato: { id: string; name: string };

  const db = () => context.database.handle.db;
  const hours = { weekly: {}, exceptions: [], closedOnPublicHolidays: true };

  async function create(body: Record<string, unknown>) {
    const response = await admin.post('/api/help-desks', {
      municipalityCode: '050026',
      channels: ['email'],
      email: 'desk@example.org',
      accessMode: 'both',
      openingHours: hours,
      competentMunicipalityCodes: ['050026'],
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Summary>();
  }

  const names = async (query: string) => {
    const response = await reader.get(`/api/help-desks${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>().items.map((item) => item.name);
  };

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    pisa = await createOrganisation(context, 'Rete pisana');
    prato = await createOrganisation(context, 'Rete pratese');
    admin = new TestClient(context.app);
    await admin.signIn(await createUser(context, { roles: ['network_admin'] }));
    reader = new TestClient(context.app);
    await reader.signIn(await createUser(context, { roles: ['operator'] }));
    await create({
      organisationId: pisa.id,
      name: 'Sportello Università',
      services: ['legal_advice'],
      languages: ['it', 'en'],
      competentMunicipalityCodes: ['050026', '050008'],
    });
    await create({
      organisationId: pisa.id,
      name: 'Ascolto Cascina',
      services: ['listening'],
      languages: ['ro'],
      municipalityCode: '050008',
      competentMunicipalityCodes: ['050008'],
      status: 'inactive',
    });
    await create({
      organisationId: prato.id,
      name: 'Punto 100% ascolto_Prato',
      services: ['listening', 'language_mediation'],
      languages: ['zh', 'ar'],
      municipalityCode: '100005',
      competentMunicipalityCodes: ['100005'],
    });
  });
  afterAll(() => context.close());

  it('lists by name and filters', async () => {
    expect(await names('')).toEqual([
      'Ascolto Cascina',
      'Punto 100% ascolto_Prato',
      'Sportello Università',
    ]);
    expect(await names('?query=UNIVERSITA')).toEqual(['Sportello Università']);
    expect(await names('?query=%20universit%C3%A0%20')).toEqual(['Sportello Università']);
    expect(await names('?query=ascolto')).toEqual(['Ascolto Cascina', 'Punto 100% ascolto_Prato']);
    expect(await names('?query=100%25')).toEqual(['Punto 100% ascolto_Prato']);
    expect(await names('?query=o_p')).toEqual(['Punto 100% ascolto_Prato']);
    expect(await names('?query=x%25')).toEqual([]);
    expect(await names('?service=listening')).toEqual([
      'Ascolto Cascina',
      'Punto 100% ascolto_Prato',
    ]);
    expect(await names('?language=ZH')).toEqual(['Punto 100% ascolto_Prato']);
    expect(await names('?municipality=050008')).toEqual([
      'Ascolto Cascina',
      'Sportello Università',
    ]);
    expect(await names(`?organisationId=${prato.id}`)).toEqual(['Punto 100% ascolto_Prato']);
    expect(await names('?organisationId=nope')).toEqual([]);
    expect(await names('?status=inactive')).toEqual(['Ascolto Cascina']);
    expect(await names(`?status=active&organisationId=${pisa.id}`)).toEqual([
      'Sportello Università',
    ]);
  });

  it('combines the filters a coordinator sets together', async () => {
    expect(await names(`?language=it&municipality=050008&organisationId=${pisa.id}`)).toEqual([
      'Sportello Università',
    ]);
    expect(await names('?query=ascolto&status=active&service=language_mediation')).toEqual([
      'Punto 100% ascolto_Prato',
    ]);
    expect(await names('?query=sportello&language=ro')).toEqual([]);
    expect(await names('?municipality=048017')).toEqual([]);
  });

  it('lists the municipalities each desk serves, by name', async () => {
    const response = await reader.get('/api/help-desks?query=universita');
    const [desk] = response.json<{
      items: { competentMunicipalityCount: number; competentMunicipalityNames: string[] }[];
    }>().items;
    expect(desk).toMatchObject({
      competentMunicipalityCount: 2,
      competentMunicipalityNames: ['Cascina', 'Pisa'],
    });
  });

  it('pages through filtered results with the same filters', async () => {
    const first = (await reader.get('/api/help-desks?service=listening&limit=1')).json<Page>();
    expect(first.items.map((item) => item.name)).toEqual(['Ascolto Cascina']);
    const second = (
      await reader.get(`/api/help-desks?service=listening&limit=1&cursor=${first.nextCursor}`)
    ).json<Page>();
    expect(second.items.map((item) => item.name)).toEqual(['Punto 100% ascolto_Prato']);
    expect(second.nextCursor).toBeNull();
  });

  it('pages with a keyset cursor', async () => {
    const first = (await reader.get('/api/help-desks?limit=2')).json<Page>();
    expect(first.items.map((item) => item.name)).toEqual([
      'Ascolto Cascina',
      'Punto 100% ascolto_Prato',
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await reader.get(`/api/help-desks?limit=2&cursor=${first.nextCursor}`)
    ).json<Page>();
    expect(second).toMatchObject({ items: [{ name: 'Sportello Università' }], nextCursor: null });
  });

  it('refuses bad query parameters without a 500', async () => {
    for (const query of ['?cursor=garbage', '?limit=0', '?limit=501', '?status=closed']) {
      const response = await reader.get(`/api/help-desks${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });
});
