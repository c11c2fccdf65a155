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

interface Organisation {
  id: string;
  name: string;
  status: string;
  networkRole: string | null;
  territories: { code: string; name: string; provinceAcronym: string }[];
  referralsTo: { organisationId: string; name: string; description: string | null }[];
  referralsFrom: { organisationId: string; name: string; description: string | null }[];
  helpDesks: { id: string; name: string; organisationName: string; municipalityName: string }[];
  canEdit: boolean;
  canManageMembership: boolean;
}

interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

const anyString: unknown = expect.any(String);

describe('managing organisations', () => {
  let context: TestContext;
  let admin: TestClient;
  let coordinator: TestClient;
  let operator: TestClient;
  let coordinated: { id: string; name: string };
  let other: { id: string; name: string };
  let adminUserId: string;

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

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    const lead = await createOrganisation(context, 'Rete capofila');
    coordinated = await createOrganisation(context, 'Sportello coordinato');
    other = await createOrganisation(context, 'Sportello di altri');
    const signedAdmin = await signedIn(['network_admin'], lead.id);
    admin = signedAdmin.client;
    adminUserId = signedAdmin.user.id;
    coordinator = (await signedIn(['node_coordinator'], coordinated.id)).client;
    operator = (await signedIn(['operator'], coordinated.id)).client;
  });
  afterAll(() => context.close());

  const fullInput = (overrides: Record<string, unknown> = {}) => ({
    name: 'Unione dei Comuni di Prova',
    kind: 'union_of_municipalities',
    status: 'active',
    municipalityCode: '050029',
    description: 'Servizi sociali associati.',
    website: 'https://unione-prova.example.org',
    email: 'info@unione-prova.example.org',
    phone: '+39 0587 000 000',
    address: 'Via Esempio 1',
    postalCode: '56025',
    latitude: 43.66,
    longitude: 10.63,
    territoryCodes: ['050028', '050001'],
    networkRole: 'partner',
    networkJoinedOn: '2025-03-01',
    networkLeftOn: null,
    unarProtocolSignedOn: '2025-04-10',
    unarProtocolReference: 'Protocollo UNAR n. 2025/014',
    ...overrides,
  });

  async function create(overrides: Record<string, unknown> = {}) {
    const response = await admin.post('/api/organisations', fullInput(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Organisation>();
  }

  const patch = (client: TestClient, id: string, body: unknown, lang?: string) =>
    client.request({
      method: 'PATCH',
      url: `/api/organisations/${id}`,
      body,
      ...(lang ? { headers: { 'accept-language': lang } } : {}),
    });

  const putReferrals = (client: TestClient, id: string, body: unknown) =>
    client.request({ method: 'PUT', url: `/api/organisations/${id}/referrals`, body });

  async function historyOf(id: string) {
    return db()
      .selectFrom('network_history')
      .select(['change_kind', 'changes', 'changed_by'])
      .where('entity_type', '=', 'organisation')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
  }

  async function auditOf(id: string, action: string) {
    return db()
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_user_id', 'details'])
      .where('target_type', '=', 'organisation')
      .where('target_id', '=', id)
      .where('action', '=', action)
      .orderBy('id')
      .execute();
  }

  it('creates an organisation with territories, one history row and one audit row', async () => {
    const created = await create();
    expect(created).toEqual({
      id: anyString,
      name: 'Unione dei Comuni di Prova',
      kind: 'union_of_municipalities',
      status: 'active',
      municipalityCode: '050029',
      municipalityName: 'Pontedera',
      networkRole: 'partner',
      networkJoinedOn: '2025-03-01',
      unarProtocolSignedOn: '2025-04-10',
      helpDeskCount: 0,
      description: 'Servizi sociali associati.',
      website: 'https://unione-prova.example.org',
      email: 'info@unione-prova.example.org',
      phone: '+39 0587 000 000',
      address: 'Via Esempio 1',
      postalCode: '56025',
      latitude: 43.66,
      longitude: 10.63,
      networkLeftOn: null,
      unarProtocolReference: 'Protocollo UNAR n. 2025/014',
      unarProtocolDocument: null,
      territories: [
        { code: '050001', name: 'Bientina', provinceAcronym: 'PI' },
        { code: '050028', name: 'Ponsacco', provinceAcronym: 'PI' },
      ],
      referralsTo: [],
      referralsFrom: [],
      helpDesks: [],
      canEdit: true,
      canManageMembership: true,
      canDownloadUnarProtocol: true,
      createdAt: anyString,
      updatedAt: anyString,
    });
    const history = await historyOf(created.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ change_kind: 'created', changed_by: adminUserId });
    expect(history[0]!.changes).toEqual({
      name: { from: null, to: 'Unione dei Comuni di Prova' },
      kind: { from: null, to: 'union_of_municipalities' },
      status: { from: null, to: 'active' },
      municipalityCode: { from: null, to: '050029' },
      description: { from: null, to: 'Servizi sociali associati.' },
      website: { from: null, to: 'https://unione-prova.example.org' },
      email: { from: null, to: 'info@unione-prova.example.org' },
      phone: { from: null, to: '+39 0587 000 000' },
      address: { from: null, to: 'Via Esempio 1' },
      postalCode: { from: null, to: '56025' },
      latitude: { from: null, to: 43.66 },
      longitude: { from: null, to: 10.63 },
      territoryCodes: { from: [], to: ['050001', '050028'] },
      networkRole: { from: null, to: 'partner' },
      networkJoinedOn: { from: null, to: '2025-03-01' },
      unarProtocolSignedOn: { from: null, to: '2025-04-10' },
      unarProtocolReference: { from: null, to: 'Protocollo UNAR n. 2025/014' },
    });
    const audit = await auditOf(created.id, 'organisations.created');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'success', actor_user_id: adminUserId });
    // Field names only: no contact details in the audit trail.
    expect(JSON.stringify(audit[0]!.details)).not.toContain('example.org');
  });

  it('creates with only a name and a kind, and stores cleared text as null', async () => {
    const response = await admin.post('/api/organisations', {
      name: '  Associazione Minima  ',
      kind: 'association',
      email: '',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Associazione Minima',
      status: 'active',
      email: null,
      networkRole: null,
      territories: [],
    });
  });

  describe('validation names the field', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown seat', { municipalityCode: '999999' }, 'municipalityCode'],
      ['a malformed seat code', { municipalityCode: 'Pisa' }, 'municipalityCode'],
      ['an unknown territory', { territoryCodes: ['050001', '999999'] }, 'territoryCodes.1'],
      ['a repeated territory', { territoryCodes: ['050001', '050001'] }, 'territoryCodes.1'],
      ['a malformed e-mail', { email: 'info-at-example.org' }, 'email'],
      ['a website that is not http(s)', { website: 'javascript:alert(1)' }, 'website'],
      ['a website that is not a URL', { website: 'www example org' }, 'website'],
      ['a phone with letters', { phone: 'chiamaci' }, 'phone'],
      ['a four-digit postal code', { postalCode: '5602' }, 'postalCode'],
      ['a latitude without longitude', { longitude: null }, 'longitude'],
      ['a longitude without latitude', { latitude: null }, 'latitude'],
      ['a latitude out of range', { latitude: 91 }, 'latitude'],
      ['leaving before joining', { networkLeftOn: '2025-02-28' }, 'networkLeftOn'],
      [
        'leaving without joining',
        { networkRole: null, networkJoinedOn: null, networkLeftOn: '2025-02-28' },
        'networkJoinedOn',
      ],
      [
        'a protocol signed in the future',
        { unarProtocolSignedOn: '2099-01-01' },
        'unarProtocolSignedOn',
      ],
      [
        'a protocol reference without a date',
        { unarProtocolSignedOn: null },
        'unarProtocolSignedOn',
      ],
      ['a member without a joining date', { networkJoinedOn: null }, 'networkJoinedOn'],
      ['an impossible date', { networkJoinedOn: '2025-02-30' }, 'networkJoinedOn'],
      ['an unknown kind', { kind: 'club' }, 'kind'],
      ['an unknown role', { networkRole: 'sponsor' }, 'networkRole'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a name too long', { name: 'x'.repeat(301) }, 'name'],
    ];
    it.each(cases)('refuses %s', async (_label, overrides, field) => {
      const response = await admin.post(
        '/api/organisations',
        fullInput({ name: `Prova ${field} ${Math.random()}`, ...overrides }),
      );
      expect(response.statusCode, response.body).toBe(400);
      const body = response.json<ErrorBody>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields?.map((f) => f.field)).toContain(field);
    });

    it('words its messages in the caller language', async () => {
      const target = await create({ name: 'Organizzazione bilingue' });
      const italian = await patch(admin, target.id, { postalCode: '1' }, 'it');
      const english = await patch(admin, target.id, { postalCode: '1' }, 'en');
      expect(italian.json<ErrorBody>().error.fields).toEqual([
        {
          field: 'postalCode',
          message: translate('it', 'organisations.validation.postal_code_invalid'),
        },
      ]);
      expect(english.json<ErrorBody>().error.fields).toEqual([
        {
          field: 'postalCode',
          message: translate('en', 'organisations.validation.postal_code_invalid'),
        },
      ]);
      expect(translate('en', 'organisations.validation.postal_code_invalid')).not.toBe(
        translate('it', 'organisations.validation.postal_code_invalid'),
      );
    });

    it('writes nothing when the input is refused', async () => {
      const before = await db()
        .selectFrom('network_history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      await admin.post('/api/organisations', fullInput({ name: 'Mai creata', postalCode: 'x' }));
      const after = await db()
        .selectFrom('network_history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const row = await db()
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Mai creata')
        .executeTakeFirst();
      expect(row).toBeUndefined();
    });
  });

  it('answers conflict on name for a duplicate name, whatever its case', async () => {
    await create({ name: 'Associazione Doppione' });
    const duplicate = await admin.post(
      '/api/organisations',
      fullInput({ name: 'associazione DOPPIONE' }),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<ErrorBody>().error).toMatchObject({
      code: 'conflict',
      fields: [{ field: 'name', message: translate('it', 'organisations.validation.name_taken') }],
    });
    const renamed = await create({ name: 'Associazione Diversa' });
    const rename = await patch(admin, renamed.id, { name: 'Associazione doppione' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json<ErrorBody>().error.fields?.[0]?.field).toBe('name');
    // Changing only the case of its own name is not a conflict.
    const ownCase = await patch(admin, renamed.id, { name: 'ASSOCIAZIONE DIVERSA' });
    expect(ownCase.statusCode).toBe(200);
  });

  it('records exactly what a change changed, and nothing for a change that changes nothing', async () => {
    const target = await create({ name: 'Organizzazione da modificare' });
    const response = await patch(admin, target.id, {
      phone: '+39 0587 111 111',
      territoryCodes: ['050001', '050002', '050004'],
      description: 'Servizi sociali associati.',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Organisation>().territories.map((t) => t.name)).toEqual([
      'Bientina',
      'Buti',
      'Calcinaia',
    ]);
    let history = await historyOf(target.id);
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ change_kind: 'updated', changed_by: adminUserId });
    expect(history[1]!.changes).toEqual({
      phone: { from: '+39 0587 000 000', to: '+39 0587 111 111' },
      territoryCodes: { from: ['050001', '050028'], to: ['050001', '050002', '050004'] },
    });
    expect(await auditOf(target.id, 'organisations.updated')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: expect.objectContaining({ fields: ['phone', 'territoryCodes'] }) as unknown,
      }),
    ]);

    const unchanged = await patch(admin, target.id, {
      phone: '+39 0587 111 111',
      territoryCodes: ['050004', '050002', '050001'],
    });
    expect(unchanged.statusCode).toBe(200);
    expect(await historyOf(target.id)).toHaveLength(2);

    const status = await patch(admin, target.id, { status: 'inactive' });
    expect(status.statusCode).toBe(200);
    history = await historyOf(target.id);
    expect(history[2]).toMatchObject({
      change_kind: 'status_changed',
      changes: { status: { from: 'active', to: 'inactive' } },
    });

    const cleared = await patch(admin, target.id, { territoryCodes: [] });
    expect(cleared.json<Organisation>().territories).toEqual([]);

    const listed = await admin.get(`/api/organisations/${target.id}/history`);
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: { changeKind: string; changedBy: unknown }[] }>().items;
    expect(items.map((item) => item.changeKind)).toEqual([
      'updated',
      'status_changed',
      'updated',
      'created',
    ]);
    expect(items[0]!.changedBy).toEqual({ id: adminUserId, displayName: anyString });
    expect((await operator.get(`/api/organisations/${target.id}/history`)).statusCode).toBe(200);
  });

  describe('permissions', () => {
    it('lets an operator read but not write (404)', async () => {
      expect((await operator.get(`/api/organisations/${coordinated.id}`)).statusCode).toBe(200);
      expect(
        (await patch(operator, coordinated.id, { phone: '+39 050 000 0000' })).statusCode,
      ).toBe(404);
      expect(
        (await operator.post('/api/organisations', fullInput({ name: 'Op' }))).statusCode,
      ).toBe(404);
      expect((await putReferrals(operator, coordinated.id, { referralsTo: [] })).statusCode).toBe(
        404,
      );
      const detail = (
        await operator.get(`/api/organisations/${coordinated.id}`)
      ).json<Organisation>();
      expect(detail).toMatchObject({ canEdit: false, canManageMembership: false });
    });

    it('lets a node coordinator edit their own organisation only, without membership', async () => {
      const own = await patch(coordinator, coordinated.id, {
        phone: '+39 050 000 0000',
        email: 'info@sportello-coordinato.example.org',
      });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json<Organisation>()).toMatchObject({ canEdit: true, canManageMembership: false });

      const theirs = await patch(coordinator, other.id, { phone: '+39 050 000 0000' });
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json<ErrorBody>().error.code).toBe('not_found');

      for (const [field, value] of [
        ['networkRole', 'node'],
        ['networkJoinedOn', '2025-01-01'],
        ['networkLeftOn', '2025-01-01'],
        ['unarProtocolSignedOn', '2025-01-01'],
        ['unarProtocolReference', 'Protocollo UNAR n. 1'],
        ['status', 'inactive'],
      ] as const) {
        const response = await patch(coordinator, coordinated.id, { [field]: value });
        expect(response.statusCode, field).toBe(400);
        expect(response.json<ErrorBody>().error.fields?.[0]?.field).toBe(field);
      }
      // Sending the current values back (a whole form) is not a change.
      const unchanged = await patch(coordinator, coordinated.id, {
        networkRole: null,
        status: 'active',
        phone: '+39 050 000 0001',
      });
      expect(unchanged.statusCode, unchanged.body).toBe(200);
      expect(
        (await coordinator.post('/api/organisations', fullInput({ name: 'C' }))).statusCode,
      ).toBe(404);
      const referrals = await putReferrals(coordinator, coordinated.id, {
        referralsTo: [{ organisationId: other.id, description: 'Consulenza' }],
      });
      expect(referrals.statusCode).toBe(200);
      expect((await putReferrals(coordinator, other.id, { referralsTo: [] })).statusCode).toBe(404);
    });

    it('lets an admin change membership anywhere', async () => {
      const response = await patch(admin, other.id, {
        networkRole: 'node',
        networkJoinedOn: '2025-06-01',
        unarProtocolSignedOn: '2025-07-01',
        unarProtocolReference: 'Protocollo UNAR n. 2025/020',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ networkRole: 'node', canEdit: true });
    });

    it('answers 404 for malformed and unknown ids', async () => {
      for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' or 1=1"]) {
        const encoded = encodeURIComponent(id);
        expect((await admin.get(`/api/organisations/${encoded}`)).statusCode).toBe(404);
        expect((await admin.get(`/api/organisations/${encoded}/history`)).statusCode).toBe(404);
        expect((await patch(admin, encoded, { phone: '+39 050 000 0000' })).statusCode).toBe(404);
        expect((await putReferrals(admin, encoded, { referralsTo: [] })).statusCode).toBe(404);
      }
    });

    it('requires a session and a CSRF token', async () => {
      const anonymous = new TestClient(context.app);
      expect((await anonymous.get('/api/organisations')).statusCode).toBe(401);
      expect((await anonymous.get('/api/municipalities?query=pisa')).statusCode).toBe(401);
      const noToken = await admin.request({
        method: 'POST',
        url: '/api/organisations',
        body: fullInput({ name: 'Senza token' }),
        csrf: false,
      });
      expect(noToken.statusCode).toBe(403);
    });
  });

  it('replaces referral links as a set, refusing self-links and unknown targets', async () => {
    const from = await create({ name: 'Sportello che invia' });
    const legal = await create({ name: 'Consulenza legale' });
    const desk = await create({ name: 'Sportello vicino' });
    const put = await putReferrals(admin, from.id, {
      referralsTo: [
        { organisationId: legal.id, description: 'Consulenza legale' },
        { organisationId: desk.id, description: null },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<Organisation>().referralsTo).toEqual([
      { organisationId: legal.id, name: 'Consulenza legale', description: 'Consulenza legale' },
      { organisationId: desk.id, name: 'Sportello vicino', description: null },
    ]);
    const target = (await admin.get(`/api/organisations/${legal.id}`)).json<Organisation>();
    expect(target.referralsFrom).toEqual([
      { organisationId: from.id, name: 'Sportello che invia', description: 'Consulenza legale' },
    ]);

    const replaced = await putReferrals(admin, from.id, {
      referralsTo: [{ organisationId: desk.id, description: 'Ascolto' }],
    });
    expect(replaced.json<Organisation>().referralsTo).toEqual([
      { organisationId: desk.id, name: 'Sportello vicino', description: 'Ascolto' },
    ]);
    const history = await historyOf(from.id);
    expect(history.at(-1)).toMatchObject({ change_kind: 'updated' });
    const sorted = [
      { organisationId: legal.id, description: 'Consulenza legale' },
      { organisationId: desk.id, description: null },
    ].sort((a, b) => a.organisationId.localeCompare(b.organisationId));
    expect(history.at(-1)!.changes).toEqual({
      referralsTo: { from: sorted, to: [{ organisationId: desk.id, description: 'Ascolto' }] },
    });
    expect(await auditOf(from.id, 'organisations.referrals_changed')).toHaveLength(2);

    const same = await putReferrals(admin, from.id, {
      referralsTo: [{ organisationId: desk.id, description: 'Ascolto' }],
    });
    expect(same.statusCode).toBe(200);
    expect(await historyOf(from.id)).toHaveLength(history.length);

    for (const [referralsTo, field] of [
      [[{ organisationId: from.id }], 'referralsTo.0.organisationId'],
      [
        [{ organisationId: desk.id }, { organisationId: '00000000-0000-4000-8000-000000000000' }],
        'referralsTo.1.organisationId',
      ],
      [[{ organisationId: 'nope' }], 'referralsTo.0.organisationId'],
      [[{ organisationId: desk.id }, { organisationId: desk.id }], 'referralsTo.1.organisationId'],
    ] as const) {
      const response = await putReferrals(admin, from.id, { referralsTo });
      expect(response.statusCode, field).toBe(400);
      expect(response.json<ErrorBody>().error.fields?.map((f) => f.field)).toEqual([field]);
    }
  });

  it('shows the help desks of an organisation', async () => {
    const owner = await create({ name: 'Ente con sportelli' });
    await db()
      .insertInto('help_desks')
      .values({
        organisation_id: owner.id,
        name: 'Sportello di Pontedera',
        municipality_code: '050029',
        channels: ['phone'],
        services: ['listening'],
        languages: ['it', 'ar'],
        access_mode: 'both',
        opening_hours: JSON.stringify({ weekly: {}, exceptions: [], closedOnPublicHolidays: true }),
        phone: '+39 0587 000 000',
      })
      .execute();
    const detail = (await operator.get(`/api/organisations/${owner.id}`)).json<Organisation>();
    expect(detail.helpDesks).toEqual([
      {
        id: anyString,
        name: 'Sportello di Pontedera',
        organisationId: owner.id,
        organisationName: 'Ente con sportelli',
        municipalityCode: '050029',
        municipalityName: 'Pontedera',
        status: 'active',
        services: ['listening'],
        languages: ['it', 'ar'],
        channels: ['phone'],
        accessMode: 'both',
      },
    ]);
    expect(detail).toMatchObject({ helpDeskCount: 1 });
  });

  it('never answers 500 whatever the body', async () => {
    const target = await create({ name: 'Bersaglio' });
    const bodies: unknown[] = [
      null,
      [],
      'text',
      42,
      { name: 42 },
      { territoryCodes: 'x' },
      { territoryCodes: [null] },
      { latitude: 'north' },
      { latitude: Number.MAX_VALUE, longitude: -Number.MAX_VALUE },
      { networkJoinedOn: '2025-13-01' },
      { unarProtocolSignedOn: 'yesterday' },
      { description: 'x'.repeat(100_000) },
      { name: '\u0000' },
      { unknown: true },
      { municipalityCode: '' },
      { kind: null },
      { status: null },
    ];
    for (const body of bodies) {
      for (const response of [
        await patch(admin, target.id, body),
        await admin.post('/api/organisations', body),
        await putReferrals(admin, target.id, body),
      ]) {
        expect(response.statusCode, JSON.stringify(body).slice(0, 100)).toBeLessThan(500);
      }
    }
    const raw = await admin.request({
      method: 'PATCH',
      url: `/api/organisations/${target.id}`,
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(raw.statusCode).toBe(400);
  });
});
