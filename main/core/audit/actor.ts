// Who an entry names: the seat's user profile (prefs.userName, set in the app), else the operating
// system's account name. A name the clinic's own staff chose, never a client's.
import { userInfo } from 'node:os';
import { readPreferences } from '../prefs/preferences';

export function seatUser(dataDir: string): string {
  const chosen = readPreferences(dataDir).userName?.trim();
  if (chosen) return chosen.slice(0, 200);
  try {
    return userInfo().username || 'unknown';
  } catch {
    // No passwd entry (some containers): the entry still says that someone did it.
    return 'unknown';
  }
}
