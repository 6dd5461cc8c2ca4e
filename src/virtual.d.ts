declare module 'virtual:unbind-data' {
  const data: import('./detect/lexicon-schema').CompiledData;
  export default data;
}
