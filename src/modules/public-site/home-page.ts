import { html, type SafeHtml } from '../../http/html.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { renderLayout } from './layout.ts';
import type { NetworkFigures } from './find-desk/network-data.ts';
import { groupByKind, type NetworkMember, type NetworkOverview } from './network-members.ts';
import { networkPagePath, reportPages, sitePages, staffAreaPath } from './site-paths.ts';

const missionPoints = ['listen', 'cases', 'data', 'prevent'] as const;

function memberEntry(locale: Locale, member: NetworkMember): SafeHtml {
  const t = (key: string, values?: Record<string, string>) => translate(locale, key, values);
  const roleClass = member.networkRole === 'lead_partner' ? 'bg-primary' : 'bg-secondary';
  return html`<li class="site-member">
    <h4 class="h5 mb-1">${member.name}</h4>
    <p class="mb-1">
      <span class="badge ${roleClass}">${t(`public.role.${member.networkRole}`)}</span>
      ${
        member.municipality
          ? html`<span class="small ms-1">
              ${t('public.home.members.seat', {
                municipality: member.municipality.name,
                province: member.municipality.provinceAcronym,
              })}
            </span>`
          : null
      }
    </p>
    ${member.description ? html`<p class="mb-0">${member.description}</p>` : null}
  </li>`;
}

function figures(
  locale: Locale,
  overview: NetworkOverview,
  network: NetworkFigures,
  now: Date,
): SafeHtml {
  const number = new Intl.NumberFormat(locale);
  const entries: [string, number][] = [
    ['public.network.figures.municipalities', network.municipalities],
    ['public.network.figures.associations', network.associations],
    ['public.network.figures.unar_protocols', network.unarProtocols],
    ['public.network.figures.help_desks', network.activeDesks],
    ['public.home.figures.organisations', overview.members.length],
    ['public.home.figures.municipalities', overview.municipalitiesCovered],
  ];
  const asOf = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeZone: 'Europe/Rome',
  }).format(now);
  return html`<p>${translate(locale, 'public.network.figures.as_of', { date: asOf })}</p>
    <dl class="site-figures">
    ${entries.map(
      ([key, count]) =>
        html`<div>
          <dt>${translate(locale, key, { count })}</dt>
          <dd>${number.format(count)}</dd>
        </div>`,
    )}
  </dl>`;
}

function members(locale: Locale, overview: NetworkOverview): SafeHtml {
  const t = (key: string) => translate(locale, key);
  if (overview.members.length === 0) return html`<p>${t('public.home.members.empty')}</p>`;
  // Groups flow side by side, so the many kinds with a single member stay compact.
  return html`<div class="row">
    ${groupByKind(overview.members).map(
      (group) =>
        html`<section class="col-12 col-md-6 col-lg-4 mb-4" aria-labelledby="kind-${group.kind}">
          <h3 id="kind-${group.kind}" class="h4">${t(`public.kind.${group.kind}`)}</h3>
          <ul class="list-unstyled">
            ${group.members.map((member) => memberEntry(locale, member))}
          </ul>
        </section>`,
    )}
  </div>`;
}

/** The home page: what the network is, who is in it and where, computed from the data. */
export function renderHomePage(
  locale: Locale,
  overview: NetworkOverview,
  network: NetworkFigures,
  now: Date,
): string {
  const t = (key: string, values?: Record<string, string>) => translate(locale, key, values);
  const main = html`<h1>${t('public.network.name')}</h1>
    <p class="lead">${t('public.home.lead')}</p>
    ${
      overview.leadPartner
        ? html`<p>
            ${t('public.home.coordinated_by', { leadPartner: overview.leadPartner.name })}
          </p>`
        : null
    }

    <section class="mt-4 site-report-call" aria-labelledby="report">
      <h2 id="report" class="h3">${t('report.home.heading')}</h2>
      <p>${t('report.home.text')}</p>
      <p class="mb-0">
        <a class="btn btn-primary btn-lg" href="${reportPages.report[locale]}">${t('report.home.button')}</a>
      </p>
    </section>

    <section class="mt-5" aria-labelledby="mission">
      <h2 id="mission">${t('public.home.mission.heading')}</h2>
      <ul>
        ${missionPoints.map((point) => html`<li>${t(`public.home.mission.${point}`)}</li>`)}
      </ul>
    </section>

    <section class="mt-5" aria-labelledby="figures">
      <h2 id="figures">${t('public.home.figures.heading')}</h2>
      ${figures(locale, overview, network, now)}
      <p class="mt-3">
        <a href="${networkPagePath('findDesk', locale)}">${t('public.network.nav.find_desk')}</a>
        · <a href="${networkPagePath('map', locale)}">${t('public.network.nav.map')}</a>
      </p>
    </section>

    <section class="mt-5" aria-labelledby="members">
      <h2 id="members">${t('public.home.members.heading')}</h2>
      ${members(locale, overview)}
    </section>

    <section class="mt-5" aria-labelledby="staff">
      <h2 id="staff">${t('public.home.staff.heading')}</h2>
      <p>${t('public.home.staff.text')}</p>
      <p><a class="btn btn-primary" href="${staffAreaPath}">${t('public.staff_area')}</a></p>
    </section>`;
  return renderLayout({
    locale,
    title: t('public.network.name'),
    alternates: sitePages.home,
    main,
  });
}
