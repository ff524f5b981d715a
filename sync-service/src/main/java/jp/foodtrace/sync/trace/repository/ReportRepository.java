package jp.foodtrace.sync.trace.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;

/** Names the recall spreadsheet shows beside codes: products (name, unit), stores, lots' plants. */
@ApplicationScoped
public class ReportRepository {

    /** A product's name and ordering unit. */
    public record ProductName(String name, String unit) {
    }

    private final Jdbc jdbc;

    public ReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, ProductName> products(List<String> itemCodes) {
        Map<String, ProductName> out = new HashMap<>();
        jdbc.list("SELECT item_code, name, unit FROM product WHERE item_code = ANY (?)",
                rs -> out.put(rs.getString(1), new ProductName(rs.getString(2), rs.getString(3))),
                (Object) itemCodes.toArray(String[]::new));
        return out;
    }

    public Map<String, String> stores(List<String> storeCodes) {
        Map<String, String> out = new HashMap<>();
        jdbc.list("SELECT store_code, name FROM store WHERE store_code = ANY (?)",
                rs -> out.put(rs.getString(1), rs.getString(2)), (Object) storeCodes.toArray(String[]::new));
        return out;
    }

    /** Production lots' quantity and plant, for transformation rows and the shipped lots' source. */
    public Map<String, String[]> lots(List<String> lotNumbers) {
        Map<String, String[]> out = new HashMap<>();
        jdbc.list("SELECT lot_number, quantity, plant FROM lot WHERE lot_number = ANY (?)",
                rs -> out.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) }),
                (Object) lotNumbers.toArray(String[]::new));
        return out;
    }
}
