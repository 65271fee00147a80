package id.pantau.web.health;

import id.pantau.recorder.health.HealthMonitor;
import id.pantau.recorder.health.RecorderStreams;
import id.pantau.recorder.health.StreamHealthSource;
import id.pantau.recorder.health.alert.AlertDispatcher;
import id.pantau.recorder.health.alert.AlertPolicy;
import id.pantau.recorder.health.alert.AlertSink;
import id.pantau.recorder.health.alert.AlertStore;
import id.pantau.recorder.health.alert.MqttSink;
import id.pantau.recorder.health.alert.WebhookSink;
import id.pantau.recorder.health.history.HealthHistory;
import id.pantau.recorder.health.history.HealthReports;
import id.pantau.recorder.health.probe.CameraAnswers;
import id.pantau.recorder.health.probe.LinkProbes;
import id.pantau.recorder.node.RecorderNode;
import id.pantau.storage.camera.CameraRepository;
import id.pantau.web.VmsProperties;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.site.SiteAdministration;
import id.pantau.web.site.SiteRepository;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camera and link health: history, reports, alert sinks from {@code vms.health.*}, and the monitor itself. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  HealthHistory healthHistory(DataSource dataSource) {
    return new HealthHistory(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  AlertStore alertStore(DataSource dataSource) {
    return new AlertStore(dataSource);
  }

  @Bean
  @DependsOnDatabaseInitialization
  CameraExpectations cameraExpectations(DataSource dataSource) {
    return new CameraExpectations(dataSource);
  }

  @Bean
  HealthReports healthReports(HealthHistory history, Clock clock) {
    return new HealthReports(history, clock);
  }

  @Bean
  TopologyImport topologyImport(SiteAdministration admin, SiteRepository sites, CameraRepository cameras,
      CameraExpectations expectations, AuditTrail audit) {
    return new TopologyImport(admin, sites, cameras, expectations, audit);
  }

  @Bean(destroyMethod = "close")
  LinkProbes linkProbes(HealthProperties props, Clock clock) {
    return new LinkProbes(props.probeThreads(), clock, props.snmpCommunity());
  }

  @Bean(destroyMethod = "close")
  AlertDispatcher alertDispatcher(AlertStore store, HealthProperties props) throws MqttException {
    List<AlertSink> sinks = new ArrayList<>();
    HealthProperties.Webhook w = props.webhook();
    if (w.configured()) {
      sinks.add(new WebhookSink(URI.create(w.url()), w.secret(), w.timeout()));
    }
    HealthProperties.Mqtt m = props.mqtt();
    if (m.configured()) {
      sinks.add(new MqttSink(m.uri(), m.clientId(), m.topicPrefix(), m.username(), m.password(),
          (int) Math.max(1, m.timeout().toSeconds())));
    }
    return new AlertDispatcher(store, sinks);
  }

  @Bean(destroyMethod = "close")
  HealthMonitor healthMonitor(HealthProperties props, VmsProperties vms, SiteRepository sites,
      CameraRepository cameras, CameraExpectations expectations, RecorderNode node, LinkProbes probes,
      HealthHistory history, AlertDispatcher alerts, Clock clock) {
    var settings = props.toSettings();
    StreamHealthSource streams = vms.recorder().enabled()
        ? new RecorderStreams(node::statuses, settings.reconnectWindow()) : StreamHealthSource.NONE;
    return new HealthMonitor(settings, new TopologyReader(sites, cameras, expectations), streams, probes,
        new CameraAnswers(probes.blockingPool()), history, new AlertPolicy(settings.alerts()), alerts, clock);
  }
}
