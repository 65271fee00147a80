package id.pantau.recorder.health.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeTargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.20.0.1                 | icmp://10.20.0.1",
        "icmp://10.20.0.1          | icmp://10.20.0.1",
        "fd00::1                   | icmp://[fd00::1]",
        "10.20.0.1:22              | tcp://10.20.0.1:22",
        "tcp://10.20.0.1:22        | tcp://10.20.0.1:22",
        "[fd00::1]:22              | tcp://[fd00::1]:22",
        "rtsp://10.20.0.9          | rtsp://10.20.0.9:554/",
        "rtsp://10.20.0.9:8554/cam | rtsp://10.20.0.9:8554/cam",
        "sw-01.noc.local           | icmp://sw-01.noc.local",
        "snmp://10.20.0.1/12       | snmp://10.20.0.1:161/12",
        "SNMP://[fd00::1]:1161/3   | snmp://[fd00::1]:1161/3",
    })
    void parsesWhatOperatorsWrite(String text, String canonical) {
        ProbeTarget t = ProbeTarget.parse(text);
        assertThat(t).hasToString(canonical);
        assertThat(ProbeTarget.parse(t.toString())).isEqualTo(t);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://10.0.0.1     | unknown probe scheme 'http'",
        "tcp://10.0.0.1      | tcp:// needs a port",
        "10.0.0.1:70000      | port out of range: 70000",
        "10.0.0.1:22/x       | a path only goes with rtsp:// or snmp://",
        "snmp://10.0.0.1     | snmp:// needs the switch port's interface index (ifIndex)",
        "snmp://10.0.0.1/0   | snmp:// needs the switch port's interface index (ifIndex)",
        "snmp://10.0.0.1/ge1 | snmp:// needs the switch port's interface index (ifIndex)",
        "snmp://public@10.0.0.1/12 | no credentials in a probe target",
        "rtsp://admin:pw@10.0.0.9/ | no credentials in a probe target",
        "'   '               | a probe target is required",
    })
    void refusesWithAReason(String text, String reason) {
        assertThatThrownBy(() -> ProbeTarget.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void onlySnmpTargetsHaveAnInterfaceIndex() {
        assertThat(ProbeTarget.parse("snmp://10.20.0.1/12").interfaceIndex()).isEqualTo(12);
        assertThatThrownBy(() -> ProbeTarget.parse("10.20.0.1").interfaceIndex())
                .isInstanceOf(IllegalStateException.class);
    }
}
