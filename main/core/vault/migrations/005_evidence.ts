// 005: the COI evidence library (main/core/evidence): sources, excerpts with pinpoints and tags,
// a clinic's own tags, excerpts selected for a case, the clinic's currency setting, and an FTS5
// index for search. Also lets an attachment be the stored document of a source instead of a file
// of a case, which needs the attachments table rebuilt (case_id becomes nullable): the runner
// turns foreign keys off for this migration (SQLite's documented way to change a table) and runs
// foreign_key_check before it commits.
//
// Search: `excerpt_search` is a contentless FTS5 table (the text is already in `excerpts`; only the
// index is kept) over folded text (bc_fold: "Sjaelsmark" finds "Sjælsmark"), one row per excerpt
// (rowid = excerpts.seq) with the excerpt's text and its source's title and publisher. Triggers
// keep it in sync on every write path, including cascades; they need bc_fold, which every vault
// connection registers (sqlite.ts).
export default {
  version: 5,
  name: 'evidence',
  foreignKeysOff: true,
  sql: `
    CREATE TABLE sources (
      id               TEXT PRIMARY KEY,
      publisher        TEXT NOT NULL CHECK (length(publisher) >= 1),
      title            TEXT NOT NULL CHECK (length(title) >= 1),
      date             TEXT,
      -- The range the partial date covers (YYYY-MM-DD), for date filters.
      date_first       TEXT,
      date_last        TEXT,
      document_number  TEXT,
      doi              TEXT,
      url              TEXT,
      language         TEXT,
      kind             TEXT NOT NULL CHECK (kind IN ('coi_report', 'un_guidance', 'ngo_report', 'news', 'case_law', 'legislation', 'other')),
      countries        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(countries)),
      regions          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(regions)),
      method_notes     TEXT NOT NULL DEFAULT '',
      superseded_by_id TEXT REFERENCES sources (id) ON DELETE SET NULL CHECK (superseded_by_id IS NULL OR superseded_by_id <> id),
      -- Normalised keys for duplicate detection on import (evidence/dedupe.ts).
      doi_key          TEXT,
      url_key          TEXT,
      title_key        TEXT NOT NULL,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sources_by_doi ON sources (doi_key) WHERE doi_key IS NOT NULL;
    CREATE INDEX sources_by_url ON sources (url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX sources_by_title ON sources (title_key);
    CREATE INDEX sources_by_superseded ON sources (superseded_by_id) WHERE superseded_by_id IS NOT NULL;

    CREATE TABLE excerpts (
      -- A stable integer key for the FTS index (a plain rowid may change on VACUUM).
      seq        INTEGER PRIMARY KEY,
      id         TEXT NOT NULL UNIQUE,
      source_id  TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      text       TEXT NOT NULL CHECK (length(text) >= 1),
      page       TEXT,
      paragraph  TEXT,
      section    TEXT,
      language   TEXT,
      -- The tags in their order, as written ({"topic":[…],"place":[…],"profile":[…]}).
      tags       TEXT NOT NULL DEFAULT '{"topic":[],"place":[],"profile":[]}' CHECK (json_valid(tags)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (page IS NOT NULL OR paragraph IS NOT NULL OR section IS NOT NULL)
    ) STRICT;
    CREATE INDEX excerpts_by_source ON excerpts (source_id);

    -- The tags again, one row each, for filters and suggestions.
    CREATE TABLE excerpt_tags (
      excerpt_id TEXT NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
      axis       TEXT NOT NULL CHECK (axis IN ('topic', 'place', 'profile')),
      tag        TEXT NOT NULL,
      PRIMARY KEY (excerpt_id, axis, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX excerpt_tags_by_tag ON excerpt_tags (axis, tag, excerpt_id);

    -- A clinic's own tags; the shipped ones are in templates/evidence/tags.json.
    CREATE TABLE evidence_tags (
      axis     TEXT NOT NULL CHECK (axis IN ('topic', 'place', 'profile')),
      id       TEXT NOT NULL,
      label_da TEXT NOT NULL,
      label_en TEXT NOT NULL,
      PRIMARY KEY (axis, id)
    ) STRICT;

    -- Excerpts selected for a case: for the case as a whole (risk_factor_id '') or for one factor.
    CREATE TABLE case_evidence (
      case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      excerpt_id     TEXT NOT NULL REFERENCES excerpts (id) ON DELETE RESTRICT,
      risk_factor_id TEXT NOT NULL DEFAULT '',
      added_at       TEXT NOT NULL,
      PRIMARY KEY (case_id, excerpt_id, risk_factor_id)
    ) STRICT;
    CREATE INDEX case_evidence_by_excerpt ON case_evidence (excerpt_id);

    CREATE TABLE evidence_settings (
      id              INTEGER PRIMARY KEY CHECK (id = 1),
      max_age_months  INTEGER NOT NULL DEFAULT 24 CHECK (max_age_months BETWEEN 1 AND 600)
    ) STRICT;
    INSERT INTO evidence_settings (id) VALUES (1);

    CREATE VIRTUAL TABLE excerpt_search USING fts5 (
      text, title, publisher,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER excerpts_search_insert AFTER INSERT ON excerpts BEGIN
      INSERT INTO excerpt_search (rowid, text, title, publisher)
        SELECT new.seq, bc_fold(new.text), bc_fold(s.title), bc_fold(s.publisher) FROM sources s WHERE s.id = new.source_id;
    END;
    CREATE TRIGGER excerpts_search_update AFTER UPDATE OF text, source_id ON excerpts BEGIN
      DELETE FROM excerpt_search WHERE rowid = old.seq;
      INSERT INTO excerpt_search (rowid, text, title, publisher)
        SELECT new.seq, bc_fold(new.text), bc_fold(s.title), bc_fold(s.publisher) FROM sources s WHERE s.id = new.source_id;
    END;
    CREATE TRIGGER excerpts_search_delete AFTER DELETE ON excerpts BEGIN
      DELETE FROM excerpt_search WHERE rowid = old.seq;
    END;
    CREATE TRIGGER sources_search_update AFTER UPDATE OF title, publisher ON sources
      WHEN new.title IS NOT old.title OR new.publisher IS NOT old.publisher BEGIN
      DELETE FROM excerpt_search WHERE rowid IN (SELECT seq FROM excerpts WHERE source_id = new.id);
      INSERT INTO excerpt_search (rowid, text, title, publisher)
        SELECT e.seq, bc_fold(e.text), bc_fold(new.title), bc_fold(new.publisher) FROM excerpts e WHERE e.source_id = new.id;
    END;

    -- Attachments: a case's file, or a source's stored document (exactly one of the two).
    CREATE TABLE attachments_new (
      id            TEXT PRIMARY KEY,
      case_id       TEXT REFERENCES cases (id) ON DELETE CASCADE,
      source_id     TEXT REFERENCES sources (id) ON DELETE CASCADE,
      name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
      media_type    TEXT NOT NULL CHECK (length(media_type) BETWEEN 1 AND 120),
      size          INTEGER NOT NULL CHECK (size >= 0),
      sha256        TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
      document_date TEXT,
      description   TEXT,
      added_at      TEXT NOT NULL,
      state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'complete')),
      CHECK (state = 'pending' OR sha256 IS NOT NULL),
      CHECK ((case_id IS NULL) <> (source_id IS NULL))
    ) STRICT;
    INSERT INTO attachments_new (id, case_id, source_id, name, media_type, size, sha256, document_date, description, added_at, state)
      SELECT id, case_id, NULL, name, media_type, size, sha256, document_date, description, added_at, state FROM attachments;
    DROP TABLE attachments;
    ALTER TABLE attachments_new RENAME TO attachments;
    CREATE INDEX attachments_by_case ON attachments (case_id, added_at) WHERE case_id IS NOT NULL;
    CREATE INDEX attachments_by_source ON attachments (source_id) WHERE source_id IS NOT NULL;
    CREATE INDEX attachments_pending ON attachments (id) WHERE state = 'pending';
  `,
};
