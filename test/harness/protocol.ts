// What the harness and the page agree on. Kept apart from app.ts so the bridge script can be
// built without loading the core (and its native SQLite addon) into the test runner.
export const API_PATH = '/__api';
