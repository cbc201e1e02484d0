/** Operator markdown already rendered and sanitised on the server (lib/snapshot/page-documents.ts). */
export function HtmlBlock({ html, className = '', lang }: { html: string; className?: string; lang?: string }) {
  if (!html) return null;
  return <div className={`markdown break-words ${className}`} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
