#!/usr/bin/env node
// The `briefcase` command. Runs the TypeScript CLI under plain Node through tsx, with the Node
// build of the SQLite addon (docs/native-module.md).
import { register } from 'tsx/esm/api';

register();
await import('../main/cli.ts');
