import type { GarbleDetector } from './garbleDetector';
import { wrongEncodingDetector } from '../garble/wrongEncoding';
import { misalignedGbkDetector } from '../garble/misalignedGbk';
import { pinyinAnnotationDetector } from '../garble/pinyinAnnotation';
import { mojibakeGbkDetector } from '../garble/mojibakeGbk';
import { mojibakeLatin1Detector } from '../garble/mojibakeLatin1';
import { mojibakeBig5Detector } from '../garble/mojibakeBig5';
import { replacementCharDetector } from '../garble/replacementChar';
import { mixedScriptDetector } from '../garble/mixedScript';

/**
 * Every detector the pipeline runs, in order. Where two findings overlap, the one whose detector
 * comes first is kept; a detector sees through the findings of those before it as it declares
 * (`uses`, `input.kept`):
 *  - a legacy encoding is judged on the file's bytes before any text is looked at;
 *  - misaligned GBK runs look at the text without its pinyin annotations (a converter may have
 *    annotated before or after the bytes were misaligned) and take orphan annotation tails along;
 *  - mixed script is judged with every other finding taken out, so that mojibake's odd
 *    characters do not count as Traditional ones.
 * Adding a kind: its module under src/core/garble/ exports a detector, and one line here.
 */
export const DETECTORS: readonly GarbleDetector[] = [
  wrongEncodingDetector,
  misalignedGbkDetector,
  pinyinAnnotationDetector,
  mojibakeGbkDetector,
  mojibakeLatin1Detector,
  mojibakeBig5Detector,
  replacementCharDetector,
  mixedScriptDetector,
];
