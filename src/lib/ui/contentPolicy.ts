import { connectAllowed } from '$lib/cloud/csp';

/*
 * The Content Security Policy this page runs under: the `<meta http-equiv="content-security-policy">`
 * SvelteKit writes into every prerendered page (svelte.config.js, csp.config.js). The cloud settings
 * use it to say when this build cannot reach an endpoint (it must be rebuilt with
 * VIGIL_CLOUD_ORIGINS naming it).
 */

const SELECTOR = 'meta[http-equiv="content-security-policy" i]';

/** The content of every CSP meta tag of `doc` (all of them are enforced), in document order. */
function policies(doc: Document): string[] {
  return [...doc.querySelectorAll<HTMLMetaElement>(SELECTOR)].map((meta) => meta.content);
}

/** The page's policy (its CSP meta tag's content); undefined without a document or a policy (vitest, Node). */
export function documentPolicy(doc: Document | undefined = globalThis.document): string | undefined {
  return doc ? policies(doc)[0] : undefined;
}

/**
 * Whether this page's policy lets it fetch `url` (e.g. the cloud endpoint's completions URL):
 * undefined when there is no document or no policy to ask. Every CSP meta tag must allow it.
 * Throws CspUrlError when `url` is not an absolute URL: check the URL's own form first.
 */
export function cloudAllowedHere(
  url: string,
  doc: Document | undefined = globalThis.document,
): boolean | undefined {
  if (!doc) return undefined;
  const list = policies(doc);
  if (list.length === 0) return undefined;
  const origin = doc.location?.origin ?? globalThis.location?.origin;
  if (!origin) return undefined;
  return list.every((policy) => connectAllowed(policy, url, origin));
}
