import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, roles, type Permission } from '../../src/core/policy.ts';
import { loadActor } from '../../src/modules/auth/sessions.ts';
import { createTestApp, createUser, TestClient, type TestContext } from '../helpers/test-app.ts';

/**
 * Every route with the permission it requires and its audit event. A new route fails this test
 * until it is added here, so each one is reviewed for who may call it and what it records.
 */
const publicPage = { permission: 'public', audit: null } as const;

const expectedRoutes: Record<string, { permission: Permission; audit: string | null }> = {
  'GET /': publicPage,
  'GET /it': publicPage,
  'GET /en': publicPage,
  'GET /it/accessibilita': publicPage,
  'GET /en/accessibility': publicPage,
  'GET /it/privacy': publicPage,
  'GET /en/privacy': publicPage,
  'GET /it/fonti-dati': publicPage,
  'GET /en/data-sources': publicPage,
  'GET /it/sportelli': publicPage,
  'GET /en/help-desks': publicPage,
  'GET /it/sportelli/:id': publicPage,
  'GET /en/help-desks/:id': publicPage,
  'GET /it/mappa': publicPage,
  'GET /en/map': publicPage,
  'GET /it/dati': publicPage,
  'GET /en/data': publicPage,
  'GET /it/dati/metodologia': publicPage,
  'GET /en/data/methodology': publicPage,
  'GET /it/dati/rapporto/:year': publicPage,
  'GET /en/data/report/:year': publicPage,
  'GET /open-data/datapackage.json': publicPage,
  'GET /open-data/:file': publicPage,
  'GET /it/segnala': publicPage,
  'GET /en/report': publicPage,
  'GET /it/segnala/:step': publicPage,
  'GET /en/report/:step': publicPage,
  'POST /it/segnala/:step': publicPage,
  'POST /en/report/:step': publicPage,
  'POST /it/segnala/prove': publicPage,
  'POST /en/report/evidence': publicPage,
  'POST /it/segnala/invia': { permission: 'public', audit: 'reports.submitted' },
  'POST /en/report/send': { permission: 'public', audit: 'reports.submitted' },
  // The receipt channel: public pages, the reporter's session checked by the module.
  'GET /it/ricevuta': publicPage,
  'POST /it/ricevuta': { permission: 'public', audit: 'receipt.signed_in' },
  'GET /it/ricevuta/stato': { permission: 'public', audit: 'receipt.read' },
  'GET /it/ricevuta/messaggi': { permission: 'public', audit: 'receipt.read' },
  'POST /it/ricevuta/messaggi': { permission: 'public', audit: 'receipt.message_sent' },
  'GET /it/ricevuta/aggiungi': { permission: 'public', audit: 'receipt.read' },
  'POST /it/ricevuta/aggiungi': { permission: 'public', audit: 'receipt.information_added' },
  'GET /it/ricevuta/consensi': { permission: 'public', audit: 'receipt.read' },
  'POST /it/ricevuta/consensi': { permission: 'public', audit: 'receipt.consent_withdrawn' },
  'GET /it/ricevuta/ritira': { permission: 'public', audit: 'receipt.read' },
  'POST /it/ricevuta/ritira': { permission: 'public', audit: 'receipt.report_withdrawn' },
  'POST /it/ricevuta/esci': { permission: 'public', audit: 'receipt.signed_out' },
  'GET /en/receipt': publicPage,
  'POST /en/receipt': { permission: 'public', audit: 'receipt.signed_in' },
  'GET /en/receipt/status': { permission: 'public', audit: 'receipt.read' },
  'GET /en/receipt/messages': { permission: 'public', audit: 'receipt.read' },
  'POST /en/receipt/messages': { permission: 'public', audit: 'receipt.message_sent' },
  'GET /en/receipt/add': { permission: 'public', audit: 'receipt.read' },
  'POST /en/receipt/add': { permission: 'public', audit: 'receipt.information_added' },
  'GET /en/receipt/consents': { permission: 'public', audit: 'receipt.read' },
  'POST /en/receipt/consents': { permission: 'public', audit: 'receipt.consent_withdrawn' },
  'GET /en/receipt/withdraw': { permission: 'public', audit: 'receipt.read' },
  'POST /en/receipt/withdraw': { permission: 'public', audit: 'receipt.report_withdrawn' },
  'POST /en/receipt/sign-out': { permission: 'public', audit: 'receipt.signed_out' },
  // Language-neutral entries of the form: redirect to the preferred reporting language.
  'GET /segnala': publicPage,
  'GET /report': publicPage,
  'GET /api/health': { permission: 'public', audit: null },
  'GET /api/openapi.json': { permission: 'public', audit: null },
  'GET /api/auth/session': { permission: 'public', audit: null },
  'POST /api/auth/login': { permission: 'public', audit: 'auth.login' },
  'POST /api/auth/second-factor': { permission: 'public', audit: 'auth.second_factor' },
  'POST /api/auth/logout': { permission: 'public', audit: 'auth.logout' },
  'POST /api/auth/password': { permission: 'signed_in', audit: 'auth.password_changed' },
  'POST /api/auth/totp/setup': { permission: 'signed_in', audit: 'auth.totp_setup' },
  'POST /api/auth/totp/enable': { permission: 'signed_in', audit: 'auth.totp_enabled' },
  'POST /api/auth/totp/disable': { permission: 'signed_in', audit: 'auth.totp_disabled' },
  'GET /api/users': { permission: 'users.read', audit: 'users.list' },
  'POST /api/users': { permission: 'users.manage', audit: 'users.created' },
  'GET /api/users/:id': { permission: 'users.read', audit: 'users.read' },
  'PATCH /api/users/:id': { permission: 'users.manage', audit: 'users.update' },
  'PUT /api/users/:id/memberships': {
    permission: 'users.manage',
    audit: 'users.memberships_changed',
  },
  'POST /api/users/:id/disable': { permission: 'users.manage', audit: 'users.disabled' },
  'POST /api/users/:id/enable': { permission: 'users.manage', audit: 'users.enabled' },
  'POST /api/users/:id/password': { permission: 'users.manage', audit: 'users.password_reset' },
  'GET /api/organisations': { permission: 'organisations.read', audit: null },
  'GET /api/organisations/:id': { permission: 'organisations.read', audit: null },
  'POST /api/organisations': { permission: 'network.manage', audit: 'organisations.created' },
  'PATCH /api/organisations/:id': { permission: 'network.edit', audit: 'organisations.updated' },
  'PUT /api/organisations/:id/referrals': {
    permission: 'network.edit',
    audit: 'organisations.referrals_changed',
  },
  'GET /api/organisations/:id/history': { permission: 'organisations.read', audit: null },
  'PUT /api/organisations/:id/unar-protocol-document': {
    permission: 'network.edit',
    audit: 'organisations.unar_document_uploaded',
  },
  'GET /api/organisations/:id/unar-protocol-document': {
    permission: 'organisations.read',
    audit: 'organisations.unar_document_read',
  },
  'DELETE /api/organisations/:id/unar-protocol-document': {
    permission: 'network.edit',
    audit: 'organisations.unar_document_removed',
  },
  'GET /api/organisations/export': {
    permission: 'organisations.read',
    audit: 'organisations.exported',
  },
  'GET /api/municipalities': { permission: 'signed_in', audit: null },
  'GET /api/help-desks': { permission: 'organisations.read', audit: null },
  'GET /api/help-desks/:id': { permission: 'organisations.read', audit: null },
  'POST /api/help-desks': { permission: 'network.edit', audit: 'help_desks.created' },
  'PATCH /api/help-desks/:id': { permission: 'network.edit', audit: 'help_desks.updated' },
  'GET /api/help-desks/:id/history': { permission: 'organisations.read', audit: null },
  'GET /api/network/map': { permission: 'organisations.read', audit: null },
  'POST /api/network/import/preview': {
    permission: 'network.manage',
    audit: 'network.import_previewed',
  },
  'POST /api/network/import/:previewId/confirm': {
    permission: 'network.manage',
    audit: 'network.imported',
  },
  'GET /api/audit': { permission: 'audit.read', audit: 'audit.read' },
  'GET /api/audit/verify': { permission: 'audit.verify', audit: 'audit.verified' },
  'GET /api/taxonomy': { permission: 'signed_in', audit: null },
  'GET /api/stats/crosstab': { permission: 'aggregates.read', audit: 'stats.read' },
  'GET /api/stats/crosstab/export': { permission: 'aggregates.read', audit: 'stats.exported' },
  'GET /api/stats/crosstab/chart': { permission: 'aggregates.read', audit: 'stats.read' },
  'GET /api/stats/intersectional': { permission: 'aggregates.read', audit: 'stats.read' },
  'GET /api/stats/map': { permission: 'aggregates.read', audit: 'stats.read' },
  'GET /api/stats/reports': { permission: 'aggregates.read', audit: null },
  'POST /api/stats/reports': { permission: 'aggregates.read', audit: 'stats.exported' },
  'GET /api/stats/reports/:id': { permission: 'aggregates.read', audit: null },
  'GET /api/stats/reports/:id/download': { permission: 'aggregates.read', audit: 'stats.exported' },
  'POST /api/cases': { permission: 'cases.intake', audit: 'cases.created' },
  'GET /api/cases': { permission: 'cases.read', audit: 'cases.listed' },
  'GET /api/cases/:id': { permission: 'cases.read', audit: 'cases.read' },
  'PATCH /api/cases/:id': { permission: 'cases.read', audit: 'cases.updated' },
  'POST /api/cases/:id/transitions': { permission: 'cases.read', audit: 'cases.transitioned' },
  'PUT /api/cases/:id/classification': { permission: 'cases.read', audit: 'cases.classified' },
  'PUT /api/cases/:id/victim-profile': {
    permission: 'cases.read',
    audit: 'cases.victim_profile_changed',
  },
  'POST /api/cases/:id/reassign': { permission: 'cases.manage', audit: 'cases.reassigned' },
  'GET /api/cases/:id/assignable-users': {
    permission: 'cases.read',
    audit: 'cases.assignable_users_read',
  },
  // Timeline and collaboration (notes, actions, documents, deadlines, messages, referrals).
  'GET /api/cases/:id/timeline': { permission: 'cases.read', audit: 'cases.timeline_read' },
  'POST /api/cases/:id/notes': { permission: 'cases.read', audit: 'cases.note_added' },
  'POST /api/cases/:id/actions': { permission: 'cases.read', audit: 'cases.action_added' },
  'POST /api/cases/:id/deadlines': { permission: 'cases.read', audit: 'cases.deadline_added' },
  'PATCH /api/cases/:id/deadlines/:deadlineId': {
    permission: 'cases.read',
    audit: 'cases.deadline_changed',
  },
  'GET /api/cases/:id/messages': { permission: 'cases.read', audit: 'cases.messages_read' },
  'POST /api/cases/:id/messages': { permission: 'cases.read', audit: 'cases.message_sent' },
  'POST /api/cases/:id/documents': { permission: 'cases.read', audit: 'cases.document_added' },
  'GET /api/cases/:id/documents': { permission: 'cases.read', audit: 'cases.documents_listed' },
  'GET /api/cases/:id/documents/:documentId': {
    permission: 'cases.read',
    audit: 'cases.document_read',
  },
  'DELETE /api/cases/:id/documents/:documentId': {
    permission: 'cases.read',
    audit: 'cases.document_removed',
  },
  'POST /api/cases/:id/referrals': { permission: 'cases.read', audit: 'cases.referral_created' },
  'GET /api/cases/:id/referrals': { permission: 'cases.read', audit: 'cases.referrals_read' },
  'POST /api/cases/:id/referrals/:referralId/accept': {
    permission: 'cases.read',
    audit: 'cases.referral_accepted',
  },
  'POST /api/cases/:id/referrals/:referralId/decline': {
    permission: 'cases.read',
    audit: 'cases.referral_declined',
  },
  'POST /api/cases/:id/referrals/:referralId/revoke': {
    permission: 'cases.read',
    audit: 'cases.referral_revoked',
  },
  'GET /api/referrals/incoming': { permission: 'cases.read', audit: 'cases.referrals_listed' },
  'GET /api/cases/:id/possible-duplicates': {
    permission: 'cases.read',
    audit: 'cases.duplicates_read',
  },
  'POST /api/cases/:id/links': { permission: 'cases.read', audit: 'cases.linked' },
  'DELETE /api/cases/:id/links/:linkedCaseId': {
    permission: 'cases.read',
    audit: 'cases.unlinked',
  },
};

/**
 * The report form and the receipt channel in the reporting languages beyond Italian and
 * English: the English addresses under each language's prefix, with the same rules.
 */
const reportingLanguages = ['ro', 'sq', 'ar', 'uk', 'zh', 'fr', 'es', 'el', 'de', 'bs'];
for (const [route, rule] of Object.entries(expectedRoutes)) {
  if (!/^\w+ \/en\/(report|receipt)(\/|$)/.test(route)) continue;
  for (const language of reportingLanguages) {
    expectedRoutes[route.replace(' /en/', ` /${language}/`)] = rule;
  }
}

/** Plugin routes (static files, docs UI) are public and touch no data: checked by prefix. */
const pluginPrefixes = ['/assets/', '/api/docs', '/app/', '/static/'];

describe('route table', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp();
  });
  afterAll(() => context.close());

  const applicationRoutes = () =>
    context.app.routeTable.filter(
      (route) =>
        route.method !== 'HEAD' &&
        !pluginPrefixes.some(
          (prefix) => route.url.startsWith(prefix) || `${route.url}/` === prefix,
        ),
    );

  it('lists every route with its reviewed permission and audit event', () => {
    const actual = Object.fromEntries(
      applicationRoutes().map((route) => [
        `${route.method} ${route.url}`,
        { permission: route.permission, audit: route.audit },
      ]),
    );
    expect(actual).toEqual(expectedRoutes);
  });

  it('refuses every protected route to an anonymous caller', async () => {
    for (const route of applicationRoutes().filter((r) => r.permission !== 'public')) {
      const client = new TestClient(context.app);
      await client.get('/api/auth/session');
      const response = await client.request({
        method: route.method as 'GET',
        url: route.url.replaceAll(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000'),
        body: route.method === 'GET' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('lets each role through exactly the routes its permissions allow, and 404s the rest', async () => {
    const { db } = context.database.handle;
    for (const role of roles) {
      const user = await createUser(context, { roles: [role] });
      const actor = (await loadActor(db, user.id))!;
      const client = new TestClient(context.app);
      await client.signIn(user);
      for (const route of applicationRoutes()) {
        if (route.permission === 'public' || route.url === '/api/auth/logout') continue;
        const marker = await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow();
        const response = await client.request({
          method: route.method as 'GET',
          url: route.url.replaceAll(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000'),
          body: route.method === 'GET' ? undefined : {},
        });
        const deniedByPolicy = await db
          .selectFrom('audit_log')
          .select('id')
          .where('id', '>', Number(marker.id ?? 0))
          .where('actor_user_id', '=', user.id)
          .where('outcome', '=', 'denied')
          .where(sql<boolean>`details @> ${JSON.stringify({ deniedBy: 'policy' })}::jsonb`)
          .execute();
        const label = `${role} → ${route.method} ${route.url}`;
        if (can(actor, route.permission)) {
          expect(response.statusCode, label).not.toBe(401);
          expect(deniedByPolicy, label).toHaveLength(0);
        } else {
          expect(response.statusCode, label).toBe(404);
          expect(deniedByPolicy, label).toHaveLength(1);
        }
      }
    }
  });
});
