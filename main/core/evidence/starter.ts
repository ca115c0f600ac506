// The starter library (templates/evidence/starter.json, in the library's own format): loaded
// through the ordinary importer, so loading it twice merges instead of doubling.
import type { ImportResult } from '../../../preload/schemas/evidence';
import starter from '../../../templates/evidence/starter.json' with { type: 'json' };
import type { Db } from '../vault/sqlite';
import { importLibrary } from './library';

export function loadStarter(db: Db, now = new Date()): ImportResult {
  return importLibrary(db, { content: JSON.stringify(starter), format: 'briefcase' }, now);
}
