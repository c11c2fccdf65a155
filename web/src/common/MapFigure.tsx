import { useMemo } from 'react';
import { svgDataUri, Swatch } from './svg-images.tsx';

interface MapFigureProps {
  /** The server's choropleth (role="img", title, description, no style attributes). */
  svg: string;
  alt: string;
  attribution: string;
  legendTitle: string;
  /** Heading level of the legend's title, below the section's own heading. */
  legendLevel: 'h2' | 'h3';
  legend: { key: string; label: string; fill: string; hatched?: boolean; count: number }[];
  countLabel: (count: number) => string;
}

/** A map drawn by the server, shown as an image, with its legend as an HTML list. */
export function MapFigure(props: MapFigureProps) {
  const { svg, alt, attribution, legendTitle, legend, countLabel } = props;
  const image = useMemo(() => svgDataUri(svg), [svg]);
  const LegendHeading = props.legendLevel;
  return (
    <>
      <figure className="bo-network-map">
        <img src={image} alt={alt} className="img-fluid" />
        <figcaption className="small mt-2">{attribution}</figcaption>
      </figure>
      <LegendHeading className={props.legendLevel === 'h2' ? 'h4' : 'h5'}>
        {legendTitle}
      </LegendHeading>
      <ul className="list-unstyled" aria-label={legendTitle}>
        {legend.map((entry) => (
          <li key={entry.key} className="d-flex align-items-center gap-2">
            <Swatch fill={entry.fill} hatched={entry.hatched ?? false} /> {entry.label}:{' '}
            {countLabel(entry.count)}
          </li>
        ))}
      </ul>
    </>
  );
}
