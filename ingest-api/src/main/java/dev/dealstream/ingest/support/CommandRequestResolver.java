package dev.dealstream.ingest.support;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives command endpoints their {@link CommandRequest} from the {@code Idempotency-Key} and {@code Prefer} headers. */
final class CommandRequestResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandRequest.class;
    }

    @Override
    public CommandRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return new CommandRequest(CommandHeaders.requestId(request.getHeader(CommandHeaders.IDEMPOTENCY_KEY)),
                CommandHeaders.respondAsync(request.getHeader(CommandHeaders.PREFER)));
    }
}
