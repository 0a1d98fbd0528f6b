// A council's own web site, played by a tiny HTTP server on another
// origin than the shim's: the page that links to or frames paypage.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves one page at `path` on `address` and a free port: the HTML
 * `render` makes from the query parameter `param`. Anything else, or
 * the page without the parameter, is a 404.
 */
export async function startSite(
  address: string,
  path: string,
  param: string,
  render: (value: string) => string,
): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site');
    const value = url.searchParams.get(param);
    if (url.pathname !== path || !value) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(render(value));
  });
  await new Promise<void>((done) => server.listen(0, address, done));
  return server;
}

export const portOf = (server: Server) =>
  (server.address() as AddressInfo).port;

/** Text made safe inside a double-quoted HTML attribute. */
export const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
