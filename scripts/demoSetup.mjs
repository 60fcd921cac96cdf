// What `npm run demo` opens, shared with the UI test that checks it (test/ui/demo.test.mjs).
/** Opened at start, the first with the focus: the garbled article, and a clean text beside it. */
export const DEMO_FILES = ['yizhuang-article/garbled.txt', 'clean-article/garbled.txt'];
/** The extension reads this at activation (src/extension/walkthrough.ts). */
export const DEMO_ENV = { ZHLENS_DEMO_OPEN: DEMO_FILES.join(',') };
