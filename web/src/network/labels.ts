import { useCallback } from 'react';
import { useIntl } from 'react-intl';

/**
 * The label of a vocabulary code (`network.service.<code>`, `bo.network.kind.<code>`…), or the
 * code itself when the catalogue has no such message yet.
 */
export function useCodeLabel(): (prefix: string, code: string) => string {
  const intl = useIntl();
  return useCallback(
    (prefix: string, code: string) => {
      const id = `${prefix}.${code}`;
      return id in intl.messages ? intl.formatMessage({ id }) : code;
    },
    [intl],
  );
}

/** '' for null, for controlled inputs. */
export function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** null for a blank input, so optional columns are cleared rather than set to ''. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

export function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (!trimmed) return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}
