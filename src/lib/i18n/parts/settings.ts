/**
 * Messages of the settings screens, in every locale. Each locale's object must have exactly the
 * English keys (typed below; `catalogue.test.ts` checks placeholders). Keys start with `settings.`.
 */
export const settingsEn = {
  'settings.title': 'Settings',
} satisfies Record<`settings.${string}`, string>;

export const settingsZh: Readonly<Record<keyof typeof settingsEn, string>> = {
  'settings.title': '设置',
};
