package id.pantau.web.security;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Stack traces with secrets masked: exception messages often quote the URL that failed to open. */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return SecretMasking.mask(super.throwableProxyToString(tp));
  }
}
