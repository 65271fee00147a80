package id.pantau.web.security;

import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Everything needs a signed-in user except the sign-in and setup pages, static assets and
 * the health probe ({@link #PUBLIC_PATHS}). Scripts use bearer API tokens; browsers use a session cookie with
 * CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class WebSecurityConfiguration {
  /** The complete list of paths reachable without signing in. The all-endpoints test checks against it. */
  static final String[] PUBLIC_PATHS = {
      "/login", "/setup", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/actuator/health",
      "/actuator/health/**"};

  /** Machine clients get 401 here instead of a redirect to the sign-in page. */
  static final RequestMatcher MACHINE_PATHS = request -> {
    String p = request.getRequestURI().substring(request.getContextPath().length());
    return p.startsWith("/api/") || p.equals("/api") || p.startsWith("/actuator") || p.startsWith("/v3/api-docs");
  };

  // CSP: everything from this origin; blob: for video through Media Source Extensions
  private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:;"
      + " worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none';"
      + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
      ApiTokens tokens, UserRepository users, AuditTrail audit, MeterRegistry meters) throws Exception {
    SignInAudit signInAudit = new SignInAudit(audit, meters);
    AuthenticationEntryPoint api = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
    AuthenticationEntryPoint ui = new LoginUrlAuthenticationEntryPoint("/login");
    http
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(a -> a
            // error pages render the outcome of a request that was already authorised or refused
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers(PUBLIC_PATHS).permitAll()
            .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "TECHNICIAN")
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").hasRole("ADMIN")
            .requestMatchers("/users/**", "/api/users/**", "/audit/**", "/api/audit/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .formLogin(f -> f
            .loginPage("/login")
            .successHandler(signInAudit.successHandler())
            .failureHandler(signInAudit.failureHandler()))
        .logout(l -> l
            .logoutUrl("/logout")
            .addLogoutHandler(signInAudit.logoutHandler())
            .logoutSuccessUrl("/login?signedOut"))
        .csrf(c -> c
            // a bearer token cannot be sent by a third-party page, so such requests need no CSRF token
            .ignoringRequestMatchers(ApiTokenAuthenticationFilter::hasBearer))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(api, MACHINE_PATHS)
            .defaultAuthenticationEntryPointFor(ui, request -> true)
            .accessDeniedHandler(new AnonymousAwareAccessDeniedHandler(api, ui, MACHINE_PATHS)))
        .headers(h -> h
            .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, audit), BasicAuthenticationFilter.class)
        .addFilterAfter(new ActiveUserFilter(users), AnonymousAuthenticationFilter.class);
    return http.build();
  }

}
