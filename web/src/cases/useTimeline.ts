import { useCallback, useEffect, useState } from 'react';
import { getTimeline, listMessages } from '../api/cases.ts';
import type { CaseMessage, CaseTimeline } from '../api/cases.ts';

export interface TimelineState {
  timeline: CaseTimeline | null;
  messages: { canSend: boolean; messages: CaseMessage[] } | null;
  error: unknown;
  reload: () => Promise<void>;
}

/**
 * The team's timeline and the messages with the reporter (each read is audited by the server).
 * Only the case team loads them; a referral's receiver sees what the case detail shares.
 */
export function useTimeline(caseId: string, enabled: boolean, key: number): TimelineState {
  const [timeline, setTimeline] = useState<CaseTimeline | null>(null);
  const [messages, setMessages] = useState<TimelineState['messages']>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    if (!enabled) return;
    try {
      const [loaded, thread] = await Promise.all([getTimeline(caseId), listMessages(caseId)]);
      setTimeline(loaded);
      setMessages(thread);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [caseId, enabled]);

  useEffect(() => {
    void reload();
  }, [reload, key]);

  return { timeline, messages, error, reload };
}
