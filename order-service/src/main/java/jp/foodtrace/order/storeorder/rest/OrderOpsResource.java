package jp.foodtrace.order.storeorder.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import jp.foodtrace.order.storeorder.StoreOrder;
import jp.foodtrace.rest.OpsOnly;
import jp.foodtrace.rest.ProblemException;

/** The ops query API: orders by store, delivery date and status. Internal network only. */
@OpsOnly
@Path("/v1/orders")
@Tag(name = "ops", description = "Order queries for operations")
@Produces(MediaType.APPLICATION_JSON)
public class OrderOpsResource {

    private static final Set<String> STATUSES = Set.of("ACCEPTED", "REJECTED", "SHIPPED");

    @GET
    @Transactional
    @Operation(summary = "Orders filtered by store, delivery date and status, newest first")
    public List<OrderView> list(@QueryParam("storeCode") String storeCode, @QueryParam("deliveryDate") String deliveryDate,
            @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (storeCode != null && !storeCode.isBlank()) {
            where.add("storeCode = :store");
            params.put("store", storeCode);
        }
        if (deliveryDate != null && !deliveryDate.isBlank()) {
            try {
                params.put("date", LocalDate.parse(deliveryDate));
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-date", "deliveryDate must be YYYY-MM-DD");
            }
            where.add("deliveryDate = :date");
        }
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status)) {
                throw ProblemException.badRequest("invalid-status", "status must be one of " + STATUSES);
            }
            where.add("status = :status");
            params.put("status", status);
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-limit", "limit must be between 1 and 1000");
        }
        return StoreOrder.<StoreOrder>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                        Sort.descending("decidedAt"), params)
                .page(0, limit).list().stream().map(OrderView::of).toList();
    }

    /** Orders received since a time, by outcome; accepted counts shipped ones too (they were accepted first). */
    public record OrderSummary(Instant since, int hours, long received, long accepted, long rejected, long shipped) {
    }

    @GET
    @Path("/summary")
    @Transactional
    @Operation(summary = "Orders received in the last hours (default 6, at most 168) by outcome, for the ops console")
    public OrderSummary summary(@QueryParam("hours") @DefaultValue("6") int hours) {
        if (hours < 1 || hours > 168) {
            throw ProblemException.badRequest("invalid-hours", "hours must be between 1 and 168");
        }
        Instant since = Instant.now().minus(Duration.ofHours(hours));
        Map<String, Long> byStatus = new HashMap<>();
        StoreOrder.getEntityManager()
                .createQuery("select o.status, count(o) from StoreOrder o where o.receivedAt >= :since group by o.status",
                        Object[].class)
                .setParameter("since", since).getResultList()
                .forEach(row -> byStatus.put((String) row[0], (Long) row[1]));
        long accepted = byStatus.getOrDefault("ACCEPTED", 0L);
        long rejected = byStatus.getOrDefault("REJECTED", 0L);
        long shipped = byStatus.getOrDefault("SHIPPED", 0L);
        return new OrderSummary(since, hours, accepted + rejected + shipped, accepted + shipped, rejected, shipped);
    }

    @GET
    @Path("/{orderId}")
    @Transactional
    @Operation(summary = "One order with its lines and status history")
    public OrderView get(@PathParam("orderId") String orderId) {
        try {
            StoreOrder order = StoreOrder.findById(UUID.fromString(orderId));
            if (order != null) {
                return OrderView.of(order);
            }
        } catch (IllegalArgumentException e) {
            // Not a UUID: no such order.
        }
        throw ProblemException.notFound("no order " + orderId);
    }
}
