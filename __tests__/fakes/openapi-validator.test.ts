import { describe, expect, it } from '@jest/globals';
import { createValidator } from './openapi-validator.js';

const openapi3 = {
  openapi: '3.0.3',
  paths: {
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      patch: {
        parameters: [{ name: 'dry', in: 'query', schema: { type: 'boolean' } }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
        },
      },
      get: {},
    },
  },
  components: {
    schemas: {
      Item: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, note: { type: 'string', nullable: true } },
      },
    },
  },
};

const swagger2 = {
  swagger: '2.0',
  basePath: '/api/v1',
  paths: {
    '/pulls/{index}': { get: { parameters: [{ name: 'index', in: 'path', required: true, type: 'integer' }] } },
    '/pulls/{index}.{diffType}': {
      get: {
        parameters: [
          { name: 'index', in: 'path', required: true, type: 'integer' },
          { name: 'diffType', in: 'path', required: true, type: 'string', enum: ['diff', 'patch'] },
          { $ref: '#/parameters/limit' },
        ],
      },
    },
    '/reviews': {
      post: { parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Review' } }] },
    },
  },
  parameters: { limit: { name: 'limit', in: 'query', type: 'integer' } },
  definitions: {
    Review: { type: 'object', properties: { comments: { type: 'array', items: { $ref: '#/definitions/Comment' } } } },
    Comment: { type: 'object', properties: { new_position: { type: 'integer', format: 'int64' } } },
  },
};

describe('createValidator', () => {
  it('accepts conforming OpenAPI 3 requests, with nullable and component refs', () => {
    const v = createValidator(openapi3);
    expect(
      v.validate({ method: 'PATCH', path: '/items/3', query: { dry: 'true' }, body: { name: 'a', note: null } }),
    ).toEqual([]);
    expect(v.validate({ method: 'GET', path: '/items/3', query: {}, body: undefined })).toEqual([]);
  });

  it('reports OpenAPI 3 violations', () => {
    const v = createValidator(openapi3);
    expect(
      v.validate({ method: 'PATCH', path: '/items/x', query: { dry: 'maybe', extra: '1' }, body: { note: 3 } }),
    ).toEqual([
      'PATCH /items/x: path parameter id must be integer',
      'PATCH /items/x: query parameter dry must be boolean',
      'PATCH /items/x: query parameter extra is not in the API description',
      "PATCH /items/x: body must have required property 'name'",
      'PATCH /items/x: body/note must be string',
    ]);
    expect(v.validate({ method: 'PATCH', path: '/items/1', query: {}, body: undefined })).toEqual([
      'PATCH /items/1: a request body is required',
    ]);
    expect(v.validate({ method: 'GET', path: '/items/1', query: {}, body: { a: 1 } })).toEqual([
      'GET /items/1: the operation takes no request body',
    ]);
    expect(v.validate({ method: 'DELETE', path: '/items/1', query: {}, body: undefined })).toEqual([
      'DELETE /items/1: DELETE is not an operation of /items/{id}',
    ]);
    expect(v.validate({ method: 'GET', path: '/nope', query: {}, body: undefined })).toEqual([
      'GET /nope: no such path in the API description',
    ]);
  });

  it('handles Swagger 2: basePath, typed parameters, parameter and definition refs, mixed segments', () => {
    const v = createValidator(swagger2);
    expect(v.validate({ method: 'GET', path: '/api/v1/pulls/5.diff', query: { limit: '5' }, body: undefined })).toEqual(
      [],
    );
    expect(v.validate({ method: 'GET', path: '/api/v1/pulls/5', query: {}, body: undefined })).toEqual([]);
    expect(v.validate({ method: 'GET', path: '/api/v1/pulls/5.txt', query: { limit: 'x' }, body: undefined })).toEqual([
      'GET /api/v1/pulls/5.txt: path parameter diffType must be equal to one of the allowed values',
      'GET /api/v1/pulls/5.txt: query parameter limit must be integer',
    ]);
    const review = (new_position: unknown) => ({ comments: [{ new_position }] });
    expect(v.validate({ method: 'POST', path: '/api/v1/reviews', query: {}, body: review(3) })).toEqual([]);
    expect(v.validate({ method: 'POST', path: '/api/v1/reviews', query: {}, body: review('3') })).toEqual([
      'POST /api/v1/reviews: body/comments/0/new_position must be integer',
    ]);
  });
});
