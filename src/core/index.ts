/** Public surface of the zhlens core, shared by the CLI, the extension and the tests. */
export * from './types';
export { detectEncoding } from './bytes/detectEncoding';
export { analyzeText } from './analyzeText';
export { repairText } from './repairText';
export { analyzeFile, fileVerdict } from './analyzeFile';
export type { FileAnalysis, FileInput, FileVerdictOptions } from './analyzeFile';
export { runFileDetectors } from './pipeline/runDetectors';
export { analyzedRegions, analyzeTextInWindows, createWindowCache, repairRegion, repairTextInWindows, repairWithFindings } from './pipeline/textWindows';
export type { RepairedRegion, TextFindings, TextRegion, WindowCache, WindowOptions } from './pipeline/textWindows';
export { setDataHost } from './data/dataFiles';
export type { DataHost } from './data/dataFiles';
export { applyIssues } from './repairText';
export { convertScript, toSimplified, toTraditional } from './script/convertScript';
export { describeIssueCounts } from './describeIssues';
export * from './annotate';
export * from './outline';
