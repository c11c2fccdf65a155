import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFDict } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectFileFamily, FileRefusedError } from './file-content.ts';
import { sanitiseFile } from './sanitise.ts';

const exif = {
  IFD0: { Artist: 'Mario Rossi', Make: 'PhoneMaker' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '43/1 46/1 3044/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '11/1 15/1 1234/100',
  },
};

async function photo(format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const image = sharp({
    create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .withExif(exif)
    .withMetadata({ orientation: 6 });
  return image.toFormat(format).toBuffer();
}

describe('re-encoding images', () => {
  for (const format of ['jpeg', 'png', 'webp'] as const) {
    it(`removes EXIF (GPS, author, camera) from ${format} and applies the orientation`, async () => {
      const original = await photo(format);
      expect((await sharp(original).metadata()).exif).toBeDefined();
      expect(original.includes('Mario Rossi')).toBe(true);

      const clean = await sanitiseFile(original, format);
      expect(await detectFileFamily(clean)).toBe(format);
      const metadata = await sharp(clean).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      // Orientation 6 (rotate 90°) is applied to the pixels before it is dropped.
      expect([metadata.width, metadata.height]).toEqual([20, 40]);
      for (const marker of ['Exif', 'Mario Rossi', 'PhoneMaker', 'eXIf']) {
        expect(clean.includes(marker)).toBe(false);
      }
    });
  }

  it('refuses an image that does not decode', async () => {
    const broken = Buffer.concat([(await photo('png')).subarray(0, 40), Buffer.alloc(20)]);
    await expect(sanitiseFile(broken, 'png')).rejects.toThrow(FileRefusedError);
  });
});

async function pdfWithMetadata(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([300, 200]);
  page.drawText('Protocollo UNAR', { font: await document.embedFont(StandardFonts.Helvetica) });
  document.setAuthor('Mario Rossi');
  document.setTitle('Protocollo riservato');
  document.setCreator('Writer');
  document.setProducer('SecretProducer');
  const xmp = document.context.stream(
    '<x:xmpmeta><dc:creator>Mario Rossi</dc:creator><pdf:Producer>SecretProducer</pdf:Producer></x:xmpmeta>',
    { Type: 'Metadata', Subtype: 'XML' },
  );
  document.catalog.set(PDFName.of('Metadata'), document.context.register(xmp));
  page.node.set(PDFName.of('Metadata'), document.context.register(xmp));
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

function utf16Hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

describe('stripping PDF metadata', () => {
  it('removes the information dictionary and XMP metadata but keeps the pages', async () => {
    const original = await pdfWithMetadata();
    expect(original.includes('Mario Rossi')).toBe(true);

    const clean = await sanitiseFile(original, 'pdf');
    expect(await detectFileFamily(clean)).toBe('pdf');
    const text = clean.toString('latin1');
    for (const marker of ['Mario Rossi', 'SecretProducer', 'Protocollo riservato', 'xmpmeta']) {
      expect(text).not.toContain(marker);
      expect(text.toUpperCase()).not.toContain(utf16Hex(marker));
    }
    expect(text).not.toMatch(/\/(Author|Producer|Creator|Metadata)\b/);

    const reloaded = await PDFDocument.load(clean, { updateMetadata: false });
    expect(reloaded.getPageCount()).toBe(1);
    expect(reloaded.getAuthor()).toBeUndefined();
    expect(reloaded.getProducer()).toBeUndefined();
  });

  it("removes links' and fields' JavaScript and Launch actions and XFA, keeping a URI link", async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([200, 200]);
    const { context } = document;
    const action = (type: string, extra: Record<string, string>) =>
      context.obj({
        Type: 'Action',
        S: type,
        ...Object.fromEntries(
          Object.entries(extra).map(([key, value]) => [key, PDFString.of(value)]),
        ),
      });
    const link = (a: PDFDict) =>
      context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 50], A: a }));
    const safe = action('URI', { URI: 'https://example.org/' });
    safe.set(PDFName.of('Next'), action('JavaScript', { JS: 'app.alert("chained")' }));
    const annotations = [
      link(action('JavaScript', { JS: 'app.alert("SCRIPT-MARKER")' })),
      link(action('Launch', { F: 'LAUNCH-MARKER.exe' })),
      link(safe),
    ];
    page.node.set(PDFName.of('Annots'), context.obj(annotations));
    const field = context.register(
      context.obj({
        FT: 'Btn',
        T: PDFString.of('button'),
        A: context.register(action('JavaScript', { JS: 'FIELD-MARKER()' })),
      }),
    );
    document.catalog.set(
      PDFName.of('AcroForm'),
      context.obj({ Fields: [field], XFA: PDFString.of('<script>XFA-MARKER</script>') }),
    );
    const original = Buffer.from(await document.save({ useObjectStreams: false }));
    expect(original.toString('latin1')).toContain('SCRIPT-MARKER');

    const clean = await sanitiseFile(original, 'pdf');
    const text = clean.toString('latin1');
    for (const marker of [
      'SCRIPT-MARKER',
      'LAUNCH-MARKER',
      'FIELD-MARKER',
      'XFA-MARKER',
      'chained',
    ]) {
      expect(text).not.toContain(marker);
    }
    expect(text).not.toMatch(/\/(JavaScript|Launch|JS|XFA)\b/);
    expect(text).toContain('https://example.org/');
    const reloaded = await PDFDocument.load(clean);
    expect(reloaded.getPage(0).node.Annots()?.size()).toBe(3);
  });

  it('refuses a PDF that cannot be read', async () => {
    await expect(sanitiseFile(Buffer.from('%PDF-1.7\nthis is not a pdf'), 'pdf')).rejects.toThrow(
      FileRefusedError,
    );
  });
});
