import type { Language } from '../api/types.ts';
import { languageName } from '../common/format.ts';
import { SelectField } from '../common/SelectField.tsx';
import { isLanguage, languages } from '../i18n/messages.ts';
import { useT } from '../i18n/useT.ts';

interface LanguageFieldProps {
  id: string;
  value: Language;
  onChange: (language: Language) => void;
  error?: string | undefined;
}

export function LanguageField({ id, value, onChange, error }: LanguageFieldProps) {
  const t = useT();
  return (
    <SelectField
      id={id}
      label={t('bo.users.field.language')}
      options={languages.map((language) => ({ value: language, label: languageName(t, language) }))}
      value={value}
      onChange={(next) => {
        if (isLanguage(next)) onChange(next);
      }}
      error={error}
    />
  );
}
