import type { Language } from '../api/types.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import { languages } from '../i18n/messages.ts';
import { useT } from '../i18n/useT.ts';

/** Each language is named in itself, so a visitor who cannot read the current one finds theirs. */
const ownNames: Record<Language, string> = { it: 'Italiano', en: 'English' };

export function LanguageSwitch() {
  const { language, chooseLanguage } = useLocale();
  const t = useT();
  return (
    <div role="group" aria-label={t('bo.header.language')} className="bo-language-switch">
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === language}
          onClick={() => chooseLanguage(option)}
        >
          {ownNames[option]}
        </button>
      ))}
    </div>
  );
}
