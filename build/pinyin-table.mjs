// Writes the pinyin table that Liaison.ContentParts embeds (Slug.Create turns 党员 into dang-yuan with it).
// Run by the build (src/Modules/Liaison.ContentParts/Pinyin.targets), never committed: the readings come from
// pinyin-pro (MIT), restored by npm ci from the lockfile. Usage: node build/pinyin-table.mjs <output file>
//
// Format, one block per range: a line "FIRST LAST" (hex code points), then one line with a reading for every code
// point of the range, separated by spaces; "-" where pinyin-pro has no reading. Readings are toneless, lowercase
// a-z, ü written v (lv, nv), each the character's most common reading.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const { pinyin } = require('pinyin-pro');
const { version } = require('pinyin-pro/package.json');

const output = process.argv[2];
if (!output) {
  console.error('usage: node build/pinyin-table.mjs <output file>');
  process.exit(2);
}

// CJK Unified Ideographs Extension A, and the basic block (U+4E00–U+9FFF).
const ranges = [[0x3400, 0x4dbf], [0x4e00, 0x9fff]];

function reading(ch) {
  const [first] = pinyin(ch, { toneType: 'none', type: 'array', v: true });
  if (!first || first === ch) {
    return null;
  }

  // A reading such as "ê" or "m̄" loses its marks; anything that still is not plain a-z is left out.
  const plain = first.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return /^[a-z]+$/.test(plain) ? plain : null;
}

const lines = [`# pinyin-pro ${version} (MIT), written by build/pinyin-table.mjs`];
let known = 0;
let total = 0;
for (const [first, last] of ranges) {
  const readings = [];
  for (let cp = first; cp <= last; cp++) {
    const r = reading(String.fromCodePoint(cp));
    readings.push(r ?? '-');
    total++;
    if (r) known++;
  }
  lines.push(`${first.toString(16).toUpperCase()} ${last.toString(16).toUpperCase()}`, readings.join(' '));
}

mkdirSync(dirname(output), { recursive: true });
// Written beside and renamed, so an interrupted build never leaves half a table for the next one to embed.
writeFileSync(output + '.tmp', lines.join('\n') + '\n');
renameSync(output + '.tmp', output);
console.log(`pinyin table: ${known} of ${total} characters have a reading (pinyin-pro ${version}) -> ${output}`);
