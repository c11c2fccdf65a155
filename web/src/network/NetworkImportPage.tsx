import { Button } from 'design-react-kit';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { confirmImport, previewImport } from '../api/network.ts';
import type { ImportResult } from '../api/network.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageHeading } from '../common/PageHeading.tsx';
import { useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { ImportPreviewView, type FullImportPreview } from './ImportPreviewView.tsx';

/** The result as the server sends it, with the help desks' counts. */
type FullImportResult = ImportResult & {
  helpDesks?: { created: number; updated: number; unchanged: number };
};

const FILE_ID = 'network-import-file';
const expectedColumns = [
  'Nome',
  'Tipo',
  'Comune',
  'Codice ISTAT comune',
  'Indirizzo',
  'CAP',
  'Email',
  'Telefono',
  'Sito',
  'Ruolo nella rete',
  'Data adesione',
  'Protocollo UNAR',
  'Stato',
  'Latitudine',
  'Longitudine',
  'Descrizione',
  'Territori',
  'Invia a',
];
const deskColumns = [
  'Sportello',
  'Organizzazione',
  'Comune',
  'Codice ISTAT comune',
  'Indirizzo',
  'CAP',
  'Telefono',
  'Email',
  'Sito',
  'Link online',
  'Canali',
  'Servizi',
  'Lingue',
  'Accessibilità',
  'Accesso',
  'Orari',
  'Chiuso nei festivi',
  'Comuni di competenza',
  'Stato',
  'Latitudine',
  'Longitudine',
  'Descrizione',
];

type Busy = 'upload' | 'confirm' | null;

/** Mapping survey import: upload, check the preview, confirm (all or nothing). */
export function NetworkImportPage() {
  const t = useT();
  const form = useFormErrors();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [preview, setPreview] = useState<FullImportPreview | null>(null);
  const [result, setResult] = useState<FullImportResult | null>(null);
  const fileLabel = t('bo.network.import.file');

  async function upload(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setPreview(null);
    setResult(null);
    if (!file) {
      form.showFieldErrors([{ field: 'file', message: t('bo.network.import.fileMissing') }]);
      return;
    }
    form.clear();
    setBusy('upload');
    try {
      setPreview(await previewImport(file));
    } catch (error) {
      form.showError(error);
    } finally {
      setBusy(null);
    }
  }

  async function confirm() {
    if (!preview) return;
    form.clear();
    setBusy('confirm');
    try {
      setResult(await confirmImport(preview.previewId));
      setPreview(null);
    } catch (error) {
      form.showError(error);
    } finally {
      setBusy(null);
    }
  }

  const fileError = form.messageFor('file');
  return (
    <>
      <PageHeading title={t('bo.network.import.title')} />
      <p>
        <Link to="/network">{t('bo.network.import.backToList')}</Link>
      </p>
      <ErrorSummary
        errors={form.errors}
        target={(field) => (field === 'file' ? { id: FILE_ID, label: fileLabel } : null)}
      />
      <p>{t('bo.network.import.intro')}</p>
      <div id={`${FILE_ID}-help`}>
        <p className="mb-1">{t('bo.network.import.columnsIntro')}</p>
        <ul className="mb-2">
          {expectedColumns.map((column) => (
            <li key={column} lang="it">
              {column}
            </li>
          ))}
        </ul>
        <p>{t('bo.network.import.columnsNotes')}</p>
        <p>{t('bo.network.import.listsNotes')}</p>
        <p className="mb-1">{t('bo.network.import.desksIntro')}</p>
        <ul className="mb-2">
          {deskColumns.map((column) => (
            <li key={column} lang="it">
              {column}
            </li>
          ))}
        </ul>
        <p>{t('bo.network.import.desksNotes')}</p>
      </div>
      <form onSubmit={(event) => void upload(event)} noValidate className="mb-4">
        <div className="mb-3">
          <label htmlFor={FILE_ID} className="form-label d-block fw-semibold">
            {fileLabel}
          </label>
          <input
            ref={input}
            id={FILE_ID}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="form-control"
            aria-describedby={`${FILE_ID}-help${fileError ? ` ${FILE_ID}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
          />
          {fileError && (
            <div id={`${FILE_ID}-error`} className="invalid-feedback d-block">
              {fileError}
            </div>
          )}
        </div>
        <Button type="submit" color="primary" disabled={busy !== null}>
          {t('bo.network.import.upload')}
        </Button>
      </form>
      <div aria-live="polite">
        {busy === 'upload' && <Loading announce={false} label={t('bo.network.import.uploading')} />}
        {busy === 'confirm' && (
          <Loading announce={false} label={t('bo.network.import.confirming')} />
        )}
        {result && (
          <section aria-labelledby="network-import-result">
            <h2 id="network-import-result">{t('bo.network.import.done')}</h2>
            <p>
              {t('bo.network.import.resultCounts', {
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
              })}
            </p>
            {result.helpDesks &&
              result.helpDesks.created + result.helpDesks.updated + result.helpDesks.unchanged >
                0 && <p>{t('bo.network.import.resultDeskCounts', { ...result.helpDesks })}</p>}
            <p>
              <Link to="/network">{t('bo.network.import.backToList')}</Link>
            </p>
          </section>
        )}
      </div>
      {preview && (
        <ImportPreviewView
          preview={preview}
          busy={busy !== null}
          onConfirm={() => void confirm()}
        />
      )}
    </>
  );
}
