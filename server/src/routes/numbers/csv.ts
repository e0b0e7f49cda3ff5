/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns rows with their 1-based
 * line numbers so an import report can point at the line a person sees in their editor.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      any = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
      any = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (any || cell !== "") rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      any = false;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      any = true;
    }
  }
  if (any || cell !== "") {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
