declare module 'virtual:unbind-data' {
  const data: import('./detect/lexicon-schema').ShippedData;
  export default data;
}
declare module 'virtual:unbind-pay-buttons' {
  const data: import('./detect/lexicon-schema').PayButtonData;
  export default data;
}
declare module 'virtual:unbind-guides' {
  const guides: import('./guide/schema').Guide[];
  export default guides;
}

declare module 'virtual:unbind-sites' {
  const sites: import('./directory/schema').SiteEntry[];
  export default sites;
}
