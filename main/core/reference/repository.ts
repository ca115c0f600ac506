// SQL for a clinic's own risk factors (risk_factor_definitions, migration 002).
import type { Db } from '../vault/sqlite';

export function listClinicFactors(db: Db): string[] {
  return (db.prepare('SELECT data FROM risk_factor_definitions ORDER BY created_at, id').all() as { data: string }[]).map(
    (row) => row.data,
  );
}

export function insertClinicFactor(db: Db, row: { id: string; data: string; created_at: string }): void {
  db.prepare('INSERT INTO risk_factor_definitions (id, data, created_at) VALUES (@id, @data, @created_at)').run(row);
}
