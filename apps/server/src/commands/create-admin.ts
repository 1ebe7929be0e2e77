import { parseArgs } from 'node:util';
import {
  displayNameSchema,
  newPasswordSchema,
  usernameSchema,
  type PlatformAdminRole,
  type Role,
} from '@pairing/shared';
import { isGuessable, refuseShortPassword } from '../modules/auth/password-strength.ts';
import type { z } from 'zod';
import { openConfiguredDb, type Db } from '../db/client.ts';
import { recordAudit } from '../modules/audit/record.ts';
import { writeAccounts } from '../modules/auth/accounts.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { findCities } from '../modules/orgs/read.ts';
import { readSecurityPolicy } from '../modules/auth/security-policy.ts';
import { temporaryPassword } from '../modules/users/temporary-password.ts';
import { AppError } from '../lib/errors.ts';

export type CreateAdminInput = {
  username: string;
  password?: string;
  name?: string;
  orgCode?: string;
};

/** One of the three platform administrators made beside the city admin (三员分立). */
export type CreatedPlatformAdmin = {
  role: PlatformAdminRole;
  userId: number;
  username: string;
  password: string;
};

export type CreatedAdmin = {
  userId: number;
  username: string;
  password: string;
  passwordGenerated: boolean;
  orgName: string;
  platformAdmins: CreatedPlatformAdmin[];
};

/** The platform administrators' usernames: the city admin's with a suffix. */
const platformAdmins: { role: PlatformAdminRole; suffix: string; name: string }[] = [
  { role: 'system_admin', suffix: '-sys', name: '系统管理员' },
  { role: 'security_admin', suffix: '-sec', name: '安全管理员' },
  { role: 'audit_admin', suffix: '-audit', name: '审计管理员' },
];

/** A refusal the operator can act on; printed without a stack. */
export class CreateAdminError extends Error {}

const usage =
  '用法: npm run pairing -- create-admin --username <用户名> [--password <密码>] [--name <姓名>] [--org-code <市代码>]';

/**
 * Create a city_admin for the city org (kind 'city'), the account every other business account
 * descends from, and the three platform administrators of that city (`<username>-sys`, `-sec`,
 * `-audit`), whom no route can create or change. Each password must be changed at first sign-in;
 * a given `--password` is the city admin's alone, the others get their own one-time passwords so
 * that no administrator knows another's. The writes are audited with no actor, all or none.
 */
export async function createAdmin(db: Db, input: CreateAdminInput): Promise<CreatedAdmin> {
  const username = check(usernameSchema, input.username, '--username');
  for (const admin of platformAdmins) check(usernameSchema, username + admin.suffix, '--username');
  const name = check(displayNameSchema, input.name ?? '市级管理员', '--name');
  const given =
    input.password === undefined
      ? undefined
      : check(newPasswordSchema, input.password, '--password');
  if (given !== undefined && isGuessable(given, [username])) {
    throw new CreateAdminError('--password: 密码过于常见或容易猜测，请换一个');
  }
  const policy = await readSecurityPolicy(db);
  if (given !== undefined) {
    try {
      refuseShortPassword(given, 'password', policy);
    } catch (err) {
      throw new CreateAdminError(`--password: ${(err as Error).message}（安全策略）`);
    }
  }
  const org = await cityOrg(db, input.orgCode);
  const password = given ?? temporaryPassword(policy.minPasswordLength);
  const passwordHash = await hashPassword(password);
  const others = await Promise.all(
    platformAdmins.map(async (admin) => {
      const oneTime = temporaryPassword(policy.minPasswordLength);
      return { ...admin, password: oneTime, passwordHash: await hashPassword(oneTime) };
    }),
  );
  try {
    return await writeAccounts(db, async (tx, accounts) => {
      const create = async (account: {
        username: string;
        name: string;
        role: Role;
        hash: string;
      }) => {
        const id = await accounts.create({
          username: account.username,
          displayName: account.name,
          role: account.role,
          orgId: org.id,
          passwordHash: account.hash,
        });
        await recordAudit(tx, null, {
          action: 'user.created',
          entity: 'user',
          entityId: id,
          scopePath: org.path,
          after: {
            id,
            username: account.username,
            displayName: account.name,
            role: account.role,
            orgId: org.id,
            orgName: org.name,
            mustChangePassword: true,
            via: 'create-admin',
          },
        });
        return id;
      };
      const userId = await create({ username, name, role: 'city_admin', hash: passwordHash });
      const made: CreatedPlatformAdmin[] = [];
      for (const admin of others) {
        const adminName = username + admin.suffix;
        made.push({
          role: admin.role,
          username: adminName,
          password: admin.password,
          userId: await create({ ...admin, username: adminName, hash: admin.passwordHash }),
        });
      }
      return {
        userId,
        username,
        password,
        passwordGenerated: !given,
        orgName: org.name,
        platformAdmins: made,
      };
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'username_taken') {
      const taken = [username, ...platformAdmins.map((a) => username + a.suffix)].join('、');
      throw new CreateAdminError(`用户名 ${taken} 中有已存在的，未做任何修改`);
    }
    throw err;
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CreateAdminError(`${flag}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** `orgCode` may be the short division code (3101) or the stored 12-digit one (310100000000). */
async function cityOrg(db: Db, orgCode?: string) {
  const cities = await findCities(db, orgCode);
  if (cities.length === 0) {
    throw new CreateAdminError(
      orgCode
        ? `未找到代码为 ${orgCode} 的市级组织`
        : '还没有市级组织，请先导入行政区划: npm run pairing -- import-divisions --province 31',
    );
  }
  if (cities.length > 1) {
    const list = cities.map((c) => `${c.code} ${c.name}`).join('、');
    throw new CreateAdminError(`有多个市级组织（${list}），请用 --org-code 指定`);
  }
  return cities[0];
}

/** `npm run pairing -- create-admin …`: opens the database the server uses, migrates, creates. */
export async function createAdminCommand(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        'org-code': { type: 'string' },
      },
    }));
  } catch (err) {
    throw new CreateAdminError(`${(err as Error).message}\n${usage}`);
  }
  if (!values.username) throw new CreateAdminError(usage);
  const dbh = await openConfiguredDb();
  try {
    await dbh.migrate();
    const admin = await createAdmin(dbh.db, {
      username: values.username,
      password: values.password,
      name: values.name,
      orgCode: values['org-code'],
    });
    console.log(`已创建市级管理员 ${admin.username}（${admin.orgName}）`);
    if (admin.passwordGenerated) console.log(`初始密码: ${admin.password}`);
    for (const other of admin.platformAdmins) {
      const label = platformAdmins.find((a) => a.role === other.role)!.name;
      console.log(`已创建${label} ${other.username}，初始密码: ${other.password}`);
    }
    console.log('首次登录后须修改密码。');
  } finally {
    await dbh.close();
  }
}
