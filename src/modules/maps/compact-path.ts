import type { GeoContext } from 'd3-geo';

/**
 * A d3-geo path context that writes SVG path data small enough to inline in a page: each ring
 * starts with an absolute `M` and continues with relative `l` steps, coordinates are rounded to
 * tenths of a unit, repeated points are dropped and rings that collapse to fewer than three
 * points vanish. Relative steps are computed between rounded absolute points, so rounding never
 * accumulates along a ring; and since neighbouring municipalities share their border points,
 * both sides round them alike and no gap opens between them.
 *
 * About a third smaller than d3's own output with `digits(1)` (Tuscany: 125 KB of path data
 * down to 80 KB).
 */
export class CompactPathContext implements GeoContext {
  #output = '';
  /** The current ring, in tenths of a unit. */
  #ring: [number, number][] = [];

  // Part of the canvas-like interface d3 draws on; rings already start with moveTo.
  beginPath(): void {}

  moveTo(x: number, y: number): void {
    this.#flushRing();
    this.#ring.push([toTenths(x), toTenths(y)]);
  }

  lineTo(x: number, y: number): void {
    const point: [number, number] = [toTenths(x), toTenths(y)];
    const last = this.#ring.at(-1);
    if (last && last[0] === point[0] && last[1] === point[1]) return;
    this.#ring.push(point);
  }

  closePath(): void {
    this.#flushRing();
  }

  // Points are drawn as circles by d3; maps here only draw polygons.
  arc(): void {
    throw new Error('CompactPathContext draws polygons only');
  }

  /** The path data written so far, ready for a `d` attribute. */
  result(): string {
    this.#flushRing();
    const output = this.#output;
    this.#output = '';
    return output;
  }

  #flushRing(): void {
    const ring = this.#ring;
    this.#ring = [];
    const first = ring[0];
    if (!first || distinctPointCount(ring) < 3) return;
    const steps: string[] = [];
    for (let index = 1; index < ring.length; index += 1) {
      const [x, y] = ring[index]!;
      const [previousX, previousY] = ring[index - 1]!;
      steps.push(formatTenths(x - previousX), formatTenths(y - previousY));
    }
    this.#output += `M${formatTenths(first[0])},${formatTenths(first[1])}l${joinNumbers(steps)}z`;
  }
}

/** A minus sign already separates two numbers, so a comma is needed only before the others. */
function joinNumbers(numbers: readonly string[]): string {
  return numbers
    .map((number, index) => (index === 0 || number.startsWith('-') ? number : `,${number}`))
    .join('');
}

function toTenths(value: number): number {
  return Math.round(value * 10);
}

/** 12 → "1.2", -3 → "-.3", 40 → "4": the shortest form SVG path grammar accepts. */
function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const magnitude = Math.abs(tenths);
  const whole = Math.floor(magnitude / 10);
  const fraction = magnitude % 10;
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole === 0 ? '' : whole}.${fraction}`;
}

function distinctPointCount(ring: readonly [number, number][]): number {
  return new Set(ring.map(([x, y]) => `${x},${y}`)).size;
}
