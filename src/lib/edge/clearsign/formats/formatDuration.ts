import { ClearSignFormatError } from '../errors';
import { leafToBigInt } from '../leafAs';
import type { ValueNode } from '../types';

/** ERC-7730 `duration`: seconds as `HH:MM:SS`, with whole days in front (`3d 04:00:00`). */
export function formatDuration(node: ValueNode): string {
  const seconds = leafToBigInt(node);
  if (seconds < 0n) throw new ClearSignFormatError('a negative duration');
  const pad = (value: bigint) => value.toString().padStart(2, '0');
  const days = seconds / 86400n;
  const rest = seconds % 86400n;
  const clock = `${pad(rest / 3600n)}:${pad((rest % 3600n) / 60n)}:${pad(rest % 60n)}`;
  return days > 0n ? `${days}d ${clock}` : clock;
}
