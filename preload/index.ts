// The bridge: exposes window.briefcase, built from the contract's method names, each forwarding to
// the one generic IPC channel. No logic here: main validates everything it receives.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, methodNames, type BriefcaseApi } from './contract';
import { buildBridge } from './bridge';

const api: BriefcaseApi = buildBridge(methodNames, (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input));
contextBridge.exposeInMainWorld('briefcase', api);
