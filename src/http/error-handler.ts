import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorCode, type FieldError } from '../core/errors.ts';
import { hasMessage, translate, type Locale } from '../i18n/i18n.ts';
import { renderErrorPage } from '../modules/public-site/error-page.ts';

const zodLocales = { it: z.locales.it(), en: z.locales.en() };

type ZodIssueLike = Parameters<ReturnType<typeof z.locales.en>['localeError']>[0];

/**
 * Schema messages that are message keys (e.g. `validation.password_too_short`) are translated;
 * zod's own messages are regenerated in the request's language from the issue.
 */
function translateIssue(
  locale: Locale,
  issue: { keyword: string; message?: string; params: Record<string, unknown> },
): string {
  if (issue.message && hasMessage(locale, issue.message)) {
    return translate(locale, issue.message, issue.params as Record<string, string | number>);
  }
  const raw = { code: issue.keyword, ...issue.params, path: [] } as unknown as ZodIssueLike;
  const localised = zodLocales[locale].localeError(raw);
  if (typeof localised === 'string') return localised;
  return localised?.message ?? issue.message ?? translate(locale, 'error.validation_failed');
}

/** Fastify's own client errors mapped onto the catalogue. */
function codeForFastifyError(error: FastifyError): ErrorCode | null {
  const status = error.statusCode ?? 500;
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 429) return 'too_many_attempts';
  if (status >= 400 && status < 500) return 'bad_request';
  return null;
}

/**
 * Database errors that only a value sent by a client can cause (a NUL character in text, a date
 * or number out of range) are the client's error: schemas should catch them first, and this
 * keeps one that slips through from becoming a 500.
 */
const clientDataErrorCodes = new Set(['22021', '22P05', '22P02', '22007', '22008', '22003']);

export function toAppError(error: unknown, locale: Locale): AppError {
  if (error instanceof AppError) return error;
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && clientDataErrorCodes.has(sqlState)) {
    return new AppError('bad_request', { cause: error });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: FieldError[] = error.validation.map((issue) => ({
      field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: translateIssue(locale, issue as never),
    }));
    return new AppError('validation_failed', { fields });
  }
  const fastifyError = error as FastifyError;
  const code =
    typeof fastifyError?.statusCode === 'number' ? codeForFastifyError(fastifyError) : null;
  return new AppError(code ?? 'internal', { cause: error });
}

export function errorBody(error: AppError, locale: Locale) {
  return {
    error: {
      code: error.code,
      message: translate(locale, `error.${error.code}`, {
        minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)),
      }),
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
    },
  };
}

export function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && request.url !== '/api';
}

export async function handleError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const appError = toAppError(error, request.locale);
  if (appError.status >= 500) {
    request.log.error({ err: error }, 'request failed');
  }
  if (appError.retryAfter !== undefined) reply.header('retry-after', appError.retryAfter);
  reply.status(appError.status);
  if (wantsHtml(request)) {
    await reply
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(request, appError.status, appError.code));
    return;
  }
  await reply.send(errorBody(appError, request.locale));
}
