import { Spinner } from 'design-react-kit';
import { useT } from '../i18n/useT.ts';

interface LoadingProps {
  label?: string;
  /** False when placed inside a live region that already announces it. */
  announce?: boolean;
}

/** A spinner with its text. */
export function Loading({ label, announce = true }: LoadingProps) {
  const t = useT();
  return (
    <div role={announce ? 'status' : undefined} className="d-flex align-items-center gap-3 my-3">
      <span aria-hidden="true">
        <Spinner active small label="" />
      </span>
      <span>{label ?? t('bo.loading')}</span>
    </div>
  );
}
