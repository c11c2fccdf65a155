import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { FileRefusedError, type FileFamily } from '../../core/files/file-content.ts';
import { AppError } from '../../core/errors.ts';
import {
  evidenceRefusal,
  MAX_DRAFT_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
} from '../../core/intake-guard.ts';
import type { DB } from '../../db/schema.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { intlLocale, translate, type ReportLocale } from '../../i18n/i18n.ts';
import { eraseFile } from '../files/erase-file.ts';
import { MAX_STORED_FILE_BYTES, storeFile } from '../files/store-file.ts';
import type { DraftData, FieldProblem } from './draft.ts';
import { translator, type FieldContext } from './page.ts';

export { MAX_EVIDENCE_FILES };
export const EVIDENCE_ACCEPT: readonly FileFamily[] = ['jpeg', 'png', 'webp', 'pdf', 'text'];
const acceptAttribute = 'image/jpeg,image/png,image/webp,application/pdf,text/plain';

type Files = NonNullable<DraftData['files']>;

function sizeLabel(locale: ReportLocale, bytes: number): string {
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024
    ? `${number.format(Math.max(1, Math.round(bytes / 1024)))} KB`
    : `${number.format(bytes / (1024 * 1024))} MB`;
}

/** Step 6: evidence. Files chosen are stored at once (cleaned, encrypted) and listed. */
export function renderEvidence(context: FieldContext, files: Files): SafeHtml {
  const t = translator(context.locale);
  const problem = context.problems.find((item) => item.field === 'files');
  const described = ['files-hint', problem ? 'files-error' : null].filter(Boolean).join(' ');
  const list =
    files.length === 0
      ? html`<p>${t('evidence.none')}</p>`
      : html`<ul class="list-unstyled site-report-files">
          ${files.map(
            (file) => html`<li>
              <span>${file.name} (${sizeLabel(context.locale, file.sizeBytes)})</span>
              <button type="submit" class="btn btn-outline-danger btn-sm" name="remove" value="${file.id}">
                ${t('evidence.remove', { name: file.name })}
              </button>
            </li>`,
          )}
        </ul>`;
  return html`<p>${t('evidence.intro')}</p>
    <h2 class="h5">${t('evidence.uploaded', { count: files.length, max: MAX_EVIDENCE_FILES })}</h2>
    ${list}
    ${
      files.length < MAX_EVIDENCE_FILES
        ? html`<div class="mb-4">
            <label class="form-label" for="files">${t('evidence.label')}</label>
            <p id="files-hint" class="form-text small mb-1">
              ${t('evidence.hint', { max: MAX_EVIDENCE_FILES, megabytes: MAX_STORED_FILE_BYTES / (1024 * 1024) })}
            </p>
            ${problem ? html`<div id="files-error" class="site-report-error mb-1">${problem.message}</div>` : null}
            <input type="file" class="form-control" id="files" name="files" multiple accept="${acceptAttribute}"
              aria-describedby="${described}" ${problem ? html`aria-invalid="true"` : null} />
            <button type="submit" class="btn btn-outline-primary mt-2" name="go" value="upload">
              ${t('evidence.upload')}
            </button>
          </div>`
        : html`<p>${t('evidence.full', { max: MAX_EVIDENCE_FILES })}</p>`
    }`;
}

/** A multipart body read whole: its fields and its files (each within the size limit). */
export interface EvidenceUpload {
  fields: Record<string, string>;
  files: { name: string; bytes: Buffer; truncated: boolean }[];
  /** Set when the request broke a limit (too many files or fields). */
  limitBroken: boolean;
}

export async function readEvidenceUpload(request: FastifyRequest): Promise<EvidenceUpload> {
  const upload: EvidenceUpload = { fields: {}, files: [], limitBroken: false };
  if (!request.isMultipart()) return upload;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename === '' && bytes.length === 0) continue;
        upload.files.push({
          name: part.filename.slice(0, 255),
          bytes,
          truncated: part.file.truncated,
        });
      } else if (typeof part.value === 'string' && !(part.fieldname in upload.fields)) {
        upload.fields[part.fieldname] = part.value.slice(0, 200);
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^FST_(?:FILES|FIELDS|PARTS)_LIMIT$/.test(code)) {
      upload.limitBroken = true;
    } else {
      // Anything else is a body that is not the multipart it claims to be.
      throw new AppError('bad_request', { cause: error });
    }
  }
  return upload;
}

export interface StoredEvidence {
  files: Files;
  problems: FieldProblem[];
}

/**
 * Stores each new file (checked by content, cleaned, encrypted) up to the limit; a refused
 * file is named in the message so the reporter knows which one to change.
 */
export async function storeEvidence(
  db: Kysely<DB>,
  config: Config,
  locale: ReportLocale,
  existing: Files,
  upload: EvidenceUpload,
): Promise<StoredEvidence> {
  const t = translator(locale);
  const files = [...existing];
  const messages: string[] = [];
  for (const file of upload.files) {
    const refusal = evidenceRefusal(files, file.bytes.length);
    if (refusal === 'too_many') {
      messages.push(t('evidence.too_many', { name: file.name, max: MAX_EVIDENCE_FILES }));
      continue;
    }
    if (refusal === 'total_too_large') {
      const megabytes = MAX_DRAFT_EVIDENCE_BYTES / (1024 * 1024);
      messages.push(t('evidence.total_too_large', { name: file.name, megabytes }));
      continue;
    }
    try {
      if (file.truncated) throw new FileRefusedError('too_large');
      const stored = await storeFile(db, config.masterKeys, {
        purpose: 'report_evidence',
        bytes: file.bytes,
        fileName: file.name || 'file',
        actorId: null,
        accept: EVIDENCE_ACCEPT,
      });
      files.push({ id: stored.id, name: stored.fileName, sizeBytes: stored.sizeBytes });
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      const message = translate(locale, `files.refused.${error.reason}`, {
        accepted: 'JPEG, PNG, WebP, PDF, TXT',
        maxMegabytes: MAX_STORED_FILE_BYTES / (1024 * 1024),
      });
      messages.push(t('evidence.refused', { name: file.name || '?', message }));
    }
  }
  if (upload.limitBroken) messages.push(t('evidence.limit', { max: MAX_EVIDENCE_FILES }));
  const problems = messages.length > 0 ? [{ field: 'files', message: messages.join(' ') }] : [];
  return { files, problems };
}

/** Removes one uploaded file from the draft and erases it for good. */
export async function removeEvidence(db: Kysely<DB>, files: Files, fileId: string): Promise<Files> {
  const file = files.find((item) => item.id === fileId);
  if (!file) return files;
  await eraseFile(db, file.id);
  return files.filter((item) => item.id !== fileId);
}
