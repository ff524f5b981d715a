package jp.foodtrace.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedFieldsKeepSpacesCommasQuotesAndLineBreaks() {
        List<Csv.Row> rows = Csv.parse("a, \" b, \"\"c\"\" \" ,d\r\n\"x\ny\",z\r\n");
        assertEquals(List.of("a", " b, \"c\" ", "d"), rows.get(0).fields());
        assertEquals(List.of("x\ny", "z"), rows.get(1).fields());
        assertEquals(1, rows.get(0).line());
        assertEquals(2, rows.get(1).line());
    }

    @Test
    void unquotedFieldsAreStrippedAndBlankLinesSkipped() {
        List<Csv.Row> rows = Csv.parse("\uFEFF a , b \n\n   \nc,\n");
        assertEquals(2, rows.size());
        assertEquals(List.of("a", "b"), rows.get(0).fields());
        assertEquals(List.of("c", ""), rows.get(1).fields());
        assertEquals(4, rows.get(1).line());
        assertEquals("", rows.get(1).field(5));
    }

    @Test
    void crAndLfAndCrlfAllEndRecords() {
        List<Csv.Row> rows = Csv.parse("a\rb\nc\r\nd");
        assertEquals(List.of("a", "b", "c", "d"), rows.stream().map(r -> r.field(0)).toList());
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(Csv.Row::line).toList());
    }

    @Test
    void unterminatedQuoteIsAnErrorWithTheLineItStartsOn() {
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> Csv.parse("a,b\nc,\"never\nclosed,d\n"));
        assertEquals(2, e.line());
    }

    @Test
    void quoteInsideAnUnquotedFieldIsAnError() {
        MalformedTextException e = assertThrows(MalformedTextException.class, () -> Csv.parse("ok\nab\"c\",d\n"));
        assertEquals(2, e.line());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        MalformedTextException e = assertThrows(MalformedTextException.class, () -> Csv.parse("\"a\"b,c\n"));
        assertEquals(1, e.line());
    }

    @Test
    void lineAfterAMultiLineFieldCountsItsLines() {
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> Csv.parse("\"1\n2\n3\",x\nbad\"\n"));
        assertEquals(4, e.line());
    }

    @Test
    void writtenRecordsReadBackUnchanged() {
        List<String> values = List.of("plain", "with,comma", "with \"quote\"", "two\r\nlines", " padded ", "");
        List<Csv.Row> rows = Csv.parse(Csv.line(values) + Csv.line("next"));
        assertEquals(values, rows.get(0).fields());
        assertEquals(List.of("next"), rows.get(1).fields());
    }
}
