/**
 * The text of a report page as a reader sees it, without the inlined plotly.js and data (so a
 * failed expectation does not print megabytes): the page writes every character outside ASCII as a
 * numeric character reference (page.ts), decoded here.
 */
export function pageText(html: string): string {
  return html
    .replace(/<script>[\s\S]*?<\/script>/g, '<script/>')
    .replace(/<script type="application\/json"[\s\S]*?<\/script>/, '<data/>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}
