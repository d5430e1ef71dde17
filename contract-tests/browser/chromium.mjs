// Debian's Chromium for the browser checks: installed once on a machine that lacks it (CI runs
// as root; Playwright's own browser download is not used), launched headless with a fresh profile.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
    if (existsSync(CHROMIUM)) {
        return;
    }
    console.log(`${CHROMIUM} is absent: apt-get install -y chromium`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
}

/**
 * A headless Chromium with a profile of its own; close() also deletes the profile.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close: () => Promise<void> }>}
 */
export async function launchChromium() {
    ensureChromium();
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'edutrack-chromium-'));
    try {
        const context = await chromium.launchPersistentContext(userDataDir, {
            executablePath: CHROMIUM,
            headless: true,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        const close = async () => {
            await context.close().catch(() => {});
            await rm(userDataDir, { recursive: true, force: true });
        };
        return { context, close };
    } catch (e) {
        await rm(userDataDir, { recursive: true, force: true });
        throw e;
    }
}
