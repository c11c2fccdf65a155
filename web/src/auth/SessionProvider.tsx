import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { getSession, logout } from '../api/auth.ts';
import { ApiError, setUnauthenticatedHandler } from '../api/client.ts';
import type { SessionUser } from '../api/types.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

type Status = 'loading' | 'ready' | 'failed';
/** Why there is no longer a signed-in user: shown on the sign-in page until the next sign-in. */
export type SessionEnd = 'expired' | 'signed_out' | null;

interface SessionValue {
  status: Status;
  user: SessionUser | null;
  ended: SessionEnd;
  loadError: ApiError | null;
  reload: () => void;
  signedIn: (user: SessionUser) => void;
  signOut: () => Promise<void>;
  /** Reads the signed-in user again, after a change to their own account. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  throw error;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { adoptPreferredLanguage } = useLocale();
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [ended, setEnded] = useState<SessionEnd>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const userRef = useRef<SessionUser | null>(null);
  userRef.current = user;

  useEffect(() => {
    let current = true;
    setStatus('loading');
    getSession().then(
      (session) => {
        if (!current) return;
        setUser(session.user);
        if (session.user) adoptPreferredLanguage(session.user.preferredLanguage);
        setStatus('ready');
      },
      (error: unknown) => {
        if (!current) return;
        setLoadError(asApiError(error));
        setStatus('failed');
      },
    );
    return () => {
      current = false;
    };
  }, [attempt, adoptPreferredLanguage]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // Only a session that existed can expire; a failed sign-in step is not an expiry.
      if (userRef.current === null) return;
      setEnded('expired');
      setUser(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const signedIn = useCallback(
    (next: SessionUser) => {
      setEnded(null);
      setUser(next);
      adoptPreferredLanguage(next.preferredLanguage);
    },
    [adoptPreferredLanguage],
  );

  const signOut = useCallback(async () => {
    await logout();
    setEnded('signed_out');
    setUser(null);
  }, []);

  const refresh = useCallback(async () => {
    const session = await getSession();
    setUser(session.user);
  }, []);

  const value = useMemo(
    () => ({ status, user, ended, loadError, reload, signedIn, signOut, refresh }),
    [status, user, ended, loadError, reload, signedIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For screens behind <RequireAuth>, where a user is always present. */
export function useSignedInUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useSignedInUser used outside <RequireAuth>');
  return user;
}
