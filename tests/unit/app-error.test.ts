import { describe, expect, it } from 'vitest';
import { AppError, httpStatus } from '../../src/lib/errors.ts';

describe('AppError across copies of its module', () => {
  it('an AppError made by another copy of errors.ts (the source copy under the built server) is still one, with its status', async () => {
    // A query string makes Vite load a second, separate instance of the module, as scripts/start.mjs
    // (source) and dist/ (build) each have their own.
    // @ts-expect-error the query string names no file for the type checker; Vite loads errors.ts again
    const other = (await import('../../src/lib/errors.ts?second-copy')) as typeof import('../../src/lib/errors.ts');
    expect(other.AppError).not.toBe(AppError);
    const foreign = new other.AppError('invalid', 'a NUL in an event id');
    expect(foreign).toBeInstanceOf(AppError);
    expect(httpStatus(foreign)).toBe(400);
    expect(new AppError('not_found', 'x')).toBeInstanceOf(other.AppError);
  });

  it('other errors are not AppErrors, whatever their name or code', () => {
    const lookalike = Object.assign(new Error('x'), { name: 'AppError', code: 'invalid' });
    expect(lookalike).not.toBeInstanceOf(AppError);
    expect(httpStatus(lookalike)).toBe(500);
    expect(null).not.toBeInstanceOf(AppError);
  });
});
