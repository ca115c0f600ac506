// age v1's header: the recipient stanzas that wrap the file key, and their MAC. age-encryption
// makes and checks it (X25519, hybrid ML-KEM-768+X25519); the passphrase (scrypt) stanza is made
// here with node:crypto's scrypt, because age-encryption's runs in JavaScript on the main thread
// (about 1.2 s of a blocked event loop at age's work factor, against 0.8 s off the thread).
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback } from 'node:crypto';
import { Decrypter, Encrypter, Stanza, type Identity, type Recipient } from 'age-encryption';
import { BriefcaseError } from '../errors';
import type { ByteReader } from './byte-reader';

/** age's default scrypt work factor (log2 N) when encrypting to a passphrase. */
export const SCRYPT_LOG_N = 18;
/** The highest work factor accepted when reading (as age-encryption): 1 GiB of scrypt memory. */
export const MAX_SCRYPT_LOG_N = 20;
const MAX_HEADER_BYTES = 1024 * 1024;
const INTRO = 'age-encryption.org/v1\n';
const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt';

export type AgeRecipients = { recipients: string[] } | { passphrase: string };
export type AgeKeys = { identities: string[] } | { passphrase: string };

/**
 * A header for a new file and the file key it wraps. age-encryption keeps the file key to itself,
 * so a recipient of our own that wraps nothing is added first to learn it; the header it writes
 * is the standard one (the MAC covers the stanzas only). The empty payload it also makes is dropped.
 */
export async function makeHeader(to: AgeRecipients): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  const encrypter = new Encrypter();
  let fileKey: Uint8Array | null = null;
  encrypter.addRecipient({
    wrapFileKey(key: Uint8Array) {
      fileKey = Uint8Array.from(key);
      return [];
    },
  });
  if ('passphrase' in to) {
    if (to.passphrase.length === 0) throw new BriefcaseError('INVALID_INPUT', [{ path: 'passphrase', message: 'validation.required' }]);
    encrypter.addRecipient(new ScryptRecipient(to.passphrase, SCRYPT_LOG_N));
  } else {
    if (to.recipients.length === 0) throw new BriefcaseError('INVALID_INPUT', [{ path: 'recipients', message: 'validation.required' }]);
    to.recipients.forEach((recipient, index) => {
      try {
        encrypter.addRecipient(recipient);
      } catch {
        throw new BriefcaseError('INVALID_INPUT', [{ path: `recipients.${index}`, message: 'validation.ageRecipient' }]);
      }
    });
  }
  let whole: Uint8Array;
  try {
    whole = await encrypter.encrypt(new Uint8Array(0));
  } catch {
    // age-encryption checks a recipient's encoding only when it wraps the key.
    throw new BriefcaseError('INVALID_INPUT', [{ path: 'recipients', message: 'validation.ageRecipient' }]);
  }
  // What follows the header: the 16-byte nonce and the empty final chunk's 16-byte tag.
  const header = whole.subarray(0, whole.length - 32);
  if (fileKey === null || !endsWithMac(header)) throw new Error('unexpected age header');
  return { header: Uint8Array.from(header), fileKey };
}

/**
 * Reads the header off `reader` and unwraps the file key. No identity or passphrase matching any
 * stanza is WRONG_KEY; a header that does not parse, a stanza that matches but is malformed, or a
 * MAC that does not verify is EXPORT_DAMAGED.
 */
export async function readHeader(reader: ByteReader, keys: AgeKeys): Promise<Uint8Array> {
  const lines: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // Copied: the reader's chunks may be reused once read past.
    const line = Uint8Array.from(await reader.line(MAX_HEADER_BYTES - size));
    if (lines.length === 0 && new TextDecoder().decode(line) !== INTRO) throw new BriefcaseError('EXPORT_DAMAGED');
    lines.push(line);
    size += line.length;
    if (lines.length > 1 && line[0] === 0x2d && line[1] === 0x2d && line[2] === 0x2d) break;
  }
  const header = new Uint8Array(size);
  lines.reduce((at, line) => (header.set(line, at), at + line.length), 0);

  // age-encryption's Decrypter tries identities in order and only says "failed": a first identity
  // that notes it was asked (so the header parsed) and a last one that notes every real identity
  // declined (so none matched) tell the three failures apart without reading its messages.
  let parsed = false;
  let noneMatched = false;
  const decrypter = new Decrypter();
  decrypter.addIdentity({ unwrapFileKey: () => ((parsed = true), null) });
  try {
    if ('passphrase' in keys) decrypter.addIdentity(new ScryptIdentity(keys.passphrase));
    else for (const identity of keys.identities) decrypter.addIdentity(identity);
  } catch {
    throw new BriefcaseError('INVALID_INPUT', [{ path: 'identities', message: 'validation.invalidFormat' }]);
  }
  decrypter.addIdentity({ unwrapFileKey: () => ((noneMatched = true), null) });
  try {
    return await decrypter.decryptHeader(header);
  } catch {
    throw new BriefcaseError(parsed && noneMatched ? 'WRONG_KEY' : 'EXPORT_DAMAGED');
  }
}

function endsWithMac(header: Uint8Array): boolean {
  const text = new TextDecoder().decode(header);
  return text.startsWith(INTRO) && /\n--- [A-Za-z0-9+/]{43}\n$/.test(text);
}

const base64NoPad = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

function scryptKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const labelAndSalt = Buffer.concat([Buffer.from(SCRYPT_LABEL, 'latin1'), salt]);
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; leave room above it.
  const maxmem = 128 * N * 8 + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase, labelAndSalt, 32, { N, r: 8, p: 1, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** ChaCha20-Poly1305 with the all-zero nonce, as age wraps a file key in a stanza body. */
function wrapKey(key: Buffer, fileKey: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
  return Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
}

function unwrapKey(key: Buffer, body: Uint8Array): Uint8Array | null {
  if (body.length !== 32) throw new Error('invalid stanza');
  const decipher = createDecipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 });
  decipher.setAuthTag(body.subarray(16));
  const fileKey = decipher.update(body.subarray(0, 16));
  try {
    decipher.final();
    return fileKey;
  } catch {
    return null;
  }
}

/** age's scrypt recipient (age-encryption.org/v1, "The scrypt recipient type"). */
class ScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await scryptKey(this.passphrase, salt, this.logN);
    return [new Stanza(['scrypt', base64NoPad(salt), String(this.logN)], wrapKey(key, fileKey))];
  }
}

/** The matching identity, with age-encryption's checks: the only stanza, canonical salt, bounded work factor. */
class ScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1 || stanza.args.length !== 3) throw new Error('invalid scrypt stanza');
      const [, saltText, logNText] = stanza.args as [string, string, string];
      const salt = Buffer.from(saltText, 'base64');
      if (salt.length !== 16 || base64NoPad(salt) !== saltText || !/^[1-9][0-9]?$/.test(logNText)) throw new Error('invalid scrypt stanza');
      const logN = Number(logNText);
      if (logN > MAX_SCRYPT_LOG_N) throw new Error('scrypt work factor too high');
      return unwrapKey(await scryptKey(this.passphrase, salt, logN), stanza.body);
    }
    return null;
  }
}
