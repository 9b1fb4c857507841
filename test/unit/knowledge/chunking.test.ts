import { describe, expect, it } from 'vitest';
import {
  ArticleFormatError,
  chunkArticle,
  listPlaceholders,
  parseArticleFile,
  renderPlaceholders,
} from '../../../knowledge/chunking.ts';

const VALID = `---
title: ¿Cuánto me prestan?
slug: cuanto-me-prestan
tags: [monto, "valor del auto", aforo]
audience: customer
status: published
---
## El monto

Te prestamos hasta el {{credit.maxLtvPercent}}% del valor de tu auto.
`;

describe('parseArticleFile', () => {
  it('reads front matter and body', () => {
    const article = parseArticleFile(VALID);
    expect(article).toEqual({
      title: '¿Cuánto me prestan?',
      slug: 'cuanto-me-prestan',
      tags: ['monto', 'valor del auto', 'aforo'],
      audience: 'customer',
      status: 'published',
      body: '## El monto\n\nTe prestamos hasta el {{credit.maxLtvPercent}}% del valor de tu auto.',
    });
  });

  it('accepts CRLF line endings and a quoted title with a colon', () => {
    const article = parseArticleFile(VALID.replace('title: ¿Cuánto me prestan?', 'title: "Guía: montos"').replace(/\n/g, '\r\n'));
    expect(article.title).toBe('Guía: montos');
    expect(article.body.startsWith('## El monto')).toBe(true);
  });

  const broken: [string, string, RegExp][] = [
    ['no front matter', '## Hola\n\ntexto', /must start with a "---"/],
    ['unclosed front matter', '---\ntitle: x\n', /not closed/],
    ['missing key', VALID.replace('status: published\n', ''), /missing "status"/],
    ['unknown key', VALID.replace('status: published', 'status: published\nautor: Ana'), /unknown front matter key "autor"/],
    ['duplicate key', VALID.replace('status: published', 'status: published\nstatus: draft'), /appears twice/],
    ['bad audience', VALID.replace('audience: customer', 'audience: everyone'), /audience "everyone" must be one of/],
    ['bad status', VALID.replace('status: published', 'status: live'), /status "live" must be one of/],
    ['bad slug', VALID.replace('slug: cuanto-me-prestan', 'slug: Cuanto Me Prestan'), /slug "Cuanto Me Prestan"/],
    ['tags not a list', VALID.replace('tags: [monto, "valor del auto", aforo]', 'tags: monto'), /tags must be a list/],
    ['line without colon', VALID.replace('status: published', 'status published'), /is not "key: value"/],
    ['empty body', VALID.split('---\n## ')[0]!.concat('---\n'), /body is empty/],
  ];
  it.each(broken)('rejects %s with a clear message', (_name, markdown, message) => {
    expect(() => parseArticleFile(markdown, 'x.md')).toThrowError(ArticleFormatError);
    expect(() => parseArticleFile(markdown, 'x.md')).toThrowError(message);
  });

  it('names the file in the error', () => {
    expect(() => parseArticleFile('sin front matter', 'requisitos.md')).toThrowError(/^requisitos\.md: /);
  });
});

describe('renderPlaceholders', () => {
  it('replaces every placeholder, with or without inner spaces', () => {
    const text = 'Desde {{credit.minRateMonthly}} y hasta {{ credit.maxRateMonthly }}; llama al {{company.phone}}.';
    expect(renderPlaceholders(text, { 'credit.minRateMonthly': '3%', 'credit.maxRateMonthly': '5%', 'company.phone': '55 1234 5678' })).toBe(
      'Desde 3% y hasta 5%; llama al 55 1234 5678.',
    );
  });

  it('refuses to show a placeholder without value, naming it', () => {
    expect(() => renderPlaceholders('Atendemos {{company.hours}}', {})).toThrowError(/company\.hours/);
  });

  it('can keep unknown placeholders when asked', () => {
    expect(renderPlaceholders('{{a}} y {{b}}', { a: '1' }, { onMissing: 'keep' })).toBe('1 y {{b}}');
  });

  it('does not treat inherited object keys as values', () => {
    expect(() => renderPlaceholders('{{constructor}}', {})).toThrowError(/constructor/);
  });

  it('lists placeholders once each, in order', () => {
    expect(listPlaceholders('{{b.x}} {{a}} {{b.x}}')).toEqual(['b.x', 'a']);
  });
});

function paragraph(words: number, seed: string): string {
  return Array.from({ length: words }, (_, i) => `${seed}${i}`).join(' ') + '.';
}

describe('chunkArticle', () => {
  it('splits by heading and keeps the heading of each passage', () => {
    const chunks = chunkArticle({
      title: 'Pagos',
      body: 'Intro corta.\n\n## Transferencia\n\nUsa tu CLABE.\n\n## Tiendas\n\nPaga con tu referencia.',
    });
    expect(chunks.map((c) => [c.index, c.heading, c.text])).toEqual([
      [0, '', 'Intro corta.'],
      [1, 'Transferencia', 'Usa tu CLABE.'],
      [2, 'Tiendas', 'Paga con tu referencia.'],
    ]);
  });

  it('puts title, tags and heading in searchText but not in text', () => {
    const [chunk] = chunkArticle({ title: 'El GPS', tags: ['rastreo', 'localizador'], body: '## Instalación\n\nTarda una hora.' });
    expect(chunk!.text).toBe('Tarda una hora.');
    expect(chunk!.searchText).toBe('El GPS\nrastreo, localizador\nInstalación\nTarda una hora.');
  });

  it('packs short paragraphs together and keeps a list in one block', () => {
    const chunks = chunkArticle({ title: 'T', body: '## S\n\nUno.\n\nDos.\n\n- a\n- b' });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.text).toBe('Uno.\n\nDos.\n\n- a\n- b');
  });

  it('never exceeds maxChars, even with a paragraph longer than it', () => {
    const body = `## Largo\n\n${paragraph(120, 'pal')}\n\n${paragraph(40, 'otra')}\n\n- ${paragraph(30, 'lista')}\n- ${paragraph(30, 'mas')}`;
    const chunks = chunkArticle({ title: 'T', body }, { maxChars: 200, overlapChars: 40 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(200);
      expect(chunk.text.trim()).not.toBe('');
    }
  });

  it('loses no word of the body', () => {
    const body = `## A\n\n${paragraph(60, 'a')}\n\n${paragraph(60, 'b')}\n\n## B\n\n${paragraph(50, 'c')}`;
    const text = chunkArticle({ title: 'T', body }, { maxChars: 150, overlapChars: 30 }).map((c) => c.text).join(' ');
    for (const word of body.replace(/##/g, '').split(/\s+/).filter((w) => /\d/.test(w))) expect(text).toContain(word.replace('.', ''));
  });

  it('starts a continuation with the end of the previous passage of the same section', () => {
    const body = `## Sección\n\n${paragraph(30, 'uno')}\n\n${paragraph(30, 'dos')}\n\n${paragraph(30, 'tres')}`;
    const chunks = chunkArticle({ title: 'T', body }, { maxChars: 260, overlapChars: 60 });
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < chunks.length; i++) {
      const previousEnd = chunks[i - 1]!.text.split(/\s+/).slice(-2).join(' ');
      expect(chunks[i]!.text).toContain(previousEnd);
    }
  });

  it('does not carry overlap across headings', () => {
    const chunks = chunkArticle({ title: 'T', body: '## Uno\n\nPrimera sección.\n\n## Dos\n\nSegunda sección.' }, { maxChars: 100, overlapChars: 30 });
    expect(chunks[1]!.text).toBe('Segunda sección.');
  });
});
