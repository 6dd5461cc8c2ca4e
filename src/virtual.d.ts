declare module 'virtual:unbind-data' {
  const data: import('./detect/lexicon-schema').CompiledData;
  export default data;
}
/** The same data as its JSON text (vite's `?raw`), for code that parses it only when needed. */
declare module 'virtual:unbind-data-text' {
  const text: string;
  export default text;
}
declare module 'virtual:unbind-guides' {
  const guides: import('./guide/schema').Guide[];
  export default guides;
}

declare module 'virtual:unbind-sites' {
  const sites: import('./directory/schema').SiteEntry[];
  export default sites;
}
