// opencc-js ships its dictionaries as ES modules whose default export is the dictionary text
// ("后 後|发 發|..."), reachable through the package's "./*" export.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
