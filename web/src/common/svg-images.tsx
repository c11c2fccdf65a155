/** An SVG from the server as a data: URI, so it is shown as an image and never inserted as markup. */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** A legend's colour square; decorative, since the label beside it says what it means. */
export function Swatch({ fill, hatched = false }: { fill: string; hatched?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill} />
      {hatched && (
        <path
          d="M0,4L4,0M0,8L8,0M0,12L12,0M0,16L16,0M4,16L16,4M8,16L16,8M12,16L16,12"
          stroke="#8e9aa6"
        />
      )}
      <rect x="0.5" y="0.5" width="15" height="15" fill="none" stroke="#8e9aa6" />
    </svg>
  );
}
