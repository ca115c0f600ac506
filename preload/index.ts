// The bridge: exposes window.briefcase, built from the contract's method names, each forwarding to
// the one generic IPC channel, and window.briefcaseEvents for the one-way events (flush before the
// window closes). No logic here: main validates everything it receives.
import { contextBridge, ipcRenderer } from 'electron';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL, IPC_CHANNEL, MENU_CHANNEL, MenuMessage, methodNames, type BriefcaseApi } from './contract';
import { buildBridge } from './bridge';
import { buildEvents } from './events';

const api: BriefcaseApi = buildBridge(methodNames, (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input));
contextBridge.exposeInMainWorld('briefcase', api);

const events = buildEvents(
  // The page never sees the IPC event object, only the payload.
  (deliver) => ipcRenderer.on(FLUSH_REQUEST_CHANNEL, (_event, request: unknown) => deliver(request)),
  (done) => ipcRenderer.send(FLUSH_DONE_CHANNEL, done),
  // Only a well-formed {command} from the menu gets through to the page.
  (deliver) =>
    ipcRenderer.on(MENU_CHANNEL, (_event, message: unknown) => {
      const parsed = MenuMessage.safeParse(message);
      if (parsed.success) deliver(parsed.data);
    }),
);
contextBridge.exposeInMainWorld('briefcaseEvents', events);
