import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CharTrie } from '../../src/core/annotate/trie';

// Words that share a first (or, backward, last) character give that node hundreds of children,
// which the trie keeps in a hash table of their own; few share the second, kept in a sorted run.
const middles = Array.from({ length: 300 }, (_, k) => String.fromCharCode(0x4e00 + k * 7));
const words = middles.flatMap((m, k) => [`学${m}`, ...(k % 50 === 0 ? [`学${m}院`, `学${m}院校`] : [])]);

test('a forward trie finds every word after a node of many children, and no other', () => {
  const trie = new CharTrie(words);
  for (const w of words) assert.equal(trie.has(w, 0, w.length), true, w);
  for (const w of words) assert.equal(trie.longest(`${w}。`, 0), w.length, w);
  assert.equal(trie.longest('学院校', 0), 0);
  assert.equal(trie.has('学' + String.fromCharCode(0x4e01), 0, 2), false);
  assert.equal(trie.longest(`学${middles[50]}院校长`, 0), 4);
});

test('a backward trie of lists built together reads every list in one walk past a node of many children', () => {
  const reversed = words.map((w) => [...w].reverse().join(''));
  const [first, second, all] = CharTrie.lists([reversed, reversed.filter((w) => w.length > 2)], true);
  const out = new Uint8Array(2);
  const text = `他在校院${middles[100]}学`;
  assert.equal(all.longestEach(text, text.length, out), true);
  assert.deepEqual([...out], [4, 4]);
  assert.equal(first.longest(text, text.length), 4);
  assert.equal(second.longest(text, text.length - 0, 3), 4);
  const two = `了${middles[7]}学`;
  assert.equal(all.longestEach(two, two.length, out), true);
  assert.deepEqual([...out], [2, 0]);
  assert.equal(all.longestEach('了学', 2, out), true);
  assert.deepEqual([...out], [0, 0]);
});

test('a trie finds its words whether its root has few, some or many first characters', () => {
  for (const firsts of [2, 10, 100]) {
    const list = Array.from({ length: firsts }, (_, k) => `${String.fromCharCode(0x5000 + k * 3)}公司`);
    const trie = new CharTrie(list);
    for (const w of list) assert.equal(trie.longest(`${w}。`, 0), w.length, w);
    assert.equal(trie.hasFirst(0x5000 + 1), false, `${firsts}`);
    assert.equal(trie.longest(`${String.fromCharCode(0x5000 + firsts * 3)}公司`, 0), 0, `${firsts}`);
    const ending = new CharTrie(list, true);
    for (const w of list) assert.equal(ending.longest(`在${w}`, w.length + 1), w.length, w);
  }
});
