import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { expectNoAxeViolations, signInAs, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

/** The demo case whose reporter wrote again to the same desk and to another one (same e-mail). */
const KARIM_CASE = 'Annuncio di affitto "no stranieri"';

describe("a case's team and its possible duplicates in the browser", () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  /** Opens the queue and, from its row, the case with this title. */
  async function openCase(page: Page, title: string) {
    await page.goto('/app/cases');
    await page.getByRole('heading', { level: 1, name: it_('bo.cases.queue.title') }).waitFor();
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: it_('bo.cases.assign.title') }).waitFor();
  }

  it('lets an operator give a case to a colleague chosen by name', async () => {
    const page = await harness.newPage();
    await signInAs(harness, page, 'operator');
    await openCase(page, 'Insulti razzisti sul bus');
    const colleague = page.getByLabel(it_('bo.cases.assign.colleague'), { exact: true });
    const coordinator = it_('bo.cases.assign.person', {
      name: 'Luca Bertini',
      role: it_('bo.role.node_coordinator'),
    });
    await colleague.locator('option', { hasText: 'Luca Bertini' }).waitFor({ state: 'attached' });
    const options = await colleague.locator('option').allInnerTexts();
    expect(options).toContain(coordinator);
    // Only the desk's team, by name: no e-mail, nobody from another organisation.
    expect(options.join(' ')).not.toContain('@');
    expect(options.join(' ')).not.toContain('Francesco Neri');
    await colleague.selectOption({ label: coordinator });
    await page.getByRole('button', { name: it_('bo.cases.assign.give') }).click();
    await page.getByText(it_('bo.cases.assign.given')).waitFor();
    await page.getByText(it_('bo.cases.assign.current', { name: 'Luca Bertini' })).waitFor();
  });

  it('shows possible duplicates, links one as related and records it on both timelines', async () => {
    const page = await harness.newPage();
    await page.setViewportSize({ width: 1024, height: 900 });
    await signInAs(harness, page, 'operator');
    await page.goto('/app/cases');
    const row = page.getByRole('row').filter({ hasText: KARIM_CASE });
    await row.waitFor();
    expect(await row.innerText()).toContain(it_('bo.cases.possibleDuplicate'));
    // The queue fits a 1024-pixel screen: nothing to scroll sideways.
    const region = page.getByRole('region', { name: /^Casi:/ });
    const widths = await region.evaluate((element) => [element.scrollWidth, element.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);

    await openCase(page, KARIM_CASE);
    const panel = page.getByRole('region', { name: it_('bo.cases.duplicates.title') });
    await panel.getByText(it_('bo.cases.duplicates.intro')).waitFor();
    const text = await panel.innerText();
    expect(text).toContain(it_('bo.cases.duplicates.match.email'));
    expect(text).not.toContain('karim.demo@example.org');
    // The case at the Prato desk is described, not shown: the reader is told whom to ask.
    expect(text).toContain(it_('bo.cases.duplicates.contactNetwork').split(':')[0]);
    await expectNoAxeViolations(page, 'case detail with possible duplicates');

    const other = (await panel.getByRole('link').first().innerText()).trim();
    expect(other).toMatch(/^SEG-/);
    await panel
      .getByRole('button', { name: it_('bo.cases.duplicates.mark.related', { reference: other }) })
      .click();
    await page.getByText(it_('bo.cases.duplicates.linked.related', { reference: other })).waitFor();
    await panel.getByText(it_('bo.cases.duplicates.state.related'), { exact: true }).waitFor();
    const linkedEvent = `${it_('bo.cases.event.case_linked')} — ${it_('bo.cases.event.linkDetail', {
      hasReference: 'yes',
      reference: other,
      kind: 'related',
    })}`;
    const timeline = page.getByRole('region', { name: it_('bo.cases.timeline.title') });
    await timeline.getByText(linkedEvent).waitFor();
    await expectNoAxeViolations(page, 'case detail after linking a duplicate');

    // The other case's timeline names this one.
    const prefix = it_('bo.cases.detail.heading', { reference: '' });
    const h1 = await page.getByRole('heading', { level: 1 }).innerText();
    const reference = /^\S+/.exec(h1.slice(prefix.length))?.[0] ?? '';
    await panel.getByRole('link', { name: other }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(other) }).waitFor();
    await page
      .getByRole('region', { name: it_('bo.cases.timeline.title') })
      .getByText(
        `${it_('bo.cases.event.case_linked')} — ${it_('bo.cases.event.linkDetail', {
          hasReference: 'yes',
          reference,
          kind: 'related',
        })}`,
      )
      .waitFor();
  });
});
