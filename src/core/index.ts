/** Public surface of the zhlens core, shared by the CLI, the extension and the tests. */
export * from './types';
export { detectEncoding } from './bytes/detectEncoding';
export { analyzeText } from './analyzeText';
export { repairText } from './repairText';
export { analyzeFile } from './analyzeFile';
export type { FileAnalysis } from './analyzeFile';
export { applyIssues } from './repairText';
export { convertScript, convertScriptWithEdits, toSimplified, toTraditional } from './script/convertScript';
export { applyEdits, composeEdits, mapOffset, mapRange, spanEdits } from './textEdits';
export { describeIssueCounts } from './describeIssues';
export * from './annotate';
export * from './outline';
export { languageOfPath } from './code/languages';
export * from './notes';
