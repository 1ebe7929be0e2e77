import type { accountZhCN } from './account.zh-CN.ts';

/** English strings of the account security page; merged into en.ts. */
export const accountEn: Record<keyof typeof accountZhCN, string> = {
  'account.security': 'Account security',
  'account.sessions': 'Signed-in devices',
  'account.sessionsHint':
    'If you do not recognise a device or place, end it and change your password.',
  'account.device': 'Device',
  'account.ip': 'Address',
  'account.since': 'Signed in',
  'account.lastSeen': 'Last active',
  'account.current': 'This device',
  'account.end': 'End',
  'account.endConfirm': 'Sign out on that device?',
  'account.ended': 'Signed out on that device',
  'account.signIns': 'Recent sign-ins',
  'account.signInAt': 'Time',
  'account.signInResult': 'Result',
  'account.signInOk': 'Succeeded',
  'account.signInFailed': 'Wrong password',
  'account.unknownDevice': 'Unknown device',
};
