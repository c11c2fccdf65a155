import { Button } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDocument } from '../api/cases.ts';
import { formatDateTime } from '../common/format.ts';
import { describeErrorWithDetails } from '../common/errors.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { TextField } from '../common/TextField.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { documentUrl, removeDocument, uploadDocument } from './collaborationApi.ts';

const FORM = 'case-document';

interface Props {
  caseId: string;
  documents: CaseDocument[];
  onChanged: () => Promise<void>;
}

/**
 * The case's documents: downloaded as attachments, added with their metadata stripped and
 * encrypted by the server, removed (content erased) after a confirmation.
 */
export function DocumentsPanel({ caseId, documents, onChanged }: Props) {
  const t = useT();
  const intl = useIntl();
  const fileRef = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const labels = {
    file: t('bo.cases.documents.file'),
    description: t('bo.cases.documents.description'),
  };
  const editor = useDraftForm<{ file: File | null; description: string }>({
    initial: { file: null, description: '' },
    check: (draft) =>
      draft.file ? [] : [{ field: 'file', message: t('bo.cases.documents.fileRequired') }],
    save: async (draft) => {
      if (!draft.file) return;
      await uploadDocument(caseId, draft.file, draft.description);
      if (fileRef.current) fileRef.current.value = '';
      await onChanged();
    },
    afterSave: () => ({ file: null, description: '' }),
  });
  const { form } = editor;
  const fileError = form.messageFor('file');

  async function remove(id: string) {
    setFailure(null);
    try {
      await removeDocument(caseId, id);
      setConfirming(null);
      await onChanged();
      setStatus(t('bo.cases.documents.removed'));
    } catch (error) {
      setFailure(describeErrorWithDetails(error, t));
    }
  }

  const present = documents.filter((document) => !document.erased);
  return (
    <section aria-labelledby="case-documents" className="mb-5">
      <h3 id="case-documents" className="h4">
        {t('bo.cases.documents.title')}
      </h3>
      <StatusMessage message={status} />
      {failure && (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      )}
      {present.length === 0 ? (
        <p>{t('bo.cases.documents.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {present.map((document) => {
            const name = document.fileName ?? document.mediaType;
            return (
              <li key={document.id} className="mb-2">
                <a href={documentUrl(caseId, document.id)} download>
                  {t('bo.cases.documents.download', { name })}
                </a>{' '}
                <small>
                  {t('bo.cases.timeline.source.' + document.source)},{' '}
                  {formatDateTime(intl, document.addedAt)}
                  {document.description && ` — ${document.description}`}
                </small>{' '}
                {confirming === document.id ? (
                  <>
                    <Button size="xs" color="danger" onClick={() => void remove(document.id)}>
                      {t('bo.cases.documents.removeYes', { name })}
                    </Button>{' '}
                    <Button size="xs" color="primary" outline onClick={() => setConfirming(null)}>
                      {t('bo.cancel')}
                    </Button>
                  </>
                ) : (
                  <Button
                    size="xs"
                    color="primary"
                    outline
                    onClick={() => setConfirming(document.id)}
                  >
                    {t('bo.cases.documents.remove', { name })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <StatusMessage message={editor.saved ? t('bo.cases.documents.added') : null} />
      <form noValidate onSubmit={editor.onSubmit}>
        <ErrorSummary errors={form.errors} target={(field) => controlFor(FORM, labels, field)} />
        <div className="form-group bo-field">
          <label htmlFor={fieldId(FORM, 'file')} className="active">
            {labels.file}
          </label>
          <input
            ref={fileRef}
            id={fieldId(FORM, 'file')}
            type="file"
            className="form-control"
            accept=".pdf,.txt,.jpg,.jpeg,.png,.webp,application/pdf,text/plain,image/*"
            aria-describedby={`${fieldId(FORM, 'file')}-hint${fileError ? ` ${fieldId(FORM, 'file')}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => editor.set('file', event.target.files?.[0] ?? null)}
          />
          <small id={`${fieldId(FORM, 'file')}-hint`} className="form-text">
            {t('bo.cases.documents.hint')}
          </small>
          {fileError && (
            <div id={`${fieldId(FORM, 'file')}-error`} className="invalid-feedback d-block">
              {fileError}
            </div>
          )}
        </div>
        <TextField
          id={fieldId(FORM, 'description')}
          label={labels.description}
          value={editor.draft.description}
          onChange={(value) => editor.set('description', value)}
          error={form.messageFor('description')}
        />
        <Button type="submit" color="primary" disabled={editor.submitting}>
          {t('bo.cases.documents.submit')}
        </Button>
      </form>
    </section>
  );
}
