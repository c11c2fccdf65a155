import { useIntl } from 'react-intl';
import { sendMessage } from '../api/cases.ts';
import type { CaseMessage } from '../api/cases.ts';
import { formatDateTime } from '../common/format.ts';
import { useT } from '../i18n/useT.ts';
import { TextEntryForm } from './TextEntryForm.tsx';

interface Props {
  caseId: string;
  thread: { canSend: boolean; messages: CaseMessage[] };
  onSent: () => Promise<void>;
}

/**
 * Messages with the reporter through the receipt channel: the reporter reads them with their
 * code, so nobody needs their contact details.
 */
export function MessagesPanel({ caseId, thread, onSent }: Props) {
  const t = useT();
  const intl = useIntl();
  return (
    <section aria-labelledby="case-messages" className="mb-5">
      <h3 id="case-messages" className="h4">
        {t('bo.cases.messages.title')}
      </h3>
      {thread.messages.length === 0 ? (
        <p>{t('bo.cases.messages.none')}</p>
      ) : (
        <ol className="list-unstyled">
          {thread.messages.map((message) => (
            <li key={message.id} className="border-start border-3 ps-3 mb-3">
              <p className="mb-1 small">
                {message.direction === 'to_reporter'
                  ? t('bo.cases.messages.toReporter', {
                      who: message.author?.displayName ?? '—',
                      at: formatDateTime(intl, message.createdAt),
                    })
                  : t('bo.cases.messages.fromReporter', {
                      at: formatDateTime(intl, message.createdAt),
                    })}
                {message.direction === 'to_reporter' &&
                  ` ${message.readAt ? t('bo.cases.messages.read') : t('bo.cases.messages.unread')}`}
              </p>
              <p style={{ whiteSpace: 'pre-wrap' }}>{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {thread.canSend ? (
        <TextEntryForm
          form="case-message"
          label={t('bo.cases.messages.body')}
          hint={t('bo.cases.messages.hint')}
          required={t('bo.cases.messages.required')}
          submit={t('bo.cases.messages.submit')}
          saved={t('bo.cases.messages.sent')}
          save={async (body) => {
            await sendMessage(caseId, body);
            await onSent();
          }}
        />
      ) : (
        <p>{t('bo.cases.messages.cannotSend')}</p>
      )}
    </section>
  );
}
