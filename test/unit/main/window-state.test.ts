// Where the window opens (main/window-state.ts): where it was, if that is still on a display;
// clamped into the display's work area; the default size when nothing is saved or the saved
// place is on a display that is gone; and kept in preferences.json across restarts.
import { describe, expect, it } from 'vitest';
import { readPreferences, updatePreferences } from '../../../main/core/prefs/preferences';
import { boundsToSave, DEFAULT_SIZE, initialBounds } from '../../../main/window-state';
import { tempDir } from '../helpers';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 860 };
const MONITOR_RIGHT = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('opens at the default size, centred by the system, when nothing is saved', () => {
    expect(initialBounds(null, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    // …never larger than a small screen.
    expect(initialBounds(null, [{ x: 0, y: 0, width: 1024, height: 600 }])).toEqual({ width: 1024, height: 600, maximized: false });
    expect(initialBounds(null, [])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('opens where it was when that place is on a display', () => {
    const saved = { x: 1600, y: 100, width: 1300, height: 900, maximized: false };
    expect(initialBounds(saved, [LAPTOP, MONITOR_RIGHT])).toEqual({ x: 1600, y: 100, width: 1300, height: 900, maximized: false });
    expect(initialBounds({ ...saved, maximized: true }, [LAPTOP, MONITOR_RIGHT]).maximized).toBe(true);
  });

  it('falls back to the default when the monitor it was on is gone, keeping "maximised"', () => {
    const onGoneMonitor = { x: 2000, y: 200, width: 1300, height: 900, maximized: true };
    expect(initialBounds(onGoneMonitor, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: true });
    // Far off in negative space (a monitor once left of the laptop).
    expect(initialBounds({ x: -3000, y: -40, width: 800, height: 600, maximized: false }, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    // Title bar below the bottom of the screen: it could not be dragged back.
    expect(initialBounds({ x: 10, y: 850, width: 800, height: 600, maximized: false }, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('clamps a window larger than, or hanging off, the display into its work area', () => {
    // Saved on a big monitor, now partly over the edge of the laptop's screen.
    expect(initialBounds({ x: 1000, y: 300, width: 2000, height: 1200, maximized: false }, [LAPTOP])).toEqual({
      x: 0, y: 0, width: 1440, height: 860, maximized: false,
    });
    expect(initialBounds({ x: 900, y: 500, width: 800, height: 600, maximized: false }, [LAPTOP])).toEqual({
      x: 640, y: 260, width: 800, height: 600, maximized: false,
    });
    // A title bar a few pixels above the work area (under a menu bar) is pulled down.
    expect(initialBounds({ x: 100, y: -10, width: 800, height: 600, maximized: false }, [{ x: 0, y: 25, width: 1440, height: 835 }])).toMatchObject({ x: 100, y: 25 });
    // Never below the minimum size the window allows.
    expect(initialBounds({ x: 10, y: 10, width: 100, height: 50, maximized: false }, [LAPTOP])).toMatchObject({ width: 720, height: 520 });
  });

  it('saves whole pixels of the normal bounds and survives a restart through preferences.json', () => {
    const saved = boundsToSave({ x: 10.4, y: 20.6, width: 1000.2, height: 700.7 }, true);
    expect(saved).toEqual({ x: 10, y: 21, width: 1000, height: 701, maximized: true });
    const dir = tempDir();
    expect(readPreferences(dir).window).toBeNull();
    updatePreferences(dir, { window: saved });
    expect(readPreferences(dir)).toMatchObject({ window: saved });
    // Another preference changed later keeps the window where it was.
    updatePreferences(dir, { language: 'da' });
    expect(readPreferences(dir).window).toEqual(saved);
  });
});
