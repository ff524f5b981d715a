package jp.foodtrace.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a real server (the SES endpoint, the SMTP sink, PostgreSQL) that can
 * break the connection as a fault would: a server that went away, or one that took the request
 * but whose answer never arrived:
 * <ul>
 * <li>{@link #passThrough()}: relays both ways;</li>
 * <li>{@link #refuse()}: nothing listens on the port, so a connect is refused (nothing sent);</li>
 * <li>{@link #swallowAnswerAfter(String)}: relays both ways until the client has sent the marker
 * (empty: from the start); then the server's next answer is dropped and the client's connection
 * closed. The server has the whole request and acts on it; the client never learns the result.</li>
 * </ul>
 * The mode is read on every read, so it also applies to connections opened before it was set.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    private enum Mode {
        PASS, REFUSE, SWALLOW_ANSWER
    }

    private final InetSocketAddress upstream;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger swallowed = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile byte[] marker = new byte[0];
    private ServerSocket server;

    private FaultInjectingProxy(InetSocketAddress upstream, int port) {
        this.upstream = upstream;
        this.port = port;
    }

    /** A proxy on a free local port towards {@code host:upstreamPort}, refusing until told otherwise. */
    public static FaultInjectingProxy refusingTo(String host, int upstreamPort) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        FaultInjectingProxy proxy = new FaultInjectingProxy(new InetSocketAddress(host, upstreamPort), port);
        proxy.refuse();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Connections the proxy accepted so far (each is one attempt of the client to reach the server). */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Answers the proxy dropped so far. */
    public int swallowedAnswers() {
        return swallowed.get();
    }

    public synchronized void passThrough() throws IOException {
        mode = Mode.PASS;
        listen();
    }

    /** Stops listening and cuts every open connection, so that the next attempt is refused. */
    public synchronized void refuse() throws IOException {
        mode = Mode.REFUSE;
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    public synchronized void swallowAnswerAfter(String clientMarker) throws IOException {
        marker = clientMarker.getBytes(StandardCharsets.US_ASCII);
        mode = Mode.SWALLOW_ANSWER;
        listen();
    }

    @Override
    public synchronized void close() throws IOException {
        refuse();
        threads.shutdownNow();
    }

    private void listen() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = socket;
        threads.submit(() -> acceptLoop(socket));
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                threads.submit(() -> connect(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        Socket server;
        try {
            server = new Socket();
            server.connect(upstream, 2000);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(server);
        ClientSide side = new ClientSide();
        threads.submit(() -> pump(client, server, side, true));
        pump(server, client, side, false);
    }

    /** What the client has sent on one connection, as far as the marker is concerned. */
    private final class ClientSide {
        private final byte[] tail = new byte[64];
        private int length;
        private volatile boolean markerSeen;

        synchronized void saw(byte[] buffer, int count) {
            for (int i = 0; i < count; i++) {
                if (length == tail.length) {
                    System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                    length--;
                }
                tail[length++] = buffer[i];
                byte[] wanted = marker;
                if (wanted.length > 0 && length >= wanted.length
                        && Arrays.equals(tail, length - wanted.length, length, wanted, 0, wanted.length)) {
                    markerSeen = true;
                }
            }
        }

        boolean swallowNow() {
            return mode == Mode.SWALLOW_ANSWER && (marker.length == 0 || markerSeen);
        }
    }

    private void pump(Socket from, Socket to, ClientSide side, boolean fromClient) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (fromClient) {
                    side.saw(buffer, n);
                } else if (side.swallowNow()) {
                    // The server answered a request it received whole: the client must not learn of it.
                    swallowed.incrementAndGet();
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away; the finally block takes the other down too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
