import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import sharp from 'sharp';
import { FileRefusedError, type FileFamily } from './file-content.ts';

/**
 * Files are kept without what their makers' software wrote into them: the place a photo was
 * taken (EXIF GPS), the camera, the author and the software of a document. Images are decoded
 * and encoded again, so nothing but pixels survives; PDFs lose their metadata objects.
 */
export async function sanitiseFile(bytes: Buffer, family: FileFamily): Promise<Buffer> {
  switch (family) {
    case 'jpeg':
    case 'png':
    case 'webp':
      return reencodeImage(bytes, family);
    case 'pdf':
      return stripPdf(bytes);
    case 'text':
      return bytes;
  }
}

// 50 megapixels: any photo or scan, refuses decompression bombs before they are decoded.
const MAX_PIXELS = 50_000_000;

async function reencodeImage(bytes: Buffer, family: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  try {
    // `rotate()` with no angle applies the EXIF orientation, which is dropped with the rest.
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate();
    const encoded =
      family === 'jpeg'
        ? image.jpeg({ quality: 90 })
        : family === 'png'
          ? image.png({ compressionLevel: 9 })
          : image.webp({ quality: 90 });
    return await encoded.toBuffer();
  } catch (error) {
    throw new FileRefusedError('damaged', family, { cause: error });
  }
}

const strippedEverywhere = ['Metadata', 'PieceInfo', 'AA'].map((name) => PDFName.of(name));
const strippedNames = ['JavaScript', 'EmbeddedFiles'].map((name) => PDFName.of(name));
/** Action types that run code or programs: a link or a field may carry one in `/A`. */
const dangerousActions = ['JavaScript', 'Launch'].map((name) => PDFName.of(name));
const actionKeys = ['A', 'Next'].map((name) => PDFName.of(name));

function isDangerousAction(context: PDFContext, value: PDFObject | undefined): boolean {
  const action = value instanceof PDFRef ? context.lookup(value) : value;
  if (action instanceof PDFArray) {
    return action.asArray().some((item) => isDangerousAction(context, item));
  }
  if (!(action instanceof PDFDict)) return false;
  const type = action.get(PDFName.of('S'));
  const resolved = type instanceof PDFRef ? context.lookup(type) : type;
  return dangerousActions.some((name) => name === resolved);
}

/**
 * Removes the document information dictionary, every XMP metadata stream and private
 * application data, actions that run on opening, scripts (also in links' and fields' actions,
 * and a form's XFA) and attachments; then drops every
 * object no longer reachable from the catalog (older revisions of an incrementally saved file
 * keep the previous author and title otherwise). A digital signature does not survive this.
 */
async function stripPdf(bytes: Buffer): Promise<Buffer> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new FileRefusedError('encrypted', 'pdf');
    throw new FileRefusedError('damaged', 'pdf', { cause: error });
  }
  try {
    const { context, catalog } = document;
    delete context.trailerInfo.Info;
    catalog.delete(PDFName.of('OpenAction'));
    const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    for (const name of strippedNames) names?.delete(name);
    // XFA forms carry their own scripts; the AcroForm fields stay, their actions are checked below.
    catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.delete(PDFName.of('XFA'));
    keepOnlyReachable(context);
    return Buffer.from(
      await document.save({ useObjectStreams: false, updateFieldAppearances: false }),
    );
  } catch (error) {
    // A file that parses without a catalog or with broken references fails here.
    throw new FileRefusedError('damaged', 'pdf', { cause: error });
  }
}

function keepOnlyReachable(context: PDFContext): void {
  const reachable = new Set<string>();
  const pending: PDFObject[] = [];
  if (context.trailerInfo.Root) pending.push(context.trailerInfo.Root);
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reachable.has(object.tag)) continue;
      reachable.add(object.tag);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict || object instanceof PDFStream) {
      const dict = object instanceof PDFStream ? object.dict : object;
      for (const name of strippedEverywhere) dict.delete(name);
      for (const key of actionKeys) {
        if (isDangerousAction(context, dict.get(key))) dict.delete(key);
      }
      for (const [, value] of dict.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref.tag)) context.delete(ref);
  }
}
