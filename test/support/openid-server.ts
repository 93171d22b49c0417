import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';

const b64url = (o: object | Buffer) => (Buffer.isBuffer(o) ? o : Buffer.from(JSON.stringify(o))).toString('base64url');

/**
 * A local stand-in for Bot Framework's OpenID metadata and signing-key (JWKS) endpoints, with a key
 * of our own, so tests can sign tokens that the real validation code accepts (and tamper with them).
 */
export class OpenIdServer {
  private server?: http.Server;
  private readonly privateKey: KeyObject;
  private readonly jwk: Record<string, unknown>;
  readonly kid = `test-key-${randomUUID().slice(0, 8)}`;
  url = '';

  /** Real Bot Framework keys are endorsed for many channels; ours for Teams and Direct Line. */
  constructor(endorsements: string[] = ['msteams', 'directline']) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.jwk = { ...publicKey.export({ format: 'jwk' }), kid: this.kid, kty: 'RSA', use: 'sig', endorsements };
  }

  get metadataUrl() {
    return `${this.url}/.well-known/openid-configuration`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/keys') {
        res.end(JSON.stringify({ keys: [this.jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async close() {
    this.server?.closeAllConnections?.();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** A token signed with this server's key; claims override the defaults a Teams channel token has. */
  sign(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64url({ alg: 'RS256', typ: 'JWT', kid: this.kid, ...header })}.${b64url({ iss: 'https://api.botframework.com', nbf: now - 10, exp: now + 600, ...claims })}`;
    return `${unsigned}.${b64url(createSign('RSA-SHA256').update(unsigned).sign(this.privateKey))}`;
  }
}
