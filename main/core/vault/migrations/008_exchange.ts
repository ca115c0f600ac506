// 008: case exchange between clinics (main/core/exchange, docs/exchange.md).
//
// clinic_identity: the one row (id = 1) holding this vault's clinic: its profile (ClinicProfile
//   JSON), its secrets (ClinicSecrets JSON: the age identities and the Ed25519 seed; the vault is
//   encrypted at rest, so the private keys are too, and no API ever returns this column), the
//   public fields derived from them, and the fingerprint. Made once by clinic.setup; later setups
//   change only the profile.
// partners: the address book. A card is trusted only after its fingerprint was typed; revoking
//   keeps the row (revoked_at) so the log and old imports can still name the clinic. At most one
//   non-revoked row per fingerprint (partial unique index); a revoked clinic may be trusted again
//   as a new row.
// exchange_log: every export and import: when, which direction, which case ids, which clinics
//   (name + fingerprint), via keys or passphrase, and the SHA-256 of the encrypted file. Never
//   case content (no client names, no references).
// exchange_bases: per case id, the case file (CaseFile JSON, as exported/imported) last exchanged
//   with another clinic, in either direction: the common base for a three-way comparison on the
//   next import (changed on both sides since the base → conflict; only on theirs → update).
//   Written by export (collect.ts) and by import's apply. Deleted with the case.
//
// For the import (main/core/exchange/import.ts and friends):
// imports: one row per previewed import file.
//   import_id   TEXT  the ImportPreview's importId
//   state       TEXT  'staging' (readContainer still running: everything provisional),
//                     'previewed' (verified, validated, compared: ImportPreview given),
//                     'applied' (kept only until the staging rows are removed)
//   manifest    JSON  the verified manifest (null while staging)
//   sender      JSON  the sender's ClinicPublic (null while staging)
//   preview     JSON  the ImportPreview answered (apply checks the resolutions against it)
//   created_at  TEXT  ISO time; rows older than a day, and every row at unlock, may be removed
// import_staging: the decrypted entries of an import, inside the (encrypted) vault, never on disk
//   in clear: one row per chunk of ≤ 1 MiB.
//   import_id   TEXT  → imports (ON DELETE CASCADE: deleting the imports row drops its chunks)
//   path        TEXT  the entry's path in the archive (e.g. "attachments/<sha256>")
//   seq         INTEGER chunk number within the entry, from 0
//   data        BLOB  the chunk (an empty entry has one empty chunk 0)
//   created_at  TEXT  ISO time
export default {
  version: 8,
  name: 'exchange',
  sql: `
    CREATE TABLE clinic_identity (
      id            INTEGER PRIMARY KEY CHECK (id = 1),
      profile       TEXT NOT NULL CHECK (json_valid(profile)),
      secrets       TEXT NOT NULL CHECK (json_valid(secrets)),
      age_recipient TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
      pq_recipient  TEXT CHECK (pq_recipient IS NULL OR pq_recipient GLOB 'age1pq1*'),
      signing_key   TEXT NOT NULL CHECK (length(signing_key) = 44),
      fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 39),
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE partners (
      id            TEXT PRIMARY KEY,
      profile       TEXT NOT NULL CHECK (json_valid(profile)),
      fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 39),
      age_recipient TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
      pq_recipient  TEXT CHECK (pq_recipient IS NULL OR pq_recipient GLOB 'age1pq1*'),
      signing_key   TEXT NOT NULL CHECK (length(signing_key) = 44),
      card          TEXT NOT NULL CHECK (length(card) <= 20000),
      trusted_at    TEXT NOT NULL,
      revoked_at    TEXT
    ) STRICT;
    CREATE UNIQUE INDEX partners_trusted_fingerprint ON partners (fingerprint) WHERE revoked_at IS NULL;

    CREATE TABLE exchange_log (
      id        TEXT PRIMARY KEY,
      at        TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
      case_ids  TEXT NOT NULL CHECK (json_valid(case_ids) AND json_type(case_ids) = 'array'),
      clinics   TEXT NOT NULL CHECK (json_valid(clinics) AND json_type(clinics) = 'array'),
      via       TEXT NOT NULL CHECK (via IN ('keys', 'passphrase')),
      sha256    TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')
    ) STRICT;
    CREATE INDEX exchange_log_by_time ON exchange_log (at);

    CREATE TABLE exchange_bases (
      case_id    TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
      file       TEXT NOT NULL CHECK (json_valid(file)),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE imports (
      import_id  TEXT PRIMARY KEY,
      state      TEXT NOT NULL CHECK (state IN ('staging', 'previewed', 'applied')),
      manifest   TEXT CHECK (manifest IS NULL OR json_valid(manifest)),
      sender     TEXT CHECK (sender IS NULL OR json_valid(sender)),
      preview    TEXT CHECK (preview IS NULL OR json_valid(preview)),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE import_staging (
      import_id  TEXT NOT NULL REFERENCES imports (import_id) ON DELETE CASCADE,
      path       TEXT NOT NULL CHECK (length(path) BETWEEN 1 AND 1024),
      seq        INTEGER NOT NULL CHECK (seq >= 0),
      data       BLOB NOT NULL CHECK (length(data) <= 1048576),
      created_at TEXT NOT NULL,
      PRIMARY KEY (import_id, path, seq)
    ) STRICT;
  `,
};
