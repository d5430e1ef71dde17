// The consumer run: a fresh target/pacts/, then every *.test.mjs one file at a time (they merge
// their interactions into the same pact file).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACT_DIR } from './support.mjs';

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(PACT_DIR, { recursive: true, force: true });
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', 'consumer/'], {
    cwd: moduleDir,
    env: { ...process.env, pact_do_not_track: 'true' },
    stdio: 'inherit',
});
process.exitCode = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
