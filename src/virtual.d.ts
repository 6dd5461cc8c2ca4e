declare module 'virtual:unbind-data' {
  const data: import('./detect/lexicon-schema').CompiledData;
  export default data;
}
declare module 'virtual:unbind-guides' {
  const guides: import('./guide/schema').Guide[];
  export default guides;
}
