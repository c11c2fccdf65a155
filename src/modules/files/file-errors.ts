import { AppError } from '../../core/errors.ts';
import { FileRefusedError, type FileFamily } from '../../core/files/file-content.ts';
import { translate, type ReportLocale } from '../../i18n/i18n.ts';
import { MAX_STORED_FILE_BYTES } from './store-file.ts';

const familyLabels: Record<FileFamily, string> = {
  pdf: 'PDF',
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  text: 'TXT',
};

/**
 * A refused file as the client sees it: a message on the form field, `payload_too_large` (413)
 * for a file over the limit and `validation_failed` (400) for everything else. Anything but a
 * refusal is rethrown as it is.
 */
export function fileFieldError(
  error: unknown,
  context: {
    locale: ReportLocale;
    field: string;
    accept: readonly FileFamily[];
    maxBytes?: number;
  },
): unknown {
  if (!(error instanceof FileRefusedError)) return error;
  const values = {
    accepted: context.accept.map((family) => familyLabels[family]).join(', '),
    maxMegabytes: Math.floor((context.maxBytes ?? MAX_STORED_FILE_BYTES) / (1024 * 1024)),
  };
  const message = translate(context.locale, `files.refused.${error.reason}`, values);
  return new AppError(error.reason === 'too_large' ? 'payload_too_large' : 'validation_failed', {
    fields: [{ field: context.field, message }],
    cause: error,
  });
}

/** The message for a form sent without its file. */
export function fileMissingError(
  locale: ReportLocale,
  field: string,
  accept: readonly FileFamily[],
) {
  const accepted = accept.map((family) => familyLabels[family]).join(', ');
  return new AppError('validation_failed', {
    fields: [{ field, message: translate(locale, 'files.refused.missing', { accepted }) }],
  });
}
