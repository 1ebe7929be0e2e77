import { AppError } from './errors.ts';

/**
 * Read a multipart upload with `read`. The multipart parser rejects a body cut short or with a
 * broken part header with a plain Error that carries no status, which would answer 500; the body
 * is the client's, so it is a 400. The plugin's own refusals (too large, too many files) carry
 * their status and pass through, as do ours.
 */
export async function readMultipart<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
    throw new AppError(400, 'malformed_upload', '上传内容不完整或格式有误，请重新上传');
  }
}
