import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/i18n.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
} from '../../helpers/test-app.ts';

interface HelpDesk {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  municipalityCode: string;
  municipalityName: string;
  status: string;
  services: string[];
  languages: string[];
  channels: string[];
  phone: string | null;
  email: string | null;
  openingHours: unknown;
  competentMunicipalities: { code: string; name: string; provinceAcronym: string }[];
  canEdit: boolean;
}

interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

interface HistoryEntry {
  id: number;
  changeKind: string;
  changedBy: { id: string; displayName: string } | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

const hours = {
  weekly: {
    '1': [{ opens: '09:00', closes: '13:00' }],
    '2': [{ opens: '14:30', closes: '17:30' }],
  },
  exceptions: [{ date: '2026-12-24', closed: true }],
  closedOnPublicHolidays: true,
  localHolidays: ['06-24'],
};

describe('managing help desks', () => {
  let context: TestContext;
  let admin: TestClient;
  let coordinator: TestClient;
  let operator: TestClient;
  let coordinated: { id: string; name: string };
  let other: { id: string; name: string };
  let adminUserId: string;
  let coordinatorUserId: string;

  const db = () => context.database.handle.db;

  async function signedIn(
    roles: ('network_admin' | 'node_coordinator' | 'operator')[],
    organisationId: string,
  ) {
    const user = await createUser(context, { roles, organisationId });
    const client = new TestClient(context.app);
    expect((await client.signIn(user)).statusCode).toBe(200);
    return { client, user };
  }

  let counter = 0;
  const input = (overrides: Record<string, unknown> = {}) => {
    counter += 1;
    return {
      organisationId: coordinated.id,
      name: `Sportello di prova ${counter}`,
      description: 'Ascolto e orientamento.',
      municipalityCode: '050026',
      address: 'Via San Martino 12',
      postalCode: '56125',
      latitude: 43.71,
      longitude: 10.4,
      phone: '+39 050 000 0000',
      email: 'sportello@example.org',
      website: 'https://example.org',
      onlineUrl: null,
      channels: ['phone', 'email', 'in_person'],
      services: ['listening', 'orientation'],
      languages: ['it', 'ar'],
      accessibility: ['step_free_access'],
      accessMode: 'appointment',
      openingHours: hours,
      competentMunicipalityCodes: ['050026', '050008'],
      status: 'active',
      ...overrides,
    };
  };

  async function create(client: TestClient, overrides: Record<string, unknown> = {}) {
    const response = await client.post('/api/help-desks', input(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<HelpDesk>();
  }

  function patch(client: TestClient, id: string, body: unknown) {
    return client.request({ method: 'PATCH', url: `/api/help-desks/${id}`, body });
  }

  async function fieldsOf(response: { statusCode: number; json: <T>() => T }) {
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.error.code).toBe('validation_failed');
    return body.error.fields ?? [];
  }

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    coordinated = await createOrganisation(context, 'Sportello antidiscriminazioni di Pisa');
    other = await createOrganisation(context, 'Sportello antidiscriminazioni di Prato');
    const a = await signedIn(['network_admin'], other.id);
    admin = a.client;
    adminUserId = a.user.id;
    const c = await signedIn(['node_coordinator'], coordinated.id);
    coordinator = c.client;
    coordinatorUserId = c.user.id;
    operator = (await signedIn(['operator'], coordinated.id)).client;
  });
  afterAll(() => context.close());

  it('creates a desk with its municipalities, history and one audit row', async () => {
    const desk = await create(coordinator);
    expect(desk).toMatchObject({
      organisationId: coordinated.id,
      organisationName: coordinated.name,
      municipalityCode: '050026',
      municipalityName: 'Pisa',
      status: 'active',
      channels: ['phone', 'email', 'in_person'],
      openingHours: hours,
      canEdit: true,
      competentMunicipalities: [
        { code: '050008', name: 'Cascina', provinceAcronym: 'PI' },
        { code: '050026', name: 'Pisa', provinceAcronym: 'PI' },
      ],
    });
    const read = await operator.get(`/api/help-desks/${desk.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<HelpDesk>()).toMatchObject({ id: desk.id, canEdit: false });

    const history = (await admin.get(`/api/help-desks/${desk.id}/history`)).json<{
      items: HistoryEntry[];
    }>();
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      changeKind: 'created',
      changedBy: { id: coordinatorUserId },
    });
    expect(history.items[0]!.changes['name']).toEqual({ from: null, to: desk.name });
    expect(history.items[0]!.changes['competentMunicipalityCodes']).toEqual({
      from: null,
      to: ['050008', '050026'],
    });

    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'target_type', 'outcome'])
      .where('target_id', '=', desk.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'help_desks.created',
        actor_user_id: coordinatorUserId,
        target_type: 'help_desk',
        outcome: 'success',
      },
    ]);
  });

  it('defaults optional fields when creating', async () => {
    const response = await admin.post('/api/help-desks', {
      organisationId: other.id,
      name: 'Sportello minimo',
      municipalityCode: '100005',
      channels: ['email'],
      email: 'minimo@example.org',
      accessMode: 'walk_in',
      openingHours: { weekly: {}, exceptions: [], closedOnPublicHolidays: false },
      competentMunicipalityCodes: ['100005'],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<HelpDesk>()).toMatchObject({
      services: [],
      languages: [],
      phone: null,
      status: 'active',
    });
  });

  it('names the field of every broken rule', async () => {
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ channels: [] }, 'channels', 'network.validation.channel_required'],
      [
        { competentMunicipalityCodes: [] },
        'competentMunicipalityCodes',
        'network.validation.competent_required',
      ],
      [
        { competentMunicipalityCodes: ['050026', '999999'] },
        'competentMunicipalityCodes.1',
        'network.validation.municipality_unknown',
      ],
      [
        { municipalityCode: '000000' },
        'municipalityCode',
        'network.validation.municipality_unknown',
      ],
      [{ phone: null }, 'phone', 'network.validation.contact_required.phone'],
      [{ email: '  ' }, 'email', 'network.validation.contact_required.email'],
      [{ address: null }, 'address', 'network.validation.contact_required.in_person'],
      [
        { channels: ['online'], onlineUrl: null },
        'onlineUrl',
        'network.validation.contact_required.online',
      ],
      [{ email: 'not-an-email' }, 'email', 'network.validation.email_invalid'],
      [{ website: 'javascript:alert(1)' }, 'website', 'network.validation.url_invalid'],
      [{ onlineUrl: 'example.org' }, 'onlineUrl', 'network.validation.url_invalid'],
      [{ phone: 'call me' }, 'phone', 'network.validation.phone_invalid'],
      [{ postalCode: '5612' }, 'postalCode', 'network.validation.postal_code_invalid'],
      [{ latitude: null }, 'latitude', 'network.validation.coordinates_together'],
      [{ longitude: null }, 'longitude', 'network.validation.coordinates_together'],
      [{ latitude: 91 }, 'latitude'],
      [{ services: ['astrology'] }, 'services.0', 'network.validation.code_unknown'],
      [{ channels: ['fax'] }, 'channels.0', 'network.validation.code_unknown'],
      [{ accessibility: ['lift'] }, 'accessibility.0', 'network.validation.code_unknown'],
      [{ accessMode: 'sometimes' }, 'accessMode', 'network.validation.code_unknown'],
      [{ languages: ['Arabic'] }, 'languages.0', 'network.validation.language_invalid'],
      [{ name: '  ' }, 'name', 'network.validation.name_required'],
      [
        { organisationId: '00000000-0000-4000-8000-000000000000' },
        'organisationId',
        'network.validation.organisation_unknown',
      ],
      [
        {
          openingHours: {
            ...hours,
            weekly: {
              '1': [
                { opens: '09:00', closes: '13:00' },
                { opens: '12:00', closes: '14:00' },
              ],
            },
          },
        },
        'openingHours.weekly.1.1.opens',
        'network.hours.overlap',
      ],
      [
        { openingHours: { ...hours, weekly: { '3': [{ opens: '25:00', closes: '26:00' }] } } },
        'openingHours.weekly.3.0.opens',
        'network.hours.invalid_time',
      ],
      [
        { openingHours: { ...hours, weekly: { '2': [{ opens: '13:00', closes: '09:00' }] } } },
        'openingHours.weekly.2.0.closes',
        'network.hours.ends_before_start',
      ],
      [
        { openingHours: { ...hours, exceptions: [{ date: '2026-02-30', closed: true }] } },
        'openingHours.exceptions.0.date',
        'network.hours.invalid_date',
      ],
      [
        {
          openingHours: {
            ...hours,
            exceptions: [
              { date: '2026-12-24', closed: true },
              { date: '2026-12-24', intervals: [{ opens: '09:00', closes: '10:00' }] },
            ],
          },
        },
        'openingHours.exceptions.1.date',
        'network.hours.duplicate_date',
      ],
      [
        { openingHours: { ...hours, exceptions: [{ date: '2026-12-24', intervals: [] }] } },
        'openingHours.exceptions.0.intervals',
        'network.hours.empty_exception',
      ],
      [
        { openingHours: { ...hours, localHolidays: ['13-40'] } },
        'openingHours.localHolidays.0',
        'network.hours.invalid_date',
      ],
      [{ openingHours: { ...hours, weekly: { '8': [] } } }, 'openingHours.weekly'],
    ];
    for (const [overrides, field, key] of cases) {
      const fields = await fieldsOf(await admin.post('/api/help-desks', input(overrides)));
      const found = fields.find((candidate) => candidate.field === field);
      expect(found, `${JSON.stringify(overrides)} → ${JSON.stringify(fields)}`).toBeDefined();
      if (key) expect(found?.message).toBe(translate('it', key));
    }
  });

  it('words the phone channel message in the request language', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/help-desks',
      body: input({ phone: null }),
      headers: { 'accept-language': 'en' },
    });
    const fields = await fieldsOf(response);
    expect(fields).toContainEqual({
      field: 'phone',
      message: 'The phone channel needs a phone number.',
    });
  });

  it('refuses a second desk with the same name (accents aside) in one organisation', async () => {
    const desk = await create(admin, { name: 'Sportello Città' });
    const response = await admin.post('/api/help-desks', input({ name: 'sportello  citta' }));
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().error.fields?.[0]?.field).toBe('name');
    expect(desk.name).toBe('Sportello Città');
  });

  it('lets only coordinators of the organisation and admins change its desks', async () => {
    const desk = await create(admin);
    expect((await patch(operator, desk.id, { name: 'Nuovo nome' })).statusCode).toBe(404);
    expect((await operator.post('/api/help-desks', input())).statusCode).toBe(404);
    expect(
      (await coordinator.post('/api/help-desks', input({ organisationId: other.id }))).statusCode,
    ).toBe(404);
    const foreign = await create(admin, { organisationId: other.id });
    expect((await patch(coordinator, foreign.id, { name: 'Preso' })).statusCode).toBe(404);
    expect((await coordinator.get(`/api/help-desks/${foreign.id}`)).json<HelpDesk>().canEdit).toBe(
      false,
    );
    const own = await patch(coordinator, desk.id, { name: 'Nome cambiato' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<HelpDesk>().name).toBe('Nome cambiato');
    // A coordinator cannot move a desk to another organisation; an admin can.
    const move = await patch(coordinator, desk.id, { organisationId: other.id });
    expect((await fieldsOf(move)).map((f) => f.field)).toEqual(['organisationId']);
    const moved = await patch(admin, desk.id, { organisationId: other.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<HelpDesk>()).toMatchObject({
      organisationId: other.id,
      organisationName: other.name,
    });
    expect((await patch(coordinator, desk.id, { name: 'Di nuovo' })).statusCode).toBe(404);
    const denied = await db()
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('target_id', '=', foreign.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({ action: 'help_desks.updated', outcome: 'denied' });
  });

  it('records only the changed fields, and nothing for a change of nothing', async () => {
    const desk = await create(coordinator);
    const response = await patch(coordinator, desk.id, {
      phone: '+39 050 111 1111',
      languages: ['it', 'ar', 'ro'],
      competentMunicipalityCodes: ['050008', '050026', '050037'],
      description: 'Ascolto e orientamento.',
    });
    expect(response.statusCode, response.body).toBe(200);
    const history = async () =>
      (await coordinator.get(`/api/help-desks/${desk.id}/history`)).json<{
        items: HistoryEntry[];
      }>().items;
    const items = await history();
    expect(items.map((item) => item.changeKind)).toEqual(['updated', 'created']);
    expect(items[0]!.changes).toEqual({
      phone: { from: '+39 050 000 0000', to: '+39 050 111 1111' },
      languages: { from: ['it', 'ar'], to: ['it', 'ar', 'ro'] },
      competentMunicipalityCodes: {
        from: ['050008', '050026'],
        to: ['050008', '050026', '050037'],
      },
    });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', desk.id)
      .where('action', '=', 'help_desks.updated')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({
      fields: ['phone', 'languages', 'competentMunicipalityCodes'],
    });

    // The same values again (in another order and key order) change nothing.
    const same = await patch(coordinator, desk.id, {
      competentMunicipalityCodes: ['050037', '050026', '050008'],
      openingHours: {
        closedOnPublicHolidays: true,
        exceptions: [{ closed: true, date: '2026-12-24' }],
        weekly: { '2': [{ closes: '17:30', opens: '14:30' }], '1': hours.weekly['1'] },
        localHolidays: ['06-24'],
      },
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(await history()).toHaveLength(2);
    const sameOrganisation = await patch(coordinator, desk.id, {
      organisationId: coordinated.id.toUpperCase(),
      name: `  ${desk.name} `,
    });
    expect(sameOrganisation.statusCode, sameOrganisation.body).toBe(200);
    expect(await history()).toHaveLength(2);

    const status = await patch(coordinator, desk.id, { status: 'inactive' });
    expect(status.json<HelpDesk>().status).toBe('inactive');
    const latest = (await history())[0]!;
    expect(latest).toMatchObject({
      changeKind: 'status_changed',
      changes: { status: { from: 'active', to: 'inactive' } },
    });
  });

  it('validates the merged desk on PATCH', async () => {
    const desk = await create(coordinator);
    const fields = await fieldsOf(await patch(coordinator, desk.id, { phone: null }));
    expect(fields).toEqual([
      { field: 'phone', message: translate('it', 'network.validation.contact_required.phone') },
    ]);
    const ok = await patch(coordinator, desk.id, { phone: null, channels: ['email'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<HelpDesk>()).toMatchObject({ phone: null, channels: ['email'] });
  });

  it('answers 404, never 500, for odd ids and bodies', async () => {
    for (const id of ['nope', '00000000-0000-4000-8000-000000000000', "x' or 1=1 --"]) {
      const encoded = encodeURIComponent(id);
      expect((await admin.get(`/api/help-desks/${encoded}`)).statusCode).toBe(404);
      expect((await admin.get(`/api/help-desks/${encoded}/history`)).statusCode).toBe(404);
      expect((await patch(admin, encoded, { name: 'x' })).statusCode).toBe(404);
    }
    const desk = await create(admin);
    const bodies: unknown[] = [
      null,
      [],
      'text',
      { name: 42 },
      { openingHours: null },
      { openingHours: { weekly: [], exceptions: {}, closedOnPublicHolidays: 'yes' } },
      { openingHours: { ...hours, exceptions: [{ date: '2026-12-24', closed: false }] } },
      { latitude: 'north' },
      { competentMunicipalityCodes: 'all' },
      { unknownField: true },
      { name: 'x'.repeat(301) },
    ];
    for (const body of bodies) {
      const response = await patch(admin, desk.id, body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(body)).toBeLessThan(500);
      const created = await admin.post('/api/help-desks', body);
      expect(created.statusCode, JSON.stringify(body)).toBeLessThan(500);
    }
    const unauthenticated = new TestClient(context.app);
    expect((await unauthenticated.get('/api/help-desks')).statusCode).toBe(401);
    expect(adminUserId).toBeTruthy();
  });
});
