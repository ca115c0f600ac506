// 001: the first tables. Cases and their deadlines, enough for the case list and its next deadline.
export default {
  version: 1,
  name: 'cases',
  sql: `
    CREATE TABLE cases (
      id          TEXT PRIMARY KEY,
      reference   TEXT NOT NULL,
      client_name TEXT NOT NULL,
      status      TEXT NOT NULL DEFAULT 'intake'
                  CHECK (status IN ('intake','drafting','submitted','hearing_set','decided','closed')),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX cases_reference ON cases (reference COLLATE NOCASE);
    CREATE INDEX cases_updated_at ON cases (updated_at DESC);

    CREATE TABLE deadlines (
      id       TEXT PRIMARY KEY,
      case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      kind     TEXT NOT NULL,
      due_on   TEXT NOT NULL,
      done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
    ) STRICT;
    CREATE INDEX deadlines_open_by_case ON deadlines (case_id, due_on) WHERE done = 0;
  `,
};
