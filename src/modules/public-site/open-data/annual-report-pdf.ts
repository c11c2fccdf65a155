import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { translate, type Locale } from '../../../i18n/i18n.ts';
import { SUPPRESSED_MARK } from '../../stats/crosstab-export.ts';
import { bootstrapItaliaDist } from '../bootstrap-italia.ts';
import {
  breakdownChart,
  breakdowns,
  countText,
  keyFigureChanges,
  percentChange,
  tableRows,
} from './data-page.ts';
import { methodologySections } from './methodology-page.ts';
import type { PublicRelease } from './public-releases.ts';
import type { YearFigures } from '../../stats/yearly-figures.ts';
import { SMALL_NUMBERS_BELOW } from '../../../core/stats/trend.ts';

/**
 * The yearly report of a released year as a tagged PDF (PDF/UA): the same protected figures
 * as the Dati page, with its charts, a table for every chart, the notes and the methodology,
 * in Titillium Web (the Italian public administration's typeface, embedded). Headings,
 * paragraphs, lists, tables with header cells and figures with alternative text are in the
 * structure tree, so a screen reader reads it in order; page numbers are artifacts.
 */

const fontFolder = join(bootstrapItaliaDist, 'fonts', 'Titillium_Web');
const REGULAR = join(fontFolder, 'titillium-web-v10-latin-ext_latin-regular.ttf');
const BOLD = join(fontFolder, 'titillium-web-v10-latin-ext_latin-700.ttf');
const TEXT = '#1a1a1a';
const MARGIN = 56;

type Structure = PDFKit.PDFStructureElement;

/** Writes blocks into the document and its structure tree, one after the other. */
class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: Structure;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  /** Starts a new page when fewer than `height` points are left. */
  private keepTogether(height: number) {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + height > bottom) this.doc.addPage();
  }

  heading(level: 1 | 2 | 3, text: string) {
    const size = { 1: 22, 2: 16, 3: 13 }[level];
    this.keepTogether(size * 4);
    if (level > 1) this.doc.moveDown(0.8);
    this.root.add(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc.font('bold').fontSize(size).fillColor(TEXT).text(text, { width: this.width });
      }),
    );
    this.doc.moveDown(0.3);
  }

  paragraph(text: string) {
    this.root.add(
      this.doc.struct('P', {}, () => {
        this.doc.font('regular').fontSize(11).fillColor(TEXT).text(text, { width: this.width });
      }),
    );
    this.doc.moveDown(0.5);
  }

  list(items: readonly string[]) {
    const list = this.doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      const entry = this.doc.struct('LI');
      list.add(entry);
      entry.add(
        this.doc.struct('LBody', {}, () => {
          this.doc
            .font('regular')
            .fontSize(11)
            .fillColor(TEXT)
            .text(`•  ${item}`, { width: this.width, indent: 0 });
        }),
      );
      entry.end();
    }
    list.end();
    this.doc.moveDown(0.5);
  }

  /** A chart (SVG) scaled to the text width, with the alternative text a reader hears. */
  figure(svg: string, alt: string) {
    const size = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
    const [svgWidth, svgHeight] = size ? [Number(size[1]), Number(size[2])] : [720, 300];
    const height = (this.width * svgHeight) / svgWidth;
    this.keepTogether(height + 12);
    const x = MARGIN;
    const y = this.doc.y;
    this.root.add(
      this.doc.struct('Figure', { alt }, () => {
        SVGtoPDF(this.doc, svg, x, y, {
          width: this.width,
          height,
          fontCallback: (_family, bold) => (bold ? 'bold' : 'regular'),
        });
      }),
    );
    this.doc.x = MARGIN;
    this.doc.y = y + height + 8;
  }

  /** A table whose first row and first column are header cells. */
  table(headers: readonly string[], rows: readonly (readonly string[])[]) {
    this.keepTogether(60);
    const header = (text: string, scope: 'Column' | 'Row') => ({
      text,
      type: 'TH' as const,
      scope,
      font: { src: 'bold' },
    });
    const data = [
      headers.map((text) => header(text, 'Column')),
      ...rows.map(([first, ...rest]) => [header(first!, 'Row'), ...rest]),
    ];
    this.doc.font('regular').fontSize(10).fillColor(TEXT);
    // `structParent` and `scope` are pdfkit's accessible tables, which its types do not list yet.
    this.doc.table({
      data,
      structParent: this.root,
      columnStyles: headers.map((_, index) =>
        index === 0 ? '*' : { width: 90, align: { x: 'right' as const } },
      ),
      defaultStyle: { border: 0.5, borderColor: '#c5c7c9', padding: 4 },
    } as PDFKit.Mixins.TableOptionsWithData);
    this.doc.x = MARGIN;
    this.doc.moveDown(0.8);
  }

  end() {
    this.root.end();
  }
}

/** Page numbers, drawn once every page is laid out: decoration, not content. */
function numberPages(doc: PDFKit.PDFDocument, locale: Locale) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(TEXT)
      .text(
        translate(locale, 'public.data.report.page', { page: index + 1, pages: range.count }),
        MARGIN,
        doc.page.height - 36,
        { width: doc.page.width - MARGIN * 2, align: 'right', lineBreak: false },
      );
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Who a report is for: the public edition of a released year, or an internal one drawn for
 * staff from the figures of the moment, for the network or one municipality, with the
 * internal threshold and marked as not for publication.
 */
export type ReportEdition =
  | { kind: 'release'; releaseDelayDays: number }
  | { kind: 'internal'; territoryName: string | null };

/** Reports per 100,000 inhabitants of the region's municipalities, as the map computes them. */
export interface PlaceRate {
  name: string;
  /** Null for the row of places outside the region, online or not given. */
  population: number | null;
  count: number | null;
  rate: number | null;
}

export async function renderAnnualReportPdf(
  release: PublicRelease,
  options: {
    locale: Locale;
    edition: ReportEdition;
    /** The year before, when released too: the key figures' change. */
    previous?: { year: number; figures: YearFigures } | null;
    /** Municipalities with reports and their rates; without them, counts only. */
    placeRates?: readonly PlaceRate[] | null;
  },
): Promise<Buffer> {
  const { locale, edition } = options;
  const t = (key: string, values?: Record<string, string | number>) =>
    translate(locale, `public.data.${key}`, values);
  const territory = edition.kind === 'internal' ? edition.territoryName : null;
  const title =
    edition.kind === 'release'
      ? t('report.title', { year: release.year })
      : t('report.internal.title', {
          year: release.year,
          territory: territory ?? release.regionName,
        });
  // PDF/UA: pdfkit writes the identification, the language and the title to show; its types
  // do not list that subset yet.
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: locale === 'it' ? 'it-IT' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    font: REGULAR,
    info: {
      Title: title,
      Author: 'Osservatorio',
      Subject: t('lead', { period: String(release.year) }),
      Keywords: t('report.keywords'),
      CreationDate: release.releasedAt,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const writer = new ReportWriter(doc);
  const figures = release.figures;
  const releasedOn = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
    release.releasedAt,
  );
  writer.heading(1, title);
  if (edition.kind === 'release') {
    writer.paragraph(t('lead', { period: String(release.year) }));
    writer.paragraph(t('released', { date: releasedOn, days: edition.releaseDelayDays }));
  } else {
    writer.paragraph(t('report.internal.warning', { threshold: release.threshold }));
    writer.paragraph(t('report.internal.perturbation'));
    writer.paragraph(t('report.internal.drawn', { date: releasedOn }));
  }
  writer.paragraph(t('report.region', { region: territory ?? release.regionName }));

  writer.heading(2, t('figures.heading'));
  writer.table(
    [t('report.figure'), t('report.value')],
    [
      [t('figures.reports'), countText(figures.reports.total, locale)],
      [t('figures.cases'), countText(figures.casesTakenInCharge, locale)],
      [t('figures.intersectional'), countText(figures.reports.multipleGrounds, locale)],
      [t('report.single_ground'), countText(figures.reports.singleGround, locale)],
      [t('report.not_classified'), countText(figures.reports.notClassified, locale)],
    ],
  );
  const previous = options.previous ?? null;
  if (previous) {
    const percent = percentChange(locale);
    const described = keyFigureChanges(figures, previous.figures).map(
      ({ key, change }) => `${t(key)} ${percent.format(change.share)}${change.small ? '*' : ''}`,
    );
    if (described.length > 0) {
      writer.paragraph(`${t('change.lead', { year: previous.year })} ${described.join('; ')}.`);
      if (described.some((text) => text.endsWith('*'))) {
        writer.paragraph(t('change.small_note', { below: SMALL_NUMBERS_BELOW }));
      }
    }
  }

  for (const breakdown of breakdowns) {
    const table = figures[breakdown.view];
    const rows = tableRows(table).filter((row) => breakdown.keepEmpty || row.count.value !== 0);
    const chartTitle = t(`${breakdown.id}.title`);
    writer.heading(2, chartTitle);
    if (table.rowsMaySumToMore) writer.paragraph(t('multiple_note'));
    if (rows.length === 0) {
      writer.paragraph(t('no_reports'));
      continue;
    }
    const svg = breakdownChart({ ...breakdown, rows, title: chartTitle, locale });
    writer.figure(svg, `${chartTitle}. ${t('report.chart_alt')}`);
    writer.table(
      [table.rowDimensions[0]!.label, t('column.reports')],
      rows.map((row) => [row.label, countText(row.count, locale)]),
    );
  }

  // A municipality's own report has no table of municipalities.
  if (territory === null) {
    writer.heading(2, t('report.municipality.title', { region: release.regionName }));
    const placeRates = options.placeRates;
    if (placeRates) {
      const number = new Intl.NumberFormat(locale);
      const decimal = new Intl.NumberFormat(locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      writer.table(
        [
          t('map.column.municipality'),
          t('column.reports'),
          t('map.column.population'),
          t('map.column.rate'),
        ],
        placeRates.map((place) => [
          place.name,
          place.count === null ? SUPPRESSED_MARK : number.format(place.count),
          place.population === null ? '—' : number.format(place.population),
          place.population === null
            ? '—'
            : place.rate === null
              ? SUPPRESSED_MARK
              : `${decimal.format(place.rate)}${place.count !== null && place.count < SMALL_NUMBERS_BELOW ? '*' : ''}`,
        ]),
      );
      writer.paragraph(t('map.unstable_note', { below: SMALL_NUMBERS_BELOW }));
    } else {
      const places = tableRows(figures.byMunicipality).filter((row) => row.count.value !== 0);
      writer.table(
        [t('map.column.municipality'), t('column.reports')],
        places.map((row) => [row.label, countText(row.count, locale)]),
      );
    }
  }

  writer.heading(2, t('notes.heading'));
  writer.list([
    t('notes.suppression', { mark: SUPPRESSED_MARK, threshold: release.threshold }),
    t('notes.consent'),
    t('notes.classification', { version: release.taxonomyVersion }),
  ]);

  writer.heading(2, t('methodology.title'));
  const values = {
    threshold: release.threshold,
    mark: SUPPRESSED_MARK,
    version: release.taxonomyVersion,
    below: SMALL_NUMBERS_BELOW,
    days: edition.kind === 'release' ? edition.releaseDelayDays : 0,
  };
  // An internal report is drawn from today's figures: the section on yearly releases is not
  // about it.
  const sections = methodologySections.filter(
    (section) => edition.kind === 'release' || section !== 'releases',
  );
  for (const section of sections) {
    writer.heading(3, t(`methodology.${section}.heading`));
    writer.paragraph(t(`methodology.${section}.text`, values));
  }
  writer.end();
  numberPages(doc, locale);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
