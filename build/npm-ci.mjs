// `npm ci` at the repository root, once: the projects that need node_modules (LiaisonSite's front-end files,
// Liaison.ContentParts' pinyin table) may build at the same time, and two npm ci in one folder break each other.
// A lock folder beside node_modules serializes them; whoever comes second finds the stamp fresh and does nothing.
// Run by build/Npm.targets; usage: node build/npm-ci.mjs <stamp file>
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = process.argv[2];
if (!stamp) {
  console.error('usage: node build/npm-ci.mjs <stamp file>');
  process.exit(2);
}

const lock = join(root, '.npm-ci.lock');
const staleMs = 15 * 60 * 1000; // a build killed while holding the lock must not block the next one for ever
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function acquire() {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > staleMs) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile: try again
      }
      sleep(500);
    }
  }
}

function fresh() {
  if (!existsSync(stamp)) return false;
  const made = statSync(stamp).mtimeMs;
  return ['package.json', 'package-lock.json'].every((f) => statSync(join(root, f)).mtimeMs <= made);
}

acquire();
try {
  if (!fresh()) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) {
      console.error(`npm ci failed (${result.error?.message ?? 'exit ' + result.status})`);
      process.exitCode = 1;
    } else {
      mkdirSync(dirname(stamp), { recursive: true });
      writeFileSync(stamp, new Date().toISOString() + '\n');
    }
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
