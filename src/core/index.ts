/** Public surface of the zhlens core, shared by the CLI, the extension and the tests. */
export * from './types';
