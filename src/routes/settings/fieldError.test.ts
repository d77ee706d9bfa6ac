import { expect, test } from 'vitest';
import { ContextError } from '$lib/context/errors';
import { placeError } from './fieldError';

const fields = { name: 'name', address: 'address', idleMinutes: 'idle' } as const;

test('a context error with a known path goes to its field', () => {
  expect(placeError(new ContextError('invalidInput', 'Bad checksum.', { path: 'address' }), fields)).toEqual({
    field: 'address',
    message: 'Bad checksum.',
    code: 'invalidInput',
    path: 'address',
  });
  expect(
    placeError(new ContextError('invalidInput', 'Too long.', { path: 'idleMinutes' }), fields),
  ).toMatchObject({
    field: 'idle',
  });
});

test('an unknown path, or none, goes to the form', () => {
  expect(placeError(new ContextError('invalidInput', 'x', { path: 'toString' }), fields)).toEqual({
    field: 'form',
    message: 'x',
    code: 'invalidInput',
    path: 'toString',
  });
  expect(placeError(new ContextError('wrongPassphrase', 'Wrong.'), fields)).toEqual({
    field: 'form',
    message: 'Wrong.',
    code: 'wrongPassphrase',
  });
});

test('other errors go to the form with their message', () => {
  expect(placeError(new TypeError('boom'), fields)).toEqual({ field: 'form', message: 'boom' });
  expect(placeError('text', fields)).toEqual({ field: 'form', message: 'text' });
});
