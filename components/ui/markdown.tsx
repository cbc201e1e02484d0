import { renderMarkdown } from '@/lib/render/markdown';

/** Operator markdown, rendered and sanitized on the server. */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  if (!source.trim()) return null;
  return <div className={`markdown break-words ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
