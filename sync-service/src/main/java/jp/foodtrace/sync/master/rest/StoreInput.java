package jp.foodtrace.sync.master.rest;

/** One store of a master-data upload (JSON; CSV columns store_code,name,cut_off_time,contact_email). */
public record StoreInput(String storeCode, String name, String cutOffTime, String contactEmail) {
}
