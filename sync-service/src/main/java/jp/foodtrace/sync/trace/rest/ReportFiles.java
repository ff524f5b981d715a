package jp.foodtrace.sync.trace.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.foodtrace.sync.trace.ReportRow;
import jp.foodtrace.text.Csv;

/**
 * The recall spreadsheet as files: CSV (UTF-8 with a byte order mark, so that Excel opens it as
 * UTF-8; or Shift_JIS, written as Windows-31J, for the Japanese systems that want it, a character
 * without a code there as 〓) and XLSX (Apache POI), times in Japan time with their offset.
 */
final class ReportFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private ReportFiles() {
    }

    static byte[] csv(List<ReportRow> rows, Charset charset) {
        StringBuilder text = new StringBuilder(Csv.line(ReportRow.COLUMNS));
        for (ReportRow r : rows) {
            text.append(Csv.line(r.values(JAPAN).stream().map(v -> v == null ? "" : v).toList()));
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(BOM);
            out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(charset.encode("\u3013").array());
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] xlsx(String lotNumber, List<ReportRow> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("trace " + lotNumber.replaceAll("[\\\\/?*\\[\\]:]", "_"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < ReportRow.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(ReportRow.COLUMNS.get(c));
            }
            int n = 1;
            for (ReportRow r : rows) {
                Row row = sheet.createRow(n++);
                List<String> values = r.values(JAPAN);
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (c == 5 && v.matches("-?\\d+(\\.\\d+)?")) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, n - 1), 0,
                    ReportRow.COLUMNS.size() - 1));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
