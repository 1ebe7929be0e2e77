import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

export const hashPassword = (plain: string) => hash(plain);
export const verifyPassword = (stored: string, plain: string) => verify(stored, plain);

/** At least 8 characters with letters and digits; the UI shows the same rule. */
export const newPasswordSchema = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码不超过 128 位')
  .regex(/[A-Za-z]/, '密码需包含字母')
  .regex(/[0-9]/, '密码需包含数字');
