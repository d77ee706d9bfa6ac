/**
 * Messages of the history screens, in every locale. Each locale's object must have exactly the
 * English keys (typed below; `catalogue.test.ts` checks placeholders). Keys start with `history.`.
 */
export const historyEn = {
  'history.title': 'History',
} satisfies Record<`history.${string}`, string>;

export const historyZh: Readonly<Record<keyof typeof historyEn, string>> = {
  'history.title': '历史',
};
