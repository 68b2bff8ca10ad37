import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALLOWED_MEDIA_TYPES, detectFileMediaType, detectMediaType } from './media-type';
import { compoundFileOf, SAMPLE, zipOf } from './testing/sample-files';

describe('media type from the bytes', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'zw-media-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const detect = (bytes: Buffer, name?: string) => {
    const path = join(dir, `f${n++}`);
    writeFileSync(path, bytes);
    return detectFileMediaType(path, name);
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

  it.each([
    ['doc', '验收报告.doc', ALLOWED_MEDIA_TYPES.doc],
    ['doc', '验收报告.WPS', ALLOWED_MEDIA_TYPES.wps],
    ['xls', '统计表.xls', ALLOWED_MEDIA_TYPES.xls],
    ['xls', '统计表.et', ALLOWED_MEDIA_TYPES.et],
    ['ppt', '汇报.ppt', ALLOWED_MEDIA_TYPES.ppt],
    ['ppt', '汇报.dps', ALLOWED_MEDIA_TYPES.dps],
  ] as const)('given a legacy %s container named %s, accepts it as %s', async (kind, name, mediaType) => {
    expect(await detect(SAMPLE[kind](), name)).toEqual({ allowed: true, mediaType });
  });

  it.each([
    ['doc', 'setup.exe', 'a document container under a program name'],
    ['doc', '统计表.xls', 'a Word container named as a workbook'],
    ['msi', '验收报告.doc', 'an installer named as a document'],
    ['doc', '', 'a container without a name'],
  ] as const)('given a %s container named "%s" (%s), refuses it as ole', async (kind, name, _why) => {
    expect(await detect(SAMPLE[kind](), name)).toEqual({ allowed: false, kind: 'ole' });
  });

  it('given a CFB signature with a cut-off or malformed header, refuses it as ole', async () => {
    expect(await detect(SAMPLE.doc().subarray(0, 600), 'a.doc')).toEqual({ allowed: false, kind: 'ole' });
    const badShift = SAMPLE.doc();
    badShift.writeUInt16LE(7, 30);
    expect(await detect(badShift, 'a.doc')).toEqual({ allowed: false, kind: 'ole' });
    expect(detectMediaType(SAMPLE.doc().subarray(0, 10), [], 'a.doc')).toEqual({ allowed: false, kind: 'ole' });
  });

  it('reads a directory spread over several sectors (the stream in the last one)', async () => {
    const streams = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'WordDocument'];
    expect(await detect(compoundFileOf(streams), 'long.doc')).toEqual({
      allowed: true,
      mediaType: ALLOWED_MEDIA_TYPES.doc,
    });
  });

  it('an OOXML package is told by its content whatever its name (a .wps saved as docx)', async () => {
    expect(await detect(SAMPLE.docx(), '报告.wps')).toEqual({ allowed: true, mediaType: ALLOWED_MEDIA_TYPES.docx });
  });

  it('OFD needs OFD.xml at the root: the same file in a folder is a plain ZIP', async () => {
    expect(await detect(zipOf({ 'docs/OFD.xml': '<ofd:OFD/>' }))).toEqual({ allowed: false, kind: 'zip' });
  });

  it('given a ZIP whose directory is missing, refuses it', () => {
    expect(detectMediaType(SAMPLE.docx().subarray(0, 40), [])).toEqual({ allowed: false, kind: 'zip' });
  });

  it('given an empty file, refuses it', async () => {
    expect(await detect(Buffer.alloc(0))).toEqual({ allowed: false, kind: 'unknown' });
  });
});
