import type { NetworkMap } from '../api/network.ts';
import { useT } from '../i18n/useT.ts';

interface Props {
  map: NetworkMap;
  /** The number of municipalities, already formatted. */
  count: string;
}

/** The map's data as a table: the accessible alternative to the image. */
export function NetworkMapTable({ map, count }: Props) {
  const t = useT();
  const labels = new Map(map.legend.map((entry) => [entry.key, entry.label]));
  return (
    <section className="mt-5" id="network-map-table" aria-labelledby="network-map-table-heading">
      <h2 id="network-map-table-heading">{t('bo.network.map.tableHeading')}</h2>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('bo.network.map.tableCaption', { region: map.regionName, count })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bo.network.map.column.municipality')}</th>
              <th scope="col">{t('bo.network.map.column.province')}</th>
              <th scope="col">{t('bo.network.map.column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {map.rows.map((row) => (
              <tr key={row.istatCode}>
                <th scope="row">{row.name}</th>
                <td>{row.provinceAcronym ?? ''}</td>
                <td>{labels.get(row.category) ?? row.category}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
