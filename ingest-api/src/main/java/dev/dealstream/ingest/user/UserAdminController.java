package dev.dealstream.ingest.user;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandGateway;
import dev.dealstream.ingest.support.CommandRequest;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.user.User;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.PathIds;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/v1/admin/users/{userId}}: register a user or rename one. */
@RestController
class UserAdminController {

    private final CommandGateway gateway;

    UserAdminController(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @PutMapping(path = "/api/v1/admin/users/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> register(
            @PathVariable String userId, CommandRequest request, @RequestBody JsonNode body) {
        UserId user = PathIds.userId(userId);
        String name = BodyFields.text(body, "name", ReasonCode.INVALID_USER);
        if (!User.isValidName(name)) {
            throw new ApiException(ReasonCode.INVALID_USER, "a user name has 1-" + User.MAX_NAME_LENGTH + " characters and is not blank");
        }
        RegisterUser command = new RegisterUser(request.requestId(), user, name, Instant.now());
        return gateway.execute(Topics.USER_COMMANDS, user.key(), command, request, HttpStatus.OK);
    }
}
