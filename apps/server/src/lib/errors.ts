// Every error leaves the API as `{ error: { code, message, fields } }` (DESIGN.md "Data safety").
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: FieldErrors) =>
  new AppError(400, 'bad_request', message, fields);
export const invalid = (message: string, fields?: FieldErrors) =>
  new AppError(422, 'validation_failed', message, fields);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'forbidden', message);
/** Out-of-scope ids answer 404 too, so ids do not leak (DESIGN.md "Organizations and scope"). */
export const notFound = (message = '记录不存在') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
