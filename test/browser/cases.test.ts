import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { demoUser, expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

describe('case screens in the browser', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  async function signIn(page: Page, role: Parameters<typeof demoUser>[1]) {
    const user = demoUser(harness, role);
    await page.goto('/app/login');
    await page.getByLabel(it_('bo.login.email')).fill(user.email);
    await page.getByLabel(it_('bo.login.password'), { exact: true }).fill(user.password);
    await page.getByRole('button', { name: it_('bo.login.submit') }).click();
    await page.getByRole('button', { name: it_('bo.header.signOut') }).waitFor();
  }

  async function heading(page: Page, name: string) {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** Enters a report on the New case screen; answers the reference shown on the detail page. */
  async function enterCase(
    page: Page,
    title: string,
    receipt: boolean,
    sharing = false,
  ): Promise<string> {
    await page.getByRole('link', { name: it_('bo.cases.new.link') }).click();
    await heading(page, it_('bo.cases.new.title'));
    await page.getByLabel(it_('bo.cases.new.field.title')).fill(title);
    await page
      .getByLabel(it_('bo.cases.new.field.narrative'))
      .fill('Al telefono: le hanno rifiutato un appartamento in affitto per il suo accento.');
    await page.getByLabel(it_('bo.cases.consent.handling')).check({ force: true });
    if (sharing) await page.getByLabel(it_('bo.cases.consent.sharing')).check({ force: true });
    if (receipt) await page.getByLabel(it_('bo.cases.new.issueReceipt')).check({ force: true });
    await page.getByRole('button', { name: it_('bo.cases.new.submit') }).click();
    if (receipt) {
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/\d{4} \d{4} \d{4} \d{4}/);
      await expectNoAxeViolations(page, 'receipt code dialog');
      await dialog.getByRole('button', { name: it_('bo.cases.receipt.done') }).click();
    }
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    const prefix = it_('bo.cases.detail.heading', { reference: '' });
    const h1 = page.getByRole('heading', { level: 1, name: new RegExp(`^${prefix}\\S+`) });
    const reference = /^\S+/.exec((await h1.innerText()).slice(prefix.length))?.[0] ?? '';
    expect(reference).not.toBe('');
    return reference;
  }

  it("follows an operator's case from a phone call to its closing", async () => {
    const page = await harness.newPage();
    await signIn(page, 'operator');
    await page
      .getByRole('link', { name: it_('bo.cases.nav'), exact: true })
      .first()
      .click();
    await heading(page, it_('bo.cases.queue.title'));
    await page.getByRole('link', { name: it_('bo.cases.scope.mine') }).click();
    await page.waitForURL(/scope=mine/);
    await page.getByLabel(it_('bo.cases.filter.q'), { exact: true }).fill('zzz-nessun-caso');
    await page.getByRole('button', { name: it_('bo.cases.filter.submit'), exact: true }).click();
    await page.getByText(it_('bo.cases.queue.noneFiltered')).waitFor();
    await expectNoAxeViolations(page, 'case queue with no results');

    // A submission without the story is refused next to the field and keeps what was typed.
    await page.getByRole('link', { name: it_('bo.cases.new.link') }).click();
    await heading(page, it_('bo.cases.new.title'));
    await expectNoAxeViolations(page, 'new case form');
    await page.getByLabel(it_('bo.cases.new.field.title')).fill('Affitto negato a Pisa');
    await page.getByRole('button', { name: it_('bo.cases.new.submit') }).click();
    await page.getByText(it_('bo.cases.new.narrativeRequired')).first().waitFor();
    expect(await page.getByLabel(it_('bo.cases.new.field.title')).inputValue()).toBe(
      'Affitto negato a Pisa',
    );
    await expectNoAxeViolations(page, 'new case form with errors');
    await page.getByRole('link', { name: it_('bo.cases.backToQueue') }).click();

    const reference = await enterCase(page, 'Affitto negato a Pisa', true);

    // Found in the queue by a word of its title.
    await page.getByRole('link', { name: it_('bo.cases.backToQueue') }).click();
    await heading(page, it_('bo.cases.queue.title'));
    await page.getByLabel(it_('bo.cases.filter.q'), { exact: true }).fill('affitto');
    await page.getByRole('button', { name: it_('bo.cases.filter.submit'), exact: true }).click();
    await page.waitForURL(/q=affitto/);
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    expect(await row.innerText()).toContain(it_('bo.cases.status.received'));
    await expectNoAxeViolations(page, 'case queue with a case');
    await row.getByRole('link', { name: reference }).click();
    await heading(page, it_('bo.cases.detail.heading', { reference }));
    await expectNoAxeViolations(page, 'case detail');

    // Taken in charge.
    await page.getByLabel(it_('bo.cases.action.taken_in_charge')).check({ force: true });
    await page.getByRole('button', { name: it_('bo.cases.transition.submit') }).click();
    await page.getByText(it_('bo.cases.transition.done')).waitFor();
    await page.getByRole('button', { name: it_('bo.cases.assign.takeIt') }).click();
    await page.getByText(it_('bo.cases.assign.taken')).waitFor();

    // Classified with two grounds: intersectional.
    await page
      .getByRole('checkbox', { name: 'Origine razziale o etnica', exact: true })
      .check({ force: true });
    await page
      .getByRole('checkbox', { name: 'Religione o convinzioni personali', exact: true })
      .check({ force: true });
    await page
      .getByRole('radio', {
        name: `${it_('bo.cases.classification.primary')} (Origine razziale o etnica)`,
      })
      .check({ force: true });
    await page
      .getByRole('checkbox', {
        name: `${it_('bo.cases.classification.perceived')} (Religione o convinzioni personali)`,
      })
      .check({ force: true });
    await page.getByText(it_('bo.cases.classification.intersectional')).waitFor();
    await page.getByRole('button', { name: it_('bo.cases.classification.submit') }).click();
    await page.getByText(it_('bo.cases.classification.saved')).waitFor();
    await page.getByText(it_('bo.cases.intersectional')).first().waitFor();

    // Victim profile: one answer, one "prefer not to say", the rest not asked.
    await page
      .getByLabel(it_('bo.cases.victim.ageBand'), { exact: true })
      .selectOption({ label: it_('bo.cases.victim.ageBand.25_34') });
    await page
      .getByLabel(it_('bo.cases.victim.gender'), { exact: true })
      .selectOption({ label: it_('bo.cases.victim.preferNotToSay') });
    await page.getByRole('button', { name: it_('bo.cases.victim.submit') }).click();
    await page.getByText(it_('bo.cases.victim.saved')).waitFor();

    // A note and an action on the timeline.
    await page
      .getByLabel(it_('bo.cases.note.body'), { exact: true })
      .fill('Richiamata la signora: conferma il racconto.');
    await page.getByRole('button', { name: it_('bo.cases.note.submit') }).click();
    await page.getByText(it_('bo.cases.note.added')).waitFor();
    await page
      .getByLabel(it_('bo.cases.actionForm.kind'), { exact: true })
      .selectOption({ label: it_('bo.cases.actionKind.letter_to_other_party') });
    await page.getByRole('button', { name: it_('bo.cases.actionForm.submit') }).click();
    await page.getByText(it_('bo.cases.actionForm.added')).waitFor();
    const work = page.getByRole('region', { name: it_('bo.cases.timeline.title') });
    await work.getByText('Richiamata la signora: conferma il racconto.').waitFor();
    await work.getByText(it_('bo.cases.actionKind.letter_to_other_party')).first().waitFor();

    // Closed with an outcome; the timeline records each step.
    await page.getByLabel(it_('bo.cases.action.in_progress')).check({ force: true });
    await page.getByRole('button', { name: it_('bo.cases.transition.submit') }).click();
    await page.getByText(it_('bo.cases.transition.done')).waitFor();
    await page.getByLabel(it_('bo.cases.action.closed')).check({ force: true });
    await page.getByRole('button', { name: it_('bo.cases.transition.submit') }).click();
    await page.getByText(it_('bo.cases.transition.outcomeRequired')).first().waitFor();
    await page
      .getByLabel(it_('bo.cases.transition.outcome'), { exact: true })
      .selectOption({ label: 'Soluzione concordata' });
    await page.getByRole('button', { name: it_('bo.cases.transition.submit') }).click();
    // The "done" notice from the previous transition may still be shown: wait for the
    // closing itself to reach the timeline before reading it.
    const timeline = page.getByRole('region', { name: it_('bo.cases.timeline.title') });
    await timeline.getByText('Soluzione concordata').first().waitFor();
    const summary = page.locator('dl.bo-details').first();
    expect(await summary.innerText()).toContain(it_('bo.cases.status.closed'));
    const history = await timeline.innerText();
    expect(history).toContain(it_('bo.cases.event.classified'));
    expect(history).toContain('Soluzione concordata');
    await expectNoAxeViolations(page, 'closed case detail');
  });

  it('lets a coordinator reassign a case to another organisation', async () => {
    const page = await harness.newPage();
    await signIn(page, 'node_coordinator');
    await page
      .getByRole('link', { name: it_('bo.cases.nav'), exact: true })
      .first()
      .click();
    await heading(page, it_('bo.cases.queue.title'));
    // Moving a case to another node, not the competent desk, needs the sharing consent.
    const reference = await enterCase(page, 'Da smistare a Prato', false, true);

    // Without a reason nothing is sent.
    await page
      .getByLabel(it_('bo.cases.reassign.organisation'))
      .selectOption({ label: 'Sportello antidiscriminazioni di Prato' });
    await page.getByRole('button', { name: it_('bo.cases.reassign.submit') }).click();
    await page.getByText(it_('bo.cases.reassign.reasonRequired')).first().waitFor();
    await page
      .getByLabel(it_('bo.cases.reassign.reason'))
      .fill('Il fatto è avvenuto a Prato, competenza dello sportello locale.');
    await page.getByRole('button', { name: it_('bo.cases.reassign.submit') }).click();
    await page.getByText(it_('bo.cases.reassign.done', { reference })).waitFor();
    await heading(page, it_('bo.cases.queue.title'));
    await expectNoAxeViolations(page, 'case queue after a reassignment');
  });

  it('says when someone else changed the case and reloads it', async () => {
    const first = await harness.newPage();
    await signIn(first, 'operator');
    await first.goto('/app/cases');
    await heading(first, it_('bo.cases.queue.title'));
    await enterCase(first, 'Modificato in due', false);
    const second = await harness.newPage();
    await signIn(second, 'operator');
    await second.goto(first.url());
    await second.getByLabel(it_('bo.cases.action.in_triage')).waitFor();

    await first.getByLabel(it_('bo.cases.action.in_triage')).check({ force: true });
    await first.getByRole('button', { name: it_('bo.cases.transition.submit') }).click();
    await first.getByText(it_('bo.cases.transition.done')).waitFor();

    // The second screen still offers the old moves; the server refuses the stale version.
    await second.getByLabel(it_('bo.cases.action.in_triage')).check({ force: true });
    await second.getByRole('button', { name: it_('bo.cases.transition.submit') }).click();
    await second.getByText(it_('bo.cases.conflict')).waitFor();
    const summary = second.locator('dl.bo-details').first();
    await summary.getByText(it_('bo.cases.status.in_triage')).waitFor();
    expect(await second.getByLabel(it_('bo.cases.action.in_triage')).count()).toBe(0);
    await expectNoAxeViolations(second, 'case detail after a conflict');
  });
});
