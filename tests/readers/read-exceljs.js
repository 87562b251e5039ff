// Opens a workbook with ExcelJS and prints, as JSON, each sheet's name, cells and page setup: what a
// JavaScript application reading the download would get. Usage: node read-exceljs.js FILE.xlsx
'use strict';
const ExcelJS = require('exceljs');

function valueOf(cell) {
  const v = cell.value;
  if (v instanceof Date) return { type: 'date', value: v.toISOString().slice(0, 19), format: cell.numFmt || '' };
  if (typeof v === 'number') return { type: 'number', value: v, format: cell.numFmt || '' };
  if (typeof v === 'string') return { type: 'text', value: v };
  if (v && Array.isArray(v.richText)) return { type: 'text', value: v.richText.map(r => r.text).join('') };
  return { type: typeof v, value: v === null || v === undefined ? null : String(v) };
}

async function main() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(process.argv[2]);
  const sheets = [];
  workbook.eachSheet(sheet => {
    const cells = {};
    sheet.eachRow({ includeEmpty: false }, row => {
      row.eachCell({ includeEmpty: false }, cell => { cells[cell.address] = valueOf(cell); });
    });
    const setup = sheet.pageSetup;
    const page = {
      orientation: setup.orientation, fitToPage: !!setup.fitToPage, fitToWidth: setup.fitToWidth, fitToHeight: setup.fitToHeight,
      titleRows: (setup.printTitlesRow || '').replace(/\$/g, ''),
    };
    sheets.push({ name: sheet.name, cells, page });
  });
  process.stdout.write(JSON.stringify({ reader: 'exceljs ' + require('exceljs/package.json').version, sheets }));
}

main().catch(error => { console.error(error && error.stack || String(error)); process.exit(1); });
