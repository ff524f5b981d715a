package jp.foodtrace.sync.trace.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.MessageBundles;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.trace.Trace;
import jp.foodtrace.sync.trace.service.TraceService;

/**
 * The member trace page: a form, and for a lot where it came from (its input lots, recursively)
 * and where it went (lots made from it, their shipments, the stores). Server-rendered HTML that
 * works without JavaScript on a phone, in Japanese unless {@code ?lang=en} or the browser's
 * {@code Accept-Language} prefers English. Wrong input and unknown lots are answered on the page
 * (400 and 404) in the member's language rather than as problem+json, which a browser would show
 * as raw JSON; the JSON API under {@code /v1/trace/lots/{lot}/...} is unchanged.
 */
@ApplicationScoped
public class TracePage {

    static final String PATH = "/v1/trace";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<Locale> OFFERED = List.of(Locale.JAPANESE, Locale.ENGLISH);

    private final TraceService trace;
    private final Template page;

    public TracePage(TraceService trace, @Location("trace-page.html") Template page) {
        this.trace = trace;
        this.page = page;
    }

    /** The page for what the member typed or scanned ({@code q}); the bare form when there is nothing. */
    public Response render(String q, String lang, String acceptLanguage) {
        Locale locale = locale(lang, acceptLanguage);
        String language = locale.getLanguage();
        String other = language.equals("en") ? "ja" : "en";
        String otherHref = PATH + "?" + (q == null || q.isBlank() ? "" : "q=" + encode(q) + "&") + "lang=" + other;
        if (q == null || q.isBlank()) {
            return html(200, locale, new TracePageView(language, "", otherHref, null, null));
        }
        TracePageMessages words = MessageBundles.get(TracePageMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(language));
        LotQuery query;
        try {
            query = LotQuery.parse(q);
        } catch (LotQuery.Invalid e) {
            return html(400, locale, new TracePageView(language, q, otherHref, message(words, e.key()), null));
        }
        Trace back;
        Trace forward;
        try {
            back = trace.backFromLot(query.lotNumber(), null);
            forward = trace.forwardFromLot(query.lotNumber(), null);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                return html(404, locale, new TracePageView(language, q, otherHref, words.notFound(query.lotNumber()), null));
            }
            throw e;
        }
        Trace.LotNode self = back.lots().stream().filter(l -> l.depth() == 0).findFirst().orElse(null);
        Optional<String> item = Optional.ofNullable(self).map(Trace.LotNode::itemCode);
        if (query.itemCode().isPresent() && item.isPresent() && !query.itemCode().equals(item)) {
            return html(404, locale, new TracePageView(language, q, otherHref,
                    words.otherProduct(query.lotNumber(), query.gtin().orElseThrow(), item.get()), null));
        }
        return html(200, locale, new TracePageView(language, q, otherHref, null, result(query.lotNumber(), self, back,
                forward, language)));
    }

    private static TracePageView.Result result(String lot, Trace.LotNode self, Trace back, Trace forward, String lang) {
        List<TracePageView.LotRow> inputs = rows(back, lang);
        List<TracePageView.LotRow> made = rows(forward, lang);
        List<TracePageView.ShipmentRow> shipments = forward.shipments().stream()
                .sorted(Comparator.comparing(Trace.Shipping::shippedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(s -> new TracePageView.ShipmentRow(s.shipmentId(), s.destinationStore(), time(s.shippedAt()),
                        s.lots().stream().map(q -> new TracePageView.ShippedLot(q.lotNumber(), href(q.lotNumber(), lang),
                                q.quantity())).toList()))
                .toList();
        return new TracePageView.Result(lot, self == null ? null : self.itemCode(), self == null ? null : self.plant(),
                self == null ? null : time(self.producedAt()), inputs, made, shipments, forward.stores(),
                back.truncated() || forward.truncated());
    }

    private static List<TracePageView.LotRow> rows(Trace trace, String lang) {
        return trace.lots().stream().filter(l -> l.depth() > 0)
                .sorted(Comparator.comparingInt(Trace.LotNode::depth).thenComparing(Trace.LotNode::lotNumber))
                .map(l -> new TracePageView.LotRow(l.lotNumber(), href(l.lotNumber(), lang), l.itemCode(), l.plant(),
                        time(l.producedAt()), l.depth(), l.known()))
                .toList();
    }

    private Response html(int status, Locale locale, TracePageView view) {
        String body = page.data("view", view).setLocale(locale).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .header("X-Content-Type-Options", "nosniff")
                .entity(body).build();
    }

    /** {@code ?lang=} wins; else the browser's preference between Japanese and English; else Japanese. */
    static Locale locale(String lang, String acceptLanguage) {
        if ("en".equalsIgnoreCase(lang)) {
            return Locale.ENGLISH;
        }
        if ("ja".equalsIgnoreCase(lang)) {
            return Locale.JAPANESE;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), OFFERED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                // An unreadable header is no preference.
            }
        }
        return Locale.JAPANESE;
    }

    private static String message(TracePageMessages words, String key) {
        return switch (key) {
            case "errorEmpty" -> words.errorEmpty();
            case "errorGtin" -> words.errorGtin();
            case "errorNoLot" -> words.errorNoLot();
            case "errorLink" -> words.errorLink();
            default -> words.errorLot();
        };
    }

    private static String href(String lot, String lang) {
        return PATH + "?q=" + encode(lot) + "&lang=" + lang;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(JAPAN));
    }
}
