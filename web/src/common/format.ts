import type { IntlShape } from 'react-intl';
import type { Translate } from '../i18n/useT.ts';

export const roles = [
  'operator',
  'legal_expert',
  'node_coordinator',
  'network_admin',
  'analyst',
  'auditor',
] as const;

export function roleLabel(t: Translate, role: string): string {
  return (roles as readonly string[]).includes(role) ? t(`bo.role.${role}`) : role;
}

export function formatDateTime(intl: IntlShape, iso: string): string {
  return intl.formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
}

export function languageName(t: Translate, language: string): string {
  return language === 'it' || language === 'en' ? t(`bo.language.${language}`) : language;
}
