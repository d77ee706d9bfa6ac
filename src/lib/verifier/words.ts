import type { MessageKey } from '$lib/i18n/en';
import type { MessageParams } from '$lib/i18n/i18n.svelte';
import type { MissingFile } from './loadModel';
import type { ProbeNote, UnavailableReason } from './probe';

/**
 * The probe's reasons and notes and a load's missing files, in the user's words (through the
 * i18n catalogues). Pure: the caller passes its translate function and locale.
 */

/** `t` of the i18n module, or a stand-in over a catalogue (tests). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A size in bytes with decimal units (`1.9 GB`), as the data panel shows sizes. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}

/** web-llm's VRAM figures are in MiB. */
export const mibToBytes = (mb: number): number => Math.round(mb * 2 ** 20);

/** `about 2 min`, `45 s`, `1 h 5 min`. */
export function formatDuration(seconds: number, locale: string): string {
  const s = Math.max(0, Math.round(seconds));
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return unit(Math.round(s / 60), 'minute');
  const hours = Math.floor(s / 3600);
  const minutes = Math.round((s % 3600) / 60);
  return minutes ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
}

/** Why a role is unavailable, in words. */
export function reasonWords(reason: UnavailableReason, t: Translate, locale: string): string {
  switch (reason.code) {
    case 'noWebGPU':
      return t('models.reason.noWebGPU');
    case 'noAdapter':
      return reason.detail
        ? `${t('models.reason.noAdapter')} ${t('models.reason.noAdapterDetail', { detail: reason.detail })}`
        : t('models.reason.noAdapter');
    case 'limits': {
      const count = reason.limit === 'maxStorageBuffersPerShaderStage';
      const show = (n: number) => (count ? String(n) : formatSize(n, locale));
      return t('models.reason.limits', {
        limit: reason.limit,
        have: show(reason.have),
        need: show(reason.need),
      });
    }
    case 'shaderF16':
      return t('models.reason.shaderF16', { model: reason.model });
    case 'memory':
      return t('models.reason.memory', {
        model: reason.model,
        need: formatSize(mibToBytes(reason.needMB), locale),
        have: formatSize(reason.haveGiB * 2 ** 30, locale),
      });
    case 'storage':
      return t('models.reason.storage', {
        model: reason.model,
        need: formatSize(reason.needBytes, locale),
        free: formatSize(reason.freeBytes, locale),
      });
    case 'noModel':
      return t('models.reason.noModel', { model: reason.model });
    case 'manifest':
      return t('models.reason.manifest', { message: reason.message });
    case 'setting':
      return t('models.reason.setting', { message: reason.message });
  }
}

/** A caution beside a usable build, in words. */
export function noteWords(note: ProbeNote, t: Translate, locale: string): string {
  switch (note.code) {
    case 'software':
      return t('models.note.software');
    case 'f32Fallback':
      return t('models.note.f32Fallback', { preferred: note.preferred });
    case 'memoryTight':
      return t('models.note.memoryTight', {
        need: formatSize(mibToBytes(note.needMB), locale),
        have: formatSize(note.haveGiB * 2 ** 30, locale),
      });
  }
}

/** `mlc-chat-config.json is missing (HTTP 404).` — the file's name, not its whole URL. */
export function missingWords(file: MissingFile, t: Translate): string {
  const name = file.url.split('/').pop() || file.url;
  const why =
    file.problem === 'status'
      ? t('models.missingHttp', { status: file.status })
      : file.problem === 'html'
        ? t('models.missingHtml')
        : t('models.missingNetwork', { message: file.message });
  return t('models.missing', { file: name, why });
}
