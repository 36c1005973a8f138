import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetFormatError } from '../errors/dataset-format-error';
import { cleanIWSLT } from './iwslt-clean';

const TST2013_DE = `<?xml version="1.0" encoding="UTF-8"?>
<mteval>
<srcset setid="iwslt2016-tst2013" srclang="german">
<doc docid="1518" genre="lectures">
<url>http://www.ted.com/talks/kate_stafford</url>
<description>TED Talk Subtitles and Transcript: Whales &amp; noise</description>
<keywords>talks, oceans</keywords>
<talkid>1518</talkid>
<title>Kate Stafford: Wie Lärm Wale stört</title>
<seg id="1"> Das ist &quot;laut&quot; &amp; klar. </seg>
<seg id="2">Zweiter&#32;Satz &#x263A;</seg>
</doc>
<!-- a comment -->
<doc docid="1519" genre="lectures">
<seg id="1"><![CDATA[Ein <Satz>]]></seg>
<seg id="2"></seg>
</doc>
</srcset>
</mteval>
`;

const TRAIN_TAGS_EN = `<url>http://www.ted.com/talks/lang/en/x.html</url>
<keywords>talks, science</keywords>
<speaker>Someone</speaker>
<talkid>1</talkid>
<title>A title</title>
<description>TED Talk Subtitles and Transcript: a talk</description>
  Thank you so much, Chris.  
And it's truly a great honor.
<reviewer></reviewer>
<translator></translator>
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-iwslt-clean-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cleanIWSLT', () => {
  it('turns the XML sets into one segment a line and drops the talk metadata of the tagged files', async () => {
    await writeFile(join(dir, 'IWSLT16.TED.tst2013.de-en.de.xml'), TST2013_DE);
    await writeFile(join(dir, 'train.tags.de-en.en'), TRAIN_TAGS_EN);
    const written = await cleanIWSLT(dir);
    expect(written).toEqual([join(dir, 'IWSLT16.TED.tst2013.de-en.de'), join(dir, 'train.de-en.en')]);
    expect(await readFile(join(dir, 'IWSLT16.TED.tst2013.de-en.de'), 'utf8')).toBe('Das ist "laut" & klar.\nZweiter Satz ☺\nEin <Satz>\n\n');
    expect(await readFile(join(dir, 'train.de-en.en'), 'utf8')).toBe("Thank you so much, Chris.\nAnd it's truly a great honor.\n");
    expect((await readdir(dir)).filter((n) => n.includes('dl-part'))).toEqual([]);
  });

  it('throws DatasetFormatError naming the file and line of ill-formed XML', async () => {
    const file = join(dir, 'IWSLT16.TED.dev2010.de-en.en.xml');
    await writeFile(file, '<mteval>\n<refset>\n<doc docid="1">\n<seg id="1">a</seg>\n</refset>\n</mteval>\n');
    await expect(cleanIWSLT(dir)).rejects.toThrow(DatasetFormatError);
    await expect(cleanIWSLT(dir)).rejects.toThrow(`IWSLT.clean: ${file} line 5: expected </doc>, got "</refset>\\n</mteval>\\n"`);
  });

  it('refuses unknown entities and a root without a set', async () => {
    const file = join(dir, 'IWSLT16.TED.tst2010.de-en.en.xml');
    await writeFile(file, '<mteval><refset><doc><seg>a &nbsp; b</seg></doc></refset></mteval>');
    await expect(cleanIWSLT(dir)).rejects.toThrow(`IWSLT.clean: ${file} line 1: expected a known entity (&amp; &lt; &gt; &quot; &apos; &#N;), got "&nbsp; b</seg></doc></refset><"`);
    await writeFile(file, '<mteval/>');
    await expect(cleanIWSLT(dir)).rejects.toThrow(`IWSLT.clean: ${file}: expected <mteval> to hold a <srcset> or <refset> of <doc> elements, got no child element`);
  });
});
