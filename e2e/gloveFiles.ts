import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * GloVe-format test files, generated (real GloVe files cannot be downloaded here). The "good" file has planted
 * structure: every word is a sum of attribute vectors plus a little noise, so king − man + woman lands on queen
 * and each word's nearest neighbour is its partner.
 */

/** A small seeded PRNG (mulberry32), so the files are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fmt = (v: number) => v.toFixed(4);

/** `words` lines of dimension `dim`: the planted words first, then filler words w0, w1, … */
export function gloveText(words: number, dim: number, seed = 1): string {
  const next = rng(seed);
  const vec = () => Array.from({ length: dim }, () => next() * 2 - 1);
  const male = vec();
  const female = vec();
  const royal = vec();
  const person = vec();
  const city = vec();
  const country = vec();
  const fr = vec();
  const jp = vec();
  const noise = (v: number[]) => v.map((x) => x + (next() - 0.5) * 0.05);
  const add = (...vs: number[][]) => noise(vs.reduce((s, v) => s.map((x, i) => x + v[i])));
  const planted: [string, number[]][] = [
    ['man', add(person, male)],
    ['woman', add(person, female)],
    ['king', add(royal, male)],
    ['queen', add(royal, female)],
    ['france', add(country, fr)],
    ['paris', add(city, fr)],
    ['japan', add(country, jp)],
    ['tokyo', add(city, jp)],
  ];
  const lines: string[] = planted.map(([w, v]) => `${w} ${v.map(fmt).join(' ')}`);
  for (let i = lines.length; i < words; i++) lines.push(`w${i} ${vec().map(fmt).join(' ')}`);
  return lines.join('\n') + '\n';
}

export interface TestFiles {
  dir: string;
  good: string;
  empty: string;
  binary: string;
  latin1: string;
  dims: string;
  nan: string;
  duplicates: string;
  longLine: string;
  overCap: string;
}

/** Writes every test file into `dir` and returns their paths. */
export function writeTestFiles(dir: string): TestFiles {
  mkdirSync(dir, { recursive: true });
  const at = (name: string, data: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  };
  const good = gloveText(200, 50);
  return {
    dir,
    good: at('good.50d.txt', good),
    empty: at('empty.txt', ''),
    binary: at(
      'image.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
    ),
    latin1: at(
      'latin1.txt',
      Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' 0.1 0.2\n')]),
    ),
    dims: at('dims.txt', 'a 1 2 3\nb 1 2\nc 4 5 6\n'),
    nan: at('nan.txt', 'a 1 2\nb NaN 1\nc 1 Infinity\nd x 2\ne 3 4\n'),
    duplicates: at('duplicates.txt', 'a 1 2\nb 3 4\na 5 6\n'),
    longLine: at('long-line.txt', 'x'.repeat(10 * 1024 * 1024)),
    overCap: at('over-cap.txt', Array.from({ length: 100_500 }, (_, i) => `v${i} ${i % 10}`).join('\n')),
  };
}

/** The benchmark file: 100,000 lines of 50 numbers (about 40 MB). */
export function writeBigFile(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'big-100k.50d.txt');
  writeFileSync(path, gloveText(100_000, 50, 2));
  return path;
}
