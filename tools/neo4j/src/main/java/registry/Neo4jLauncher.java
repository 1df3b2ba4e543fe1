package registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Starts a Neo4j Community DBMS (embedded, same kernel and Cypher as the server) with its Bolt
 * connector on 127.0.0.1, for tests and developers.
 *
 * <p>Prints exactly one line to stdout once the default database {@code neo4j} is usable:
 * {@code bolt://127.0.0.1:PORT}. Everything else goes to stderr (warnings and errors of the user
 * log) or to {@code DIR/logs/debug.log}. Stops cleanly on SIGTERM/SIGINT, when its standard input
 * reaches end of file (the parent closed its pipe or died), and when its parent process goes away.
 *
 * <p>Usage: {@code Neo4jLauncher [--port N] [--data DIR] [--password PW] [--page-cache SIZE]
 * [--verbose] [--no-watch]}; environment {@code NEO4J_LAUNCHER_PORT}, {@code
 * NEO4J_LAUNCHER_DATA}, {@code NEO4J_LAUNCHER_PASSWORD} and {@code NEO4J_LAUNCHER_PAGE_CACHE}
 * give the same values when no option does.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";
    private static final String USAGE =
            "usage: run [--port N] [--instances N] [--data DIR] [--password PW] [--page-cache SIZE] [--verbose] [--no-watch]\n"
                    + "  --port N          Bolt port on 127.0.0.1 (default: a free port)\n"
                    + "  --instances N     start N independent DBMSs in this JVM, each with its own\n"
                    + "                    database, home (DIR/dbI) and port (N, N+1, ... or free ones);\n"
                    + "                    one URI line each (default 1)\n"
                    + "  --data DIR        Neo4j home: data/ and logs/ live there, kept on exit\n"
                    + "                    (default: a temporary directory deleted on exit)\n"
                    + "  --password PW     enable auth for user neo4j with this password (default: auth off)\n"
                    + "  --page-cache SIZE page cache in bytes or with k/m/g suffix (default 256m)\n"
                    + "  --verbose         log at INFO to stderr (default: warnings and errors only)\n"
                    + "  --no-watch        keep running when stdin closes or the parent exits";

    /** Real stdout, kept for the single ready line; System.out is redirected to stderr. */
    private static final PrintStream STDOUT = System.out;

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    /** The running DBMSs, once started; stopped by the shutdown hook. */
    private static final List<DatabaseManagementService> SERVICES = new CopyOnWriteArrayList<>();

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        // Anything a library prints to System.out must not reach the ready-line channel.
        System.setOut(System.err);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j launcher: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.err.println(USAGE);
            return;
        }
        try {
            run(options);
        } catch (Throwable e) {
            e.printStackTrace(System.err);
            System.err.println("neo4j launcher: cannot start: " + summary(e));
            System.exit(3); // runs the shutdown hook: stops the DBMS if it started, removes a temp home
        }
    }

    private static void run(Options options) throws Exception {
        long started = System.nanoTime();
        Path home;
        boolean temporary = options.data == null;
        if (temporary) {
            home = Files.createTempDirectory("neo4j-launcher-");
        } else {
            home = options.data.toAbsolutePath();
            Files.createDirectories(home);
        }

        Log4jLogProvider userLog =
                new Log4jLogProvider(System.err, options.verbose ? Level.INFO : Level.WARN);
        // Registered before the DBMS starts, so that a failed start still removes a temporary home.
        Path toDelete = temporary ? home : null;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stop(userLog, toDelete), "neo4j-launcher-shutdown"));

        StringBuilder uris = new StringBuilder();
        for (int i = 0; i < options.instances; i++) {
            Path instanceHome = options.instances == 1 ? home : home.resolve("db" + i);
            int wanted = options.port > 0 ? options.port + i : 0;
            int port = start(instanceHome, wanted, options, userLog);
            uris.append("bolt://").append(HOST).append(':').append(port).append('\n');
        }
        if (options.verbose) {
            System.err.printf("neo4j launcher: ready in %d ms, home %s%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), home);
        }

        if (options.watch) {
            watchStdin();
            watchParent();
        }
        STDOUT.print(uris);
        STDOUT.flush();

        // Keep the main thread alive until a shutdown hook or a watcher ends the JVM.
        Thread.currentThread().join();
    }

    /** Starts one DBMS in `home`; returns its Bolt port once its database `neo4j` is usable. */
    private static int start(Path home, int wanted, Options options, Log4jLogProvider userLog)
            throws IOException {
        DatabaseManagementService dbms = null;
        int port = wanted;
        for (int attempt = 1; dbms == null; attempt++) {
            int candidate = port > 0 ? port : freePort();
            try {
                dbms = build(home, candidate, options, userLog);
                port = candidate;
            } catch (RuntimeException e) {
                // A free port picked here can be taken by another process before Neo4j binds it.
                if (port > 0 || attempt >= 5 || !causedBy(e, BindException.class)) {
                    throw e;
                }
                System.err.println("neo4j launcher: port " + candidate + " was taken, retrying");
            }
        }
        SERVICES.add(dbms);
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            throw new IllegalStateException("database neo4j did not become available");
        }
        if (options.password != null) {
            setPassword(dbms, options.password);
        }
        return port;
    }

    private static DatabaseManagementService build(
            Path home, int port, Options options, Log4jLogProvider userLog) {
        SocketAddress address = new SocketAddress(HOST, port);
        return new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(userLog)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, address)
                .setConfig(BoltConnector.advertised_address, address)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, options.password != null)
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCache)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                // The Bolt server waits 2 x 5 s on shutdown by default (Netty and worker pools);
                // nothing is left to wait for once clients are gone, so stop in well under a second.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .build();
    }

    /** Sets the password of the built-in user neo4j (auth is on when a password is given). */
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (QueryExecutionException e) {
            // A kept --data directory already has this password: Neo4j refuses to "change" it.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static void stop(Log4jLogProvider userLog, Path toDelete) {
        if (!STOPPING.compareAndSet(false, true)) {
            return;
        }
        for (DatabaseManagementService service : SERVICES) {
            try {
                service.shutdown();
            } catch (Throwable e) {
                System.err.println("neo4j launcher: error while stopping: " + e);
            }
        }
        userLog.close();
        if (toDelete != null) {
            deleteTree(toDelete);
        }
    }

    /** Exits (running the shutdown hook) when stdin reaches end of file. */
    private static void watchStdin() {
        if (stdinIsDevNull()) {
            // Started with no stdin (e.g. `cmd &` in a script, or CI): EOF would be immediate and
            // means nothing; rely on signals and the parent watch.
            return;
        }
        daemon("neo4j-launcher-stdin", () -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // Discard input; only its end matters.
                }
            } catch (IOException e) {
                // A broken stdin means the parent is gone as well.
            }
            System.err.println("neo4j launcher: stdin closed, stopping");
            System.exit(0);
        });
    }

    /** Exits (running the shutdown hook) when the parent process ends and this one is re-parented. */
    private static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        long parentPid = parent.get().pid();
        if (parentPid <= 1) {
            return;
        }
        daemon("neo4j-launcher-parent", () -> {
            while (true) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                if (now != parentPid) {
                    System.err.println("neo4j launcher: parent process " + parentPid + " is gone, stopping");
                    System.exit(0);
                }
            }
        });
    }

    private static boolean stdinIsDevNull() {
        try {
            return Files.isSameFile(Path.of("/proc/self/fd/0"), Path.of("/dev/null"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** The outermost and innermost messages of a failure, on one line. */
    private static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text.replace('\n', ' ');
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (causedBy(s, type)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("neo4j launcher: could not delete " + root + ": " + e);
        }
    }

    private static final class Options {
        int port;
        int instances = 1;
        Path data;
        String password;
        long pageCache = ByteUnit.mebiBytes(256);
        boolean verbose;
        boolean watch = true;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            String env = System.getenv("NEO4J_LAUNCHER_PORT");
            if (env != null && !env.isEmpty()) {
                o.port = parsePort(env);
            }
            env = System.getenv("NEO4J_LAUNCHER_DATA");
            if (env != null && !env.isEmpty()) {
                o.data = Path.of(env);
            }
            env = System.getenv("NEO4J_LAUNCHER_PASSWORD");
            if (env != null && !env.isEmpty()) {
                o.password = env;
            }
            env = System.getenv("NEO4J_LAUNCHER_PAGE_CACHE");
            if (env != null && !env.isEmpty()) {
                o.pageCache = parseSize(env);
            }
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--port" -> o.port = parsePort(value != null ? value : next(args, ++i, arg));
                    case "--instances" -> o.instances = parseCount(value != null ? value : next(args, ++i, arg));
                    case "--data" -> o.data = Path.of(value != null ? value : next(args, ++i, arg));
                    case "--password" -> o.password = value != null ? value : next(args, ++i, arg);
                    case "--page-cache" -> o.pageCache = parseSize(value != null ? value : next(args, ++i, arg));
                    case "--verbose" -> o.verbose = true;
                    case "--no-watch" -> o.watch = false;
                    case "-h", "--help" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (o.password != null && o.password.isEmpty()) {
                throw new IllegalArgumentException("--password must not be empty");
            }
            return o;
        }

        private static int parseCount(String text) {
            try {
                int count = Integer.parseInt(text.trim());
                if (count >= 1 && count <= 16) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--instances must be a number from 1 to 16, not " + text);
        }

        private static String next(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String text) {
            try {
                int port = Integer.parseInt(text.trim());
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port: " + text);
            }
        }

        private static long parseSize(String text) {
            String t = text.trim().toLowerCase();
            long unit = 1;
            if (t.endsWith("k")) {
                unit = ByteUnit.kibiBytes(1);
            } else if (t.endsWith("m")) {
                unit = ByteUnit.mebiBytes(1);
            } else if (t.endsWith("g")) {
                unit = ByteUnit.gibiBytes(1);
            }
            if (unit != 1) {
                t = t.substring(0, t.length() - 1);
            }
            try {
                return Long.parseLong(t) * unit;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a size: " + text);
            }
        }
    }
}
