import type { DescriptorFormat } from './types';

/** The display title: the format's `intent` (an object intent as `key: value` pairs), else `fallback`. */
export function formatTitle(format: DescriptorFormat, fallback: string): string {
  const { intent } = format;
  if (typeof intent === 'string' && intent.trim() !== '') return intent;
  if (typeof intent === 'object' && intent !== null) {
    const text = Object.entries(intent)
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ');
    if (text !== '') return text;
  }
  return fallback;
}
