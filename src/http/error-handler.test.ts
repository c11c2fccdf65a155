import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { toAppError } from './error-handler.ts';

describe('mapping errors to the catalogue', () => {
  it.each(['22021', '22P05', '22P02', '22007', '22008', '22003'])(
    'answers bad_request for database error %s, which only client data can cause',
    (code) => {
      const error = Object.assign(new Error('invalid input'), { code });
      expect(toAppError(error, 'it').code).toBe('bad_request');
    },
  );

  it('keeps other database errors internal', () => {
    const error = Object.assign(new Error('deadlock'), { code: '40P01' });
    expect(toAppError(error, 'it').code).toBe('internal');
  });

  it('passes catalogue errors through unchanged', () => {
    const error = new AppError('conflict');
    expect(toAppError(error, 'en')).toBe(error);
  });
});
