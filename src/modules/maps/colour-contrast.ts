const hexColour = /^#[0-9a-f]{6}$/i;

export function isHexColour(value: string): boolean {
  return hexColour.test(value);
}

/** Relative luminance of an sRGB colour written `#rrggbb`, as WCAG 2 defines it. */
export function relativeLuminance(colour: string): number {
  if (!isHexColour(colour)) throw new Error(`Not a #rrggbb colour: ${colour}`);
  const [red, green, blue] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(colour.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG 2 contrast ratio, from 1 (same luminance) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort(
    (a, b) => b - a,
  ) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}
