// The idle lock: the core's own clock of how long the person has been away. The renderer reports
// input (session.activity) and every call it makes that is not a background poll counts as
// activity too (main/core/api.ts); when the clinic's idle time passes with neither, `onExpiry`
// locks the vault exactly as the Lock button does.
//
// The clock lives in the core, not in the window, so it still runs when the renderer is frozen,
// crashed or showing a dialog: the renderer locks itself just before the deadline (to flush its
// autosaves first), and this timer is the backstop.

export interface IdleLockOptions {
  /** Called once when the idle time has passed; the api locks the vault. */
  onExpiry: () => void;
  /** Length of a "minute". 60 000 in the app; the e2e harness shortens it (tests only). */
  minuteMs?: number;
}

export class IdleLock {
  private readonly minuteMs: number;
  private periodMs = 0;
  private deadline = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Which open database the clock was armed for: a reopened or restored vault is armed afresh. */
  private armedFor: object | null = null;

  constructor(private readonly options: IdleLockOptions) {
    this.minuteMs = options.minuteMs ?? 60_000;
  }

  get armed(): boolean {
    return this.timer !== null;
  }

  /** True when armed for this open database (same object), so nothing needs to change. */
  isArmedFor(db: object): boolean {
    return this.armed && this.armedFor === db;
  }

  /** Start (or restart) the clock with an idle time of `minutes`, counted from now. */
  arm(minutes: number, db: object | null = null): void {
    this.periodMs = minutes * this.minuteMs;
    this.armedFor = db;
    this.touch(true);
  }

  /** Stop the clock: the vault is locked, there is nothing to lock. */
  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = null;
  }

  /** Activity: the idle time starts again from now. Does nothing while disarmed (locked). */
  touch(force = false): void {
    if (!force && !this.armed) return;
    this.deadline = Date.now() + this.periodMs;
    this.schedule(this.periodMs);
  }

  /** Milliseconds until the lock, or null when disarmed. */
  lockInMs(): number | null {
    return this.armed ? Math.max(0, this.deadline - Date.now()) : null;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), delay);
    // A CLI command or a test must be able to exit with a vault open: the clock never keeps the
    // process alive on its own.
    this.timer.unref?.();
  }

  private check(): void {
    const left = this.deadline - Date.now();
    // Timers can fire early (clock adjustments): wait for the rest rather than lock too soon.
    if (left > 0) return this.schedule(left);
    this.disarm();
    this.options.onExpiry();
  }
}
