// Runs the client tests (`node --test test/`) against a live server: the jar the server module
// built, on a free port, with a fresh embedded PostgreSQL in a temporary folder and a site owner
// to log in as. The server is stopped (and its database with it) when the tests end.
//
//   node testing/with-server.mjs                  start the jar, test, stop
//   EDUTRACK_BASE_URL=http://localhost:8000 \
//   EDUTRACK_SITEOWNER_EMAIL=... EDUTRACK_SITEOWNER_PASSWORD=... node testing/with-server.mjs
//                                                 test a server that is already running
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerJar } from './server-jar.mjs';

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
    if (process.env.EDUTRACK_BASE_URL) {
        return runTests(process.env);
    }
    const jar = path.resolve(moduleDir, process.env.EDUTRACK_SERVER_JAR ?? '../server/target/edutrack-server.jar');
    mkdirSync(path.join(moduleDir, 'target'), { recursive: true });
    const logPath = path.join(moduleDir, 'target', 'client-tests-server.log');
    console.log(`Starting ${path.relative(moduleDir, jar)} (log: ${path.relative(moduleDir, logPath)})`);
    const started = Date.now();
    let server;
    try {
        server = await startServerJar({
            jar, logPath, host: '127.0.0.1', dataDirPrefix: 'edutrack-client-tests-',
            settings: { EDUTRACK_SITEOWNER_EMAIL: 'owner@client-tests.example', EDUTRACK_SITEOWNER_PASSWORD: 'Client-tests-owner-2026' },
        });
    } catch (e) {
        console.error(String(e instanceof Error ? e.message : e));
        return 1;
    }
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => server.stop().finally(() => process.exit(130)));
    }
    try {
        console.log(`Server up at ${server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return await runTests({ ...server.env, EDUTRACK_BASE_URL: server.baseUrl });
    } finally {
        await server.stop();
    }
}

function runTests(env) {
    const child = spawn(process.execPath, ['--test', 'test/'], { cwd: moduleDir, env, stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

process.exitCode = await main();
