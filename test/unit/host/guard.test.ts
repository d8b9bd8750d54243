import { describe, expect, it } from 'vitest';
import { bearer, hostAllowed, originAllowed, RENDERER_CSP, tokenMatches } from '../../../host/webshell/guard';

describe('web-shell guard', () => {
  it('accepts only loopback Host headers with our port (no DNS rebinding)', () => {
    expect(hostAllowed('127.0.0.1:8787', 8787)).toBe(true);
    expect(hostAllowed('localhost:8787', 8787)).toBe(true);
    expect(hostAllowed('evil.example:8787', 8787)).toBe(false);
    expect(hostAllowed('127.0.0.1:8788', 8787)).toBe(false);
    expect(hostAllowed(undefined, 8787)).toBe(false);
  });
  it('accepts only our own origin when a browser sends one', () => {
    expect(originAllowed(undefined, 8787)).toBe(true);
    expect(originAllowed('http://127.0.0.1:8787', 8787)).toBe(true);
    expect(originAllowed('http://evil.example', 8787)).toBe(false);
    expect(originAllowed('null', 8787)).toBe(false);
    expect(originAllowed('https://127.0.0.1:8787', 8787)).toBe(false);
  });
  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
    expect(bearer('Bearer abc_-1')).toBe('abc_-1');
    expect(bearer('Basic abc')).toBeUndefined();
  });
  it('forbids remote scripts and framing in the CSP', () => {
    expect(RENDERER_CSP).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'");
    expect(RENDERER_CSP).not.toMatch(/https?:/);
  });
});
