import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A throw-away province CA (`ca.pem`, `ca.key`) and a server certificate for
 * 127.0.0.1 (`server.pem`, `server.key`) in `dir`, made by openssl; with
 * `client`, also a client certificate with that CN (`client.pem`, `client.key`).
 */
export function makePki(dir: string, options: { client?: string } = {}): void {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(['req', '-x509', ...ec, '-days', '2', '-subj', '/CN=Test Province CA', '-keyout', 'ca.key', '-out', 'ca.pem']);
  writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  run(['req', ...ec, '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr']);
  run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'server.ext', '-out', 'server.pem']);
  if (!options.client) return;
  writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  run(['req', ...ec, '-subj', `/CN=${options.client}`, '-keyout', 'client.key', '-out', 'client.csr']);
  run(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'client.ext', '-out', 'client.pem']);
}
