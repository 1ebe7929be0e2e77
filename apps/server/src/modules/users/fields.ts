import { z } from 'zod';

// Field rules shared by the HTTP routes and the create-admin command.
const text = (label: string) =>
  z.string({
    error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}须为文本`),
  });

export const username = text('用户名')
  .trim()
  .min(3, '用户名 3–32 位')
  .max(32, '用户名 3–32 位')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');
export const displayName = text('姓名').trim().min(1, '请填写姓名').max(64, '姓名不超过 64 字');
export const phone = text('手机号')
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号须为 11 位中国大陆手机号');
