// The emulator's DO API seen through a filter: the namespace list keeps only the emulator's own
// namespace and gains an App Platform one (`ap-…`). The emulator always serves two namespaces;
// this gives the one-namespace account, with real emulator payloads over real sockets.
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startLoopbackServer, type LoopbackServer } from '../api/loopback-server.js';

export async function singleNamespaceDoApi(emulator: RunningEmulator): Promise<LoopbackServer> {
  return startLoopbackServer((request, response) => {
    void (async () => {
      const upstream = await fetch(`${emulator.doApi}${request.url}`, {
        headers: { authorization: request.headers.authorization ?? '' },
      });
      let body = await upstream.text();
      if (upstream.ok && request.url === '/v2/functions/namespaces') {
        const { namespaces } = JSON.parse(body) as { namespaces: Array<Record<string, unknown>> };
        const own = namespaces.filter((namespace) => namespace.namespace === emulator.namespace);
        body = JSON.stringify({ namespaces: [...own, { ...own[0], namespace: 'ap-0f0e0d0c', label: 'app-platform' }] });
      }
      response.writeHead(upstream.status, { 'content-type': 'application/json' }).end(body);
    })();
  });
}
