import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useT } from '../i18n/useT.ts';

/** The first page of a visit keeps the browser's own focus; every later one takes it. */
let firstPageShown = false;

interface PageHeadingProps {
  /** Plain text for the document title. */
  title: string;
  children?: ReactNode;
  /** Moves focus to the heading again when it changes (a new step on the same route). */
  focusKey?: string;
}

/**
 * The page's <h1>. On navigation it takes the focus, so screen-reader and keyboard users
 * start reading the new page at its top instead of at the link they followed.
 */
export function PageHeading({ title, children, focusKey }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const t = useT();

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    ref.current?.focus();
  }, [pathname, focusKey]);

  return (
    <h1 ref={ref} tabIndex={-1} className="bo-page-heading mb-4">
      {children ?? title}
    </h1>
  );
}
