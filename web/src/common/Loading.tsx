import { Spinner } from 'design-react-kit';
import { useT } from '../i18n/useT.ts';

/** A spinner with its text, announced politely. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  const text = label ?? t('bo.loading');
  return (
    <div role="status" className="d-flex align-items-center gap-3 my-4">
      <Spinner active small label="" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
