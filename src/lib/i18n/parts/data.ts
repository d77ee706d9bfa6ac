/**
 * Messages of the address book and the data panel (lock, export, import, erase), in every
 * locale. Each locale's object must have exactly the English keys (typed below;
 * `catalogue.test.ts` checks placeholders). Keys start with `book.` or `data.`.
 */
export const dataEn = {
  'book.title': 'Address book',
  'data.title': 'Your data',
} satisfies Record<`book.${string}` | `data.${string}`, string>;

export const dataZh: Readonly<Record<keyof typeof dataEn, string>> = {
  'book.title': '地址簿',
  'data.title': '你的数据',
};
