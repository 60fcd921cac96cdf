/**
 * The real text every workload is made of: the repaired Yizhuang article first (the article
 * zhlens was built for), then the real-text corpus of test/corpus/ and the clean sides of the
 * samples. Nothing here is written for the purpose; bigger workloads repeat this text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const KB = 1024;
export const MB = 1024 * KB;

export function realText(root: string): string {
  const files = [
    join(root, 'samples/yizhuang-article/repaired.txt'),
    ...readdirSync(join(root, 'test/corpus'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(root, 'test/corpus', f)),
    ...readdirSync(join(root, 'samples'))
      .filter((d) => d !== 'yizhuang-article')
      .sort()
      .map((d) => join(root, 'samples', d, 'expected.txt'))
      .filter((f) => {
        try {
          return readFileSync(f).length > 0;
        } catch {
          return false;
        }
      }),
  ];
  return files.map((f) => readFileSync(f, 'utf8').replace(/\r\n/g, '\n').replace(/\n*$/, '\n')).join('\n');
}

/**
 * `text` repeated and cut at a line end so that its UTF-8 size is about `bytes` (never more). A
 * cut at a line end keeps every garbled line whole, as a real file would have it.
 */
export function toSize(text: string, bytes: number): string {
  const unit = Buffer.byteLength(text, 'utf8');
  const whole = Math.ceil(bytes / unit) + 1;
  const long = Buffer.from(text.repeat(whole), 'utf8').subarray(0, bytes);
  const lastNewline = long.lastIndexOf(0x0a);
  return long.subarray(0, lastNewline + 1).toString('utf8');
}

export function sizeLabel(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}
