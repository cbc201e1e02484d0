import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actionError, jsonErrorResponse } from '@/lib/http/error-response';
import { BadRequestError, ConflictError, NotFoundError, parseInput, PayloadTooLargeError, toErrorResponse, TooManyRequestsError, ValidationError } from '@/lib/services/errors';

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

describe('the edges share one hierarchy', () => {
  it('gives a 429 its Retry-After at the JSON edge, and a 413 and a 400 their codes', async () => {
    const limited = jsonErrorResponse(new TooManyRequestsError('Too many subscription requests; try again in 42 s', 42));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('42');
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many subscription requests; try again in 42 s' } });
    expect(toErrorResponse(new PayloadTooLargeError('too big'))).toEqual({ status: 413, body: { error: { code: 'payload_too_large', message: 'too big' } } });
    expect(toErrorResponse(new BadRequestError('The body must be JSON', 'invalid_json')).body.error.code).toBe('invalid_json');
  });

  it('gives pages and actions the message and the fields, and hides a fault of ours', () => {
    expect(actionError(new ValidationError('bad', { email: 'is required' }))).toEqual({ error: 'bad', fields: { email: 'is required' } });
    const original = console.error;
    console.error = () => {};
    try {
      expect(actionError(new Error('secret'), 'Try again')).toEqual({ error: 'Try again' });
    } finally {
      console.error = original;
    }
  });
});
