import { Table } from 'design-react-kit';
import { useId } from 'react';
import type { ReactNode } from 'react';

interface DataTableProps {
  caption: ReactNode;
  children: ReactNode;
  /** Added to the table's classes (e.g. a layout of its own for narrow screens). */
  className?: string;
}

/**
 * A captioned table in a horizontally scrollable region. The region is focusable and named
 * after the caption so keyboard users can scroll it too.
 */
export function DataTable({ caption, children, className }: DataTableProps) {
  const captionId = useId();
  return (
    <div className="table-responsive" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table hover className={className ? `bo-table ${className}` : 'bo-table'}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </Table>
    </div>
  );
}
