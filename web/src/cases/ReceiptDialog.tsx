import { Button } from 'design-react-kit';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/useT.ts';

interface Props {
  reference: string;
  code: string;
  onClose: () => void;
}

/** Groups of four digits, easier to read out on the phone. */
function grouped(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * The receipt code, shown once: the server keeps only its keyed hash, so closing this dialog
 * is the last chance to read it to the reporter.
 */
export function ReceiptDialog({ reference, code, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      className="bo-receipt-dialog p-4"
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id={headingId} className="h4">
        {t('bo.cases.receipt.title', { reference })}
      </h2>
      <p>{t('bo.cases.receipt.intro')}</p>
      <p className="bo-secret h3">{grouped(code)}</p>
      <p>{t('bo.cases.receipt.advice')}</p>
      <Button color="primary" onClick={onClose}>
        {t('bo.cases.receipt.done')}
      </Button>
    </dialog>
  );
}
