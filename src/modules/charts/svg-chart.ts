import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/**
 * Charts drawn on the server with ECharts as inline SVG, for pages that work without
 * JavaScript and for PDF reports. ECharts writes a few things our Content-Security-Policy
 * (`style-src 'self'`) would block or that mean nothing without its script: `style` attributes
 * on texts, a `<style>` element for hover effects, classes and `ecmeta_*` attributes. They are
 * rewritten into SVG presentation attributes or removed, so the drawing looks the same and
 * needs nothing inline. The chart is one image for assistive technologies, named by `title`;
 * its figures belong in a table beside it.
 */
export interface SvgChartOptions {
  option: EChartsOption;
  width: number;
  height: number;
  /** The accessible name of the image ("Segnalazioni per motivo, 2025"). */
  title: string;
}

// Properties ECharts puts in `style` that SVG also accepts as attributes.
const presentationProperties = new Set([
  'font-size',
  'font-family',
  'font-weight',
  'font-style',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'opacity',
]);

function styleToAttributes(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.split(':').map((part) => part.trim()))
    .filter(
      (parts): parts is [string, string] =>
        parts.length === 2 && presentationProperties.has(parts[0]!) && parts[1]!.length > 0,
    )
    .map(([property, value]) => `${property}="${value.replace(/"/g, '&quot;')}"`)
    .join(' ');
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** ECharts' SVG made safe for a strict Content-Security-Policy and named for screen readers. */
export function cleanChartSvg(svg: string, title: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, style: string) => {
      const attributes = styleToAttributes(style);
      return attributes ? ` ${attributes}` : '';
    })
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ aria-label="[^"]*"/g, '')
    .replace(
      /^<svg /,
      `<svg role="img" aria-label="${escapeAttribute(title)}" focusable="false" class="site-chart" `,
    );
}

export function renderSvgChart(options: SvgChartOptions): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width,
    height: options.height,
  });
  try {
    chart.setOption({ animation: false, ...options.option });
    return cleanChartSvg(chart.renderToSVGString(), options.title);
  } finally {
    chart.dispose();
  }
}
