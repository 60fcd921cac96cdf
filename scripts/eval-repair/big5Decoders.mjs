// Models of the Big5 decoders the repair evaluation uses (scripts/eval-repair/garble.mjs), built
// from each decoder itself pair by pair: which bytes of a UTF-8 text each one loses. Used by
// big5-breakdown.mjs (where the error rate comes from) and sample-big5-cases.mjs (the rows whose
// characters with two or three bytes lost must stay U+FFFD).
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';

/** Which single high bytes and which pairs a decoder reads, asked of the decoder. */
function tablesOf(decode) {
  const single = new Map();
  const pairs = new Map();
  for (let b = 0x80; b <= 0xff; b++) {
    const s = decode([b, 0x41]);
    if (s.length === 2 && s[1] === 'A' && s[0] !== '\ufffd') single.set(b, s[0]);
  }
  for (let l = 0x81; l <= 0xfe; l++) {
    if (single.has(l)) continue;
    for (let t = 0x40; t <= 0xfe; t++) {
      const s = decode([l, t]);
      if (!s.includes('\ufffd') && s.length >= 1 && s.length <= 2 && !(s.length === 2 && s[1] === String.fromCharCode(t))) pairs.set(l * 256 + t, s);
    }
  }
  return { single, pairs };
}

function pythonTables(codec) {
  const script = `
import json,sys
c=sys.argv[1]
single={};pairs={}
for b in range(0x80,0x100):
  try:
    s=bytes([b,0x41]).decode(c)
    if len(s)==2: single[b]=s[0]
  except Exception: pass
for l in range(0x81,0xff):
  if l in single: continue
  for t in range(0x40,0xff):
    try:
      s=bytes([l,t]).decode(c)
      if 1<=len(s)<=2 and not (len(s)==2 and s[1]==chr(t)): pairs[l*256+t]=s
    except Exception: pass
json.dump({'single':single,'pairs':pairs},sys.stdout,ensure_ascii=False)`;
  const out = JSON.parse(execFileSync('python3', ['-c', script, codec]).toString('utf8'));
  return { single: new Map(Object.entries(out.single).map(([k, v]) => [Number(k), v])), pairs: new Map(Object.entries(out.pairs).map(([k, v]) => [Number(k), v])) };
}

export const DECODERS = {
  'whatwg big5': { tables: () => tablesOf((b) => new TextDecoder('big5').decode(new Uint8Array(b))), swallow: true, mark: '\ufffd' },
  'iconv-lite big5': { tables: () => tablesOf((b) => iconv.decode(Buffer.from(b), 'big5')), swallow: false, mark: '\ufffd' },
  'iconv-lite cp950': { tables: () => tablesOf((b) => iconv.decode(Buffer.from(b), 'cp950')), swallow: false, mark: '\ufffd' },
  'python big5': { tables: () => pythonTables('big5'), swallow: false, mark: '\ufffd' },
  'python cp950': { tables: () => pythonTables('cp950'), swallow: false, mark: '\ufffd' },
  'python cp950 saved': { tables: () => pythonTables('cp950'), swallow: false, mark: '?' },
};
const tableCache = new Map();
export function decoderOf(name) {
  const d = DECODERS[name];
  if (!tableCache.has(name)) tableCache.set(name, { ...d, ...d.tables() });
  return tableCache.get(name);
}

/** The modelled decoding of `bytes`, and which bytes it lost. */
export function modelDecode(bytes, d) {
  const lost = new Uint8Array(bytes.length);
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
    } else if (d.single.has(b)) {
      out += d.single.get(b);
      i++;
    } else if (i + 1 < bytes.length && d.pairs.has(b * 256 + bytes[i + 1])) {
      out += d.pairs.get(b * 256 + bytes[i + 1]);
      i += 2;
    } else {
      out += d.mark;
      lost[i] = 1;
      if (d.swallow && i + 1 < bytes.length && bytes[i + 1] >= 0x80) {
        lost[i + 1] = 1;
        i += 2;
      } else i++;
    }
  }
  return { out, lost };
}

/** The decoder a process name of the evaluation stands for (`python cp950 saved` before `python cp950`). */
export function decoderNamed(variant) {
  return Object.keys(DECODERS).filter((k) => variant === k || variant.startsWith(k + ' ')).sort((a, b) => b.length - a.length)[0];
}

/** How many bytes of each character of `text` the decoder loses (0–3). */
export function lostPerChar(text, name) {
  const bytes = [...new TextEncoder().encode(text)];
  const m = modelDecode(bytes, decoderOf(name));
  const out = [];
  let at = 0;
  for (const ch of text) {
    const len = new TextEncoder().encode(ch).length;
    let lost = 0;
    for (let j = at; j < at + len; j++) lost += m.lost[j];
    out.push(Math.min(lost, 3));
    at += len;
  }
  return out;
}
