package dev.dealstream.ingest.user;

import dev.dealstream.ingest.support.BodyFields;
import dev.dealstream.ingest.support.CommandCall;
import dev.dealstream.ingest.support.CommandEndpoint;
import dev.dealstream.ingest.support.CommandSubmission;
import dev.dealstream.topics.ReasonCode;
import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.user.RegisterUser;
import dev.dealstream.topics.user.User;
import dev.dealstream.web.ApiException;
import dev.dealstream.web.PathIds;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** {@code PUT /api/v1/admin/users/{userId}}: register a user or rename one. */
@Configuration(proxyBeanMethods = false)
class UserAdminController {

    @Bean
    CommandEndpoint userRegistrationEndpoint() {
        return CommandEndpoint.put("/api/v1/admin/users/{userId}", UserAdminController::register);
    }

    private static CommandSubmission register(CommandCall call) {
        UserId user = PathIds.userId(call.pathVariable("userId"));
        String name = BodyFields.text(call.body(), "name", ReasonCode.INVALID_USER);
        if (!User.isValidName(name)) {
            throw new ApiException(ReasonCode.INVALID_USER, "a user name has 1-" + User.MAX_NAME_LENGTH + " characters and is not blank");
        }
        RegisterUser command = new RegisterUser(call.requestId(), user, name, Instant.now());
        return new CommandSubmission(Topics.USER_COMMANDS, user.key(), command, HttpStatus.OK);
    }
}
