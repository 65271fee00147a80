package id.pantau.web.security;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m} with secrets masked (registered for m, msg and message in pantau-logback.xml). */
public class MaskedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return SecretMasking.mask(super.convert(event));
  }
}
