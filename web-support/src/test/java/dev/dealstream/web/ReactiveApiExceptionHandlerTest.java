package dev.dealstream.web;

import dev.dealstream.topics.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;

/**
 * What a WebFlux service with {@link ReactiveEndpoints} answers for input its stack or its endpoints
 * refuse: problems with reason codes.
 */
class ReactiveApiExceptionHandlerTest {

    private static final int MAX_BODY_BYTES = 1024;

    private static final RouterFunction<ServerResponse> ECHO = ReactiveEndpoints.endpoint(HttpMethod.POST, "/echo",
            request -> ReactiveEndpoints.jsonBody(request).flatMap(body -> {
                if (body.has("refuse")) {
                    throw new ApiException(ReasonCode.INVALID_AMOUNT, "refused on purpose");
                }
                return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            }));

    private final WebTestClient client = WebTestClient.bindToRouterFunction(ECHO)
            // empty(): the default strategies would answer the stack's refusals before the handler under test
            .handlerStrategies(HandlerStrategies.empty()
                    .codecs(codecs -> {
                        codecs.registerDefaults(true);
                        codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES);
                    })
                    .webFilter(new BodySizeLimitWebFilter(MAX_BODY_BYTES))
                    .exceptionHandler(new ReactiveApiExceptionHandler(MAX_BODY_BYTES))
                    .build())
            .build();

    @Test
    void anEndpointsRefusalKeepsItsReasonCode() {
        expectProblem(post("{\"refuse\":true}"), 400, "INVALID_AMOUNT");
    }

    @Test
    void aBodyThatIsNotJsonOrIsMissingIsMalformed() {
        expectProblem(post("{\"amount\":"), 400, "MALFORMED_REQUEST");
        expectProblem(client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).exchange(), 400, "MALFORMED_REQUEST");
    }

    @Test
    void theStacksOwnRefusalsAreProblemsToo() {
        expectProblem(client.post().uri("/echo").contentType(MediaType.TEXT_PLAIN).bodyValue("5000").exchange(),
                415, "UNSUPPORTED_MEDIA_TYPE");
        expectProblem(client.get().uri("/echo").exchange(), 405, "METHOD_NOT_ALLOWED");
        expectProblem(client.post().uri("/nowhere").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(),
                404, "NOT_FOUND");
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() {
        expectProblem(post(jsonOfBytes(MAX_BODY_BYTES + 1)), 413, "PAYLOAD_TOO_LARGE");
        client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(jsonOfBytes(MAX_BODY_BYTES))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aBodyWithoutContentLengthIsHeldToTheLimitAsItIsRead() {
        byte[] json = jsonOfBytes(4 * MAX_BODY_BYTES).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunks = Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOfRange(json, i * MAX_BODY_BYTES, (i + 1) * MAX_BODY_BYTES)));
        expectProblem(client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks)).exchange(), 413, "PAYLOAD_TOO_LARGE");
    }

    private WebTestClient.ResponseSpec post(String json) {
        return client.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(Problems.PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.status").isEqualTo(status);
    }

    /** A JSON object of exactly {@code bytes} bytes. */
    private static String jsonOfBytes(int bytes) {
        return "{\"pad\":\"" + "x".repeat(bytes - 10) + "\"}";
    }
}
