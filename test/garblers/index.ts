/**
 * Simulators of the processes that garble Chinese text, byte for byte, for building test cases.
 * One module per process; see docs of each. Test-only: the core never imports them.
 */
export { seededRandom, type Random } from './random';
export { wrongEncoding, isEncodable, type FileEncoding } from './wrongEncoding';
export { replacementChar } from './replacementChar';
export { mojibakeGbk, mojibakeGbkOfReplacement, mojibakeGbkDroppedPua, isLosslessGbkMojibake } from './mojibakeGbk';
export { mojibakeLatin1, gbkAsLatin1, type SingleByteDecoder } from './mojibakeLatin1';
export { mojibakeBig5, isLosslessBig5Mojibake } from './mojibakeBig5';
export { misalignedGbk, decodeMisalignedRun, foldFullwidth } from './misalignedGbk';
export { pinyinAnnotation, pinyinNoise } from './pinyinAnnotation';
export { mixedScript, convertScript, type ScriptDirection } from './mixedScript';
export { isGbkEncodable, isBig5Encodable } from './legacyCodecs';
