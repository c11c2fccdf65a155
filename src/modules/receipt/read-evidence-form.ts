import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { MAX_EVIDENCE_FILES } from './add-information.ts';

export interface EvidenceUpload {
  fileName: string;
  bytes: Buffer;
}

export interface EvidenceForm {
  csrf: string | null;
  text: string;
  files: EvidenceUpload[];
  /** More files than one submission may carry. */
  tooManyFiles: boolean;
  /** A file over the size limit (its bytes are not kept). */
  tooLarge: boolean;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function statusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

/**
 * Reads the "add information" form: multipart from a browser (files and fields), or a plain
 * form without files. Whatever a client sends that is not a readable form is its error (400),
 * never the server's; a file over the limit or one too many is reported on the form instead.
 */
export async function readEvidenceForm(request: FastifyRequest): Promise<EvidenceForm> {
  const form: EvidenceForm = {
    csrf: null,
    text: '',
    files: [],
    tooManyFiles: false,
    tooLarge: false,
  };
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('bad_request');
    form.csrf = text(body['_csrf']);
    form.text = text(body['information']) ?? '';
    return form;
  }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf') form.csrf = text(part.value);
        if (part.fieldname === 'information') form.text = text(part.value) ?? '';
        continue;
      }
      let bytes: Buffer | null = null;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if (statusOf(error) !== 413) throw error;
        form.tooLarge = true;
      }
      // An empty file input still sends a part, without a name and without content.
      if (part.fieldname !== 'files' || !bytes || (part.filename === '' && bytes.length === 0)) {
        continue;
      }
      if (form.files.length >= MAX_EVIDENCE_FILES) form.tooManyFiles = true;
      else form.files.push({ fileName: part.filename, bytes });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (statusOf(error) === 413) {
      form.tooManyFiles = true;
      return form;
    }
    throw new AppError('bad_request', { cause: error });
  }
  return form;
}
