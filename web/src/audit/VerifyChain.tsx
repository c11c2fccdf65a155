import { Button } from 'design-react-kit';
import { useState } from 'react';
import { verifyAuditChain } from '../api/audit.ts';
import type { ChainVerification } from '../api/types.ts';
import { describeError } from '../common/errors.ts';
import { useT } from '../i18n/useT.ts';

/** Re-computes the tamper-evident hash chain on the server and reports where it breaks. */
export function VerifyChain() {
  const t = useT();
  const [result, setResult] = useState<ChainVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function verify() {
    setRunning(true);
    setResult(null);
    setError(null);
    try {
      setResult(await verifyAuditChain());
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setRunning(false);
    }
  }

  let message: { color: string; text: string } | null = null;
  if (running) message = { color: 'info', text: t('bo.audit.verify.running') };
  else if (error) message = { color: 'danger', text: error };
  else if (result?.ok) {
    message = { color: 'success', text: t('bo.audit.verify.intact', { count: result.checked }) };
  } else if (result) {
    message = {
      color: 'danger',
      text: t('bo.audit.verify.broken', {
        id: result.brokenAt,
        reason: t(`bo.audit.verify.reason.${result.reason}`),
        count: result.checked,
      }),
    };
  }

  return (
    <section className="mb-4">
      <h2 id="audit-verify-heading" className="h4">
        {t('bo.audit.verify.title')}
      </h2>
      <Button color="primary" outline disabled={running} onClick={() => void verify()}>
        {t('bo.audit.verify.button')}
      </Button>
      <div role="status" className="mt-3">
        {message && <div className={`alert alert-${message.color}`}>{message.text}</div>}
      </div>
    </section>
  );
}
