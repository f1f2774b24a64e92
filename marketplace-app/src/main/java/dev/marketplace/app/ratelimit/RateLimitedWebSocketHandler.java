package dev.marketplace.app.ratelimit;

import java.time.Duration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The GraphQL WebSocket handler, closing a socket with 4429 once {@link WebSocketRateLimit} marked it for going on
 * over the limit: interceptors see the session's attributes but cannot close it themselves.
 */
class RateLimitedWebSocketHandler extends GraphQlWebSocketHandler {

    static final CloseStatus TOO_MANY_REQUESTS = new CloseStatus(4429, "Too many requests");

    RateLimitedWebSocketHandler(WebGraphQlHandler handler, HttpMessageConverter<?> converter,
                                Duration initTimeout, Duration keepAlive) {
        super(handler, converter, initTimeout, keepAlive);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        super.handleTextMessage(session, message);
        if (Boolean.TRUE.equals(session.getAttributes().get(WebSocketRateLimit.CLOSE)) && session.isOpen()) {
            session.close(TOO_MANY_REQUESTS);
        }
    }
}
