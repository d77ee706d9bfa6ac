import type { InspectResult } from '../lib/edge/view';

/**
 * What the CLI prints for a result: everything but the decoded call tree, whose content the
 * `intent` carries in JSON form (canonical signatures, named arguments, children, source, γ).
 */
export function cliResult(result: InspectResult): unknown {
  if (!result.ok) return result;
  const { calls: _calls, display, ...rest } = result;
  return {
    ...rest,
    ...(display && {
      display: { title: display.title, fields: display.fields.map(({ label, value }) => ({ label, value })) },
    }),
  };
}
