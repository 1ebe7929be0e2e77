import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  blindIndexes,
  keyringFromEnv,
  open,
  parseKeyring,
  PersonalKeyError,
  seal,
  sealedKeyId,
} from './personal-crypto.ts';

const key = () => randomBytes(32).toString('base64');
const k1 = key();
const k2 = key();

describe('personal data sealing (issue 14 item 6)', () => {
  it('opens what it sealed, and the sealed text holds no trace of the value', () => {
    const ring = parseKeyring(`k1:${k1}`);
    const sealed = seal(ring, '110101199003078515');
    expect(sealed).not.toContain('110101');
    expect(sealed).not.toContain('8515');
    expect(sealed.startsWith('pd1.k1.')).toBe(true);
    expect(open(ring, sealed)).toBe('110101199003078515');
    // A fresh IV each time: equal values do not give equal sealed texts.
    expect(seal(ring, '110101199003078515')).not.toBe(sealed);
  });

  it('fails closed on a wrong key, a missing key and a changed value', () => {
    const sealed = seal(parseKeyring(`k1:${k1}`), '13800138000');
    expect(() => open(parseKeyring(`k1:${k2}`), sealed)).toThrow(/密钥 k1 与数据不符/);
    expect(() => open(parseKeyring(`k2:${k2}`), sealed)).toThrow(/未配置密钥 k1/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('13900139000').toString('base64url');
    expect(() => open(parseKeyring(`k1:${k1}`), parts.join('.'))).toThrow(PersonalKeyError);
    expect(() => open(parseKeyring(`k1:${k1}`), 'not-sealed')).toThrow(/存储格式不正确/);
  });

  it('seals with the first key and opens with any key of the ring', () => {
    const old = seal(parseKeyring(`k1:${k1}`), 'x');
    const ring = parseKeyring(`k2:${k2},k1:${k1}`);
    expect(open(ring, old)).toBe('x');
    expect(sealedKeyId(seal(ring, 'y'))).toBe('k2');
  });

  it('indexes a value under every key, the current one first', () => {
    const ring = parseKeyring(`k2:${k2},k1:${k1}`);
    const all = blindIndexes(ring, '110101199003078515');
    expect(all).toHaveLength(2);
    expect(all[0]).toBe(blindIndex(ring, '110101199003078515'));
    expect(all[1]).toBe(blindIndex(parseKeyring(`k1:${k1}`), '110101199003078515'));
    expect(blindIndex(ring, '110101199003078516')).not.toBe(all[0]);
  });

  it('refuses a malformed key list and production without keys', () => {
    expect(() => parseKeyring('k1:short')).toThrow(/32 字节/);
    expect(() => parseKeyring(`k 1:${k1}`)).toThrow(/密钥名/);
    expect(() => parseKeyring(`k1:${k1},k1:${k2}`)).toThrow(/重复/);
    expect(() => keyringFromEnv({ NODE_ENV: 'production' }, () => {})).toThrow(/生产环境/);
    const warnings: string[] = [];
    expect(keyringFromEnv({}, (line) => warnings.push(line)).currentId).toBe('dev');
    expect(warnings).toHaveLength(1);
  });
});
