import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/read/parseCsv.ts';

const FILE = 'funds.csv';
const rowsOf = (text: string) => parseCsv(text, FILE).rows;

describe('parseCsv: rows and line endings', () => {
  it.each([
    ['CRLF', '村名,金额（元）\r\n高勒庙村,80万\r\n乌兰木伦嘎查,3.7亿\r\n'],
    ['LF', '村名,金额（元）\n高勒庙村,80万\n乌兰木伦嘎查,3.7亿\n'],
    ['CR', '村名,金额（元）\r高勒庙村,80万\r乌兰木伦嘎查,3.7亿\r'],
    ['mixed CRLF and LF', '村名,金额（元）\r\n高勒庙村,80万\n乌兰木伦嘎查,3.7亿\r\n'],
    ['no final line break', '村名,金额（元）\n高勒庙村,80万\n乌兰木伦嘎查,3.7亿'],
  ])('reads %s line endings into the same rows', (_name, text) => {
    expect(parseCsv(text, FILE)).toEqual({
      header: ['村名', '金额（元）'],
      rows: [
        { row: 2, cells: ['高勒庙村', '80万'] },
        { row: 3, cells: ['乌兰木伦嘎查', '3.7亿'] },
      ],
      blankRows: [],
      problems: [],
    });
  });

  it('numbers the row after a cell with a quoted line break as Excel does (one record, one row)', () => {
    const text = '编号,备注\nP1,"第一行\n第二行\n第三行"\nP2,"a,b"\nP3,c\n';
    expect(rowsOf(text)).toEqual([
      { row: 2, cells: ['P1', '第一行\n第二行\n第三行'] },
      { row: 3, cells: ['P2', 'a,b'] },
      { row: 4, cells: ['P3', 'c'] },
    ]);
  });

  it('keeps a CRLF inside a quoted cell as a line break within the cell', () => {
    expect(rowsOf('编号,备注\r\nP1,"甲\r\n乙"\r\nP2,丙\r\n')).toEqual([
      { row: 2, cells: ['P1', '甲\n乙'] },
      { row: 3, cells: ['P2', '丙'] },
    ]);
  });

  it('reads quoted commas, doubled quotes and a quoted amount with thousands commas', () => {
    expect(rowsOf('名称,金额（元）,备注\n"汽车三产服务园区，一期","1,234.50","他说""好"""\n')).toEqual([
      { row: 2, cells: ['汽车三产服务园区，一期', '1,234.50', '他说"好"'] },
    ]);
  });

  it('keeps full-width commas and spaces inside a cell as content', () => {
    expect(rowsOf('村名,备注\n高勒庙村,已运营，收入良好　稳定\n')).toEqual([{ row: 2, cells: ['高勒庙村', '已运营，收入良好　稳定'] }]);
  });

  it('trims ASCII, ideographic and non-breaking spaces at both ends of cells and headers, not inside', () => {
    const parsed = parseCsv(' 村名 ,\u3000金额（元）\u3000\n\u3000高勒 庙村 , \u00a080万\t\n', FILE);
    expect(parsed.header).toEqual(['村名', '金额（元）']);
    expect(parsed.rows).toEqual([{ row: 2, cells: ['高勒 庙村', '80万'] }]);
  });

  it.each([
    ['semicolon', '村名;金额（元）\n高勒庙村;"1,234.50"\n'],
    ['tab', '村名\t金额（元）\n高勒庙村\t1,234.50\n'],
    ['comma', '村名,金额（元）\n高勒庙村,"1,234.50"\n'],
  ])('detects a %s delimiter from the header', (_name, text) => {
    expect(parseCsv(text, FILE)).toMatchObject({
      header: ['村名', '金额（元）'],
      rows: [{ row: 2, cells: ['高勒庙村', '1,234.50'] }],
      problems: [],
    });
  });

  it('does not take a semicolon inside a quoted header for the delimiter', () => {
    expect(parseCsv('"村名;嘎查名;别名",备注\n高勒庙村,无\n', FILE).header).toEqual(['村名;嘎查名;别名', '备注']);
  });

  it('reads a file with a single column', () => {
    expect(parseCsv('村名\n高勒庙村\n', FILE)).toMatchObject({
      header: ['村名'],
      rows: [{ row: 2, cells: ['高勒庙村'] }],
      problems: [],
    });
  });

  it('reads a header-only file as no rows and no problem', () => {
    expect(parseCsv('村名,金额（元）\r\n', FILE)).toEqual({ header: ['村名', '金额（元）'], rows: [], blankRows: [], problems: [] });
  });
});

describe('parseCsv: blank rows', () => {
  it('lists trailing blank lines as blank rows, not as data', () => {
    expect(parseCsv('村名,类别\n高勒庙村,村\n\n\n', FILE)).toMatchObject({
      rows: [{ row: 2, cells: ['高勒庙村', '村'] }],
      blankRows: [3, 4],
      problems: [],
    });
  });

  it('lists rows of only commas and spaces ("，,,," as Excel writes them) as blank rows', () => {
    expect(parseCsv('村名,类别,备注\n高勒庙村,村,\n,,\n , ,\u3000\n乌兰木伦嘎查,嘎查,\n,,,,,\n', FILE)).toMatchObject({
      rows: [
        { row: 2, cells: ['高勒庙村', '村', ''] },
        { row: 5, cells: ['乌兰木伦嘎查', '嘎查', ''] },
      ],
      blankRows: [3, 4, 6],
      problems: [],
    });
  });

  it('keeps spreadsheet numbering when blank lines come before the header', () => {
    expect(parseCsv('\n村名\n高勒庙村\n', FILE)).toMatchObject({
      header: ['村名'],
      rows: [{ row: 3, cells: ['高勒庙村'] }],
      blankRows: [1],
    });
  });
});

describe('parseCsv: header width', () => {
  it('drops empty header cells at the end when their columns are empty (Excel "a,b,c,,")', () => {
    expect(parseCsv('村名,类别,,\n高勒庙村,村,,\n乌兰木伦嘎查,嘎查\n', FILE)).toEqual({
      header: ['村名', '类别'],
      rows: [
        { row: 2, cells: ['高勒庙村', '村'] },
        { row: 3, cells: ['乌兰木伦嘎查', '嘎查'] },
      ],
      blankRows: [],
      problems: [],
    });
  });

  it('keeps an empty header over a column with data, so the mapping step can report it', () => {
    expect(parseCsv('村名,类别,\n高勒庙村,村,多余\n乌兰木伦嘎查,嘎查,\n', FILE)).toMatchObject({
      header: ['村名', '类别', ''],
      rows: [
        { row: 2, cells: ['高勒庙村', '村', '多余'] },
        { row: 3, cells: ['乌兰木伦嘎查', '嘎查', ''] },
      ],
      problems: [],
    });
  });

  it('accepts extra empty cells at the end of a data row and drops them', () => {
    expect(parseCsv('村名,类别\n高勒庙村,村,,,\n', FILE)).toMatchObject({
      rows: [{ row: 2, cells: ['高勒庙村', '村'] }],
      problems: [],
    });
  });
});

describe('parseCsv: problems', () => {
  it('reports an empty file', () => {
    expect(parseCsv('', FILE)).toEqual({
      header: [],
      rows: [],
      blankRows: [],
      problems: [
        {
          severity: 'error',
          rule: 'empty-file',
          file: FILE,
          message: { zh: 'funds.csv 是空的：没有表头', en: 'funds.csv is empty: it has no header row' },
          hint: {
            zh: '第 1 行填写表头（各列名称），从第 2 行起每行一条记录',
            en: 'Put the column headers in row 1 and one record per row from row 2 on',
          },
        },
      ],
    });
  });

  it.each([
    ['blank lines', '\r\n\r\n\r\n'],
    ['rows of commas', ',,,\n,,,\n'],
    ['spaces', '   \n\u3000\n'],
  ])('reports a file of only %s as empty, at no row', (_name, text) => {
    const { problems, header, rows } = parseCsv(text, FILE);
    expect(header).toEqual([]);
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'empty-file', severity: 'error' });
    expect(problems[0]).not.toHaveProperty('row');
  });

  it('reports a quote that is never closed at the row where it opens', () => {
    const parsed = parseCsv('村名,备注\n高勒庙村,好\n乌兰木伦嘎查,"未闭合\n其他村,x\n', FILE);
    expect(parsed.problems).toEqual([
      {
        severity: 'error',
        rule: 'broken-quoting',
        file: FILE,
        row: 3,
        column: '备注',
        columnLetter: 'B',
        value: '"未闭合↵其他村,x',
        message: {
          zh: '第 3 行有一个引号没有配对，其后的内容都被读进了同一个单元格',
          en: 'Row 3 has a quote that is never closed, so everything after it ran into one cell',
        },
        hint: {
          zh: '检查引号是否成对；单元格内的引号要写成两个（""）',
          en: 'Check that quotes are paired; a quote inside a cell must be doubled ("")',
        },
      },
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('reports a misplaced quote once for its row, after a multi-line cell', () => {
    const parsed = parseCsv('村名,备注\n高勒庙村,"两\n行"\n乌兰木伦嘎查,"引"号\n', FILE);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ rule: 'broken-quoting', row: 3 });
    expect(parsed.problems[0]?.message.zh).toContain('第 3 行');
    expect(parsed.problems[0]?.message.en).toContain('Row 3');
  });

  it('reports a row with fewer cells than the header, at the first missing column', () => {
    const parsed = parseCsv('资金编号,日期,村代码,金额（元）\nF1,2021-05-20,150627101225,80万\nF2,2021-05-21\n', FILE);
    expect(parsed.problems).toEqual([
      {
        severity: 'error',
        rule: 'row-width',
        file: FILE,
        row: 3,
        columnLetter: 'C',
        message: {
          zh: '第 3 行只有 2 个单元格，表头有 4 列：从 C 列起缺少单元格',
          en: 'Row 3 has 2 cells but the header has 4 columns: cells are missing from column C on',
        },
        hint: {
          zh: '每行的逗号数要和表头一样；空着的单元格也要保留它的逗号',
          en: 'Every row needs as many commas as the header; keep the comma of an empty cell too',
        },
      },
    ]);
  });

  it('reports a row with a value beyond the header, at the column of that value', () => {
    // An unquoted thousands comma splits 1,234 into two cells.
    const parsed = parseCsv('村名,金额（元）\n高勒庙村,1,234,,\n', FILE);
    expect(parsed.problems).toEqual([
      {
        severity: 'error',
        rule: 'row-width',
        file: FILE,
        row: 2,
        columnLetter: 'C',
        value: '234',
        message: {
          zh: '第 2 行有 5 个单元格，表头只有 2 列：C 列的内容没有表头',
          en: 'Row 2 has 5 cells but the header has only 2 columns: column C has no header',
        },
        hint: {
          zh: '检查这一行是否多了逗号（金额中的千位逗号要加引号，或不写逗号）',
          en: 'Check the row for an extra comma (quote amounts with thousands commas, or leave the commas out)',
        },
      },
    ]);
    // The row is kept whole so the reader can see it was misshapen.
    expect(parsed.rows).toEqual([{ row: 2, cells: ['高勒庙村', '1', '234', '', ''] }]);
  });

  it('gives the letter of the first extra value even when empty cells come before it', () => {
    const parsed = parseCsv('a,b\n1,2,,,x\n', FILE);
    expect(parsed.problems[0]).toMatchObject({ rule: 'row-width', row: 2, columnLetter: 'E', value: 'x' });
  });

  it('does not also report the width of a row whose quotes are broken', () => {
    const parsed = parseCsv('a,b,c\n1,"2\n', FILE);
    expect(parsed.problems.map((p) => p.rule)).toEqual(['broken-quoting']);
  });

  it('reports every misshapen row, in row order', () => {
    const parsed = parseCsv('a,b,c\n1,2\n1,2,3\n\n1,2,3,4\n1\n', FILE);
    expect(parsed.problems.map((p) => [p.rule, p.row, p.columnLetter])).toEqual([
      ['row-width', 2, 'C'],
      ['row-width', 5, 'D'],
      ['row-width', 6, 'B'],
    ]);
    expect(parsed.blankRows).toEqual([4]);
  });
});

describe('parseCsv: line endings never change what is read', () => {
  // Cells with quotes, delimiters, line breaks and stray quotes, so broken quoting is covered too.
  const cell = fc.oneof(
    fc.constantFrom('', '高勒庙村', '80万', ' a ', '"a,b"', '"甲\n乙"', '"他说""好"""', 'x"y', '"open', ',', '\u3000'),
    fc.string({ maxLength: 5 }).filter((text) => !/[\r\n]/.test(text)),
  );
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });

  // A mix of CR and LF is left out: a CR then an empty line's LF is one CRLF, by definition.
  it('reads LF, CRLF and CR text, and any mix of LF and CRLF, into the same header, rows and problems', () => {
    fc.assert(
      fc.property(table, fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 1, maxLength: 8 }), fc.boolean(), (rows, breaks, trailing) => {
        const lines = rows.map((cells) => cells.join(','));
        const write = (pick: (i: number) => string) =>
          lines.map((line, i) => line.replace(/\n/g, pick(i))).reduce((text, line, i) => (i === 0 ? line : `${text}${pick(i)}${line}`), '') +
          (trailing ? pick(lines.length) : '');
        const lf = parseCsv(
          write(() => '\n'),
          FILE,
        );
        expect(
          parseCsv(
            write(() => '\r\n'),
            FILE,
          ),
        ).toEqual(lf);
        expect(
          parseCsv(
            write(() => '\r'),
            FILE,
          ),
        ).toEqual(lf);
        expect(
          parseCsv(
            write((i) => breaks[i % breaks.length]!),
            FILE,
          ),
        ).toEqual(lf);
      }),
      propertyRuns(500),
    );
  });

  // Large files are split a piece at a time; where a piece ends must never show in what is read.
  it('reads a text in pieces of any length, cut anywhere in a record, into the same header, rows and problems', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.integer({ min: 1, max: 40 }), (rows, lineBreak, trailing, pieceLength) => {
        const text = rows.map((cells) => cells.join(',').replace(/\n/g, lineBreak)).join(lineBreak) + (trailing ? lineBreak : '');
        expect(parseCsv(text, FILE, pieceLength)).toEqual(parseCsv(text, FILE, Number.MAX_SAFE_INTEGER));
      }),
      propertyRuns(1000),
    );
  });
});
