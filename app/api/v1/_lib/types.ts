import type { OperatorRole } from '@/lib/db/schema';
import type { ServiceContext } from '@/lib/services/context';

/** What a management API handler gets once the request is authenticated and routed. */
export interface ApiRequest {
  method: string;
  url: URL;
  ctx: ServiceContext;
  role: OperatorRole;
  pageId: string;
  baseUrl: string;
  /** The element id or fixed sub-path after the collection, `.json` removed. */
  id: string | undefined;
  /** Segments after the id (e.g. `incident_updates`, `{incident_update_id}`), `.json` removed. */
  rest: string[];
  /** The parsed body of a write (JSON or form); undefined for a body that is neither. */
  body: unknown;
}

export type Handler = (req: ApiRequest) => Promise<Response>;
