package dev.dealstream.ingest.user;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandEndpoints;
import dev.dealstream.ingest.support.CommandGateway;
import dev.dealstream.ingest.support.CommandRequest;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.user.User;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.PathIds;
import dev.dealstream.web.ReactiveEndpoints;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/v1/admin/users/{userId}}: register a user or rename one. */
@Configuration(proxyBeanMethods = false)
class UserAdminController {

    private final CommandGateway gateway;

    UserAdminController(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Bean
    RouterFunction<ServerResponse> userAdminRoutes() {
        return ReactiveEndpoints.endpoint(HttpMethod.PUT, "/api/v1/admin/users/{userId}",
                CommandEndpoints.withJsonBody("userId", PathIds::userId, this::register));
    }

    private Mono<ServerResponse> register(UserId user, CommandRequest request, JsonNode body) {
        String name = BodyFields.text(body, "name", ReasonCode.INVALID_USER);
        if (!User.isValidName(name)) {
            throw new ApiException(ReasonCode.INVALID_USER, "a user name has 1-" + User.MAX_NAME_LENGTH + " characters and is not blank");
        }
        RegisterUser command = new RegisterUser(request.requestId(), user, name, Instant.now());
        return gateway.execute(Topics.USER_COMMANDS, user.key(), command, request, HttpStatus.OK);
    }
}
