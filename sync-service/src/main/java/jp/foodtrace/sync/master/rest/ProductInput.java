package jp.foodtrace.sync.master.rest;

/** One product of a master-data upload (JSON; CSV columns item_code,name,unit,orderable,min_quantity,max_quantity). */
public record ProductInput(String itemCode, String name, String unit, Boolean orderable, Integer minQuantity,
        Integer maxQuantity) {
}
