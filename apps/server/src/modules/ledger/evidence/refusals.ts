import { AppError } from '../../../lib/errors.ts';

// Why an uploaded file is refused: 422 with the form's `file` field named, and nothing stored.

export const refuseFile = (code: string, message: string) =>
  new AppError(422, code, message, { file: message });

export const accepted = '只能上传 JPEG、PNG、WebP、HEIC 照片或 PDF 文件';

export const unsupportedType = () =>
  refuseFile('evidence_unsupported_type', `无法识别的文件类型：${accepted}`);

export const unreadableImage = () =>
  refuseFile('evidence_unreadable_image', '无法读取该图片，文件可能已损坏');

export const unreadableHeic = () =>
  refuseFile(
    'evidence_unreadable_image',
    '无法读取该 HEIC 照片，请在手机相机设置中选择“兼容性最佳”（JPEG）后重新上传',
  );

export const tooManyPixels = (maxPixels: number) =>
  refuseFile(
    'evidence_image_too_large',
    `图片像素过多（上限 ${Math.round(maxPixels / 1_000_000)} 百万像素），请缩小后上传`,
  );

export const tooLarge = (maxBytes: number) =>
  refuseFile(
    'evidence_too_large',
    `文件过大，单个文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`,
  );

export const emptyFile = () => refuseFile('evidence_empty', '文件为空');

export const unsafePdf = () =>
  refuseFile(
    'evidence_pdf_active',
    'PDF 含有脚本、自动动作或嵌入文件，出于安全原因不能上传；请打印为普通 PDF 后再上传',
  );

export const encryptedPdf = () =>
  refuseFile('evidence_pdf_encrypted', 'PDF 已加密或设有密码，请去除密码后再上传');

export const unverifiablePdf = () =>
  refuseFile('evidence_pdf_unreadable', '无法检查该 PDF 的内容，请打印为普通 PDF 后再上传');
