import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { setApiLanguage } from '../api/client.ts';
import type { Language } from '../api/types.ts';
import { defaultLanguage, isLanguage, messages } from './messages.ts';

const STORAGE_KEY = 'osservatorio.language';

interface LocaleValue {
  language: Language;
  /** The visitor's explicit choice: remembered on this device. */
  chooseLanguage: (language: Language) => void;
  /** A signed-in user's preference, used only while the visitor has made no choice here. */
  adoptPreferredLanguage: (language: Language) => void;
}

const LocaleContext = createContext<LocaleValue | null>(null);

// Storage can be unavailable (private browsing, disabled cookies); the switch then lasts
// for the page's lifetime only, which is the best we can do.
function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage.
  }
}

function initialLanguage(): Language {
  const language = readStoredLanguage() ?? defaultLanguage;
  // Set before any child effect fetches, so the very first API call has the right language.
  setApiLanguage(language);
  return language;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);

  const apply = useCallback((next: Language) => {
    setApiLanguage(next);
    setLanguage(next);
  }, []);

  const chooseLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      apply(next);
    },
    [apply],
  );

  const adoptPreferredLanguage = useCallback(
    (preferred: Language) => {
      if (readStoredLanguage() === null) apply(preferred);
    },
    [apply],
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(
    () => ({ language, chooseLanguage, adoptPreferredLanguage }),
    [language, chooseLanguage, adoptPreferredLanguage],
  );

  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={language} defaultLocale={defaultLanguage} messages={messages[language]}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}
