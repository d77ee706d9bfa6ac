/*
 * The demo mode's answer: a deterministic stand-in for a <FORESIGHT> model, read off the sanitized
 * request it receives, so the demo shows context that follows the request (a public protocol, an
 * unknown counterparty) instead of one fixed text. It knows nothing a real model would (no market
 * data, no incident feed) and says so in every answer.
 */

/** The text of the last user message of a chat-completions body ('' when there is none). */
function lastUser(body: unknown): string {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: unknown; content?: unknown } | null;
    if (m?.role === 'user' && typeof m.content === 'string') return m.content;
  }
  return '';
}

const STAND_IN =
  'This answer comes from the loopback demo stand-in, not a real model: it has no market data and no incident feed.';

/** A <FORESIGHT> answer (as the JSON text of the assistant message) for a recorded request body. */
export function demoForesight(body: unknown): string {
  const text = lastUser(body);
  const names = [
    ...new Set(
      [...text.matchAll(/"ref":"public","address":"0x[0-9a-f]{40}","name":"([^"]{1,40})"/g)].map((m) => m[1]),
    ),
  ];
  const strangers = /"ref":"(pseudonym|hidden|address)"/.test(text);
  const grants = /"kind":"(allowance|operator|permit|delegation|owner|admin)/.test(text);
  const known = names.length ? names.join(', ') : 'no listed contract';
  if (strangers && grants)
    return JSON.stringify({
      reputation: 'unknown',
      incidents: [],
      context: `The request names ${known} and grants a permission to a counterparty that is not a public protocol contract this stand-in knows.`,
      risk: 0.45,
      suggested: 'stepup',
      explanation: `A permission to an address outside the known protocols deserves a second look. ${STAND_IN}`,
    });
  return JSON.stringify({
    reputation: names.length ? 'known' : 'unknown',
    incidents: [],
    context: names.length
      ? `The request involves ${known}, listed public contracts; no incident is known to this stand-in.`
      : 'The request involves no contract this stand-in knows.',
    risk: names.length ? 0.1 : 0.3,
    suggested: 'allow',
    explanation: STAND_IN,
  });
}
