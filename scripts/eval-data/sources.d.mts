// Types of sources.mjs, for the unit test that imports it.
export interface Repository {
  repo: string;
  commit: string;
  parts: string[];
}
export const REPOSITORIES: Repository[];
export const PARTS: string[];
export function mirrorProblems(parts: string[], headOf: (repo: string) => string | undefined, repositories?: Repository[]): string[];
