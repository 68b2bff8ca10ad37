import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALLOWED_MEDIA_TYPES, detectFileMediaType, detectMediaType } from './media-type';
import { SAMPLE } from './testing/sample-files';

describe('media type from the bytes', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'zw-media-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const detect = (bytes: Buffer) => {
    const path = join(dir, `f${Math.random()}`);
    writeFileSync(path, bytes);
    return detectFileMediaType(path);
  };

  it.each([
    ['pdf', ALLOWED_MEDIA_TYPES.pdf],
    ['png', ALLOWED_MEDIA_TYPES.png],
    ['jpeg', ALLOWED_MEDIA_TYPES.jpeg],
    ['docx', ALLOWED_MEDIA_TYPES.docx],
    ['xlsx', ALLOWED_MEDIA_TYPES.xlsx],
    ['ofd', ALLOWED_MEDIA_TYPES.ofd],
  ] as const)('given a %s, accepts it as %s', async (kind, mediaType) => {
    expect(await detect(SAMPLE[kind]())).toEqual({ allowed: true, mediaType });
  });

  it('given a program renamed to .pdf, refuses it (the name is never asked)', async () => {
    expect(await detect(SAMPLE.exe())).toEqual({ allowed: false, kind: 'unknown' });
  });

  it('given a ZIP archive that is no office document, refuses it as a zip', async () => {
    expect(await detect(SAMPLE.zip())).toEqual({ allowed: false, kind: 'zip' });
  });

  it('given an OLE container (legacy .doc, .msi), refuses it', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(detectMediaType(ole)).toEqual({ allowed: false, kind: 'ole' });
  });

  it('given a ZIP whose directory is missing, refuses it', () => {
    expect(detectMediaType(SAMPLE.docx().subarray(0, 40), [])).toEqual({ allowed: false, kind: 'zip' });
  });

  it('given an empty file, refuses it', async () => {
    expect(await detect(Buffer.alloc(0))).toEqual({ allowed: false, kind: 'unknown' });
  });
});
