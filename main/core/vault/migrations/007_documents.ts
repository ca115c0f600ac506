// 007: documents (main/core/documents). A clinic's own templates (the shipped ones are files under
// templates/documents/), and the documents generated for a case: each version kept with the
// template id and version, language, format and SHA-256, its bytes in 1 MiB chunks like an
// attachment's (so a 300-page bundle is never held whole in one row).
export default {
  version: 7,
  name: 'documents',
  sql: `
    CREATE TABLE document_templates (
      id       TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 60),
      version  TEXT NOT NULL,
      -- meta.json as checked (TemplateMeta), and the Markdown per language ({"da": "…", "en": "…"}).
      meta     TEXT NOT NULL CHECK (json_valid(meta)),
      sources  TEXT NOT NULL CHECK (json_valid(sources)),
      added_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE case_documents (
      id               TEXT PRIMARY KEY,
      case_id          TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      template_id      TEXT NOT NULL,
      template_version TEXT NOT NULL,
      language         TEXT NOT NULL CHECK (language IN ('da', 'en')),
      format           TEXT NOT NULL CHECK (format IN ('docx', 'pdf', 'bundle')),
      name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
      media_type       TEXT NOT NULL,
      size             INTEGER NOT NULL CHECK (size >= 0),
      sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
      created_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX case_documents_by_case ON case_documents (case_id, created_at);

    CREATE TABLE case_document_chunks (
      document_id TEXT NOT NULL REFERENCES case_documents (id) ON DELETE CASCADE,
      seq         INTEGER NOT NULL CHECK (seq >= 0),
      data        BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
      PRIMARY KEY (document_id, seq)
    ) STRICT;
  `,
};
