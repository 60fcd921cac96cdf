// esbuild loads `.bin` files as Uint8Array and `.txt` files as strings (scripts/build.mjs).
declare module '*.bin' {
  const data: Uint8Array;
  export default data;
}
declare module '*.txt' {
  const text: string;
  export default text;
}
