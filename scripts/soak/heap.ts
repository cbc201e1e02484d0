import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Speaks the inspector protocol over a WebSocket (Node 20: --experimental-websocket): forces a
 * full garbage collection in the target, then prints its heap usage as JSON.
 */
const CLIENT = `
const ws = new WebSocket(process.argv[1]);
let next = 0;
const call = (method) => new Promise((resolve) => {
  const id = ++next;
  ws.addEventListener('message', function answer(event) {
    const reply = JSON.parse(event.data);
    if (reply.id !== id) return;
    ws.removeEventListener('message', answer);
    resolve(reply.result);
  });
  ws.send(JSON.stringify({ id, method }));
});
ws.onopen = async () => {
  await call('HeapProfiler.collectGarbage');
  console.log(JSON.stringify(await call('Runtime.getHeapUsage')));
  ws.close();
};
`;

/**
 * The server's live heap in MB after a full GC, through its inspector (started with
 * `--inspect=127.0.0.1:PORT`). Resident memory also counts garbage V8 has not collected yet
 * and heap it keeps for later; this is what the process really holds on to.
 */
export async function heapAfterGcMb(inspectorPort: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const { stdout } = await run(process.execPath, ['--experimental-websocket', '--no-warnings', '-e', CLIENT, targets[0]!.webSocketDebuggerUrl], { timeout: 30_000 });
  return (JSON.parse(stdout) as { usedSize: number }).usedSize / 1024 / 1024;
}
