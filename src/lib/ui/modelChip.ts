import type { ModelRole } from '$lib/verifier/complete';
import type { EngineSetting } from '$lib/verifier/engineSetting';
import type { RoleStatus } from '$lib/verifier/roleStatus';

/** What the local-models chip shows: a tone and the state in a word or two. */
export type ChipState =
  | { readonly tone: 'warn'; readonly state: 'replay' }
  | { readonly tone: 'neutral'; readonly state: 'checking' | 'unavailable' | 'off' }
  | { readonly tone: 'accent'; readonly state: 'loading'; readonly percent: number }
  | { readonly tone: 'danger'; readonly state: 'error' }
  | { readonly tone: 'ok'; readonly state: 'ready' }
  | { readonly tone: 'ok'; readonly state: 'partly'; readonly ready: number; readonly total: number };

/** The chip's state for the engine setting and the roles' statuses (the most telling first). */
export function chipState(setting: EngineSetting, roles: Readonly<Record<ModelRole, RoleStatus>>): ChipState {
  if (setting.kind === 'replay') return { tone: 'warn', state: 'replay' };
  const statuses = Object.values(roles);
  const ready = statuses.filter((s) => s.status === 'ready').length;
  const loading = statuses.flatMap((s) => (s.status === 'downloading' ? [s.progress?.percent ?? 0] : []));
  if (statuses.every((s) => s.status === 'probing')) return { tone: 'neutral', state: 'checking' };
  if (loading.length) return { tone: 'accent', state: 'loading', percent: Math.min(...loading) };
  if (statuses.some((s) => s.status === 'error')) return { tone: 'danger', state: 'error' };
  if (ready === statuses.length) return { tone: 'ok', state: 'ready' };
  if (ready > 0) return { tone: 'ok', state: 'partly', ready, total: statuses.length };
  if (statuses.every((s) => s.status === 'unavailable')) return { tone: 'neutral', state: 'unavailable' };
  return { tone: 'neutral', state: 'off' };
}
