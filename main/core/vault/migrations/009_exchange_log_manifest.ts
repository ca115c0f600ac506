// 009: the exchange log names an exchange by the SHA-256 of its signed manifest, not of the
// encrypted file. The manifest lists every entry with its SHA-256 and is signed, so its digest
// identifies exactly what was sent; it is the same in the sender's log and the receiver's (the
// ciphertext differs per recipient set, and the receiver no longer reads the file a second time
// to hash it), and it is known before the file is written, which spares the export a second hash
// of every byte. Rows written before this (development builds only) hold the file's digest.
export default {
  version: 9,
  name: 'exchange_log_manifest',
  sql: `
    ALTER TABLE exchange_log RENAME COLUMN sha256 TO manifest_sha256;
  `,
};
