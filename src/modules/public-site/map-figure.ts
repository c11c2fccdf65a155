import { html, unsafeHtml, type SafeHtml } from '../../http/html.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { boundariesAttribution } from '../reference/boundaries.ts';
import { pagePath } from './site-paths.ts';

/**
 * A server-drawn map with the credit its ISTAT boundaries require and a link to the page of
 * data sources. `attribution` is the page's own sentence, with the source filled in.
 */
export function mapFigure(
  svg: string,
  locale: Locale,
  text: { attribution: (source: string) => string; link: string },
): SafeHtml {
  return html`<figure class="site-map">
    ${unsafeHtml(svg)}
    <figcaption class="small mt-2">
      ${text.attribution(boundariesAttribution)}
      <a href="${pagePath('dataSources', locale)}">${text.link}</a>
    </figcaption>
  </figure>`;
}
