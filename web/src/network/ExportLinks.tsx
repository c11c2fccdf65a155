import { exportFormats, exportUrl } from '../api/network.ts';
import type { ExportFormat } from '../api/network.ts';
import type { OrganisationFilters } from '../api/organisations.ts';
import { useT } from '../i18n/useT.ts';

interface Props {
  filters: OrganisationFilters;
}

const labels: Record<ExportFormat, string> = {
  csv: 'bo.network.export.csv',
  xlsx: 'bo.network.export.xlsx',
  json: 'bo.network.export.json',
};

/** Downloads of the directory as listed (same filters): plain links, a GET needs no CSRF. */
export function ExportLinks({ filters }: Props) {
  const t = useT();
  return (
    <nav aria-label={t('bo.network.export.label')} className="mb-4">
      <p className="mb-1">{t('bo.network.export.intro')}</p>
      <ul className="list-inline mb-0">
        {exportFormats.map((format) => (
          <li key={format} className="list-inline-item">
            <a
              href={exportUrl(format, filters)}
              download
              className="btn btn-outline-secondary btn-sm"
            >
              {t(labels[format])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
