package jp.foodtrace.mail.sender;

import jakarta.enterprise.context.RequestScoped;

/** The sender authenticated for the current request (set by the sender filter). */
@RequestScoped
public class CallingSender {

    private Sender sender;

    public Sender get() {
        if (sender == null) {
            throw new IllegalStateException("no authenticated sender in this request");
        }
        return sender;
    }

    public void set(Sender sender) {
        this.sender = sender;
    }
}
