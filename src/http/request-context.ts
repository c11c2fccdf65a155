import type { Actor, Permission } from '../core/policy.ts';
import type { Locale, ReportLocale } from '../i18n/i18n.ts';

export interface SessionContext {
  /** The raw session id from the cookie; only its keyed hash is stored. */
  id: string;
  idHash: string;
  userId: string;
  pendingSecondFactor: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller must be allowed to do; every route declares it (checked at start). */
    permission?: Permission;
    /**
     * The audit event written for each request to this route, or null for a route that touches
     * no personal data. Every route declares it (checked at start).
     */
    audit?: string | null;
    /** Skip the CSRF check (only for routes that change nothing a forged request could abuse). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionContext | null;
    /** The site language (Italian or English): the API's, the back office's, most pages'. */
    locale: Locale;
    /**
     * The language of the page answered: the site language, or on the report form and the
     * receipt pages one of the reporting languages (their HTML error pages use it too).
     */
    pageLocale: ReportLocale;
    /** Set by handlers to name the record an audited request touched. */
    auditTarget: { type: string; id: string; details?: Record<string, unknown> } | null;
    /**
     * Set by a handler that wrote its audit row inside its own transaction (so the change and its
     * record commit together); the guard then writes no second row for a successful request.
     */
    auditRecorded: boolean;
  }
}
