import { attachmentDisposition } from '@/lib/domain/file-types';

/** Never kept by a browser or a shared cache, never sniffed, never rendered in this origin. */
export const PRIVATE_FILE_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

/** An incident file as a download: its bytes, its type and its name, with the private headers. */
export function privateFileResponse(file: { name: string; contentType: string; content: Buffer }): Response {
  return new Response(new Uint8Array(file.content), {
    headers: { ...PRIVATE_FILE_HEADERS, 'Content-Type': file.contentType, 'Content-Length': String(file.content.length), 'Content-Disposition': attachmentDisposition(file.name) },
  });
}

/** An error answer on a file's URL, with the same headers as the file would have had. */
export function withPrivateFileHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(PRIVATE_FILE_HEADERS)) response.headers.set(name, value);
  return response;
}
