// Commands from the application menu (main/menu.ts → MENU_CHANNEL → window.briefcaseEvents):
// what each means in the renderer is decided by App.tsx's handlers. The command is checked
// against the contract once more here: the page trusts nothing that crosses a boundary.
//
// "Save a copy" acts on what is open: the screen showing a document (the PDF preview) registers
// its save action while it is shown; with nothing registered the app says what to open first.
import { useEffect, useRef } from 'react';
import { MenuCommand, type BriefcaseEvents } from '../../../preload/contract';

export type MenuHandlers = Record<MenuCommand, () => void>;

/** Route menu commands to `handlers()` (read at the time of the command). Returns the unsubscribe. */
export function installMenuCommands(events: BriefcaseEvents | undefined, handlers: () => MenuHandlers): () => void {
  // Outside Electron and the harness there is no menu.
  if (!events) return () => undefined;
  return events.onMenuCommand((command: unknown) => {
    const parsed = MenuCommand.safeParse(command);
    if (parsed.success) handlers()[parsed.data]();
  });
}

/** installMenuCommands for a component, always calling the handlers of its latest render. */
export function useMenuCommands(handlers: MenuHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => installMenuCommands(window.briefcaseEvents, () => latest.current), []);
}

type SaveCopy = () => Promise<void> | void;
let saveCopyTarget: SaveCopy | null = null;

/** The open item's "Save a copy" while it is shown; returns the unregister. The newest wins. */
export function setSaveCopyTarget(target: SaveCopy): () => void {
  saveCopyTarget = target;
  return () => {
    if (saveCopyTarget === target) saveCopyTarget = null;
  };
}

/** For a component showing a saveable item: registered while mounted. */
export function useSaveCopyTarget(target: SaveCopy): void {
  const latest = useRef(target);
  useEffect(() => {
    latest.current = target;
  });
  useEffect(() => setSaveCopyTarget(() => latest.current()), []);
}

/** Runs the open item's "Save a copy"; false when nothing saveable is open. */
export function saveCopyOfOpenItem(onError: (error: unknown) => void): boolean {
  const target = saveCopyTarget;
  if (!target) return false;
  try {
    void Promise.resolve(target()).catch(onError);
  } catch (error) {
    onError(error);
  }
  return true;
}

/** What the case list should do once shown, asked for from the menu (n: each request is new). */
export interface ListRequest {
  action: 'newCase' | 'find';
  n: number;
}
