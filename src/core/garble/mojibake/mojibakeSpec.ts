import type { GarbleKind } from '../../types';
import type { LegacyCodec } from '../../codec/legacyCodecs';

/**
 * One code page that UTF-8 bytes were read with (GBK, Windows-1252, Big5), and what readings of
 * its mojibake may do: the mojibake detectors differ only in their spec (utf8Mojibake.ts).
 */
export interface MojibakeSpec {
  kind: GarbleKind;
  codec: LegacyCodec;
  /** Can this character be part of mojibake? `code` is its code-page form (see LegacyCodec.codeOf). */
  inSegment(code: number, cp: number): boolean;
  /**
   * Chinese characters a reading must give. Two for the double-byte code pages: a real Chinese
   * word's GBK bytes can read as one UTF-8 character by chance (宕機 E5B4 9943 → 崙C).
   */
  minChinese?: number;
  /** Printable ASCII may sit inside a segment (GBK trail bytes 0x40–0x7E read as Latin-1). */
  asciiInside?: boolean;
  /**
   * Printable ASCII inside a UTF-8 sequence may be a fullwidth form (row A3) that a later step
   * folded to ASCII: 浠g爜 for 浠ｇ爜, 代码 (E4 BB A3 E7 A0 81).
   */
  fullwidthFolded?: boolean;
  /** Bytes a `?` stands for: 1 for GBK (a lone lead), 2 for Big5 (lead and its unmapped trail). */
  holeBytes: number;
  /**
   * The code page's decoder may have dropped the five bytes Windows-1252 leaves undefined (0x81,
   * 0x8D, 0x8F, 0x90, 0x9D) instead of keeping them: look for where they are missing.
   */
  droppedBytes?: boolean;
  /**
   * Latin-1 letters that read back as Chinese are evidence enough: no real text is written in
   * `è‘›è¦ƒ`. Such readings may keep rare characters (葛覃) that a GBK reading could not.
   */
  allowRare?: boolean;
  /**
   * The page dropped the private-use characters its GBK decoder made of user-defined pairs
   * (AA–AF leads): where the UTF-8 reading breaks between two characters, such a pair may be
   * missing (绗洓闃舵 for 第四阶段: AC E5 between 绗 and 洓).
   */
  droppedPairs?: boolean;
  /**
   * Bytes a `?` can stand for, given the first byte read after it: runs with any number of lost
   * bytes are then read character by character (lostBytes.ts).
   */
  lostByteCandidates?(next: number | undefined): readonly number[];
  /** Byte pairs a decoder swallowed into one mark (see lostBytes.ts). */
  lostPair?(first: number, second: number): boolean;
  /**
   * Runs are gathered with each mark standing for one byte or for two (a `lostPair`): where a
   * decoder swallows about every other pair (WHATWG's Big5), a reading that takes every mark for
   * one byte breaks at the first such pair.
   */
  widerHoles?: boolean;
  /** A mark before a non-ASCII byte may stand for a lead and that byte (see lostBytes.ts). */
  pairUnlessAscii?: boolean;
  /**
   * A run may open on a mark: the lead of its first character lost (after punctuation, whose
   * UTF-8 bytes Big5 pairs with the next character's, or at a line's start).
   */
  holesOpen?: boolean;
  /** Runs with more lost bytes than one unit in this many are not read (see lostBytes.ts). */
  unitsPerLost?: number;
  /** A character with more readings than this stays U+FFFD unweighed (see lostBytes.ts). */
  maxReadings?: number;
  /**
   * Readings in other languages count too: Korean, Japanese and emoji whose UTF-8 was read with
   * this code page come back as themselves (weighed by decision/weighRepair, not as Chinese).
   */
  otherLanguages?: boolean;
  /** Other byte readings to try when the bytes are not UTF-8 (GBK bytes read as Latin-1). */
  alternates?: ReadonlyArray<{ name: string; decode(bytes: readonly number[]): string | undefined }>;
}

/** One character of a run as the code page made it: its bytes, or null for a hole (`?`, U+FFFD). */
export interface Unit {
  start: number;
  end: number;
  /** Code-page bytes, or null for a hole (`?`, U+FFFD). */
  bytes: readonly number[] | null;
}

