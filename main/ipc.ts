// Binds the one handler table to the one IPC channel (the checks live in ipc-handler.ts).
import { ipcMain } from 'electron';
import { IPC_CHANNEL } from '../preload/contract';
import type { Api } from './core/api';
import { createIpcHandler } from './ipc-handler';

export function bindIpc(api: Api, devServerUrl: string | undefined): void {
  ipcMain.handle(IPC_CHANNEL, createIpcHandler(api, devServerUrl));
}
