// Runs the client tests (`node --test test/`) against a live server: the jar the server module
// built, on a free port, with a fresh embedded PostgreSQL in a temporary folder and a site owner
// to log in as. The server is stopped (and its database with it) when the tests end.
//
//   node testing/with-server.mjs                  start the jar, test, stop
//   EDUTRACK_BASE_URL=http://localhost:8000 \
//   EDUTRACK_SITEOWNER_EMAIL=... EDUTRACK_SITEOWNER_PASSWORD=... node testing/with-server.mjs
//                                                 test a server that is already running
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STARTUP_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

async function main() {
    if (process.env.EDUTRACK_BASE_URL) {
        return runTests(process.env);
    }
    const jar = path.resolve(moduleDir, process.env.EDUTRACK_SERVER_JAR ?? '../server/target/edutrack-server.jar');
    if (!existsSync(jar)) {
        console.error(`No server jar at ${jar}: build it first (mvn -pl server -am package -DskipTests).`);
        return 1;
    }
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'edutrack-client-tests-'));
    mkdirSync(path.join(moduleDir, 'target'), { recursive: true });
    const logPath = path.join(moduleDir, 'target', 'client-tests-server.log');
    const log = createWriteStream(logPath);
    await new Promise((resolve) => log.on('open', resolve));
    const env = {
        ...process.env,
        PORT: String(port),
        EDUTRACK_DATA_DIR: dataDir,
        EDUTRACK_SITEOWNER_EMAIL: 'owner@client-tests.example',
        EDUTRACK_SITEOWNER_PASSWORD: 'Client-tests-owner-2026',
    };
    delete env.SPRING_DATASOURCE_URL;
    delete env.SPRING_PROFILES_ACTIVE;
    console.log(`Starting ${path.relative(moduleDir, jar)} on port ${port} (log: ${path.relative(moduleDir, logPath)})`);
    const server = spawn('java', ['-jar', jar], { env, stdio: ['ignore', log, log] });
    const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve(signal ?? code)));
    const stop = async () => {
        if (server.exitCode === null && server.signalCode === null) {
            // SIGTERM: Spring shuts down gracefully and stops its embedded PostgreSQL.
            server.kill('SIGTERM');
            const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
            await exited;
            clearTimeout(timer);
        }
        await rm(dataDir, { recursive: true, force: true });
    };
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => stop().finally(() => process.exit(130)));
    }
    try {
        const started = Date.now();
        const ready = await Promise.race([waitForHealth(baseUrl), exited.then((how) => `exited (${how})`)]);
        if (ready !== true) {
            console.error(`The server did not start: ${ready}. Last lines of its log:\n${tail(logPath, 40)}`);
            return 1;
        }
        console.log(`Server up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return await runTests({ ...env, EDUTRACK_BASE_URL: baseUrl });
    } finally {
        await stop();
    }
}

function runTests(env) {
    const child = spawn(process.execPath, ['--test', 'test/'], { cwd: moduleDir, env, stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function waitForHealth(baseUrl) {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Date.now() < deadline) {
        try {
            const response = await fetch(`${baseUrl}/actuator/health`);
            if (response.ok) {
                return true;
            }
        } catch {
            // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return `no healthy answer from ${baseUrl}/actuator/health within ${STARTUP_TIMEOUT_MS / 1000} s`;
}

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.unref();
        probe.on('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

function tail(file, lines) {
    try {
        return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
        return '(no log)';
    }
}

process.exitCode = await main();
