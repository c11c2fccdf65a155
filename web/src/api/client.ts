import type { SessionState } from './types.ts';

export interface FieldError {
  /** Dotted path of the field, e.g. `memberships.0.role`. */
  field: string;
  message: string;
}

/**
 * An error answered by the server (or a failure to reach it). `message` is the server's
 * translation and may be empty when the server could not be reached or did not answer JSON;
 * the UI then translates `code` itself.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldError[] = [],
    retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

export const NETWORK_ERROR = 'network_error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | null | undefined;

interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
}

const state: {
  csrfToken: string | null;
  language: string;
  onUnauthenticated: (() => void) | null;
} = { csrfToken: null, language: 'it', onUnauthenticated: null };

/** The language the server should answer (and translate its error messages) in. */
export function setApiLanguage(language: string): void {
  state.language = language;
}

/** The CSRF token changes at sign-in and sign-out: every response that carries one updates it. */
export function setCsrfToken(token: string): void {
  state.csrfToken = token;
}

/** Called when the server says the session is gone (idle timeout, revoked, signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  state.onUnauthenticated = handler;
}

function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseFields(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is FieldError =>
      isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string',
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallbackCode = response.status >= 500 ? 'internal' : 'bad_request';
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page, for example: the status is all we know.
    return new ApiError(response.status, fallbackCode, '');
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error || typeof error.code !== 'string') {
    return new ApiError(response.status, fallbackCode, '');
  }
  return new ApiError(
    response.status,
    error.code,
    typeof error.message === 'string' ? error.message : '',
    parseFields(error.fields),
    typeof error.retryAfter === 'number' ? error.retryAfter : undefined,
  );
}

async function send(method: Method, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': state.language,
  };
  if (method !== 'GET') headers['x-csrf-token'] = state.csrfToken ?? '';
  // A FormData body (a file upload) sets its own multipart content type and boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: isForm ? body : JSON.stringify(body) } : {}),
    });
  } catch (cause) {
    const error = new ApiError(0, NETWORK_ERROR, '');
    error.cause = cause;
    throw error;
  }
}

/** Reads the session and remembers its CSRF token. */
export async function fetchSessionState(): Promise<SessionState> {
  const response = await send('GET', '/api/auth/session', undefined);
  if (!response.ok) throw await toApiError(response);
  const session = (await response.json()) as SessionState;
  setCsrfToken(session.csrfToken);
  return session;
}

function isSessionLost(error: ApiError): boolean {
  return (
    error.status === 401 &&
    (error.code === 'unauthenticated' || error.code === 'second_factor_required')
  );
}

export async function apiRequest<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const url = withQuery(path, options.query);
  if (method !== 'GET' && state.csrfToken === null) await fetchSessionState();
  let response = await send(method, url, options.body);
  if (!response.ok) {
    let error = await toApiError(response);
    // The token may be stale (a sign-in or sign-out in another tab): fetch it again, once.
    if (error.code === 'csrf_invalid') {
      await fetchSessionState();
      response = await send(method, url, options.body);
      error = response.ok ? error : await toApiError(response);
    }
    if (!response.ok) {
      if (isSessionLost(error)) state.onUnauthenticated?.();
      throw error;
    }
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
