// 002: the case file. Each section of a case (details, client, household, timeline, risks) is one
// validated JSON document in `case_sections`, with its own revision for optimistic concurrency.
// Deadlines stay rows (the dashboard is one query across cases); their revision is the
// 'deadlines' row of case_sections, which holds no data. `cases` keeps the columns the list and
// search need, written in the same transaction as the sections they come from.
//
// Existing cases get default sections: the client named as before, everything else empty. The
// deadlines table is rebuilt with a key per case (an imported file keeps its deadline ids, so two
// imports of similar files must not collide), a note and a position (the order the file had).
// Deadlines from before 002 get new ids: no version before 002 showed them to anyone.
const NEW_UUID = `lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
  substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))`;

export default {
  version: 2,
  name: 'case_sections',
  sql: `
    ALTER TABLE cases ADD COLUMN client_name_original TEXT;

    CREATE TABLE case_sections (
      case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      section    TEXT NOT NULL
                 CHECK (section IN ('details','client','household','timeline','deadlines','risks')),
      revision   INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
      data       TEXT CHECK (data IS NULL OR json_valid(data)),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (case_id, section),
      CHECK ((section = 'deadlines') = (data IS NULL))
    ) STRICT, WITHOUT ROWID;

    INSERT INTO case_sections (case_id, section, revision, data, updated_at)
    SELECT id, 'details', 0, json_object(
             'reference', reference, 'status', status, 'outcome', NULL, 'jurisdiction', 'dk',
             'protectionBasis', NULL,
             'dates', json_object('arrival', NULL, 'permitGranted', NULL, 'permitExpiry', NULL,
                                  'decision', NULL, 'decisionReceived', NULL, 'hearing', NULL),
             'origin', json_object('country', NULL, 'region', NULL, 'place', NULL),
             'assignedLawyer', NULL, 'assignedParalegal', NULL),
           updated_at
    FROM cases;

    INSERT INTO case_sections (case_id, section, revision, data, updated_at)
    SELECT id, 'client', 0, json_object(
             'name', client_name, 'nameOriginal', NULL, 'otherSpellings', json('[]'),
             'birthDate', NULL, 'sex', NULL, 'nationality', NULL, 'stateless', json('false'),
             'ethnicity', NULL, 'religion', NULL, 'languages', json('[]'),
             'interpreter', json_object('needed', json('false'), 'language', NULL, 'dialect', NULL),
             'contact', json_object('phone', NULL, 'email', NULL, 'address', ''),
             'cpr', NULL, 'authorityCaseNumbers', json('[]')),
           updated_at
    FROM cases;

    INSERT INTO case_sections (case_id, section, revision, data, updated_at)
    SELECT c.id, s.section, 0, s.data, c.updated_at
    FROM cases c
    CROSS JOIN (SELECT 'household' AS section, '[]' AS data
                UNION ALL SELECT 'timeline', '[]'
                UNION ALL SELECT 'risks', '[]'
                UNION ALL SELECT 'deadlines', NULL) s;

    CREATE TABLE deadlines_002 (
      case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      id       TEXT NOT NULL,
      position INTEGER NOT NULL DEFAULT 0,
      kind     TEXT NOT NULL,
      due_on   TEXT NOT NULL,
      done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
      note     TEXT,
      PRIMARY KEY (case_id, id)
    ) STRICT;
    INSERT INTO deadlines_002 (case_id, id, position, kind, due_on, done)
    SELECT case_id, ${NEW_UUID},
           row_number() OVER (PARTITION BY case_id ORDER BY due_on, id) - 1, kind, due_on, done
    FROM deadlines;
    DROP TABLE deadlines;
    ALTER TABLE deadlines_002 RENAME TO deadlines;
    CREATE INDEX deadlines_open_by_case ON deadlines (case_id, due_on) WHERE done = 0;
    CREATE INDEX deadlines_open_by_due ON deadlines (due_on) WHERE done = 0;

    CREATE TABLE risk_factor_definitions (
      id         TEXT PRIMARY KEY,
      data       TEXT NOT NULL CHECK (json_valid(data)),
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
