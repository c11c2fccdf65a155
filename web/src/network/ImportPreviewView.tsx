import { Button } from 'design-react-kit';
import { formatWeeklyHoursText } from '../../../src/core/opening-hours-text.ts';
import type { ImportPreview, RowPlan } from '../api/network.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import { useT } from '../i18n/useT.ts';
import { describeValue } from './historyValues.ts';
import { useCodeLabel } from './labels.ts';

type Changes = RowPlan['changes'];

interface DeskRowPlan {
  row: number;
  name: string;
  organisationName: string;
  changes: Changes;
}

/** The preview as the server sends it, with the help desks and names for display. */
export interface FullImportPreview extends ImportPreview {
  helpDesks?: { create: DeskRowPlan[]; update: DeskRowPlan[]; unchanged: number };
  rejected: (ImportPreview['rejected'][number] & { sheet?: string })[];
  labels?: { municipalities: Record<string, string> };
}

interface Props {
  preview: FullImportPreview;
  busy: boolean;
  onConfirm: () => void;
}

function useValueText(preview: FullImportPreview): (field: string, value: unknown) => string {
  const label = useCodeLabel();
  const t = useT();
  const { language } = useLocale();
  const empty = t('bo.network.import.empty');
  const context = {
    labels: { municipalities: preview.labels?.municipalities ?? {}, organisations: {} },
    codeLabel: label,
    empty,
  };
  return (field, value) => {
    if (field === 'openingHours' && typeof value === 'object' && value !== null) {
      const weekly = (value as { weekly?: Parameters<typeof formatWeeklyHoursText>[0] }).weekly;
      return (weekly && formatWeeklyHoursText(weekly, language)) || empty;
    }
    return describeValue(field, value, context);
  };
}

function PlanTable({
  id,
  title,
  rows,
  showFrom,
  preview,
}: {
  id: string;
  title: string;
  rows: (RowPlan | DeskRowPlan)[];
  showFrom: boolean;
  preview: FullImportPreview;
}) {
  const t = useT();
  const label = useCodeLabel();
  const valueText = useValueText(preview);
  const desks = rows.some((row) => 'organisationName' in row);
  return (
    <section aria-labelledby={id} className="mt-4">
      <h3 id={id} className="h5">
        {title}
      </h3>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bo.network.import.column.row')}</th>
              <th scope="col">{t('bo.network.import.column.name')}</th>
              {desks && <th scope="col">{t('bo.network.field.organisationId')}</th>}
              <th scope="col">{t('bo.network.import.column.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <th scope="row">{row.name}</th>
                {desks && <td>{'organisationName' in row ? row.organisationName : ''}</td>}
                <td>
                  <ul className="list-unstyled mb-0">
                    {Object.entries(row.changes).map(([field, change]) => (
                      <li key={field}>
                        {label('bo.network.field', field)}:{' '}
                        {showFrom
                          ? t('bo.network.import.fromTo', {
                              from: valueText(field, change.from),
                              to: valueText(field, change.to),
                            })
                          : valueText(field, change.to)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What confirming the upload would do: creates, updates (field: from → to), rejections. */
export function ImportPreviewView({ preview, busy, onConfirm }: Props) {
  const t = useT();
  const desks = preview.helpDesks ?? { create: [], update: [], unchanged: 0 };
  const hasDesks = desks.create.length + desks.update.length + desks.unchanged > 0;
  const canConfirm =
    preview.create.length + preview.update.length + desks.create.length + desks.update.length > 0;
  return (
    <section aria-labelledby="network-import-preview" className="mt-4">
      <h2 id="network-import-preview">
        {t('bo.network.import.previewTitle', { file: preview.fileName })}
      </h2>
      <ul>
        <li>{t('bo.network.import.count.rows', { count: preview.rows })}</li>
        <li>{t('bo.network.import.count.create', { count: preview.create.length })}</li>
        <li>{t('bo.network.import.count.update', { count: preview.update.length })}</li>
        {hasDesks && (
          <>
            <li>{t('bo.network.import.count.deskCreate', { count: desks.create.length })}</li>
            <li>{t('bo.network.import.count.deskUpdate', { count: desks.update.length })}</li>
          </>
        )}
        <li>
          {t('bo.network.import.count.unchanged', { count: preview.unchanged + desks.unchanged })}
        </li>
        <li>{t('bo.network.import.count.rejected', { count: preview.rejected.length })}</li>
      </ul>
      {preview.create.length > 0 && (
        <PlanTable
          id="network-import-create"
          title={t('bo.network.import.createTitle')}
          rows={preview.create}
          showFrom={false}
          preview={preview}
        />
      )}
      {preview.update.length > 0 && (
        <PlanTable
          id="network-import-update"
          title={t('bo.network.import.updateTitle')}
          rows={preview.update}
          showFrom
          preview={preview}
        />
      )}
      {desks.create.length > 0 && (
        <PlanTable
          id="network-import-desk-create"
          title={t('bo.network.import.deskCreateTitle')}
          rows={desks.create}
          showFrom={false}
          preview={preview}
        />
      )}
      {desks.update.length > 0 && (
        <PlanTable
          id="network-import-desk-update"
          title={t('bo.network.import.deskUpdateTitle')}
          rows={desks.update}
          showFrom
          preview={preview}
        />
      )}
      {preview.rejected.length > 0 && (
        <section aria-labelledby="network-import-rejected" className="mt-4">
          <h3 id="network-import-rejected" className="h5">
            {t('bo.network.import.rejectedTitle')}
          </h3>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('bo.network.import.rejectedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('bo.network.import.column.row')}</th>
                  <th scope="col">{t('bo.network.import.column.column')}</th>
                  <th scope="col">{t('bo.network.import.column.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rejected.map((rejection, index) => (
                  <tr
                    key={`${rejection.sheet ?? ''}-${rejection.row}-${rejection.column}-${index}`}
                  >
                    <td>
                      {rejection.sheet
                        ? t('bo.network.import.sheetRow', {
                            sheet: rejection.sheet,
                            row: rejection.row,
                          })
                        : rejection.row}
                    </td>
                    <td>{rejection.column}</td>
                    <td>{rejection.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {preview.ignoredColumns.length > 0 && (
        <section aria-labelledby="network-import-ignored" className="mt-4">
          <h3 id="network-import-ignored" className="h5">
            {t('bo.network.import.ignoredTitle')}
          </h3>
          <p>{t('bo.network.import.ignoredIntro')}</p>
          <ul>
            {preview.ignoredColumns.map((column) => (
              <li key={column}>{column}</li>
            ))}
          </ul>
        </section>
      )}
      <p className="mt-4">
        {canConfirm ? t('bo.network.import.confirmHint') : t('bo.network.import.nothingToDo')}
      </p>
      {canConfirm && (
        <Button color="primary" disabled={busy} onClick={onConfirm}>
          {t('bo.network.import.confirm')}
        </Button>
      )}
    </section>
  );
}
