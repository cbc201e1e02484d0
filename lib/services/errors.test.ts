import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, NotFoundError, parseInput, toErrorResponse, ValidationError } from '@/lib/services/errors';

describe('toErrorResponse', () => {
  it('maps service errors to their status with a code, message and fields', () => {
    expect(toErrorResponse(new NotFoundError('Incident', 'abc'))).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'Incident abc was not found' } },
    });
    expect(toErrorResponse(new ConflictError('no', { status: 'bad' })).status).toBe(409);
  });

  it('turns zod errors into a 422 naming each field', () => {
    const schema = z.object({ name: z.string().min(1), when: z.iso.datetime() });
    const result = schema.safeParse({ name: '', when: 'yesterday' });
    const { status, body } = toErrorResponse(result.error);
    expect(status).toBe(422);
    expect(Object.keys(body.error.fields ?? {})).toEqual(['name', 'when']);
    expect(body.error.message).toMatch(/name: .*; when: /);
  });

  it('hides unexpected errors behind a generic 500', () => {
    const original = console.error;
    console.error = () => {};
    try {
      const { status, body } = toErrorResponse(new Error('password=hunter2'));
      expect(status).toBe(500);
      expect(JSON.stringify(body)).not.toContain('hunter2');
    } finally {
      console.error = original;
    }
  });

  it('parseInput throws a ValidationError with the field named', () => {
    expect(() => parseInput(z.object({ email: z.email() }), { email: 'nope' })).toThrow(ValidationError);
  });
});
