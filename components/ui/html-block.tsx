/** Operator markdown already rendered and sanitised on the server (lib/snapshot/page-documents.ts). */
export function HtmlBlock({ html, className = '' }: { html: string; className?: string }) {
  if (!html) return null;
  return <div className={`markdown break-words ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
