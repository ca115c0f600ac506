// 011: the audit trail (main/core/audit). Append-only in SQL as well as in code: the triggers make
// any UPDATE or DELETE of a row fail, so neither a bug nor a stray statement can rewrite history.
// Someone holding the vault key can drop the triggers; the hash chain (audit/chain.ts) is what
// detects that, and docs/security.md says what it cannot detect.
export default {
  version: 11,
  name: 'audit',
  sql: `
    CREATE TABLE audit_log (
      seq    INTEGER PRIMARY KEY CHECK (seq >= 1),
      at     TEXT NOT NULL,
      actor  TEXT NOT NULL,
      action TEXT NOT NULL,
      method TEXT NOT NULL,
      ids    TEXT NOT NULL DEFAULT '[]',
      fields TEXT NOT NULL DEFAULT '[]',
      hash   TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
};
