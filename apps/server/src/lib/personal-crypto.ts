import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  getCiphers,
  getHashes,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { AppError } from './errors.ts';

// Personal numbers (ID numbers, phones) are sealed at rest (issue 14 item 6) with the runtime's
// OpenSSL. SM4 is used where it offers it: Node's OpenSSL has SM4 only in unauthenticated modes,
// so it is SM4-CTR with an HMAC-SM3 tag over key id, algorithm, IV and ciphertext (encrypt then
// MAC). Without SM4 and SM3 it is AES-256-GCM. A sealed value names its key and algorithm, so a
// keyring holding old keys opens old values while new ones are sealed with the current key.

/** Named 32-byte master keys; `currentId` seals, every key opens. */
export type Keyring = { currentId: string; keys: ReadonlyMap<string, Buffer> };

const prefix = 'pd1';
type Algorithm = 'sm4' | 'aes';
const sm4Available = getCiphers().includes('sm4-ctr') && getHashes().includes('sm3');
export const sealingAlgorithm: Algorithm = sm4Available ? 'sm4' : 'aes';

/** The failure of a sealed value to open: never a wrong plaintext, always this error. */
export class PersonalKeyError extends AppError {
  constructor(message: string) {
    super(500, 'personal_key', message);
  }
}

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * `PERSONAL_DATA_KEYS`: `id:base64,id:base64…`, the first seals. Each key is 32 random bytes
 * (`openssl rand -base64 32`). Without it, production refuses to start and development uses a
 * fixed key that protects nothing, said on the console.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv, warn: (line: string) => void): Keyring {
  const spec = env.PERSONAL_DATA_KEYS?.trim();
  if (!spec) {
    if (env.NODE_ENV === 'production') {
      throw new Error('生产环境须配置 PERSONAL_DATA_KEYS（个人信息加密密钥），服务未启动');
    }
    warn('未配置 PERSONAL_DATA_KEYS：个人信息使用开发用密钥加密，不得用于真实数据');
    return developmentKeyring;
  }
  return parseKeyring(spec);
}

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(',')) {
    const [id = '', encoded = ''] = part.trim().split(':');
    if (!keyIdPattern.test(id))
      throw new Error(`个人信息密钥名 "${id}" 不正确（字母、数字、_ 或 -）`);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new Error(`个人信息密钥 ${id} 应为 32 字节（base64 编码）`);
    if (keys.has(id)) throw new Error(`个人信息密钥 ${id} 重复`);
    keys.set(id, key);
  }
  const currentId = keys.keys().next().value;
  if (!currentId) throw new Error('PERSONAL_DATA_KEYS 中没有密钥');
  return { currentId, keys };
}

/** For development, the demo and tests only: its key is in the source. */
export const developmentKeyring: Keyring = {
  currentId: 'dev',
  keys: new Map([['dev', createHash('sha256').update('pairing-development-only').digest()]]),
};

const derived = new WeakMap<Buffer, Record<'enc' | 'mac' | 'index', Buffer>>();
function subkeys(master: Buffer) {
  let keys = derived.get(master);
  if (!keys) {
    const derive = (info: string) =>
      Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `pairing-personal-${info}`, 32));
    keys = { enc: derive('enc'), mac: derive('mac'), index: derive('index') };
    derived.set(master, keys);
  }
  return keys;
}

function keyOf(keyring: Keyring, id: string) {
  const key = keyring.keys.get(id);
  if (!key) throw new PersonalKeyError(`个人信息无法解密：未配置密钥 ${id}（PERSONAL_DATA_KEYS）`);
  return key;
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

/** Seal a value with the keyring's current key: `pd1.<key>.<alg>.<iv>.<ciphertext>.<tag>`. */
export function seal(keyring: Keyring, plaintext: string): string {
  const { enc, mac } = subkeys(keyOf(keyring, keyring.currentId));
  const head = `${prefix}.${keyring.currentId}.${sealingAlgorithm}`;
  const data = Buffer.from(plaintext, 'utf8');
  if (sealingAlgorithm === 'sm4') {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', enc.subarray(0, 16), iv);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    const tag = createHmac('sm3', mac)
      .update(`${head}.${b64(iv)}.${b64(body)}`)
      .digest();
    return `${head}.${b64(iv)}.${b64(body)}.${b64(tag)}`;
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', enc, iv);
  cipher.setAAD(Buffer.from(head));
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return `${head}.${b64(iv)}.${b64(body)}.${b64(cipher.getAuthTag())}`;
}

/** Open a sealed value; a missing or wrong key, or a changed value, throws PersonalKeyError. */
export function open(keyring: Keyring, sealed: string): string {
  const parts = sealed.split('.');
  const [tag0, keyId = '', algorithm, ivText = '', bodyText = '', tagText = ''] = parts;
  if (parts.length !== 6 || tag0 !== prefix) {
    throw new PersonalKeyError('个人信息无法解密：存储格式不正确');
  }
  const { enc, mac } = subkeys(keyOf(keyring, keyId));
  const head = `${prefix}.${keyId}.${algorithm}`;
  const wrong = () =>
    new PersonalKeyError(`个人信息无法解密：密钥 ${keyId} 与数据不符（密钥配置错误或数据被改动）`);
  try {
    if (algorithm === 'sm4') {
      if (!sm4Available) throw new PersonalKeyError('个人信息无法解密：本运行环境不支持 SM4');
      const expected = createHmac('sm3', mac).update(`${head}.${ivText}.${bodyText}`).digest();
      const tag = unb64(tagText);
      if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) throw wrong();
      const decipher = createDecipheriv('sm4-ctr', enc.subarray(0, 16), unb64(ivText));
      return Buffer.concat([decipher.update(unb64(bodyText)), decipher.final()]).toString('utf8');
    }
    if (algorithm !== 'aes') throw new PersonalKeyError('个人信息无法解密：未知的加密算法');
    const decipher = createDecipheriv('aes-256-gcm', enc, unb64(ivText));
    decipher.setAAD(Buffer.from(head));
    decipher.setAuthTag(unb64(tagText));
    return Buffer.concat([decipher.update(unb64(bodyText)), decipher.final()]).toString('utf8');
  } catch (err) {
    if (err instanceof PersonalKeyError) throw err;
    throw wrong();
  }
}

/** The key id a sealed value was sealed with (rotation re-seals those not under the current). */
export const sealedKeyId = (sealed: string) => sealed.split('.')[1] ?? '';

/**
 * A keyed hash of a value, to find a person by ID number without storing it: one per key, so a
 * lookup during a rotation asks for every key's hash.
 */
export function blindIndexes(keyring: Keyring, value: string): string[] {
  return [...keyring.keys.values()].map((key) =>
    createHmac('sha256', subkeys(key).index).update(value).digest('base64url'),
  );
}

/** The current key's blind index, stored beside the sealed value. */
export const blindIndex = (keyring: Keyring, value: string) =>
  createHmac('sha256', subkeys(keyOf(keyring, keyring.currentId)).index)
    .update(value)
    .digest('base64url');

/** The keyring of an app: its configured one, else the development key. */
export const keyringOf = (config: { personalData?: Keyring }) =>
  config.personalData ?? developmentKeyring;
