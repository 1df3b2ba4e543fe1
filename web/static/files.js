// Files the pages hand to the reader: CSV cells quoted as spreadsheets expect, and a
// download of text made in the page (CSV with a byte-order mark, so Excel reads UTF-8).

export function csvCell(value, separator) {
  const text = value === null || value === undefined ? '' : String(value);
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"`
    : text;
}

export function download(name, text, type = 'text/csv;charset=utf-8') {
  const blob = new Blob(type.startsWith('text/csv') ? ['\ufeff', text] : [text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
