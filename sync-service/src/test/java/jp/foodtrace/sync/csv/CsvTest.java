package jp.foodtrace.sync.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsKeepTheirStartLine() {
        List<Csv.Row> rows = Csv.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");
        assertEquals(3, rows.size());
        assertEquals(List.of("x, y", "say \"hi\""), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("two\nlines", "z"), rows.get(2).fields());
        assertEquals(3, rows.get(2).line());
    }

    @Test
    void blankLinesAndAByteOrderMarkAreIgnoredAndEmptyFieldsKept() {
        List<Csv.Row> rows = Csv.parse("\uFEFFa,,c\n\n1,2,\n");
        assertEquals(List.of("a", "", "c"), rows.get(0).fields());
        assertEquals(List.of("1", "2", ""), rows.get(1).fields());
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a\n\"open,b\n"));
    }

    @Test
    void writtenLineQuotesOnlyWhatNeedsItAndEndsWithCrLf() {
        assertEquals("1,\"a,b\",\"q\"\"\",,x\r\n", Csv.line(1, "a,b", "q\"", null, "x"));
        assertEquals(List.of("a,b", "q\""), Csv.parse(Csv.line("a,b", "q\"")).get(0).fields());
    }

    @Test
    void onlyUtf8AndShiftJisAreSpoken() {
        assertEquals(StandardCharsets.UTF_8, Csv.charset(null).orElseThrow());
        assertEquals("Shift_JIS", Csv.charset("shift_jis").orElseThrow().name());
        assertEquals("Shift_JIS", Csv.charset("\"Shift_JIS\"").orElseThrow().name());
        assertEquals("windows-31j", Csv.charset("MS932").orElseThrow().name());
        assertTrue(Csv.charset("ISO-8859-1").isEmpty());
        assertTrue(Csv.charset("no-such-charset").isEmpty());
    }
}
