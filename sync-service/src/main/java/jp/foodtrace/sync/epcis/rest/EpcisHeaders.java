package jp.foodtrace.sync.epcis.rest;

import jakarta.ws.rs.core.Response;

/** The version headers every EPCIS answer carries (REST binding: GS1-EPCIS-Version, GS1-CBV-Version). */
final class EpcisHeaders {

    private EpcisHeaders() {
    }

    static Response.ResponseBuilder standard(Response.ResponseBuilder response) {
        return response.header("GS1-EPCIS-Version", "2.0.0").header("GS1-CBV-Version", "2.0.0");
    }
}
