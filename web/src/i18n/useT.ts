import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { PrimitiveType } from 'react-intl';

export type Translate = (id: string, values?: Record<string, PrimitiveType>) => string;

/** `t('bo.key', values)`: a plain string, for labels, attributes and titles. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback(
    (id: string, values?: Record<string, PrimitiveType>) => intl.formatMessage({ id }, values),
    [intl],
  );
}
