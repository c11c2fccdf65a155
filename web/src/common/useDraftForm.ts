import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldError } from '../api/client.ts';
import { useFormErrors } from './useFormErrors.ts';
import type { FormErrorsApi } from './useFormErrors.ts';

interface DraftFormOptions<D> {
  initial: D | (() => D);
  /** Problems found before sending anything; the draft is sent only when there are none. */
  check?: (draft: D) => FieldError[];
  /** Sends the draft (and may navigate away, as after a creation). */
  save: (draft: D) => Promise<void>;
  /** The draft after a successful save, e.g. a password field emptied; unchanged by default. */
  afterSave?: (draft: D) => D;
  /** Field errors to add to a failure the server did not pin to a field (a `conflict`). */
  failureFields?: (error: unknown) => FieldError[];
}

export interface DraftForm<D> {
  draft: D;
  setDraft: (draft: D) => void;
  set: <K extends keyof D>(key: K, value: D[K]) => void;
  /** True after a save, until the next submission: shows the "saved" status message. */
  saved: boolean;
  submitting: boolean;
  form: FormErrorsApi;
  /** For `<form onSubmit>`. */
  onSubmit: (event: FormEvent) => void;
}

/**
 * The editing cycle every back-office form shares: a draft, checks before sending, one
 * submission at a time, the server's errors shown by the fields, "saved" after success.
 */
export function useDraftForm<D>(options: DraftFormOptions<D>): DraftForm<D> {
  const form = useFormErrors();
  const [draft, setDraft] = useState<D>(options.initial);
  const [saved, setSaved] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const set = useCallback(<K extends keyof D>(key: K, value: D[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
  }, []);

  async function submit() {
    setSaved(false);
    const problems = options.check?.(draft) ?? [];
    if (problems.length > 0) {
      form.showFieldErrors(problems);
      return;
    }
    setSubmitting(true);
    try {
      await options.save(draft);
      form.clear();
      setSaved(true);
      if (options.afterSave) setDraft(options.afterSave(draft));
    } catch (error) {
      form.showError(error, options.failureFields?.(error) ?? []);
    } finally {
      setSubmitting(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit();
  }

  return { draft, setDraft, set, saved, submitting, form, onSubmit };
}
