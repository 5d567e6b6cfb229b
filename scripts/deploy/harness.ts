// Shared by the deployment checks (check-start.ts, two-instances.ts): ports, process trees and a
// small HTTP client that signs in through next-auth's own credentials flow, as a browser does.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { freePort } from '../free-port';

export { freePort };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`FAILED: ${message}`);
  console.log(`  ok  ${message}`);
}

/** Polls `url` until it answers `status` (or throws after `timeoutMs`). */
export async function waitForStatus(url: string, status: number, timeoutMs: number, exited?: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answered = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (answered === status) return;
    if (exited?.()) throw new Error(`The server exited before ${url} answered ${status}`);
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${answered})`);
    await sleep(500);
  }
}

/** Every live descendant of `pid` (Linux /proc), so a test can see nothing was left running. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const child of parents.get(parent) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z'; // a zombie has ended
  } catch {
    return false;
  }
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}

/** Waits until none of `pids` is alive; returns the milliseconds it took, or null past `timeoutMs`. */
export async function waitUntilGone(pids: number[], timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (!pids.some(alive)) return Date.now() - started;
    await sleep(100);
  }
  return null;
}

export type Launched = { child: ChildProcess; output: () => string; exited: () => boolean };

export function launch(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Launched {
  let output = '';
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exited: () => child.exitCode !== null || child.signalCode !== null };
}

/**
 * fetch() from a chosen local address (127.0.0.2, 127.0.0.3…: all loopback on Linux), so one
 * machine can play several clients whose socket addresses differ. Global fetch cannot bind.
 */
function fetchFrom(localAddress: string, url: string, init: RequestInit & { headers: Headers }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: Object.fromEntries(init.headers), localAddress },
      (incoming) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, one);
        }
        const status = incoming.statusCode ?? 0;
        const body = [204, 304].includes(status) ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
        resolve(new Response(body, { status, headers }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(typeof init.body === 'string' ? init.body : init.body ? String(init.body) : undefined);
  });
}

/** An HTTP client with a cookie jar, sending the app's Origin on writes as a browser page does. */
export class WebClient {
  private cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    private readonly origin: string = base,
    private readonly extraHeaders: Record<string, string> = {},
    private readonly localAddress?: string,
  ) {}

  private store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.extraHeaders)) headers.set(name, value);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.method && init.method !== 'GET') headers.set('origin', this.origin);
    const response = this.localAddress
      ? await fetchFrom(this.localAddress, `${this.base}${path}`, { ...init, headers })
      : await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    this.store(response);
    return response;
  }

  json(path: string, method: string, body: unknown, headers: Record<string, string> = {}) {
    return this.fetch(path, {
      method,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }

  /** next-auth's credentials flow; returns the sign-in answer's status. */
  async signIn(email: string, password: string): Promise<number> {
    const { csrfToken } = (await (await this.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await this.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  async sessionEmail(): Promise<string | undefined> {
    const session = (await (await this.fetch('/api/auth/session')).json()) as { user?: { email?: string } };
    return session.user?.email;
  }

  /** Copies this client's cookies into another (the same browser talking to another instance). */
  shareCookiesWith(other: WebClient) {
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
  }
}

/** The signed-in client's first workspace (sign-up answers 202 and names none: the same answer for known addresses). */
export async function firstWorkspace(client: WebClient): Promise<{ slug: string }> {
  const { workspaces } = (await (await client.fetch('/api/workspaces')).json()) as { workspaces: { slug: string }[] };
  if (!workspaces[0]) throw new Error('the new account has no workspace');
  return workspaces[0];
}

/** Reads a server-sent event stream, collecting the `event:` names it sends. */
export async function openEventStream(client: WebClient, path: string) {
  const response = await client.fetch(path, { headers: { accept: 'text/event-stream' } });
  if (response.status !== 200 || !response.body) throw new Error(`${path} answered ${response.status}`);
  const events: string[] = [];
  let text = '';
  let ended = false;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        const chunk = decoder.decode(value, { stream: true });
        text += chunk;
        buffer += chunk;
        for (const line of buffer.split('\n').slice(0, -1))
          if (line.startsWith('event:')) events.push(line.slice(6).trim());
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      }
    } catch {
      // The server closed the connection.
    }
    ended = true;
  })();
  return {
    events,
    text: () => text,
    ended: () => ended,
    done,
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
