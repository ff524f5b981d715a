package jp.foodtrace.sync.epcis.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.epcis.Cbv;
import jp.foodtrace.sync.epcis.Cbv.Vocabulary;

/**
 * The EPCIS 2.0 SimpleEventQuery parameters of {@code GET /epcis/events}, turned into SQL over
 * captured events (epcis_event, epcis_event_ref) and the suite's own (epcis_suite_event,
 * epcis_suite_ref). List values
 * are pipe-delimited ({@code EQ_bizStep=shipping|receiving}) or repeated. An unknown parameter,
 * a bad time or number is a QueryParameterException: 400 problem+json.
 */
public final class SimpleQuery {

    /**
     * The SQL condition and its parameters, plus ordering and limits. The condition is written
     * once with {@link #REF} where an identifier subquery starts; {@link #captured()} and
     * {@link #suite()} give it for each half of the union, so that each half looks its
     * identifiers up in its own index (one condition over the union view made the planner walk
     * every event in time order instead).
     */
    public record Sql(String where, List<Object> params, String orderBy, boolean descending, Integer eventCountLimit,
            Integer maxEventCount) {

        public String captured() {
            return where.replace(REF, "e.event_pk IN (SELECT r.event_pk FROM epcis_event_ref r WHERE");
        }

        public String suite() {
            return where.replace(REF, "e.event_id IN (SELECT r.event_id FROM epcis_suite_ref r WHERE");
        }
    }

    static final String REF = "{ref}";

    private static final Set<String> PAGING = Set.of("perPage", "nextPageToken");

    /** MATCH_ parameter -> the identifier roles it looks at (EPCIS 2.0 section 8.2.7.1). */
    private static final Map<String, List<String>> MATCH = Map.of(
            "MATCH_epc", List.of("epc"),
            "MATCH_parentID", List.of("parent"),
            "MATCH_inputEPC", List.of("input_epc"),
            "MATCH_outputEPC", List.of("output_epc"),
            "MATCH_anyEPC", List.of("epc", "parent", "input_epc", "output_epc"),
            "MATCH_epcClass", List.of("class"),
            "MATCH_inputEPCClass", List.of("input_class"),
            "MATCH_outputEPCClass", List.of("output_class"),
            "MATCH_anyEPCClass", List.of("class", "input_class", "output_class"));

    private SimpleQuery() {
    }

    public static Sql parse(Map<String, List<String>> query) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        String orderBy = null;
        String direction = null;
        Integer eventCountLimit = null;
        Integer maxEventCount = null;
        for (Map.Entry<String, List<String>> p : new LinkedHashMap<>(query).entrySet()) {
            String name = p.getKey();
            List<String> values = values(name, p.getValue());
            if (PAGING.contains(name)) {
                continue;
            }
            switch (name) {
                case "eventType" -> in(where, params, "e.event_type", values);
                case "GE_eventTime" -> time(where, params, "e.event_time >=", name, values);
                case "LT_eventTime" -> time(where, params, "e.event_time <", name, values);
                case "GE_recordTime" -> time(where, params, "e.record_time >=", name, values);
                case "LT_recordTime" -> time(where, params, "e.record_time <", name, values);
                case "EQ_action" -> {
                    for (String v : values) {
                        if (!Set.of("ADD", "OBSERVE", "DELETE").contains(v)) {
                            throw invalid("EQ_action must be ADD, OBSERVE or DELETE");
                        }
                    }
                    in(where, params, "e.action", values);
                }
                case "EQ_bizStep" -> in(where, params, "e.biz_step", bare(Vocabulary.BIZ_STEP, values));
                case "EQ_disposition" -> in(where, params, "e.disposition", bare(Vocabulary.DISPOSITION, values));
                case "EQ_readPoint" -> in(where, params, "e.read_point", values);
                case "EQ_bizLocation" -> in(where, params, "e.biz_location", values);
                case "EQ_eventID" -> in(where, params, "e.event_id", values);
                case "EXISTS_errorDeclaration" -> where.append(" AND jsonb_exists(e.event, 'errorDeclaration')");
                case "orderBy" -> orderBy = switch (single(name, values)) {
                    case "eventTime" -> "event_time";
                    case "recordTime" -> "record_time";
                    default -> throw invalid("orderBy must be eventTime or recordTime");
                };
                case "orderDirection" -> direction = switch (single(name, values)) {
                    case "ASC", "DESC" -> single(name, values);
                    default -> throw invalid("orderDirection must be ASC or DESC");
                };
                case "eventCountLimit" -> eventCountLimit = positive(name, values);
                case "maxEventCount" -> maxEventCount = positive(name, values);
                default -> {
                    if (MATCH.containsKey(name)) {
                        refs(where, params, MATCH.get(name), values, true);
                    } else if (name.startsWith("EQ_bizTransaction_") && name.length() > 18) {
                        refs(where, params, List.of("bt:" + Cbv.bare(Vocabulary.BIZ_TRANSACTION_TYPE, name.substring(18))),
                                values, false);
                    } else if (name.startsWith("EQ_source_") && name.length() > 10) {
                        refs(where, params, List.of("source:" + Cbv.bare(Vocabulary.SOURCE_DEST_TYPE, name.substring(10))),
                                values, false);
                    } else if (name.startsWith("EQ_destination_") && name.length() > 15) {
                        refs(where, params, List.of("dest:" + Cbv.bare(Vocabulary.SOURCE_DEST_TYPE, name.substring(15))),
                                values, false);
                    } else {
                        throw invalid("unknown query parameter " + name);
                    }
                }
            }
        }
        if (eventCountLimit != null && maxEventCount != null) {
            throw invalid("eventCountLimit and maxEventCount are mutually exclusive");
        }
        if (eventCountLimit != null && orderBy == null) {
            throw invalid("eventCountLimit needs orderBy");
        }
        if (direction != null && orderBy == null) {
            throw invalid("orderDirection needs orderBy");
        }
        return new Sql(where.toString(), List.copyOf(params), orderBy == null ? "event_time" : orderBy,
                orderBy != null && !"ASC".equals(direction), eventCountLimit, maxEventCount);
    }

    /**
     * EPC patterns ({@code urn:epc:idpat:sgtin:4012345.066666.*}) match the instance URIs (and, for
     * classes, the LGTINs) that start with their fixed fields; a URI matches itself.
     */
    static List<String> prefixes(String value, boolean forClass) {
        if (!value.startsWith("urn:epc:idpat:")) {
            return List.of();
        }
        String rest = value.substring("urn:epc:idpat:".length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        String scheme = rest.substring(0, colon);
        List<String> fields = Arrays.asList(rest.substring(colon + 1).split("\\.", -1));
        int star = fields.indexOf("*");
        if (star < 0) {
            return List.of();
        }
        String fixed = String.join(".", fields.subList(0, star)) + (star > 0 ? "." : "");
        List<String> out = new ArrayList<>();
        out.add("urn:epc:id:" + scheme + ":" + fixed);
        if (forClass && scheme.equals("sgtin")) {
            out.add("urn:epc:class:lgtin:" + fixed);
        }
        return out;
    }

    private static void refs(StringBuilder where, List<Object> params, List<String> roles, List<String> values,
            boolean patterns) {
        List<String> likes = new ArrayList<>();
        if (patterns) {
            boolean forClass = roles.stream().anyMatch(r -> r.endsWith("class"));
            values.forEach(v -> prefixes(v, forClass).forEach(p -> likes.add(escapeLike(p) + "%")));
        }
        where.append(" AND ").append(REF).append(" r.role = ANY (?) AND (r.value = ANY (?)");
        params.add(roles.toArray(String[]::new));
        params.add(values.toArray(String[]::new));
        for (String like : likes) {
            where.append(" OR r.value LIKE ?");
            params.add(like);
        }
        where.append("))");
    }

    private static void in(StringBuilder where, List<Object> params, String column, List<String> values) {
        where.append(" AND ").append(column).append(" = ANY (?)");
        params.add(values.toArray(String[]::new));
    }

    private static void time(StringBuilder where, List<Object> params, String condition, String name,
            List<String> values) {
        String v = single(name, values);
        try {
            params.add(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a date-time with offset, like 2026-12-01T09:00:00+09:00");
        }
        where.append(" AND ").append(condition).append(" ?");
    }

    private static List<String> bare(Vocabulary vocabulary, List<String> values) {
        return values.stream().map(v -> Cbv.bare(vocabulary, v)).toList();
    }

    private static List<String> values(String name, List<String> raw) {
        List<String> values = new ArrayList<>();
        for (String r : raw) {
            for (String v : r.split("\\|")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
        }
        if (values.isEmpty() && !name.equals("EXISTS_errorDeclaration")) {
            throw invalid(name + " needs a value");
        }
        return values;
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw invalid(name + " takes one value");
        }
        return values.get(0);
    }

    private static int positive(String name, List<String> values) {
        try {
            int n = Integer.parseInt(single(name, values));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(name + " must be a positive integer");
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("query-parameter-exception", detail);
    }
}
