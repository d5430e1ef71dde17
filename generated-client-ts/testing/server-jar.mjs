// Starts the server jar the server module built, for the tests that need a live server (the client's
// own tests and the browser check): a free port, a fresh embedded PostgreSQL in a temporary folder,
// the output in a log file. stop() shuts it down gracefully and deletes the folder.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const STARTUP_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
/** Settings of the developer's shell that would point the server elsewhere than its own database. */
const INHERITED_SETTINGS_TO_DROP = ['SPRING_DATASOURCE_URL', 'SPRING_PROFILES_ACTIVE', 'CORS_ALLOWED_ORIGINS', 'JWT_SIGNING_KEY'];

/** @returns {Promise<number>} */
export function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.unref();
        probe.on('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = /** @type {net.AddressInfo} */ (probe.address());
            probe.close(() => resolve(port));
        });
    });
}

/**
 * @param {{ jar: string, logPath: string, host: string, dataDirPrefix: string, settings: Record<string, string>, port?: number }} options
 *   settings: environment variables for the server on top of the inherited ones; port: a free one unless given
 * @returns {Promise<{ baseUrl: string, env: NodeJS.ProcessEnv, stop: () => Promise<void> }>}
 */
export async function startServerJar({ jar, logPath, host, dataDirPrefix, settings, port: chosenPort }) {
    if (!existsSync(jar)) {
        throw new Error(`No server jar at ${jar}: build it first (mvn -pl server -am package -DskipTests).`);
    }
    const port = chosenPort ?? await freePort();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), dataDirPrefix));
    const log = createWriteStream(logPath);
    await new Promise((resolve) => log.on('open', resolve));
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env };
    for (const name of INHERITED_SETTINGS_TO_DROP) {
        delete env[name];
    }
    Object.assign(env, settings, { PORT: String(port), EDUTRACK_DATA_DIR: dataDir });
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
    const baseUrl = `http://${host}:${port}`;
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Date.now() < deadline && server.exitCode === null) {
        if (await fetch(`${baseUrl}/actuator/health`).then((r) => r.ok, () => false)) {
            return { baseUrl, env, stop };
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await stop();
    const tail = readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`The server did not start within ${STARTUP_TIMEOUT_MS / 1000} s. Last lines of ${logPath}:\n${tail}`);
}
