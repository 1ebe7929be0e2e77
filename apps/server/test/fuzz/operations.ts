// The routes to drive, read from the app's own OpenAPI document, so a route added later is fuzzed
// without touching this folder.

export type JsonSchema = {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

export type Parameter = { name: string; schema: JsonSchema; required: boolean };

export type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form, e.g. /api/rounds/{id}. */
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  body?: { schema: JsonSchema; required: boolean };
  /** Takes one file in the multipart field `file` (the document does not describe such bodies). */
  multipart: boolean;
};

type OpenApiOperation = {
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
};

type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

// Uploads read the raw request; their summaries name the multipart field or the workbook taken.
const uploadPath = /\/(evidence|photos|import|imports\/[a-z-]+)$/;

export function operationsOf(document: unknown): Operation[] {
  const { paths } = document as OpenApiDocument;
  return Object.entries(paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod)
      .filter(([method]) => methods.has(method))
      .map(([method, op]) => {
        const parameters = op.parameters ?? [];
        const pick = (where: string): Parameter[] =>
          parameters
            .filter((p) => p.in === where)
            .map((p) => ({ name: p.name, schema: p.schema, required: p.required ?? false }));
        const json = op.requestBody?.content['application/json'];
        return {
          method: method.toUpperCase() as Operation['method'],
          path,
          pathParams: pick('path'),
          query: pick('query'),
          ...(json
            ? { body: { schema: json.schema, required: op.requestBody?.required ?? false } }
            : {}),
          multipart: method === 'post' && !json && uploadPath.test(path),
        };
      }),
  );
}

/** Fill the path template with already encoded segments. */
export function fillPath(path: string, segments: Record<string, string>) {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => segments[name] ?? '1');
}
