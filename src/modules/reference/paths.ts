import { join } from 'node:path';

/** The public data sets shipped with the code (see SOURCES.md there for sources and licences). */
export const referenceDataDir = join(import.meta.dirname, '..', '..', 'reference', 'data');
