import { Button } from 'design-react-kit';
import type { ImportPreview, RowPlan } from '../api/network.ts';
import { useT } from '../i18n/useT.ts';
import { useCodeLabel } from './labels.ts';

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onConfirm: () => void;
}

function useValueText(): (field: string, value: unknown) => string {
  const label = useCodeLabel();
  const t = useT();
  return (field, value) => {
    if (value === null || value === undefined || value === '') return t('bo.network.import.empty');
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    if (field === 'kind') return label('bo.network.kind', text);
    if (field === 'networkRole') return label('bo.network.role', text);
    if (field === 'status') return label('bo.network.status', text);
    return text || JSON.stringify(value);
  };
}

function PlanTable({
  id,
  title,
  rows,
  showFrom,
}: {
  id: string;
  title: string;
  rows: RowPlan[];
  showFrom: boolean;
}) {
  const t = useT();
  const label = useCodeLabel();
  const valueText = useValueText();
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
              <th scope="col">{t('bo.network.import.column.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <th scope="row">{row.name}</th>
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
  const canConfirm = preview.create.length + preview.update.length > 0;
  return (
    <section aria-labelledby="network-import-preview" className="mt-4">
      <h2 id="network-import-preview">
        {t('bo.network.import.previewTitle', { file: preview.fileName })}
      </h2>
      <ul>
        <li>{t('bo.network.import.count.rows', { count: preview.rows })}</li>
        <li>{t('bo.network.import.count.create', { count: preview.create.length })}</li>
        <li>{t('bo.network.import.count.update', { count: preview.update.length })}</li>
        <li>{t('bo.network.import.count.unchanged', { count: preview.unchanged })}</li>
        <li>{t('bo.network.import.count.rejected', { count: preview.rejected.length })}</li>
      </ul>
      {preview.create.length > 0 && (
        <PlanTable
          id="network-import-create"
          title={t('bo.network.import.createTitle')}
          rows={preview.create}
          showFrom={false}
        />
      )}
      {preview.update.length > 0 && (
        <PlanTable
          id="network-import-update"
          title={t('bo.network.import.updateTitle')}
          rows={preview.update}
          showFrom
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
                  <tr key={`${rejection.row}-${rejection.column}-${index}`}>
                    <td>{rejection.row}</td>
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
