package id.pantau.web.ui;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** English and Bahasa Indonesia: {@code ?lang=id} or {@code ?lang=en} switches, a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class UiConfiguration implements WebMvcConfigurer {
  static final Locale INDONESIAN = Locale.forLanguageTag("id");

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver r = new CookieLocaleResolver("PANTAU_LANG");
    r.setDefaultLocale(Locale.ENGLISH);
    r.setCookieMaxAge(Duration.ofDays(365));
    r.setCookieHttpOnly(true);
    r.setCookieSameSite("Lax");
    return r;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    registry.addInterceptor(lang);
  }
}
