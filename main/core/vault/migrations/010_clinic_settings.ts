// 010: the clinic's security settings (preload/schemas/security.ts, ClinicSettings): one row,
// with the defaults docs/security.md names, each bounded as the schema bounds it.
export default {
  version: 10,
  name: 'clinic_settings',
  sql: `
    CREATE TABLE clinic_settings (
      id              INTEGER PRIMARY KEY CHECK (id = 1),
      idle_minutes    INTEGER NOT NULL DEFAULT 10 CHECK (idle_minutes BETWEEN 1 AND 240),
      keep_daily      INTEGER NOT NULL DEFAULT 7 CHECK (keep_daily BETWEEN 1 AND 60),
      keep_weekly     INTEGER NOT NULL DEFAULT 4 CHECK (keep_weekly BETWEEN 0 AND 104),
      retention_years INTEGER NOT NULL DEFAULT 5 CHECK (retention_years BETWEEN 1 AND 100)
    ) STRICT;
    INSERT INTO clinic_settings (id) VALUES (1);
  `,
};
