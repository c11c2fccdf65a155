import { renderSvgChart } from './svg-chart.ts';

/** One bar or point: its label and its published count (null when hidden). */
export interface ChartCount {
  label: string;
  value: number | null;
}

// Bootstrap Italia's primary blue: 5.9:1 against white, above the 3:1 that WCAG asks of
// graphical objects; texts in the dark grey of the site's body text.
const barColour = '#0066cc';
const textColour = '#1a1a1a';
const gridColour = '#c5c7c9';

const axisText = { color: textColour, fontSize: 13, fontFamily: 'Titillium Web, sans-serif' };

/** The label over a bar: the count, or the mark of a hidden one. */
function countLabel(values: readonly (number | null)[], hiddenMark: string, locale: string) {
  const number = new Intl.NumberFormat(locale);
  return (params: { dataIndex: number }) => {
    const value = values[params.dataIndex];
    return value === null || value === undefined ? hiddenMark : number.format(value);
  };
}

/**
 * Horizontal bars, one per label, longest first as given; a hidden count has no bar and reads
 * as `hiddenMark` so the reader sees it was withheld, not zero.
 */
export function horizontalBarChart(options: {
  counts: readonly ChartCount[];
  title: string;
  hiddenMark: string;
  width?: number;
  locale: string;
}): string {
  const { counts, title, hiddenMark, locale } = options;
  const number = new Intl.NumberFormat(locale);
  const labels = counts.map((count) => count.label).reverse();
  const values = counts.map((count) => count.value).reverse();
  return renderSvgChart({
    title,
    width: options.width ?? 720,
    height: 60 + counts.length * 30,
    option: {
      grid: { left: 8, right: 64, top: 8, bottom: 28, containLabel: true },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { ...axisText, formatter: (value: number) => number.format(value) },
        splitLine: { lineStyle: { color: gridColour } },
      },
      yAxis: {
        type: 'category',
        data: labels,
        axisLabel: { ...axisText, width: 260, overflow: 'truncate' },
        axisLine: { lineStyle: { color: textColour } },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: values.map((value) => value ?? 0),
          itemStyle: { color: barColour },
          barMaxWidth: 22,
          label: {
            show: true,
            position: 'right',
            ...axisText,
            formatter: countLabel(values, hiddenMark, locale),
          },
        },
      ],
    },
  });
}

/** Columns over time (months, quarters); a hidden period has no column and reads `hiddenMark`. */
export function timeColumnChart(options: {
  counts: readonly ChartCount[];
  title: string;
  hiddenMark: string;
  width?: number;
  locale: string;
}): string {
  const { counts, title, hiddenMark, locale } = options;
  const number = new Intl.NumberFormat(locale);
  const values = counts.map((count) => count.value);
  return renderSvgChart({
    title,
    width: options.width ?? 720,
    height: 300,
    option: {
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: counts.map((count) => count.label),
        axisLabel: { ...axisText, rotate: counts.length > 6 ? 45 : 0 },
        axisLine: { lineStyle: { color: textColour } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { ...axisText, formatter: (value: number) => number.format(value) },
        splitLine: { lineStyle: { color: gridColour } },
      },
      series: [
        {
          type: 'bar',
          data: values.map((value) => value ?? 0),
          itemStyle: { color: barColour },
          barMaxWidth: 28,
          label: {
            show: true,
            position: 'top',
            ...axisText,
            fontSize: 11,
            formatter: countLabel(values, hiddenMark, locale),
          },
        },
      ],
    },
  });
}
