// 003: attachments, stored encrypted inside the vault in chunks of at most 1 MiB.
//
// An attachment is written as a `pending` row plus its chunks, then flipped to `complete` in one
// transaction once every byte is in and its SHA-256 checks out. Only complete rows are ever shown;
// pending rows are what a crash or an abandoned upload leaves, and are removed on unlock.
// Deleting a case deletes its attachments, and deleting an attachment deletes its chunks.
export default {
  version: 3,
  name: 'attachments',
  sql: `
    CREATE TABLE attachments (
      id            TEXT PRIMARY KEY,
      case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
      media_type    TEXT NOT NULL CHECK (length(media_type) BETWEEN 1 AND 120),
      size          INTEGER NOT NULL CHECK (size >= 0),
      sha256        TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
      document_date TEXT,
      description   TEXT,
      added_at      TEXT NOT NULL,
      state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'complete')),
      CHECK (state = 'pending' OR sha256 IS NOT NULL)
    ) STRICT;
    CREATE INDEX attachments_by_case ON attachments (case_id, added_at);
    CREATE INDEX attachments_pending ON attachments (id) WHERE state = 'pending';

    CREATE TABLE attachment_chunks (
      attachment_id TEXT NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
      seq           INTEGER NOT NULL CHECK (seq >= 0),
      data          BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
      PRIMARY KEY (attachment_id, seq)
    ) STRICT;
  `,
};
