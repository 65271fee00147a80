package id.pantau.recorder.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.recorder.health.state.ProbeResult;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * The SNMP link probe against a switch played by an SNMP4J command responder on 127.0.0.1 (real UDP, real BER),
 * and the decision on its answers as a table.
 */
class SnmpProbeTest {

    static final String COMMUNITY = "noc-read-7f3a";

    Snmp agent;
    int agentPort;
    final Map<OID, Integer> mib = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    SnmpProbe probe;

    @BeforeEach
    void startSwitch() throws Exception {
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"));
        agent = new Snmp(transport);
        agent.addCommandResponder(new SwitchAgent());
        transport.listen();
        agentPort = transport.getListenAddress().getPort();
        probe = new SnmpProbe(COMMUNITY, Runnable::run, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        probe.close();
        agent.close();
    }

    @Test
    void aPortWithLinkAnswers() throws Exception {
        port(12, 1, 1);
        ProbeResult r = probe(12);
        assertThat(r.answered()).isTrue();
        assertThat(r.latencyMs()).isBetween(0L, 1000L);
        assertThat(requests).hasValue(1);
    }

    @Test
    void aPortWithoutLinkIsTheLinksFault() throws Exception {
        port(12, 1, 2);
        port(13, 1, 7);
        assertThat(probe(12).detail()).isEqualTo("switch port 12 is down (ifOperStatus 2): no link on the port");
        assertThat(probe(13).detail())
                .isEqualTo("switch port 13 is lowerLayerDown (ifOperStatus 7): no link on the port");
    }

    @Test
    void aDisabledPortAndAMissingOneAreNamed() throws Exception {
        port(12, 2, 2);
        assertThat(probe(12).detail()).isEqualTo("switch port 12 is disabled (ifAdminStatus down)");
        assertThat(probe(40).detail()).isEqualTo("switch has no interface 40");
    }

    @Test
    void aWrongCommunityGetsNoAnswerAndNoCommunityIsSaid() throws Exception {
        port(12, 1, 1);
        try (SnmpProbe wrong = new SnmpProbe("public", Runnable::run, Clock.systemUTC());
             SnmpProbe none = new SnmpProbe(null, Runnable::run, Clock.systemUTC())) {
            ProbeTarget target = ProbeTarget.parse("snmp://127.0.0.1:" + agentPort + "/12");
            ProbeResult silent = wrong.probe(target, 300).get(5, TimeUnit.SECONDS);
            assertThat(silent.answered()).isFalse();
            assertThat(silent.detail()).isEqualTo("no SNMP answer within 300 ms");
            assertThat(none.probe(target, 300).get(5, TimeUnit.SECONDS).detail())
                    .isEqualTo("no SNMP community configured (vms.health.snmp-community)");
        }
    }

    @Test
    void aSilentSwitchTimesOutThroughLinkProbes() throws Exception {
        agent.close(); // the switch is gone: nothing listens on its port any more
        try (LinkProbes probes = new LinkProbes(1, Clock.systemUTC(), COMMUNITY)) {
            ProbeResult r = probes.probe(ProbeTarget.parse("snmp://127.0.0.1:" + agentPort + "/12"), 300)
                    .get(5, TimeUnit.SECONDS);
            assertThat(r.answered()).isFalse();
            assertThat(r.detail()).isEqualTo("no SNMP answer within 300 ms");
        }
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(null, null, "no SNMP answer within 500 ms"),
                Arguments.of(1, 1, null),
                Arguments.of(2, 1, null), // a port with link counts, whatever its admin status says
                Arguments.of(1, 2, "switch port 5 is down (ifOperStatus 2): no link on the port"),
                Arguments.of(1, 5, "switch port 5 is dormant (ifOperStatus 5): no link on the port"),
                Arguments.of(1, 9, "switch port 5 is status 9 (ifOperStatus 9): no link on the port"),
                Arguments.of(2, 2, "switch port 5 is disabled (ifAdminStatus down)"),
                Arguments.of(-1, 1, "switch has no interface 5"));
    }

    @ParameterizedTest(name = "admin {0}, oper {1}")
    @MethodSource("answers")
    void judgesTheSwitchsAnswer(Integer admin, Integer oper, String detail) {
        PDU response = null;
        if (admin != null) {
            response = new PDU();
            response.setType(PDU.RESPONSE);
            response.add(binding(SnmpProbe.IF_ADMIN_STATUS, 5, admin));
            response.add(binding(SnmpProbe.IF_OPER_STATUS, 5, oper));
        }
        ProbeResult r = SnmpProbe.judge(response, 5, 3, 500, 1000);
        assertThat(r.answered()).isEqualTo(detail == null);
        assertThat(r.detail()).isEqualTo(detail);
        assertThat(r.atWallMs()).isEqualTo(1000);
    }

    @Test
    void anErrorStatusIsNamed() {
        PDU response = new PDU();
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.genErr);
        assertThat(SnmpProbe.judge(response, 5, 3, 500, 0).detail()).isEqualTo("SNMP error from switch: General variable binding error");
    }

    private static VariableBinding binding(OID column, int ifIndex, int value) {
        Variable v = value < 0 ? Null.noSuchInstance : new Integer32(value);
        return new VariableBinding(new OID(column).append(ifIndex), v);
    }

    private ProbeResult probe(int ifIndex) throws Exception {
        return probe.probe(ProbeTarget.parse("snmp://127.0.0.1:" + agentPort + "/" + ifIndex), 2000)
                .get(5, TimeUnit.SECONDS);
    }

    private void port(int ifIndex, int admin, int oper) {
        mib.put(new OID(SnmpProbe.IF_ADMIN_STATUS).append(ifIndex), admin);
        mib.put(new OID(SnmpProbe.IF_OPER_STATUS).append(ifIndex), oper);
    }

    /** Answers GETs from {@link #mib} for the right community; ignores the rest, as switches do. */
    private final class SwitchAgent implements CommandResponder {
        @Override
        public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
            if (!COMMUNITY.equals(new String(event.getSecurityName(), java.nio.charset.StandardCharsets.US_ASCII))
                    || event.getPDU().getType() != PDU.GET) {
                return;
            }
            requests.incrementAndGet();
            PDU response = (PDU) event.getPDU().clone();
            response.setType(PDU.RESPONSE);
            response.setErrorStatus(PDU.noError);
            response.setErrorIndex(0);
            for (VariableBinding vb : response.getVariableBindings()) {
                Integer value = mib.get(vb.getOid());
                vb.setVariable(value == null ? Null.noSuchInstance : new Integer32(value));
            }
            try {
                event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
                        event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(), response,
                        event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
            } catch (org.snmp4j.MessageException e) {
                throw new IllegalStateException(e);
            }
            event.setProcessed(true);
        }
    }
}
