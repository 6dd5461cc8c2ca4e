// Unbind's tests drive Debian's Chromium (or CHROME_PATH); npm ci must never download a browser.
module.exports = { skipDownload: true };
