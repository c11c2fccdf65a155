import { describe, expect, it } from 'vitest';
import { CompactPathContext } from './compact-path.ts';

function draw(rings: [number, number][][]): string {
  const context = new CompactPathContext();
  for (const ring of rings) {
    ring.forEach(([x, y], index) => (index === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
    context.closePath();
  }
  return context.result();
}

describe('CompactPathContext', () => {
  it('writes each ring as an absolute move and relative steps rounded to tenths', () => {
    expect(
      draw([
        [
          [10.04, 20],
          [12.26, 20],
          [12.26, 17.5],
        ],
      ]),
    ).toBe('M10,20l2.3,0,0-2.5z');
  });

  it('takes steps between rounded points, so rounding never drifts along a ring', () => {
    const ring: [number, number][] = Array.from({ length: 30 }, (_, i) => [i * 1.04, (i % 2) * 3]);
    const data = draw([ring]);
    const steps = data.slice(data.indexOf('l') + 1, -1).match(/-?(?:\d+\.?\d*|\.\d+)/g)!;
    const lastX = steps.filter((_, i) => i % 2 === 0).reduce((x, step) => x + Number(step) * 10, 0);
    expect(Math.round(lastX)).toBe(Math.round(29 * 1.04 * 10));
  });

  it('drops repeated points and rings that collapse when rounded', () => {
    expect(
      draw([
        [
          [0, 0],
          [0.01, 0.01],
          [5, 0],
          [5, 5],
        ],
        [
          [1, 1],
          [1.02, 1],
          [1, 1.04],
        ],
      ]),
    ).toBe('M0,0l5,0,0,5z');
  });

  it('writes the shortest number forms and hands out each path once', () => {
    const context = new CompactPathContext();
    context.moveTo(0.5, 3);
    context.lineTo(0.2, 3.1);
    context.lineTo(-1, 40);
    context.closePath();
    expect(context.result()).toBe('M.5,3l-.3,.1-1.2,36.9z');
    expect(context.result()).toBe('');
    expect(() => context.arc()).toThrow(/polygons only/);
  });
});
