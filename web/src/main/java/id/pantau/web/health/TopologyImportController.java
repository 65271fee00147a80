package id.pantau.web.health;

import id.pantau.web.audit.AuditContext;
import id.pantau.web.camera.CamerasChanged;
import id.pantau.web.site.TopologyChanged;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/topology/import}: a CSV ({@code text/csv}) or YAML ({@code application/yaml}) sheet of sites,
 * links and camera assignments; {@code dryRun=true} only checks it. Administrators only.
 */
@RestController
class TopologyImportController {
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final TopologyImport importer;
  private final ApplicationEventPublisher events;

  TopologyImportController(TopologyImport importer, ApplicationEventPublisher events) {
    this.importer = importer;
    this.events = events;
  }

  @PostMapping(path = "/api/topology/import", consumes = {"text/csv", "application/yaml", "application/x-yaml",
      "text/yaml", MediaType.TEXT_PLAIN_VALUE})
  @PreAuthorize("hasRole('ADMIN')")
  TopologyImport.Result importSheet(@RequestBody String body,
      @RequestHeader("Content-Type") String contentType, @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication auth, HttpServletRequest request) {
    if (body.length() > MAX_BYTES) {
      throw new InvalidHealthRequest("body", "at most " + MAX_BYTES / 1024 + " KiB per import");
    }
    List<TopologyImport.RowError> errors = new ArrayList<>();
    List<TopologyRows.Row> rows = contentType.toLowerCase().contains("yaml") ? TopologyRows.yaml(body, errors)
        : TopologyRows.csv(body, errors);
    TopologyImport.Result result = importer.importRows(rows, errors, dryRun, AuditContext.of(auth, request));
    if (!dryRun) {
      events.publishEvent(new TopologyChanged("import"));
      events.publishEvent(new CamerasChanged(null));
    }
    return result;
  }
}
