package dev.dealstream.query.support;

import dev.dealstream.topics.Problem;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.StoreOwners;
import dev.dealstream.topics.support.Json;
import dev.dealstream.topics.support.KeyPartitioner;
import dev.dealstream.web.Problems;
import dev.dealstream.web.ReactiveEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Sends a key lookup to the processor instance that owns the key, or to every instance when the key's
 * partition is not known. The owner of each partition comes from the processors' streams metadata,
 * cached briefly; a call that finds the key moved (421), the store restoring (503) or the instance
 * gone refreshes the metadata and tries again within the budget.
 */
public class ProcessorRouter {

    // a problem leaves out the members it does not have (RFC 9457), so they are optional when read
    private static final ObjectReader PROBLEM_READER = Json.mapper().readerFor(Problem.class)
            .without(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** What the owner answered: its status and body (a value, or a problem). */
    public record Answer(int status, byte[] body) {
        public boolean ok() {
            return status == 200;
        }

        public <T> T read(Class<T> type) {
            return Json.mapper().readValue(body, type);
        }

        public Problem problem() {
            return PROBLEM_READER.readValue(body);
        }

        /** The owner's answer passed on as it is: its JSON value, or its problem. */
        public Mono<ServerResponse> relay() {
            return ReactiveEndpoints.respond(ok()
                    ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body)
                    : Problems.of(problem()));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProcessorRouter.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final QueryProperties properties;
    private final HttpClient http;
    private final Map<String, CachedOwners> owners = new ConcurrentHashMap<>();

    private record CachedOwners(StoreOwners owners, long fetchedAtNanos) {
    }

    public ProcessorRouter(QueryProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.callTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@link #lookup}, answered as the owner answered. */
    public Mono<ServerResponse> relay(String store, String key, String path) {
        return offEventLoop(() -> lookup(store, key, path)).flatMap(Answer::relay);
    }

    /** Runs a lookup where it may block: its calls and its pauses between tries wait, an event loop must not. */
    public static <T> Mono<T> offEventLoop(Callable<T> lookup) {
        return Mono.fromCallable(lookup).subscribeOn(Schedulers.boundedElastic());
    }

    /** Asks the owner of {@code key} in {@code store} for {@code path}; 503 STORE_NOT_READY when none answers in time. */
    public Answer lookup(String store, String key, String path) {
        return withinBudget("Lookup in " + store + " for key " + key, refresh -> {
            Optional<String> owner = owners(store, refresh).map(known ->
                    known.owners().get(KeyPartitioner.partitionOf(key, known.partitions())));
            if (owner.isEmpty()) {
                return Attempt.retry("no owner known for " + store + " partition of key " + key);
            }
            return ask(owner.get(), path);
        });
    }

    /**
     * Asks every instance that owns a partition of any of {@code stores} for {@code path}, for a key
     * whose partition is not known: the first 200 answers; 404 once every one of them answered 404;
     * 503 STORE_NOT_READY when that is not known in time.
     */
    public Answer lookupEverywhere(List<String> stores, String path) {
        return withinBudget("Lookup in " + stores, refresh -> {
            Set<String> everyOwner = new LinkedHashSet<>();
            for (String store : stores) {
                Optional<StoreOwners> known = owners(store, refresh);
                if (known.isEmpty() || known.get().owners().contains(null)) {
                    return Attempt.retry("not every partition of " + store + " has an owner yet");
                }
                everyOwner.addAll(known.get().owners());
            }
            Answer notFound = null;
            for (String owner : everyOwner) {
                Attempt asked = ask(owner, path);
                if (asked.answer() == null || asked.answer().status() != 404) {
                    return asked;
                }
                notFound = asked.answer();
            }
            return notFound == null ? Attempt.retry("no owner known for " + stores) : Attempt.answered(notFound);
        });
    }

    /** One try: an answer to pass on, or why to refresh the metadata and try again. */
    private record Attempt(Answer answer, String why) {
        static Attempt answered(Answer answer) {
            return new Attempt(answer, null);
        }

        static Attempt retry(String why) {
            return new Attempt(null, why);
        }
    }

    private Answer withinBudget(String what, Function<Boolean, Attempt> attempt) {
        long deadline = System.nanoTime() + properties.routingBudget().toNanos();
        boolean refresh = false;
        String why;
        do {
            Attempt tried = attempt.apply(refresh);
            if (tried.answer() != null) {
                return tried.answer();
            }
            why = tried.why();
            refresh = true;
            pause();
        } while (System.nanoTime() < deadline);
        log.warn("{} gave up: {}", what, why);
        return new Answer(503, Json.mapper().writeValueAsBytes(Problem.of(ReasonCode.STORE_NOT_READY, why)));
    }

    /** Asks {@code owner}: its answer, unless it no longer owns the key (421), cannot answer yet (503) or is gone. */
    private Attempt ask(String owner, String path) {
        try {
            Answer answer = get(owner + path);
            if (answer.status() != ReasonCode.NOT_OWNER.httpStatus() && answer.status() != 503) {
                return Attempt.answered(answer);
            }
            return Attempt.retry(owner + " answered " + answer.status());
        } catch (IOException e) {
            return Attempt.retry(owner + " unreachable: " + e.getMessage());
        }
    }

    private Optional<StoreOwners> owners(String store, boolean refresh) {
        CachedOwners cached = owners.get(store);
        boolean stale = cached == null
                || System.nanoTime() - cached.fetchedAtNanos() > properties.metadataMaxAge().toNanos();
        if (refresh || stale) {
            cached = fetchOwners(store).map(fresh -> new CachedOwners(fresh, System.nanoTime())).orElse(cached);
            if (cached != null) {
                owners.put(store, cached);
            }
        }
        return Optional.ofNullable(cached).map(CachedOwners::owners);
    }

    private Optional<StoreOwners> fetchOwners(String store) {
        for (String processor : properties.processorUrls()) {
            try {
                Answer answer = get(processor + "/internal/metadata/stores/" + store);
                if (answer.ok()) {
                    return Optional.of(answer.read(StoreOwners.class));
                }
            } catch (IOException e) {
                log.debug("Processor {} did not answer metadata: {}", processor, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Answer get(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.callTimeout()).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
