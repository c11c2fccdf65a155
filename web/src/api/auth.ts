import { apiRequest, fetchSessionState, setCsrfToken } from './client.ts';
import type { LoginResult, SessionState, SessionUser, TotpSetup } from './types.ts';

export function getSession(): Promise<SessionState> {
  return fetchSessionState();
}

export async function login(email: string, password: string): Promise<LoginResult> {
  const result = await apiRequest<LoginResult>('POST', '/api/auth/login', {
    body: { email, password },
  });
  setCsrfToken(result.csrfToken);
  return result;
}

export async function submitSecondFactor(code: string): Promise<SessionUser> {
  const result = await apiRequest<{ status: 'signed_in'; user: SessionUser; csrfToken: string }>(
    'POST',
    '/api/auth/second-factor',
    { body: { code } },
  );
  setCsrfToken(result.csrfToken);
  return result.user;
}

/** Signs out, then reads the new anonymous session so the next form has a valid CSRF token. */
export async function logout(): Promise<void> {
  await apiRequest<void>('POST', '/api/auth/logout');
  await fetchSessionState();
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/password', {
    body: { currentPassword, newPassword },
  });
}

export function startTotpSetup(): Promise<TotpSetup> {
  return apiRequest<TotpSetup>('POST', '/api/auth/totp/setup');
}

export function enableTotp(code: string): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/totp/enable', { body: { code } });
}

export function disableTotp(password: string): Promise<void> {
  return apiRequest<void>('POST', '/api/auth/totp/disable', { body: { password } });
}
