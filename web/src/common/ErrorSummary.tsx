import { Alert } from 'design-react-kit';
import { useEffect, useId, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useT } from '../i18n/useT.ts';
import type { FormErrors } from './useFormErrors.ts';

interface ErrorSummaryProps {
  errors: FormErrors;
  /**
   * The id and visible label of the control a server field path refers to, or null when the
   * form has no such control (e.g. `id`): the message is then listed without a link.
   */
  target: (field: string) => { id: string; label: string } | null;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  event.preventDefault();
  element.focus();
  element.scrollIntoView({ block: 'center' });
}

/**
 * The list of problems at the top of a form, each linking to its field. It takes the focus
 * after every failed submission so the problem is announced and reachable at once.
 */
export function ErrorSummary({ errors, target }: ErrorSummaryProps) {
  const t = useT();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const visible = errors.general !== null || errors.fields.length > 0;

  useEffect(() => {
    if (errors.attempt > 0) ref.current?.focus();
  }, [errors.attempt]);

  if (!visible) return null;
  return (
    <Alert
      color="danger"
      fade={false}
      innerRef={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="bo-error-summary"
    >
      <h2 id={headingId} className="h5">
        {t('bo.errors.title')}
      </h2>
      {errors.general && <p className="mb-2">{errors.general}</p>}
      {errors.fields.length > 0 && (
        <ul className="mb-0">
          {errors.fields.map((error, index) => {
            const control = target(error.field);
            return (
              <li key={`${error.field}-${index}`}>
                {control ? (
                  <a href={`#${control.id}`} onClick={(event) => focusField(event, control.id)}>
                    {control.label}: {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Alert>
  );
}
