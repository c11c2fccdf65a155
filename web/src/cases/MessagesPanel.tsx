import { Button } from 'design-react-kit';
import { useIntl } from 'react-intl';
import { sendMessage } from '../api/cases.ts';
import type { CaseMessage } from '../api/cases.ts';
import { formatDateTime } from '../common/format.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useDraftForm } from '../common/useDraftForm.ts';
import { controlFor, fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { TextAreaField } from './TextAreaField.tsx';

const FORM = 'case-message';

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
  const labels = { body: t('bo.cases.messages.body') };
  const editor = useDraftForm({
    initial: { body: '' },
    check: (draft) =>
      draft.body.trim() ? [] : [{ field: 'body', message: t('bo.cases.messages.required') }],
    save: async (draft) => {
      await sendMessage(caseId, draft.body.trim());
      await onSent();
    },
    afterSave: () => ({ body: '' }),
  });
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
        <>
          <StatusMessage message={editor.saved ? t('bo.cases.messages.sent') : null} />
          <form noValidate onSubmit={editor.onSubmit}>
            <ErrorSummary
              errors={editor.form.errors}
              target={(field) => controlFor(FORM, labels, field)}
            />
            <TextAreaField
              id={fieldId(FORM, 'body')}
              label={labels.body}
              hint={t('bo.cases.messages.hint')}
              required
              value={editor.draft.body}
              onChange={(value) => editor.set('body', value)}
              error={editor.form.messageFor('body')}
            />
            <Button type="submit" color="primary" disabled={editor.submitting}>
              {t('bo.cases.messages.submit')}
            </Button>
          </form>
        </>
      ) : (
        <p>{t('bo.cases.messages.cannotSend')}</p>
      )}
    </section>
  );
}
