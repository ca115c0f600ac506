// 012: what kind of vault this is. Only vault.openDemo (main/core/demo) ever sets `demo` to 1, in
// the vault it creates under <dataDir>/demo; every other vault (created, restored, migrated) is
// real. The marker lives inside the encrypted file, so copying or renaming the demo vault does not
// make it look real, and a real vault cannot be taken for the demo by its name or place.
export default {
  version: 12,
  name: 'demo_marker',
  sql: `
    CREATE TABLE vault_kind (
      id   INTEGER PRIMARY KEY CHECK (id = 1),
      demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
    ) STRICT;
    INSERT INTO vault_kind (id) VALUES (1);
  `,
};
