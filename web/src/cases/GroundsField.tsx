import type { Classification, Taxonomy, TaxonomyEntry } from '../api/cases.ts';
import { useT } from '../i18n/useT.ts';
import { facetTree } from './taxonomy.ts';
import type { CodeLabel } from './taxonomy.ts';

export type GroundsValue = Pick<
  Classification,
  'grounds' | 'primaryGround' | 'perceivedGrounds' | 'associationGrounds'
>;

interface Props {
  id: string;
  taxonomy: Taxonomy | null;
  label: CodeLabel;
  value: GroundsValue;
  onChange: (value: GroundsValue) => void;
  error?: string | undefined;
}

const toggle = (list: string[], code: string, on: boolean) =>
  on ? [...new Set([...list, code])] : list.filter((item) => item !== code);

/**
 * Grounds as checkboxes, sub-codes under their parent; a chosen ground shows its flags
 * (primary, perceived, by association). Unticking a ground drops its flags too, as the
 * server refuses a flag on a ground that is not chosen.
 */
export function GroundsField({ id, taxonomy, label, value, onChange, error }: Props) {
  const t = useT();
  const errorId = `${id}-error`;

  function choose(code: string, on: boolean) {
    onChange({
      grounds: toggle(value.grounds, code, on),
      primaryGround: !on && value.primaryGround === code ? null : value.primaryGround,
      perceivedGrounds: on ? value.perceivedGrounds : toggle(value.perceivedGrounds, code, false),
      associationGrounds: on
        ? value.associationGrounds
        : toggle(value.associationGrounds, code, false),
    });
  }

  function row(entry: TaxonomyEntry) {
    const code = entry.code;
    const name = label('ground', code);
    const chosen = value.grounds.includes(code);
    const box = `${id}-${code}`;
    return (
      <div className="form-check mb-1">
        <input
          id={box}
          type="checkbox"
          checked={chosen}
          onChange={(event) => choose(code, event.target.checked)}
        />
        <label htmlFor={box}>{name}</label>
        {chosen && (
          <div className="d-flex flex-wrap gap-3 ms-5 mb-2">
            <div className="form-check m-0">
              <input
                id={`${box}-primary`}
                type="radio"
                name={`${id}-primary`}
                checked={value.primaryGround === code}
                onChange={() => onChange({ ...value, primaryGround: code })}
              />
              <label htmlFor={`${box}-primary`}>
                {t('bo.cases.classification.primary')}
                <span className="visually-hidden"> ({name})</span>
              </label>
            </div>
            <div className="form-check m-0">
              <input
                id={`${box}-perceived`}
                type="checkbox"
                checked={value.perceivedGrounds.includes(code)}
                onChange={(event) =>
                  onChange({
                    ...value,
                    perceivedGrounds: toggle(value.perceivedGrounds, code, event.target.checked),
                  })
                }
              />
              <label htmlFor={`${box}-perceived`}>
                {t('bo.cases.classification.perceived')}
                <span className="visually-hidden"> ({name})</span>
              </label>
            </div>
            <div className="form-check m-0">
              <input
                id={`${box}-association`}
                type="checkbox"
                checked={value.associationGrounds.includes(code)}
                onChange={(event) =>
                  onChange({
                    ...value,
                    associationGrounds: toggle(
                      value.associationGrounds,
                      code,
                      event.target.checked,
                    ),
                  })
                }
              />
              <label htmlFor={`${box}-association`}>
                {t('bo.cases.classification.association')}
                <span className="visually-hidden"> ({name})</span>
              </label>
            </div>
          </div>
        )}
      </div>
    );
  }

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="mb-4"
      aria-describedby={error ? errorId : `${id}-hint`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="h5">{t('bo.cases.classification.grounds')}</legend>
      <p id={`${id}-hint`} className="form-text">
        {t('bo.cases.classification.groundsHint')}
      </p>
      {facetTree(taxonomy, 'ground').map(({ entry, children }) => (
        <div key={entry.code}>
          {row(entry)}
          {children.length > 0 && (
            <fieldset className="ms-5 mb-2">
              <legend className="h6">
                {t('bo.cases.classification.subCodes', { ground: label('ground', entry.code) })}
              </legend>
              {children.map((child) => (
                <div key={child.code}>{row(child)}</div>
              ))}
            </fieldset>
          )}
        </div>
      ))}
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </fieldset>
  );
}

/** Two distinct top-level grounds make a case intersectional (a sub-code counts as its parent). */
export function intersectional(taxonomy: Taxonomy | null, grounds: string[]): boolean {
  const entries = taxonomy?.facets['ground'] ?? [];
  const top = grounds.map((code) => entries.find((e) => e.code === code)?.parent ?? code);
  return new Set(top).size >= 2;
}
