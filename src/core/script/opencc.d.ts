// opencc-js reaches its parts through package "exports", which this project's module resolution
// does not read: these declarations stand in for the parts zhlens uses.

// Each dictionary is an ES module whose default export is the dictionary text ("后 後|发 發|...").
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}

// The converter machinery without any dictionary (opencc-js's types/core.d.ts, the part used here).
declare module 'opencc-js/core' {
  type DictGroup = readonly string[];
  interface LocalePreset {
    from: Record<string, readonly DictGroup[]>;
    to: Record<string, readonly DictGroup[]>;
    configs?: Record<string, { normalizationChain?: readonly DictGroup[]; segmentation: DictGroup; conversionChain: readonly DictGroup[] }>;
  }
  export function ConverterBuilder(preset: LocalePreset): (options: { from: string; to: string }) => (text: string) => string;
}
