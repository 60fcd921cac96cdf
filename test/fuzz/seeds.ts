/**
 * Where the fuzz campaign starts from: every text and byte case of the tables in test/cases/, the
 * garbled samples and their repairs, and lines of the real-text corpus. Mutations of real garbage
 * reach the detectors' deep paths far sooner than random bytes do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Seed {
  bytes: Uint8Array;
  from: string;
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function caseSeeds(casesDir: string): Seed[] {
  const seeds: Seed[] = [];
  for (const file of fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(casesDir, file), 'utf8')) as unknown;
    const cases = Array.isArray(data) ? data : ((data as { cases?: unknown[] }).cases ?? []);
    for (const c of cases as Record<string, unknown>[]) {
      const from = `test/cases/${file}: ${String(c.label ?? '')}`;
      const input = c.input as { base64?: unknown } | undefined;
      if (typeof input?.base64 === 'string') seeds.push({ bytes: new Uint8Array(Buffer.from(input.base64, 'base64')), from });
      for (const key of ['input', 'fixed', 'text']) {
        if (typeof c[key] === 'string' && c[key]) seeds.push({ bytes: utf8(c[key] as string), from });
      }
    }
  }
  return seeds;
}

function sampleSeeds(samplesDir: string): Seed[] {
  const seeds: Seed[] = [];
  for (const dir of fs.readdirSync(samplesDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of fs.readdirSync(path.join(samplesDir, dir.name)).filter((n) => n.endsWith('.txt'))) {
      const bytes = fs.readFileSync(path.join(samplesDir, dir.name, name));
      // Whole files are slow to mutate through; 2 KB windows keep each run short.
      for (let at = 0; at < bytes.length; at += 2048) {
        seeds.push({ bytes: new Uint8Array(bytes.subarray(at, at + 2048)), from: `samples/${dir.name}/${name}@${at}` });
      }
    }
  }
  return seeds;
}

function corpusSeeds(corpusDir: string, every: number): Seed[] {
  const seeds: Seed[] = [];
  for (const name of fs.readdirSync(corpusDir).filter((n) => !n.endsWith('SOURCES.md')).sort()) {
    const lines = fs.readFileSync(path.join(corpusDir, name), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i += every) {
      const chunk = lines.slice(i, i + 3).join('\n');
      if (chunk.trim()) seeds.push({ bytes: utf8(chunk), from: `test/corpus/${name}:${i + 1}` });
    }
  }
  return seeds;
}

export function loadSeeds(root: string): Seed[] {
  return [
    ...caseSeeds(path.join(root, 'test', 'cases')),
    ...sampleSeeds(path.join(root, 'samples')),
    ...corpusSeeds(path.join(root, 'test', 'corpus'), 25),
  ];
}
