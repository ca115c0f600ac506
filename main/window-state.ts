// Where the main window opens: the size and place it had when last closed, kept in the
// preferences file (not client data), but only if that place is still on a display. A laptop
// taken off its docking screen must not open Briefcase on a monitor that is no longer there.
// Pure (no Electron) so it is unit-tested; main/index.ts feeds it screen.getAllDisplays().
import type { WindowBounds } from '../preload/contract';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
export const MIN_SIZE = { width: 720, height: 520 } as const;
/** How much of the title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

/** What to open with: a place (x, y set) or only a size (the system centres the window). */
export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/**
 * The saved bounds, clamped to the display they are on (never larger than its work area, never
 * smaller than the minimum), or the default size when there is nothing saved or the saved
 * window's title bar would not be on any display.
 */
export function initialBounds(saved: WindowBounds | null, workAreas: readonly Rect[]): InitialBounds {
  const fallback = defaultBounds(workAreas[0]);
  if (!saved) return fallback;
  const area = workAreas.find((candidate) => titleBarVisibleOn(saved, candidate));
  if (!area) return { ...fallback, maximized: saved.maximized };
  const width = clamp(saved.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(saved.height, Math.min(MIN_SIZE.height, area.height), area.height);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}

/** What to keep when the window closes: its normal (unmaximised) bounds and whether it was maximised. */
export function boundsToSave(normalBounds: Rect, maximized: boolean): WindowBounds {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.max(1, Math.round(normalBounds.width)),
    height: Math.max(1, Math.round(normalBounds.height)),
    maximized,
  };
}

function defaultBounds(area: Rect | undefined): InitialBounds {
  if (!area) return { ...DEFAULT_SIZE, maximized: false };
  // A small screen gets the window at the size of its work area, never larger.
  return {
    width: Math.min(DEFAULT_SIZE.width, area.width),
    height: Math.min(DEFAULT_SIZE.height, area.height),
    maximized: false,
  };
}

/** The top strip of the window (where it is dragged from) overlaps `area` by a usable amount. */
function titleBarVisibleOn(window: Rect, area: Rect): boolean {
  const left = Math.max(window.x, area.x);
  const right = Math.min(window.x + window.width, area.x + area.width);
  const top = window.y;
  const visibleWidth = right - left;
  // A title bar a little above the work area (under a menu bar) is pulled down by the clamp.
  return visibleWidth >= Math.min(MIN_VISIBLE.width, window.width) && top >= area.y - MIN_VISIBLE.height && top + MIN_VISIBLE.height <= area.y + area.height;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
