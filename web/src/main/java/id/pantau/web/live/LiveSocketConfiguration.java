package id.pantau.web.live;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The live socket endpoint; the default same-origin check stays on (no cross-site page can open it). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
class LiveSocketConfiguration implements WebSocketConfigurer {
  private final LiveSocketHandler handler;
  private final LiveHandshake handshake;

  LiveSocketConfiguration(LiveSocketHandler handler, LiveHandshake handshake) {
    this.handler = handler;
    this.handshake = handshake;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry.addHandler(handler, LiveHandshake.PATH_PREFIX + "*").addInterceptors(handshake);
  }
}
