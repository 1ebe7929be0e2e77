// The negotiated text of an agreement: what both sides edit in turn and what each version stores.
import { z } from 'zod';

const year = z
  .number({ error: '请填写年份' })
  .int('年份须为整数')
  .min(2000, '年份不在协议期内')
  .max(2100, '年份不在协议期内');
const yuan = z
  .number({ error: '请填写金额（元）' })
  .int('金额以元为单位，须为整数')
  .min(0, '金额不能为负数')
  .max(1_000_000_000, '金额过大');

const contactSchema = z.object({
  name: z.string().trim().max(40, '姓名过长'),
  title: z.string().trim().max(40, '职务过长'),
  phone: z
    .string()
    .trim()
    .regex(/^$|^[0-9+\-() ]{5,20}$/, '电话号码格式不正确'),
});

// R-PROJECT: 看得见、摸得着、有实效、可检查评估 — the indicator says what is checked on acceptance.
const indicatorSchema = z.object({
  description: z.string().trim().min(1, '请填写验收指标').max(200, '验收指标过长'),
  quantity: z.number({ error: '请填写指标数量' }).positive('指标数量须大于 0').max(1e9),
  unit: z.string().trim().min(1, '请填写指标单位').max(20, '单位过长'),
});

const projectSchema = z.object({
  title: z.string().trim().min(1, '请填写项目名称').max(100, '项目名称过长'),
  target: z.string().trim().min(1, '请填写项目目标').max(500, '项目目标过长'),
  budget: yuan,
  year,
  indicator: indicatorSchema.nullable(),
});

export const agreementContentSchema = z.object({
  commitments: z
    .array(
      z.object({
        side: z.enum(['urban', 'rural'], { error: '承诺方须为甲方或乙方' }),
        text: z.string().trim().min(1, '承诺内容不能为空').max(500, '承诺内容过长'),
      }),
    )
    .max(50, '承诺事项过多'),
  projects: z.array(projectSchema).max(50, '项目过多'),
  yearlyFunds: z
    .array(z.object({ year, amount: yuan }))
    .max(20, '年度过多')
    .refine((rows) => new Set(rows.map((r) => r.year)).size === rows.length, '年份不能重复'),
  visitPlan: z
    .array(
      z.object({
        year,
        leadVisits: z.number().int('走访次数须为整数').min(0, '走访次数不能为负数').max(366),
        note: z.string().trim().max(500, '说明过长'),
      }),
    )
    .max(20, '年度过多'),
  contacts: z.object({ urban: contactSchema, rural: contactSchema }),
});

export type AgreementContent = z.infer<typeof agreementContentSchema>;
export type Side = 'urban' | 'rural';
