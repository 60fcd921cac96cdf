/**
 * Classes of characters used alike, which the organization tagger reads beside the characters
 * themselves (features.ts): data/annotate/charClusters.u16, built by scripts/orgs/clusters.ts from
 * unlabelled text (docs/annotate-data.md), pairs of 16-bit values (model code, fine class |
 * coarse class << 8). Fine classes are 1…255 and coarse ones 1…31; 0 is a character without a
 * class, and the last value of each (FINE_VALUES − 1, COARSE_VALUES − 1) is what the pads read.
 */
import { dataUint16 } from '../../data/dataFiles';

export const CLUSTER_FILE = 'annotate/charClusters.u16';
/** Values of a fine and of a coarse class: none, the classes, the pads. */
export const FINE_VALUES = 257;
export const COARSE_VALUES = 33;

let table: Uint16Array | undefined;
/** For each model code, fine class | coarse class << 8 (0: none); read on first use. */
export function characterClasses(): Uint16Array {
  if (!table) {
    const pairs = dataUint16(CLUSTER_FILE);
    table = new Uint16Array(0x10000);
    for (let r = 0; r + 1 < pairs.length; r += 2) table[pairs[r]] = pairs[r + 1];
  }
  return table;
}
