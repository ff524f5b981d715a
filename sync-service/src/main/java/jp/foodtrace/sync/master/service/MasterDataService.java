package jp.foodtrace.sync.master.service;

import static jp.foodtrace.sync.batch.Batches.required;
import static jp.foodtrace.sync.batch.Batches.requiredCode;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.ProductMaster;
import jp.foodtrace.messaging.events.StoreMaster;
import jp.foodtrace.sync.batch.Batches;
import jp.foodtrace.sync.batch.Batches.Upserted;
import jp.foodtrace.sync.batch.Entry;
import jp.foodtrace.sync.batch.Outcome;
import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.sync.master.Product;
import jp.foodtrace.sync.master.Store;
import jp.foodtrace.sync.master.repository.MasterRepository;
import jp.foodtrace.sync.master.rest.ProductInput;
import jp.foodtrace.sync.master.rest.StoreInput;
import jp.foodtrace.sync.messaging.Outbox;
import jp.foodtrace.text.Codes;
import jp.foodtrace.text.Gtin;

/**
 * Batch upserts of products and stores. A record equal to what is stored is unchanged and
 * announces nothing; a new or changed one gets the next master version and a
 * {@code master.products.v1} / {@code master.stores.v1} event through the outbox. Codes, units and
 * times are read in any width ({@code ４９０１…}, {@code ＣＳ}); names are kept as HQ wrote them.
 */
@ApplicationScoped
public class MasterDataService {

    private static final Pattern STORE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final MasterRepository master;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public MasterDataService(MasterRepository master, Outbox outbox, MeterRegistry meters) {
        this.master = master;
        this.outbox = outbox;
        this.meters = meters;
    }

    @Transactional
    public Batches.Run upsertProducts(List<Entry<ProductInput>> entries) {
        return Batches.run("product", entries, in -> Codes.normalize(in.itemCode()), this::upsert, meters);
    }

    @Transactional
    public Batches.Run upsertStores(List<Entry<StoreInput>> entries) {
        return Batches.run("store", entries, in -> Codes.normalize(in.storeCode()), this::upsert, meters);
    }

    Upserted upsert(ProductInput in) {
        ProductMaster event = toEvent(in, 0);
        String content = outbox.toJson(event);
        Optional<String> stored = master.productContent(event.itemCode());
        if (stored.isPresent() && stored.get().equals(content)) {
            return Upserted.unchanged();
        }
        long version = master.nextVersion();
        ProductMaster versioned = toEvent(in, version);
        master.upsert(new Product(versioned.itemCode(), versioned.name(), versioned.unit(), versioned.orderable(),
                versioned.minQuantity(), versioned.maxQuantity(), version, Instant.now()), content);
        return new Upserted(stored.isPresent() ? Outcome.UPDATED : Outcome.CREATED,
                outbox.add(Topics.MASTER_PRODUCTS, versioned.itemCode(), versioned));
    }

    Upserted upsert(StoreInput in) {
        StoreMaster event = toEvent(in, 0);
        String content = outbox.toJson(event);
        Optional<String> stored = master.storeContent(event.storeCode());
        if (stored.isPresent() && stored.get().equals(content)) {
            return Upserted.unchanged();
        }
        long version = master.nextVersion();
        StoreMaster versioned = toEvent(in, version);
        master.upsert(new Store(versioned.storeCode(), versioned.name(), versioned.cutOffTime(), versioned.contactEmail(),
                version, Instant.now()), content);
        return new Upserted(stored.isPresent() ? Outcome.UPDATED : Outcome.CREATED,
                outbox.add(Topics.MASTER_STORES, versioned.storeCode(), versioned));
    }

    /** Validates an uploaded product and maps it to its event; {@link Rejected} says why not. */
    static ProductMaster toEvent(ProductInput in, long version) {
        String given = required(in.itemCode(), "itemCode");
        String itemCode = Gtin.parse(given).orElseThrow(() -> new Rejected(
                "itemCode " + given + " is not a JAN code (8 or 13 digits with a valid check digit)"));
        int min = required(in.minQuantity(), "minQuantity");
        int max = required(in.maxQuantity(), "maxQuantity");
        if (min < 1 || max < min) {
            throw new Rejected("quantities must satisfy 1 <= minQuantity <= maxQuantity");
        }
        return new ProductMaster(itemCode, required(in.name(), "name"), requiredCode(in.unit(), "unit"),
                required(in.orderable(), "orderable"), min, max, version);
    }

    static StoreMaster toEvent(StoreInput in, long version) {
        String code = requiredCode(in.storeCode(), "storeCode");
        if (!STORE_CODE.matcher(code).matches()) {
            throw new Rejected("storeCode must be 1-32 letters, digits, '-' or '_'");
        }
        LocalTime cutOff;
        try {
            cutOff = LocalTime.parse(requiredCode(in.cutOffTime(), "cutOffTime"));
        } catch (DateTimeParseException e) {
            throw new Rejected("cutOffTime must be HH:mm");
        }
        String email = in.contactEmail() == null || in.contactEmail().isBlank() ? null : in.contactEmail().strip();
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new Rejected("contactEmail is not an e-mail address");
        }
        return new StoreMaster(code, required(in.name(), "name"), cutOff, email, version);
    }
}
