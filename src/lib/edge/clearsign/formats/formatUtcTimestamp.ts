import { ClearSignFormatError } from '../errors';

/** 9999-12-31 23:59:59 UTC: later timestamps are not dates anyone means. */
const MAX_TIMESTAMP = 253402300799n;

/**
 * `YYYY-MM-DD HH:MM:SS UTC` for seconds since the Unix epoch. Pure integer arithmetic (proleptic
 * Gregorian calendar): no Date, no time zone, no locale. Throws {@link ClearSignFormatError} for a
 * negative timestamp or one after year 9999.
 */
export function formatUtcTimestamp(seconds: bigint): string {
  if (seconds < 0n || seconds > MAX_TIMESTAMP)
    throw new ClearSignFormatError(`timestamp ${seconds} is not between 1970 and 9999`);
  const days = seconds / 86400n;
  const rest = seconds % 86400n;
  const [year, month, day] = civilFromDays(days);
  const time = [rest / 3600n, (rest % 3600n) / 60n, rest % 60n].map(pad2).join(':');
  return `${year.toString().padStart(4, '0')}-${pad2(month)}-${pad2(day)} ${time} UTC`;
}

function pad2(value: bigint): string {
  return value.toString().padStart(2, '0');
}

/** Days since 1970-01-01 → [year, month, day] (H. Hinnant's civil_from_days, for days ≥ 0). */
function civilFromDays(daysSinceEpoch: bigint): [bigint, bigint, bigint] {
  const z = daysSinceEpoch + 719468n;
  const era = z / 146097n;
  const dayOfEra = z - era * 146097n;
  const yearOfEra = (dayOfEra - dayOfEra / 1460n + dayOfEra / 36524n - dayOfEra / 146096n) / 365n;
  const dayOfYear = dayOfEra - (365n * yearOfEra + yearOfEra / 4n - yearOfEra / 100n);
  const monthIndex = (5n * dayOfYear + 2n) / 153n;
  const day = dayOfYear - (153n * monthIndex + 2n) / 5n + 1n;
  const month = monthIndex < 10n ? monthIndex + 3n : monthIndex - 9n;
  const year = yearOfEra + era * 400n + (month <= 2n ? 1n : 0n);
  return [year, month, day];
}
