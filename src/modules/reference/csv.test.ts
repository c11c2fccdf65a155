import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { toSearchName } from '../../core/search-name.ts';

describe('parseCsv', () => {
  it('reads plain, quoted and escaped fields with LF or CRLF line ends', () => {
    const text = 'code,name\r\n001,"Sant\'Anna, ""alta"""\n002,Forlì\n';
    expect(parseCsv(text)).toEqual([
      { code: '001', name: 'Sant\'Anna, "alta"' },
      { code: '002', name: 'Forlì' },
    ]);
  });

  it('keeps line breaks inside quotes and ignores a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\n"x\ny",z')).toEqual([{ a: 'x\ny', b: 'z' }]);
  });

  it('refuses a row with the wrong number of fields or a broken quote', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/line 2 has 3 fields/);
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow(/quoted field/);
    expect(() => parseCsv('a,b\n1,2"x\n')).toThrow(/stray quote/);
  });
});

describe('toSearchName', () => {
  it('lowers case and removes accents, keeping apostrophes', () => {
    expect(toSearchName('Forlì')).toBe('forli');
    expect(toSearchName("Sant'Agata de' Goti")).toBe("sant'agata de' goti");
    expect(toSearchName('Rhêmes-Notre-Dame')).toBe('rhemes-notre-dame');
    expect(toSearchName('Jovençan')).toBe('jovencan');
  });
});
