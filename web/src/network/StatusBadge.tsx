import { useT } from '../i18n/useT.ts';

/** Active or inactive, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`badge ${status === 'active' ? 'bg-success' : 'bg-secondary'}`}>
      {t(`bo.network.status.${status}`)}
    </span>
  );
}
