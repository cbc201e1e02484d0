type ManageIncident = { id: string; incident_updates: { id: string; body: string }[] };

/**
 * An operator's client for the management API v1 (`Authorization: OAuth <key>`). A failed
 * update is recorded in `failures`, then checked (did it land anyway?) and sent again, as a
 * careful automation would; a failed `open` throws.
 */
export function managementApi(base: string, pageId: string, apiKey: string) {
  const failures: string[] = [];
  const call = async (method: string, path: string, body?: unknown) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/pages/${pageId}${path}`, {
      method,
      headers: { authorization: `OAuth ${apiKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return { ms: performance.now() - t0, incident: JSON.parse(text) as ManageIncident };
  };
  /** The id of the update whose body is `body` (bodies are unique in the soak). */
  const updateWith = (incident: { incident_updates: { id: string; body: string }[] }, body: string) => {
    const update = incident.incident_updates.find((u) => u.body === body);
    if (!update) throw new Error(`the API response lacks the update "${body}"`);
    return update.id;
  };
  return {
    failures,
    /** Opens an incident; returns its id, its first update's id and how long the call took. */
    async open(name: string, body: string) {
      const r = await call('POST', '/incidents', { incident: { name, status: 'investigating', body } });
      return { incidentId: r.incident.id, updateId: updateWith(r.incident, body), ms: r.ms };
    },
    /** Posts one update (a status and a body) to an incident. */
    async post(incidentId: string, status: string, body: string) {
      for (let attempt = 1; ; attempt++) {
        try {
          const r = await call('PATCH', `/incidents/${incidentId}`, { incident: { status, body } });
          return { updateId: updateWith(r.incident, body), ms: r.ms };
        } catch (error) {
          failures.push((error as Error).message);
          if (attempt === 3) throw error;
          await new Promise((r) => setTimeout(r, 1_000));
          const now = await call('GET', `/incidents/${incidentId}`);
          if (now.incident.incident_updates.some((u) => u.body === body)) return { updateId: updateWith(now.incident, body), ms: NaN };
        }
      }
    },
  };
}
