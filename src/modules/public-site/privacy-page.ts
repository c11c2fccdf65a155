import { html } from '../../http/html.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { renderLayout } from './layout.ts';
import { leadPartnerContact } from './lead-partner-contact.ts';
import type { NetworkMember } from './network-members.ts';
import { sitePages } from './site-paths.ts';

const dataCategories = ['visitors', 'reporters', 'special', 'staff'] as const;
const purposes = ['cases', 'sharing', 'statistics', 'security'] as const;
const cookies = ['lang', 'csrf', 'session'] as const;
const rights = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'consent',
] as const;

/**
 * The information notice of GDPR article 13 for a platform that holds special categories of
 * data (article 9): who is the controller, what is processed, why and on which legal basis,
 * what is never collected, for how long, and the rights of the people concerned.
 */
export function renderPrivacyPage(locale: Locale, leadPartner: NetworkMember | null): string {
  const t = (key: string) => translate(locale, `public.privacy.${key}`);
  const list = (group: string, keys: readonly string[]) =>
    html`<ul>
      ${keys.map((key) => html`<li>${t(`${group}.${key}`)}</li>`)}
    </ul>`;
  const main = html`<h1>${t('title')}</h1>
    <p class="lead">${t('intro')}</p>

    <section aria-labelledby="controller">
      <h2 id="controller" class="mt-5">${t('controller.heading')}</h2>
      <p>${t('controller.text')}</p>
      ${leadPartnerContact(locale, leadPartner)}
      <p>${t('controller.members')}</p>
      <h3 class="h4 mt-4">${t('dpo.heading')}</h3>
      <p>${t('dpo.text')}</p>
    </section>

    <section aria-labelledby="data">
      <h2 id="data" class="mt-5">${t('data.heading')}</h2>
      ${list('data', dataCategories)}
    </section>

    <section aria-labelledby="not-collected">
      <h2 id="not-collected" class="mt-5">${t('not_collected.heading')}</h2>
      <p>${t('not_collected.metadata')}</p>
      <p>${t('not_collected.tracking')}</p>
      <h3 class="h4 mt-4">${t('cookies.heading')}</h3>
      ${list('cookies', cookies)}
    </section>

    <section aria-labelledby="purposes">
      <h2 id="purposes" class="mt-5">${t('purposes.heading')}</h2>
      ${list('purposes', purposes)}
      <p>${t('purposes.voluntary')}</p>
    </section>

    <section aria-labelledby="recipients">
      <h2 id="recipients" class="mt-5">${t('recipients.heading')}</h2>
      <p>${t('recipients.text')}</p>
      <p>${t('recipients.security')}</p>
    </section>

    <section aria-labelledby="retention">
      <h2 id="retention" class="mt-5">${t('retention.heading')}</h2>
      <p>${t('retention.cases')}</p>
      <p>${t('retention.staff')}</p>
    </section>

    <section aria-labelledby="rights">
      <h2 id="rights" class="mt-5">${t('rights.heading')}</h2>
      ${list('rights', rights)}
      <p>${t('rights.how')}</p>
      <p>
        ${t('rights.complaint')}
        <a href="https://www.garanteprivacy.it/" hreflang="it">${t('rights.garante_link')}</a>
      </p>
    </section>

    <p class="mt-5 small">${t('updated')}</p>`;
  return renderLayout({ locale, title: t('title'), alternates: sitePages.privacy, main });
}
