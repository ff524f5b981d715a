package jp.foodtrace.sync.access;

import jakarta.enterprise.context.RequestScoped;

/** The client system authenticated for the current request (set by the access filter). */
@RequestScoped
public class CallingClient {

    private ClientSystem client;

    public ClientSystem get() {
        if (client == null) {
            throw new IllegalStateException("no authenticated client in this request");
        }
        return client;
    }

    public void set(ClientSystem client) {
        this.client = client;
    }
}
