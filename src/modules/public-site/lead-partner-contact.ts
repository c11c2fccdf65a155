import { html, type SafeHtml } from '../../http/html.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import type { NetworkMember } from './network-members.ts';

/** Only web addresses are linked: an organisation's website is typed by a person. */
function isWebAddress(value: string | null): value is string {
  return value !== null && /^https?:\/\/[^\s]+$/i.test(value);
}

/**
 * "The network's lead partner" named when the network has one, with a link to its website
 * when recorded: the controller, the DPO and the accessibility contact are the lead partner's.
 */
export function leadPartnerContact(locale: Locale, leadPartner: NetworkMember | null): SafeHtml {
  if (!leadPartner) return html`<p>${translate(locale, 'public.lead_partner.unnamed')}</p>`;
  return html`<p>
    ${translate(locale, 'public.lead_partner.named', { name: leadPartner.name })}
    ${
      isWebAddress(leadPartner.website)
        ? html`<a href="${leadPartner.website}"
            >${translate(locale, 'public.lead_partner.website')}</a
          >`
        : null
    }
  </p>`;
}
