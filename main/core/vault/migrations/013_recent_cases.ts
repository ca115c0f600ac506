// 013: the cases opened last, for the case list's "Recently opened". Which cases someone worked on
// is client data, so it lives in the vault (never in preferences.json, which is readable without
// the passphrase). The row goes with its case when the case is erased (ON DELETE CASCADE).
export default {
  version: 13,
  name: 'recent_cases',
  sql: `
    CREATE TABLE recent_cases (
      case_id   TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      opened_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX recent_cases_opened_at ON recent_cases (opened_at DESC);
  `,
};
