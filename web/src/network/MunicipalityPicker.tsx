import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Municipality } from '../api/municipalities.ts';
import { searchMunicipalities } from '../api/municipalities.ts';
import { useT } from '../i18n/useT.ts';

interface MunicipalityPickerProps {
  id: string;
  legend: string;
  chosen: Municipality[];
  onChange: (chosen: Municipality[]) => void;
  /** One municipality only (a seat): choosing replaces the current one. */
  single?: boolean;
  error?: string | undefined;
  /** Errors of single entries, by position (`territoryCodes.2`). */
  itemError?: (index: number) => string | undefined;
}

export function municipalityName(municipality: Municipality): string {
  return municipality.provinceAcronym
    ? `${municipality.name} (${municipality.provinceAcronym})`
    : municipality.name;
}

/**
 * Search field, results as a list of buttons, and the chosen municipalities with remove
 * buttons: a simple pattern that works with every screen reader and keyboard.
 */
export function MunicipalityPicker(props: MunicipalityPickerProps) {
  const { id, legend, chosen, onChange, single = false, error, itemError } = props;
  const t = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Municipality[] | null>(null);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed.length < 2) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      searchMunicipalities(trimmed).then(
        (items) => current && setResults(items),
        () => current && setResults([]),
      );
    }, 200);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  function choose(municipality: Municipality) {
    if (single) onChange([municipality]);
    else if (!chosen.some((item) => item.code === municipality.code))
      onChange([...chosen, municipality]);
    setQuery('');
    document.getElementById(id)?.focus();
  }

  function remove(code: string) {
    onChange(chosen.filter((item) => item.code !== code));
    document.getElementById(id)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = results?.[0];
      if (first) choose(first);
    }
  }

  const errorId = `${id}-error`;
  return (
    <fieldset className="mb-4" aria-describedby={error ? errorId : undefined}>
      <legend className="h6">{legend}</legend>
      {chosen.length === 0 ? (
        <p>{t('bo.network.picker.none')}</p>
      ) : (
        <ul className="list-unstyled" aria-label={t('bo.network.picker.chosen')}>
          {chosen.map((municipality, index) => {
            const message = itemError?.(index);
            return (
              <li key={municipality.code} className="d-flex align-items-center gap-2 mb-1">
                <span id={`${id}-${index}`} tabIndex={-1}>
                  {municipalityName(municipality)}
                </span>
                <Button
                  type="button"
                  size="xs"
                  color="secondary"
                  outline
                  onClick={() => remove(municipality.code)}
                >
                  {t('bo.network.picker.remove', { name: municipality.name })}
                </Button>
                {message && <span className="invalid-feedback d-block">{message}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <div className="form-group bo-field mb-2">
        <label htmlFor={id} className="active">
          {single ? t('bo.network.picker.searchOne') : t('bo.network.picker.search')}
        </label>
        <input
          id={id}
          type="search"
          className={`form-control ${error ? 'is-invalid' : ''}`}
          value={query}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${errorId}` : ''}`}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <small id={`${id}-hint`} className="form-text">
          {t('bo.network.picker.hint')}
        </small>
      </div>
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
      <div aria-live="polite">
        {results !== null &&
          (results.length === 0 ? (
            <p>{t('bo.network.picker.noResults')}</p>
          ) : (
            <ul className="list-unstyled" aria-label={t('bo.network.picker.results')}>
              {results.map((municipality) => (
                <li key={municipality.code} className="mb-1">
                  <Button
                    type="button"
                    size="xs"
                    color="primary"
                    outline
                    onClick={() => choose(municipality)}
                  >
                    {t('bo.network.picker.add', { name: municipalityName(municipality) })}
                  </Button>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </fieldset>
  );
}
