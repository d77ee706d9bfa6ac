import { afterEach, expect, test, vi } from 'vitest';
import { downloadText } from './download';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A stand-in for the one <a> the helper makes, recording what was done to it. */
function fakeDocument() {
  const events: string[] = [];
  const link = {
    href: '',
    download: '',
    rel: '',
    style: { display: '' },
    click: () => events.push(`click ${link.href} ${link.download}`),
    remove: () => events.push('remove'),
  };
  const document = {
    createElement: (tag: string) => {
      events.push(`create ${tag}`);
      return link;
    },
    body: { append: () => events.push('append') },
  };
  return { document, link, events };
}

test('clicks a hidden link to a Blob URL holding the text, then revokes the URL', async () => {
  vi.useFakeTimers();
  const { document, events } = fakeDocument();
  vi.stubGlobal('document', document);
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:vigil/1';
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);

  downloadText({
    text: 'name,address\r\n',
    filename: 'vigil-address-book.csv',
    type: 'text/csv;charset=utf-8',
  });

  expect(events).toEqual(['create a', 'append', 'click blob:vigil/1 vigil-address-book.csv', 'remove']);
  expect(blob?.type).toBe('text/csv;charset=utf-8');
  expect(await blob?.text()).toBe('name,address\r\n');
  expect(revoke).not.toHaveBeenCalled();
  vi.runAllTimers();
  expect(revoke).toHaveBeenCalledWith('blob:vigil/1');
});

test('removes the link and revokes the URL even when the click throws', () => {
  vi.useFakeTimers();
  const { document, link, events } = fakeDocument();
  link.click = () => {
    throw new Error('blocked');
  };
  vi.stubGlobal('document', document);
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:vigil/2');
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);

  expect(() => downloadText({ text: '{}', filename: 'x.json', type: 'application/json' })).toThrow('blocked');
  expect(events.at(-1)).toBe('remove');
  vi.runAllTimers();
  expect(revoke).toHaveBeenCalledWith('blob:vigil/2');
});
