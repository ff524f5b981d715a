package jp.foodtrace.platform;

import java.util.Optional;

/** One part of the platform that runs as a background process. */
public interface Component {

    String name();

    /** Starts the part unless it already runs, and waits until it is ready. Returns whether it started now. */
    boolean up();

    /** Where a person reaches it, for the summary the launcher prints. */
    String url();

    ManagedProcess process();

    default Optional<ProcessHandle> running() {
        return process().running();
    }
}
