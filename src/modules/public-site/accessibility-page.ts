import { html } from '../../http/html.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { renderLayout } from './layout.ts';
import { leadPartnerContact } from './lead-partner-contact.ts';
import type { NetworkMember } from './network-members.ts';
import { pagePath, sitePages } from './site-paths.ts';

/**
 * The accessibility statement, in the structure of AgID's model "dichiarazione di
 * accessibilità": conformity status, content not accessible, preparation, feedback and contacts,
 * enforcement procedure, information on the site.
 */
export function renderAccessibilityPage(locale: Locale, leadPartner: NetworkMember | null): string {
  const t = (key: string) => translate(locale, `public.accessibility.${key}`);
  const main = html`<h1>${t('title')}</h1>
    <p class="lead">${t('intro')}</p>

    <section aria-labelledby="conformity">
      <h2 id="conformity" class="mt-5">${t('conformity.heading')}</h2>
      <p>${t('conformity.status')}</p>
      <p>${t('conformity.target')}</p>
      <h3 class="h4 mt-4">${t('not_accessible.heading')}</h3>
      <ul>
        <li>${t('not_accessible.back_office')}</li>
        <li>${t('not_accessible.documents')}</li>
      </ul>
    </section>

    <section aria-labelledby="preparation">
      <h2 id="preparation" class="mt-5">${t('preparation.heading')}</h2>
      <p>${t('preparation.date')}</p>
      <p>${t('preparation.method')}</p>
    </section>

    <section aria-labelledby="feedback">
      <h2 id="feedback" class="mt-5">${t('feedback.heading')}</h2>
      <p>${t('feedback.how')}</p>
      ${leadPartnerContact(locale, leadPartner)}
      <p>
        ${t('feedback.help_desks')}
        <a href="${pagePath('home', locale)}#members">${t('feedback.help_desks_link')}</a>
      </p>
    </section>

    <section aria-labelledby="enforcement">
      <h2 id="enforcement" class="mt-5">${t('enforcement.heading')}</h2>
      <p>${t('enforcement.text')}</p>
      <p><a href="https://www.agid.gov.it/" hreflang="it">${t('enforcement.agid_link')}</a></p>
    </section>

    <section aria-labelledby="site-information">
      <h2 id="site-information" class="mt-5">${t('site.heading')}</h2>
      <ul>
        <li>${t('site.no_javascript')}</li>
        <li>${t('site.design_system')}</li>
        <li>${t('site.software')}</li>
      </ul>
    </section>`;
  return renderLayout({ locale, title: t('title'), alternates: sitePages.accessibility, main });
}
