import { Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useIntl } from 'react-intl';
import {
  getOrganisation,
  removeUnarProtocolDocument,
  unarProtocolDocumentUrl,
  uploadUnarProtocolDocument,
} from '../api/organisations.ts';
import type { OrganisationDetail } from '../api/organisations.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { formatDateTime } from '../common/format.ts';
import { Loading } from '../common/Loading.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';

const FILE_ID = 'unar-protocol-file';

interface Props {
  organisation: OrganisationDetail;
  onSaved: (organisation: OrganisationDetail) => void;
}

/**
 * The signed UNAR protocol of a member: who may edit the organisation uploads (PDF) and
 * removes it after a confirmation; its own staff and the network admins download it.
 */
export function UnarProtocolDocument({ organisation, onSaved }: Props) {
  const t = useT();
  const intl = useIntl();
  const form = useFormErrors();
  const input = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const stored = organisation.unarProtocolDocument;
  const fileLabel = t('bo.network.unarDocument.file');

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!stored && !organisation.canEdit) return null;

  // Reading the organisation again brings its new history version along.
  async function run(kind: 'upload' | 'remove', action: () => Promise<unknown>, message: string) {
    form.clear();
    setDone(null);
    setBusy(kind);
    try {
      await action();
      if (input.current) input.current.value = '';
      setConfirming(false);
      setDone(message);
      onSaved(await getOrganisation(organisation.id));
    } catch (error) {
      form.showError(error);
    } finally {
      setBusy(null);
    }
  }

  function upload(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      form.showFieldErrors([{ field: 'file', message: t('bo.network.unarDocument.fileMissing') }]);
      return;
    }
    void run(
      'upload',
      () => uploadUnarProtocolDocument(organisation.id, file),
      t('bo.network.unarDocument.uploaded'),
    );
  }

  const fileError = form.messageFor('file');
  return (
    <section className="mb-5" aria-labelledby="unar-document-heading">
      <h2 id="unar-document-heading" className="h3">
        {t('bo.network.unarDocument.title')}
      </h2>
      <StatusMessage message={done} />
      {stored ? (
        <p>
          {organisation.canDownloadUnarProtocol ? (
            <a href={unarProtocolDocumentUrl(organisation.id)} download={stored.fileName}>
              {t('bo.network.unarDocument.download', { name: stored.fileName })}
            </a>
          ) : (
            stored.fileName
          )}{' '}
          {t('bo.network.unarDocument.details', {
            size: intl.formatNumber(stored.sizeBytes / 1024, { maximumFractionDigits: 0 }),
            date: formatDateTime(intl, stored.uploadedAt),
          })}
        </p>
      ) : (
        <p>{t('bo.network.unarDocument.none')}</p>
      )}
      {organisation.canEdit && (
        <>
          <ErrorSummary
            errors={form.errors}
            target={(field) => (field === 'file' ? { id: FILE_ID, label: fileLabel } : null)}
          />
          <form onSubmit={upload} noValidate className="mb-3">
            <div className="mb-3">
              <label htmlFor={FILE_ID} className="form-label d-block fw-semibold">
                {fileLabel}
              </label>
              <input
                ref={input}
                id={FILE_ID}
                name="file"
                type="file"
                accept=".pdf,application/pdf"
                className="form-control"
                aria-describedby={`${FILE_ID}-help${fileError ? ` ${FILE_ID}-error` : ''}`}
                aria-invalid={fileError ? true : undefined}
              />
              <p id={`${FILE_ID}-help`} className="form-text">
                {t('bo.network.unarDocument.help')}
              </p>
              {fileError && (
                <div id={`${FILE_ID}-error`} className="invalid-feedback d-block">
                  {fileError}
                </div>
              )}
            </div>
            <Button type="submit" color="primary" disabled={busy !== null}>
              {t(stored ? 'bo.network.unarDocument.replace' : 'bo.network.unarDocument.upload')}
            </Button>
          </form>
          {stored && !confirming && (
            <Button
              color="danger"
              outline
              disabled={busy !== null}
              onClick={() => setConfirming(true)}
            >
              {t('bo.network.unarDocument.remove')}
            </Button>
          )}
          {stored && confirming && (
            <div className="p-3 mb-3 border rounded">
              <p id="unar-document-confirm">
                {t('bo.network.unarDocument.removeConfirm', { name: stored.fileName })}
              </p>
              <div className="d-flex flex-wrap gap-3">
                <Button
                  color="danger"
                  innerRef={confirmRef}
                  aria-describedby="unar-document-confirm"
                  disabled={busy !== null}
                  onClick={() =>
                    void run(
                      'remove',
                      () => removeUnarProtocolDocument(organisation.id),
                      t('bo.network.unarDocument.removed'),
                    )
                  }
                >
                  {t('bo.network.unarDocument.removeYes')}
                </Button>
                <Button color="secondary" outline onClick={() => setConfirming(false)}>
                  {t('bo.cancel')}
                </Button>
              </div>
            </div>
          )}
        </>
      )}
      <div aria-live="polite">
        {busy === 'upload' && (
          <Loading announce={false} label={t('bo.network.unarDocument.uploading')} />
        )}
        {busy === 'remove' && (
          <Loading announce={false} label={t('bo.network.unarDocument.removing')} />
        )}
      </div>
    </section>
  );
}
