// The layer rules of eslint.config.js, proven on code that breaks them.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layers', () => {
  it('forbids electron in main/core', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'main/core/cases/x.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('allows electron in main/window.ts', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'main/window.ts')).not.toContain(
      'no-restricted-imports',
    );
  });

  it('forbids the renderer from importing main', async () => {
    const code = "import { createApi } from '../../main/core/api';\nexport const x = createApi;\n";
    expect(await ruleIds(code, 'renderer/src/app/x.ts')).toContain('no-restricted-imports');
  });

  it('forbids node builtins and electron in the renderer', async () => {
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'renderer/src/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'renderer/src/x.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('lets the renderer use the contract', async () => {
    const code = "import { contract } from '../../../preload/contract';\nexport const x = contract;\n";
    expect(await ruleIds(code, 'renderer/src/cases/x.ts')).not.toContain('no-restricted-imports');
  });
});
