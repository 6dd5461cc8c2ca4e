/** Where the background keeps a tab's record in storage.session (the popup reads it there too). */
export const tabKey = (tabId: number) => `tab:${tabId}`;
