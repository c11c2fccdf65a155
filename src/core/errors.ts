/**
 * The catalogue of error codes a client can receive. Codes are stable: the SPA, translations
 * (`error.<code>` in src/i18n/messages) and API clients rely on them.
 */
export const errorCatalogue = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  second_factor_required: 401,
  second_factor_invalid: 401,
  csrf_invalid: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  internal: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  /** Dotted path of the field, e.g. `memberships.0.role`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;
  /** Seconds a client should wait, for `too_many_attempts`. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    options: { fields?: FieldError[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.code = code;
    this.status = errorCatalogue[code];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }
}

/** A record the user may not see is answered exactly like one that does not exist. */
export const notFound = () => new AppError('not_found');
