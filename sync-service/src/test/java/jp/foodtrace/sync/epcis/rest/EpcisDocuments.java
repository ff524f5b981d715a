package jp.foodtrace.sync.epcis.rest;

import java.util.concurrent.ThreadLocalRandom;

/**
 * EPCIS documents for the tests, with identifiers made unique per use so that tests sharing the
 * database do not see each other's events: one event of each of the five types, with the
 * standard fields the query parameters look at, an extension field in a namespace of its own,
 * sensor data and certification info.
 */
final class EpcisDocuments {

    final String r = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
    final String ns = "https://ns.example.jp/" + r + "/";


    String epc(int n) {
        return "urn:epc:id:sgtin:4512345." + r.charAt(0) + "67890." + r + n;
    }

    String lgtin(String lot) {
        return "urn:epc:class:lgtin:4512345." + r.charAt(0) + "67890." + lot;
    }

    /** Five events: object (receiving), aggregation, transformation, transaction, association. */
    String fiveEvents() {
        return """
                {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                   {"ex":"%1$s","exLink":{"@id":"%1$slink","@type":"@id"}}],
                 "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-12-01T00:00:00Z",
                 "epcisBody":{"eventList":[
                  {"type":"ObjectEvent","eventID":"%2$s1","eventTime":"2026-01-01T09:00:00.000+09:00","eventTimeZoneOffset":"+09:00",
                   "action":"ADD","bizStep":"receiving","disposition":"in_progress","epcList":["%3$s"],
                   "quantityList":[{"epcClass":"%8$s","quantity":12.5,"uom":"KGM"}],
                   "readPoint":{"id":"urn:epc:id:sgln:4512345.00001.%4$s"},"bizLocation":{"id":"urn:epc:id:sgln:4512345.00002.%4$s"},
                   "bizTransactionList":[{"type":"po","bizTransaction":"urn:epcglobal:cbv:bt:4512345000016:PO%4$s"}],
                   "sourceList":[{"type":"owning_party","source":"urn:epc:id:pgln:4512345.00003.%4$s"}],
                   "destinationList":[{"type":"location","destination":"urn:epc:id:sgln:4512345.00004.%4$s"}],
                   "sensorElementList":[{"sensorMetadata":{"time":"2026-01-01T08:59:00Z","deviceID":"urn:epc:id:giai:4512345.%4$s"},
                     "sensorReport":[{"type":"Temperature","value":4.5,"uom":"CEL"}]}],
                   "certificationInfo":"https://cert.example.jp/%4$s",
                   "ex:temperatureZone":{"ex:zone":"chilled","ex:maxC":5}},
                  {"type":"AggregationEvent","eventID":"%2$s2","eventTime":"2026-01-02T09:00:00.000+09:00","eventTimeZoneOffset":"+09:00",
                   "action":"ADD","bizStep":"packing","parentID":"urn:epc:id:sscc:4512345.%4$s000","childEPCs":["%5$s"]},
                  {"type":"TransformationEvent","eventID":"%2$s3","eventTime":"2026-01-03T09:00:00.000+09:00","eventTimeZoneOffset":"+09:00",
                   "bizStep":"commissioning","inputEPCList":["%6$s"],"outputEPCList":["%7$s"],
                   "inputQuantityList":[{"epcClass":"%9$s","quantity":3}],
                   "outputQuantityList":[{"epcClass":"%10$s","quantity":1}],
                   "ilmd":{"cbvmda:bestBeforeDate":"2026-02-01"}},
                  {"type":"TransactionEvent","eventID":"%2$s4","eventTime":"2026-01-04T09:00:00.000+09:00","eventTimeZoneOffset":"+09:00",
                   "action":"OBSERVE","bizStep":"shipping","disposition":"in_transit","epcList":["%11$s"],
                   "bizTransactionList":[{"type":"inv","bizTransaction":"urn:epcglobal:cbv:bt:4512345000016:INV%4$s"}],
                   "sourceList":[{"type":"owning_party","source":"urn:epc:id:pgln:4512345.00003.%4$s"}],
                   "destinationList":[{"type":"owning_party","destination":"urn:epc:id:pgln:4512345.00005.%4$s"}]},
                  {"type":"AssociationEvent","eventID":"%2$s5","eventTime":"2026-01-05T09:00:00.000+09:00","eventTimeZoneOffset":"+09:00",
                   "action":"ADD","bizStep":"assembling","parentID":"urn:epc:id:grai:4512345.00006.%4$s","childEPCs":["%12$s"],
                   "readPoint":{"id":"urn:epc:id:sgln:4512345.00001.%4$s"}}
                 ]}}""".formatted(ns, eventIdPrefix(), epc(1), r, epc(2), epc(3), epc(4), lgtin("LA" + r),
                lgtin("LI" + r), lgtin("LO" + r), epc(5), epc(6));
    }

    String eventIdPrefix() {
        return "urn:uuid:6f1a2b3c-0000-4000-8000-" + r + "00000";
    }

    String eventId(int n) {
        return eventIdPrefix() + n;
    }
}
