package boxoffice.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;

/**
 * A constant-rate (open-loop) HTTP load generator that does not suffer from coordinated omission.
 *
 * <p>Request {@code i} is due at {@code start + i / rate}, whether or not earlier requests have been answered; its
 * latency is the time from that <em>scheduled</em> moment to its answer. A server that stalls for a second therefore
 * shows a second of latency on every request that should have been sent meanwhile, not on one request only (what a
 * closed-loop tool such as wrk records, since it sends nothing while it waits). At most {@code --connections}
 * requests are on the wire at once; the others wait in the client's queue, and that wait counts. The same idea as
 * wrk2 (Gil Tene's fork of wrk).
 *
 * <p>With {@code --rate 0} it runs closed-loop instead (at most {@code --connections} requests in flight, latency from
 * the actual send): to find a maximum rate, or to create many records fast.
 *
 * <p>Latencies go into an HdrHistogram (nanoseconds, 3 significant digits), written as an interval log
 * ({@code --hlog}, {@link HistogramLogWriter}: one histogram per {@code --interval}) and as a percentile distribution
 * in milliseconds ({@code --hgrm}, the format of HdrHistogram's plotter and of {@code wrk2 --latency}).
 */
public final class LoadGen {
    private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long LOWEST_NANOS = 1_000; // one microsecond is the finest difference worth telling apart

    private final Options options;
    private final HttpClient client;
    private final Recorder recorder = new Recorder(LOWEST_NANOS, HIGHEST_NANOS, 3);
    private final Histogram total = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, 3);
    /** How late the generator itself sent each request (its own scheduling, not the server): single writer. */
    private final Histogram sendLag = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, 3);
    private final AtomicLongArray statuses = new AtomicLongArray(600);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong lastCompletion = new AtomicLong();
    private final Template body;
    private final List<String[]> headers = new ArrayList<>();
    private final List<String> values;
    private final URI uri;

    private LoadGen(Options options) throws IOException {
        this.options = options;
        this.uri = URI.create(options.url + options.path);
        String bodyText = options.bodyFile != null ? Files.readString(Path.of(options.bodyFile)) : options.body;
        this.body = bodyText == null ? null : new Template(bodyText);
        for (String header : options.headers) {
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("a header is 'Name: value', not " + header);
            }
            headers.add(new String[] {header.substring(0, colon).trim(), header.substring(colon + 1).trim()});
        }
        this.values = options.valuesFile == null ? List.of()
                : Files.readAllLines(Path.of(options.valuesFile)).stream().filter(s -> !s.isBlank()).toList();
        if ((body != null && body.text.contains("{{value}}") || options.headers.stream().anyMatch(h -> h.contains("{{value}}")))
                && values.isEmpty()) {
            throw new IllegalArgumentException("{{value}} needs --values <file> with one value a line");
        }
        this.client = new HttpClient();
        client.setMaxConnectionsPerDestination(options.connections);
        client.setMaxRequestsQueuedPerDestination(10_000_000); // the queue is the point: waiting there counts
        client.setFollowRedirects(false);
        client.setConnectTimeout(5_000);
        client.setIdleTimeout(0);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        LoadGen generator = new LoadGen(options);
        try {
            generator.client.start();
            generator.run();
        } finally {
            generator.client.stop();
        }
    }

    private void run() throws Exception {
        if (options.warmupSeconds > 0) {
            System.err.printf(Locale.ROOT, "loadgen: warming up for %.1f s (not recorded)%n", options.warmupSeconds);
            drive(options.warmupSeconds, 0, false);
            drain();
        }
        long startMillis = System.currentTimeMillis();
        HistogramLogWriter log = null;
        PrintStream logStream = null;
        if (options.hlog != null) {
            logStream = new PrintStream(new FileOutputStream(options.hlog), false, StandardCharsets.UTF_8);
            log = new HistogramLogWriter(logStream);
            log.outputComment("[box-office loadgen: " + describe() + "; values in nanoseconds]");
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.setBaseTime(startMillis);
            log.outputLegend();
        }
        recorder.reset();
        HistogramLogWriter writer = log;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "loadgen-log");
            thread.setDaemon(true);
            return thread;
        });
        long intervalMillis = Math.max(100, Math.round(options.intervalSeconds * 1000));
        Histogram[] interval = {null};
        Runnable tick = () -> {
            synchronized (total) {
                interval[0] = recorder.getIntervalHistogram(interval[0]);
                total.add(interval[0]);
                if (writer != null) {
                    writer.outputIntervalHistogram(interval[0]);
                }
                if (options.progress) {
                    System.err.printf(Locale.ROOT, "  +%5.1fs  %7d answers  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms%n",
                            (System.currentTimeMillis() - startMillis) / 1000.0, interval[0].getTotalCount(),
                            ms(interval[0].getValueAtPercentile(50)), ms(interval[0].getValueAtPercentile(99)),
                            ms(interval[0].getMaxValue()));
                }
            }
        };
        ticker.scheduleAtFixedRate(tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        long sent = drive(options.durationSeconds, options.requests, true);
        boolean drained = drain();
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        tick.run(); // the last partial interval
        if (logStream != null) {
            logStream.close();
        }
        report(start, sent, drained);
    }

    /**
     * Sends for {@code seconds} (or until {@code maxRequests}, if positive): open loop at the rate, or closed loop
     * with at most {@code connections} in flight when the rate is 0. Returns how many requests it sent.
     */
    private long drive(double seconds, long maxRequests, boolean measured) throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long end = start + (long) (seconds * 1e9);
        boolean open = options.rate > 0;
        Semaphore slots = new Semaphore(options.connections);
        long i = 0;
        for (; maxRequests <= 0 || i < maxRequests; i++) {
            long scheduled;
            if (open) {
                scheduled = start + (long) Math.floor(i * 1e9 / options.rate);
                if (scheduled >= end) {
                    break;
                }
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait); // no spinning: the machine's cores belong to the server
                }
                if (measured) {
                    sendLag.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, System.nanoTime() - scheduled)));
                }
            } else {
                if (System.nanoTime() >= end) {
                    break;
                }
                slots.acquire();
                scheduled = System.nanoTime();
            }
            send(i, scheduled, measured, open ? null : slots);
        }
        return i;
    }

    private void send(long index, long scheduled, boolean measured, Semaphore slot) {
        Request request = client.newRequest(uri).method(options.method)
                .timeout((long) (options.timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        if (!headers.isEmpty()) {
            request.headers(fields -> {
                for (String[] header : headers) {
                    fields.put(header[0], expand(header[1], index));
                }
            });
        }
        if (body != null) {
            request.body(new BytesRequestContent(options.contentType, body.bytes(this, index)));
        }
        inFlight.incrementAndGet();
        request.send(result -> {
            long now = System.nanoTime();
            if (slot != null) {
                slot.release();
            }
            if (measured) {
                record(result, now - scheduled, now);
            }
            inFlight.decrementAndGet();
        });
    }

    private void record(Result result, long latency, long now) {
        Throwable failure = result.getFailure();
        long value = Math.min(HIGHEST_NANOS, Math.max(LOWEST_NANOS, latency));
        if (failure == null) {
            statuses.incrementAndGet(Math.min(599, Math.max(0, result.getResponse().getStatus())));
            recorder.recordValue(value);
        } else if (failure instanceof TimeoutException) {
            // a lower bound of its latency: leaving it out would flatter the server
            timeouts.increment();
            recorder.recordValue(value);
        } else {
            errors.computeIfAbsent(failure.getClass().getSimpleName(), k -> new LongAdder()).increment();
        }
        completed.increment();
        lastCompletion.accumulateAndGet(now, Math::max);
    }

    /** Waits for the requests in flight, at most the request timeout and a little more. */
    private boolean drain() {
        long deadline = System.nanoTime() + (long) ((options.timeoutSeconds + 2) * 1e9);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return inFlight.get() == 0;
    }

    private void report(long start, long sent, boolean drained) throws IOException {
        double elapsed = Math.max(1e-9, (lastCompletion.get() - start) / 1e9);
        long answered = completed.sum();
        double achieved = answered / elapsed;
        Map<Integer, Long> byStatus = new TreeMap<>();
        for (int s = 0; s < statuses.length(); s++) {
            if (statuses.get(s) > 0) {
                byStatus.put(s, statuses.get(s));
            }
        }
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        PrintStream out = System.out;
        out.println(describe());
        out.printf(Locale.ROOT, "sent %d, answered %d in %.2f s: %.1f req/s achieved%s%n", sent, answered, elapsed,
                achieved, drained ? "" : " (" + inFlight.get() + " still in flight at the end: not counted)");
        out.println("statuses: " + (byStatus.isEmpty() ? "none" : byStatus.toString().replaceAll("[{}]", "")));
        out.println("timeouts: " + timeouts.sum() + ", errors: "
                + (errors.isEmpty() ? "none" : errors.toString().replaceAll("[{}]", "")));
        out.println((options.rate > 0 ? "latency from each request's scheduled send time" : "latency (closed loop)")
                + ", ms:");
        out.printf(Locale.ROOT, "  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  p99.99 %.2f  max %.2f  (%d values)%n",
                ms(total.getValueAtPercentile(50)), ms(total.getValueAtPercentile(90)),
                ms(total.getValueAtPercentile(99)), ms(total.getValueAtPercentile(99.9)),
                ms(total.getValueAtPercentile(99.99)), ms(total.getMaxValue()), total.getTotalCount());
        if (options.rate > 0) {
            out.printf(Locale.ROOT, "generator's own send lag, ms: p99 %.2f  max %.2f%s%n",
                    ms(sendLag.getValueAtPercentile(99)), ms(sendLag.getMaxValue()),
                    ms(sendLag.getValueAtPercentile(99)) > 5 ? "  (the generator fell behind its schedule: the"
                            + " machine is short of CPU; its latency figures still count from the schedule)" : "");
        }
        StringBuilder result = new StringBuilder("RESULT");
        result.append(" label=").append(options.label.replace(' ', '_'));
        result.append(String.format(Locale.ROOT, " target_rps=%.1f sent=%d answered=%d rps=%.1f", options.rate, sent,
                answered, achieved));
        result.append(String.format(Locale.ROOT, " p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f p9999_ms=%.3f"
                        + " max_ms=%.3f", ms(total.getValueAtPercentile(50)), ms(total.getValueAtPercentile(90)),
                ms(total.getValueAtPercentile(99)), ms(total.getValueAtPercentile(99.9)),
                ms(total.getValueAtPercentile(99.99)), ms(total.getMaxValue())));
        long ok = 0;
        long other = 0;
        for (Map.Entry<Integer, Long> entry : byStatus.entrySet()) {
            result.append(" s").append(entry.getKey()).append('=').append(entry.getValue());
            if (entry.getKey() >= 200 && entry.getKey() < 300) {
                ok += entry.getValue();
            } else {
                other += entry.getValue();
            }
        }
        result.append(" ok=").append(ok).append(" not_ok=").append(other);
        result.append(" timeouts=").append(timeouts.sum()).append(" errors=").append(errorCount);
        result.append(" unfinished=").append(drained ? 0 : inFlight.get());
        result.append(String.format(Locale.ROOT, " send_lag_p99_ms=%.3f", ms(sendLag.getValueAtPercentile(99))));
        out.println(result);
        if (options.hgrm != null) {
            try (PrintStream hgrm = new PrintStream(new FileOutputStream(options.hgrm), false, StandardCharsets.UTF_8)) {
                total.outputPercentileDistribution(hgrm, 5, 1e6); // milliseconds
            }
        }
    }

    private String describe() {
        String shape = options.method + " " + uri;
        return options.rate > 0
                ? String.format(Locale.ROOT, "open loop: %s at %.1f req/s for %.1f s, at most %d connections%s",
                        shape, options.rate, options.durationSeconds, options.connections,
                        options.requests > 0 ? " (at most " + options.requests + " requests)" : "")
                : String.format(Locale.ROOT, "closed loop: %s, %d in flight, for %.1f s%s", shape,
                        options.connections, options.durationSeconds,
                        options.requests > 0 ? " or " + options.requests + " requests" : "");
    }

    private String expand(String text, long index) {
        if (!text.contains("{{")) {
            return text;
        }
        String expanded = text.replace("{{i}}", Long.toString(index));
        if (expanded.contains("{{uuid}}")) {
            expanded = expanded.replace("{{uuid}}", UUID.randomUUID().toString());
        }
        if (expanded.contains("{{value}}")) {
            expanded = expanded.replace("{{value}}", values.get((int) (index % values.size())));
        }
        return expanded;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** A body with {{i}} (the request's number), {{uuid}} (a fresh one) or {{value}} (line i mod n of --values). */
    private static final class Template {
        final String text;
        final byte[] fixed;

        Template(String text) {
            this.text = text;
            this.fixed = text.contains("{{") ? null : text.getBytes(StandardCharsets.UTF_8);
        }

        byte[] bytes(LoadGen generator, long index) {
            return fixed != null ? fixed : generator.expand(text, index).getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class Options {
        static final String USAGE = """
                usage: java -jar loadgen.jar --url http://127.0.0.1:8080 [options]
                  --rate N           requests per second, open loop (each scheduled at start + i/N); 0 = closed loop
                  --duration S       seconds of load (default 10)
                  --requests N       stop after N requests (default: no limit; the duration still applies)
                  --connections N    most connections (open loop) or requests in flight (closed loop); default 64
                  --method M         GET, POST, ... (default GET, or POST when there is a body)
                  --path P           default /api/v1/holds
                  --body TEXT        request body; {{i}} = request number, {{uuid}} = a new UUID, {{value}} = line
                                     (i mod n) of --values
                  --body-file F      the body from a file (same placeholders)
                  --values F         one value a line, for {{value}}
                  --header 'K: V'    repeatable (same placeholders)
                  --content-type T   default application/json
                  --timeout S        per request, from its scheduled time (default 10); a timeout is recorded at
                                     the time it took (a lower bound) and counted
                  --warmup S         seconds of the same load first, not recorded (default 0)
                  --hlog F           HdrHistogram interval log (HistogramLogWriter, nanoseconds)
                  --hgrm F           percentile distribution (milliseconds), as HdrHistogram's plotter reads it
                  --interval S       seconds per interval histogram (default 1)
                  --label L          a name for the RESULT line
                  --progress         print each interval's p50/p99/max on stderr
                """;

        String url;
        String path = "/api/v1/holds";
        String method;
        String body;
        String bodyFile;
        String valuesFile;
        String contentType = "application/json";
        List<String> headers = new ArrayList<>();
        double rate = -1;
        double durationSeconds = 10;
        long requests = 0;
        int connections = 64;
        double timeoutSeconds = 10;
        double warmupSeconds = 0;
        double intervalSeconds = 1;
        String hlog;
        String hgrm;
        String label = "loadgen";
        boolean progress;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--progress")) {
                    o.progress = true;
                    continue;
                }
                if (arg.equals("--help") || arg.equals("-h")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing a value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--url" -> o.url = value.replaceAll("/+$", "");
                    case "--path" -> o.path = value.startsWith("/") ? value : "/" + value;
                    case "--method" -> o.method = value.toUpperCase(Locale.ROOT);
                    case "--body" -> o.body = value;
                    case "--body-file" -> o.bodyFile = value;
                    case "--values" -> o.valuesFile = value;
                    case "--header" -> o.headers.add(value);
                    case "--content-type" -> o.contentType = value;
                    case "--rate" -> o.rate = Double.parseDouble(value);
                    case "--duration" -> o.durationSeconds = Double.parseDouble(value);
                    case "--requests" -> o.requests = Long.parseLong(value);
                    case "--connections" -> o.connections = Integer.parseInt(value);
                    case "--timeout" -> o.timeoutSeconds = Double.parseDouble(value);
                    case "--warmup" -> o.warmupSeconds = Double.parseDouble(value);
                    case "--interval" -> o.intervalSeconds = Double.parseDouble(value);
                    case "--hlog" -> o.hlog = value;
                    case "--hgrm" -> o.hgrm = value;
                    case "--label" -> o.label = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            if (o.rate < 0) {
                throw new IllegalArgumentException("--rate is required (0 = closed loop)");
            }
            if (o.connections < 1 || o.durationSeconds <= 0 || o.timeoutSeconds <= 0) {
                throw new IllegalArgumentException("--connections, --duration and --timeout must be positive");
            }
            if (o.method == null) {
                o.method = o.body != null || o.bodyFile != null ? "POST" : "GET";
            }
            return o;
        }
    }
}
