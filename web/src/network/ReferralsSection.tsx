import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { listAllOrganisations, replaceReferrals } from '../api/organisations.ts';
import type { OrganisationDetail } from '../api/organisations.ts';
import type { Organisation } from '../api/types.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { TextField } from '../common/TextField.tsx';
import { fieldId, useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { targetFor } from './fieldTargets.ts';

const FORM = 'referrals';

interface Props {
  organisation: OrganisationDetail;
  onSaved: (organisation: OrganisationDetail) => void;
}

interface Row {
  organisationId: string;
  description: string;
}

/** Organisations this one refers people to (editable) and those that refer to it. */
export function ReferralsSection({ organisation, onSaved }: Props) {
  const t = useT();
  const form = useFormErrors();
  const [rows, setRows] = useState<Row[]>(() =>
    organisation.referralsTo.map((r) => ({
      organisationId: r.organisationId,
      description: r.description ?? '',
    })),
  );
  const [choices, setChoices] = useState<Organisation[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!organisation.canEdit) return;
    let current = true;
    listAllOrganisations().then(
      (items) => current && setChoices(items.filter((o) => o.id !== organisation.id)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [organisation.canEdit, organisation.id]);

  function update(index: number, row: Row) {
    setRows((previous) => previous.map((item, i) => (i === index ? row : item)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    try {
      const updated = await replaceReferrals(
        organisation.id,
        rows
          .filter((row) => row.organisationId)
          .map((row) => ({
            organisationId: row.organisationId,
            description: row.description.trim() || null,
          })),
      );
      form.clear();
      setSaved(true);
      onSaved(updated);
    } catch (failure) {
      form.showError(failure);
    }
  }

  const label = (path: string) =>
    path.startsWith('referralsTo') ? t('bo.network.referrals.to') : undefined;
  return (
    <section className="mb-5" aria-labelledby="referrals-heading">
      <h2 id="referrals-heading" className="h3">
        {t('bo.network.referrals.title')}
      </h2>
      <h3 className="h5">{t('bo.network.referrals.to')}</h3>
      {!organisation.canEdit ? (
        <ReferralList items={organisation.referralsTo} />
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary errors={form.errors} target={(field) => targetFor(FORM, label, field)} />
          <StatusMessage message={saved ? t('bo.saved') : null} />
          {rows.map((row, index) => (
            <fieldset key={index} className="mb-3">
              <legend className="h6">{t('bo.network.referrals.row', { n: index + 1 })}</legend>
              <SelectField
                id={fieldId(FORM, `referralsTo.${index}.organisationId`)}
                className="mb-3"
                label={t('bo.network.referrals.organisation')}
                value={row.organisationId}
                onChange={(value) => update(index, { ...row, organisationId: value })}
                placeholder={t('bo.network.choose')}
                options={choices.map((o) => ({ value: o.id, label: o.name }))}
                error={form.messageFor(`referralsTo.${index}.organisationId`)}
              />
              <TextField
                id={fieldId(FORM, `referralsTo.${index}.description`)}
                label={t('bo.network.referrals.description')}
                value={row.description}
                onChange={(value) => update(index, { ...row, description: value })}
                error={form.messageFor(`referralsTo.${index}.description`)}
              />
              <Button
                type="button"
                size="xs"
                color="secondary"
                outline
                onClick={() => setRows((previous) => previous.filter((_, i) => i !== index))}
              >
                {t('bo.network.referrals.remove', { n: index + 1 })}
              </Button>
            </fieldset>
          ))}
          <div className="d-flex gap-3 mb-3">
            <Button
              type="button"
              color="primary"
              outline
              onClick={() =>
                setRows((previous) => [...previous, { organisationId: '', description: '' }])
              }
            >
              {t('bo.network.referrals.add')}
            </Button>
            <Button type="submit" color="primary">
              {t('bo.network.referrals.save')}
            </Button>
          </div>
        </form>
      )}
      <h3 className="h5">{t('bo.network.referrals.from')}</h3>
      <ReferralList items={organisation.referralsFrom} />
    </section>
  );
}

function ReferralList({ items }: { items: OrganisationDetail['referralsTo'] }) {
  const t = useT();
  if (items.length === 0) return <p>{t('bo.network.referrals.none')}</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item.organisationId}>
          <Link to={`/network/organisations/${item.organisationId}`}>{item.name}</Link>
          {item.description ? ` – ${item.description}` : ''}
        </li>
      ))}
    </ul>
  );
}
