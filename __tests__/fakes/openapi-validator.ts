import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is typed as the module object.
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;

/** A request as a fake server saw it; `path` is relative to the API base, without query. */
export type ContractRequest = {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
};

export type ContractValidator = {
  /** Every way the request breaks the description; empty when it conforms. */
  validate(request: ContractRequest): string[];
};

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; schema?: Json } & Json;
type Operation = { template: string; pattern: RegExp; names: string[]; literalChars: number; methods: Json };

/**
 * Validates requests against an API description: OpenAPI 3 (GitHub's, `requestBody`,
 * `#/components/...` refs) or Swagger 2.0 (Gitea's, `in: body` parameters, `basePath`,
 * `#/definitions/...` refs). Checks that the path and method exist, path and query
 * parameters (coerced from strings, unknown query names reported) and the JSON body.
 */
export function createValidator(spec: Json): ContractValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  // The whole description is one schema document, so every `$ref` inside a body schema
  // resolves against it; ajv understands OpenAPI's `nullable` natively.
  ajv.addSchema(spec, 'spec', undefined, false);
  const basePath = typeof spec.basePath === 'string' ? spec.basePath.replace(/\/+$/, '') : '';
  const operations = Object.entries((spec.paths ?? {}) as Record<string, Json>).map(([t, m]) => compileTemplate(t, m));
  const compiled = new Map<string, ValidateFunction>();

  const schemaAt = (pointer: string): ValidateFunction => {
    let fn = compiled.get(pointer);
    if (!fn) {
      fn = ajv.compile({ $ref: `spec#${pointer}` });
      compiled.set(pointer, fn);
    }
    return fn;
  };
  const validatorFor = ({ param, pointer }: Located): ValidateFunction => {
    if (param.schema) return schemaAt(`${pointer}/schema`);
    let fn = compiled.get(pointer);
    if (!fn) {
      // A Swagger 2 parameter object carries `name`, `in` and `required: true`, which ajv
      // would read as object keywords; compile just its schema keywords.
      const { name: _n, in: _i, required: _r, description: _d, ...keywords } = param;
      fn = ajv.compile(keywords);
      compiled.set(pointer, fn);
    }
    return fn;
  };
  const resolve = <T>(node: T): T => {
    const ref = (node as Json | undefined)?.$ref;
    return typeof ref === 'string' && ref.startsWith('#/') ? resolve(pointerGet(spec, ref.slice(1)) as T) : node;
  };

  return {
    validate(request) {
      const label = `${request.method.toUpperCase()} ${request.path}`;
      const path = basePath && request.path.startsWith(basePath) ? request.path.slice(basePath.length) : request.path;
      const match = findOperation(operations, path);
      if (!match) return [`${label}: no such path in the API description`];
      const method = request.method.toLowerCase();
      const operation = match.op.methods[method] as Json | undefined;
      if (!operation) return [`${label}: ${method.toUpperCase()} is not an operation of ${match.op.template}`];

      const base = `/paths/${escapePointer(match.op.template)}`;
      const params = collectParameters(match.op.methods, operation, base, method, resolve);
      const errors: string[] = [];
      for (const { param, pointer } of params) {
        if (param.in === 'path') {
          errors.push(...checkValue({ param, pointer }, match.values[param.name], validatorFor));
        } else if (param.in === 'query') {
          const raw = request.query[param.name];
          if (raw === undefined) {
            if (param.required) errors.push(`query parameter ${param.name} is required`);
          } else {
            errors.push(...checkValue({ param, pointer }, raw, validatorFor));
          }
        }
      }
      const known = new Set(params.filter((p) => p.param.in === 'query').map((p) => p.param.name));
      for (const name of Object.keys(request.query)) {
        if (!known.has(name)) errors.push(`query parameter ${name} is not in the API description`);
      }
      errors.push(...checkBody(operation, params, `${base}/${method}`, request.body, schemaAt, resolve));
      return errors.map((e) => `${label}: ${e}`);
    },
  };
}

function compileTemplate(template: string, methods: Json): Operation {
  const names: string[] = [];
  let literalChars = 0;
  // A segment may mix literals and parameters, e.g. Gitea's `{index}.{diffType}`.
  const source = template
    .split('/')
    .map((segment) =>
      segment.replace(/\{([^}]+)\}|([^{]+)/g, (_m, name: string | undefined, literal: string | undefined) => {
        if (name !== undefined) {
          names.push(name);
          return multiSegment(methods, name) ? '(.+?)' : '([^/]+?)';
        }
        literalChars += (literal ?? '').length;
        return (literal ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }),
    )
    .join('/');
  return { template, pattern: new RegExp(`^${source}$`), names, literalChars, methods };
}

/**
 * A path parameter that may hold slashes: GitHub marks one `x-multi-segment`; Gitea's
 * `{filepath}` is a wildcard route (`/contents/*`, `/raw/*`) that its swagger cannot mark.
 */
function multiSegment(methods: Json, name: string): boolean {
  const lists = [methods.parameters, ...Object.values(methods).map((op) => (op as Json | null)?.parameters)];
  return lists.some(
    (list) =>
      Array.isArray(list) &&
      (list as Parameter[]).some(
        (p) => p.name === name && p.in === 'path' && (p['x-multi-segment'] === true || name === 'filepath'),
      ),
  );
}

function findOperation(operations: Operation[], path: string) {
  let best: { op: Operation; values: Record<string, string> } | null = null;
  for (const op of operations) {
    const m = op.pattern.exec(path);
    if (!m || (best && best.op.literalChars >= op.literalChars)) continue;
    const values: Record<string, string> = {};
    op.names.forEach((name, i) => (values[name] = decodeURIComponent(m[i + 1] ?? '')));
    best = { op, values };
  }
  return best;
}

type Located = { param: Parameter; pointer: string };

function collectParameters(
  pathItem: Json,
  operation: Json,
  base: string,
  method: string,
  resolve: <T>(node: T) => T,
): Located[] {
  const byKey = new Map<string, Located>();
  const add = (list: unknown, at: string) => {
    (Array.isArray(list) ? list : []).forEach((raw, i) => {
      const ref = (raw as Json).$ref;
      const param = resolve(raw as Parameter);
      // A referenced parameter is validated where it is defined, so its own refs resolve.
      const pointer = typeof ref === 'string' ? ref.slice(1) : `${at}/parameters/${i}`;
      byKey.set(`${param.in}:${param.name}`, { param, pointer });
    });
  };
  add(pathItem.parameters, base);
  add(operation.parameters, `${base}/${method}`);
  return [...byKey.values()];
}

function checkValue(
  located: Located,
  raw: string | string[] | undefined,
  validatorFor: (located: Located) => ValidateFunction,
): string[] {
  const { param } = located;
  if (raw === undefined) return param.required ? [`${param.in} parameter ${param.name} is required`] : [];
  // OpenAPI 3 puts the type under `schema`; Swagger 2 puts it on the parameter itself.
  const schema = (param.schema ?? param) as Json;
  const validate = validatorFor(located);
  return validate(coerce(raw, schema.type, schema.items as Json | undefined))
    ? []
    : describe(`${param.in} parameter ${param.name}`, validate);
}

function checkBody(
  operation: Json,
  params: Located[],
  opPointer: string,
  body: unknown,
  schemaAt: (pointer: string) => ValidateFunction,
  resolve: <T>(node: T) => T,
): string[] {
  let pointer: string | null = null;
  let required = false;
  const requestBody = resolve(operation.requestBody as Json | undefined);
  if (requestBody) {
    const content = (requestBody.content ?? {}) as Json;
    if (content['application/json']) pointer = `${opPointer}/requestBody/content/application~1json/schema`;
    required = requestBody.required === true;
  } else {
    const bodyParam = params.find((p) => p.param.in === 'body');
    if (bodyParam) {
      pointer = `${bodyParam.pointer}/schema`;
      required = bodyParam.param.required === true;
    }
  }
  if (body === undefined) return required ? ['a request body is required'] : [];
  if (pointer === null) return ['the operation takes no request body'];
  const validate = schemaAt(pointer);
  return validate(body) ? [] : describe('body', validate);
}

function coerce(raw: string | string[], type: unknown, items: Json | undefined): unknown {
  if (Array.isArray(raw)) return type === 'array' ? raw.map((r) => coerce(r, items?.type, undefined)) : raw;
  if (type === 'array') return raw.split(',').map((r) => coerce(r, items?.type, undefined));
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function describe(what: string, validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message ?? 'is invalid'}`);
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerGet(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, token) => (node as Json | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}
