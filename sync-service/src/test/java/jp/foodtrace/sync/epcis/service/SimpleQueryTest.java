package jp.foodtrace.sync.epcis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.foodtrace.rest.ProblemException;

class SimpleQueryTest {

    @Test
    void epcPatternsMatchByTheirFixedFields() {
        assertEquals(List.of("urn:epc:id:sgtin:4012345.066666.", "urn:epc:class:lgtin:4012345.066666."),
                SimpleQuery.prefixes("urn:epc:idpat:sgtin:4012345.066666.*", true));
        assertEquals(List.of("urn:epc:id:sgtin:4012345."), SimpleQuery.prefixes("urn:epc:idpat:sgtin:4012345.*.*", false));
        assertEquals(List.of(), SimpleQuery.prefixes("urn:epc:id:sgtin:4012345.066666.1", true));
    }

    @Test
    void listsArePipeDelimitedAndVocabularyValuesBare() {
        SimpleQuery.Sql sql = SimpleQuery.parse(Map.of("EQ_bizStep", List.of("shipping|urn:epcglobal:cbv:bizstep:receiving")));
        assertTrue(sql.where().contains("e.biz_step = ANY (?)"), sql.where());
        assertEquals(List.of("shipping", "receiving"), List.of((String[]) sql.params().get(0)));
    }

    @Test
    void unknownAndContradictoryParametersAreRefused() {
        for (Map<String, List<String>> bad : List.of(Map.of("EQ_colour", List.of("red")),
                Map.of("eventCountLimit", List.of("2")),
                Map.of("orderBy", List.of("eventTime"), "eventCountLimit", List.of("2"), "maxEventCount", List.of("3")),
                Map.of("GE_eventTime", List.of("2026-01-01")), Map.of("EQ_bizTransaction_", List.of("x")))) {
            ProblemException e = assertThrows(ProblemException.class, () -> SimpleQuery.parse(bad), bad.toString());
            assertEquals(400, e.problem().status());
            assertEquals("query-parameter-exception", e.problem().code());
        }
    }
}
